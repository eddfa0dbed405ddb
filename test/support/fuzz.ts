/**
 * Sizing of the property-based suites: small default runs so the whole fuzz suite stays well
 * under 20 s in CI, scaled up with `FUZZ_RUNS=<n>` (runs per property) for a long hunt, and
 * replayable with `FUZZ_SEED=<seed>` (fast-check prints the seed and path of any failure).
 */
import type { Parameters } from 'fast-check';

/** Runs per property: `FUZZ_RUNS` when set, else `defaultRuns`. */
export function fuzzRuns(defaultRuns: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : defaultRuns;
}

/** True when the suite was scaled up: tests lift their mocha timeouts then. */
export function scaledUp(): boolean {
  return Number(process.env.FUZZ_RUNS) > 0;
}

/** fast-check parameters for one property with `defaultRuns` runs by default. */
export function fuzzParameters<T>(defaultRuns: number): Parameters<T> {
  const seed = Number(process.env.FUZZ_SEED);
  return {
    numRuns: fuzzRuns(defaultRuns),
    ...(Number.isFinite(seed) && process.env.FUZZ_SEED ? { seed } : {}),
    // Long runs are about finding a failure, not about shrinking it for hours.
    ...(scaledUp() ? { endOnFailure: true } : {}),
  };
}

/** Mocha timeout for a property: generous by default, unlimited when scaled up. */
export function fuzzTimeout(defaultMs = 20_000): number {
  return scaledUp() ? 0 : defaultMs;
}
