/**
 * Loaded by mocha before the unit suite (.mocharc.unit.json `require`): when `FUZZ_RUNS` scales the
 * fuzz up, every fast-check property that does not size itself through {@link fuzzParameters}
 * (the scanner, snippet and render fast-path properties) is scaled too, so a long hunt covers all
 * of them, not only the ones under test/unit/fuzz. `FUZZ_SEED` replays any of them.
 */
import fc from 'fast-check';
import { fuzzRuns, scaledUp } from './fuzz';

if (scaledUp()) {
  const seed = Number(process.env.FUZZ_SEED);
  fc.configureGlobal({ numRuns: fuzzRuns(100), endOnFailure: true, ...(process.env.FUZZ_SEED && Number.isFinite(seed) ? { seed } : {}) });
}
