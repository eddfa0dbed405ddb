/**
 * Timing on a shared, noisy 2-core machine: warm up first, interleave the reference and the
 * subject (A B B A ...) so that a burst of load from a neighbour hits both alike, and report
 * medians, never means. A ratio is computed only between numbers taken in the same run.
 */
import { performance } from 'node:perf_hooks';

/** Forces a full collection when node runs with --expose-gc, so one sample's garbage does not bill the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/** The median; of an even count, the mean of the middle two (the lower one alone would flatter a ratio of two rounds). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100) of a sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** Milliseconds one call of `fn` takes (repeated until at least `minMs` to beat timer resolution). */
export function timeOnce(fn: () => unknown, minMs = 0): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return elapsed / calls;
}

/** A sample's spread: its extremes, quartiles (nearest rank) and median, and how many values it has. */
export interface Spread {
  readonly n: number;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

export function spreadOf(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { n: 0, min: NaN, q1: NaN, median: NaN, q3: NaN, max: NaN };
  return { n: finite.length, min: Math.min(...finite), q1: percentile(finite, 25), median: median(finite), q3: percentile(finite, 75), max: Math.max(...finite) };
}

export interface PairTiming {
  /** Median milliseconds per call of the reference and the subject. */
  readonly reference: number;
  readonly subject: number;
  readonly referenceSamples: readonly number[];
  readonly subjectSamples: readonly number[];
  /**
   * Median of the per-round ratios subject/reference (each round times both back to back), which
   * cancels slow swings of the machine's load better than a ratio of the two medians.
   */
  readonly ratio: number;
  /** The per-round ratios subject/reference, whose spread says how far the median can be trusted. */
  readonly ratios: readonly number[];
}

function paired(ref: readonly number[], sub: readonly number[]): PairTiming {
  const ratios = ref.map((r, i) => sub[i] / r);
  return { reference: median(ref), subject: median(sub), referenceSamples: ref, subjectSamples: sub, ratio: median(ratios), ratios };
}

export interface PairOptions {
  readonly warmup: number;
  readonly repetitions: number;
  /** Each sample repeats the call until this many ms have passed (0: one call per sample). */
  readonly minSampleMs?: number;
}

/**
 * Times `reference` and `subject` interleaved A B B A A B ..., after `warmup` rounds of each that
 * are thrown away (JIT, caches). Garbage is collected before every sample when it can be.
 */
export function timePair(reference: () => unknown, subject: () => unknown, options: PairOptions): PairTiming {
  for (let i = 0; i < options.warmup; i++) {
    reference();
    subject();
  }
  const ref: number[] = [];
  const sub: number[] = [];
  for (let i = 0; i < options.repetitions; i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const which of order) {
      collectGarbage();
      if (which === 0) ref.push(timeOnce(reference, options.minSampleMs));
      else sub.push(timeOnce(subject, options.minSampleMs));
    }
  }
  return paired(ref, sub);
}

/** The same for asynchronous work (child processes, a browser). */
export async function timePairAsync(
  reference: () => Promise<number>,
  subject: () => Promise<number>,
  options: { warmup: number; repetitions: number },
): Promise<PairTiming> {
  for (let i = 0; i < options.warmup; i++) {
    await reference();
    await subject();
  }
  const { ref, sub } = await interleaved(reference, subject, options.repetitions);
  return paired(ref, sub);
}

/**
 * Runs `reference` and `subject` `rounds` times each, interleaved A B B A A B ..., so a burst of
 * load falls on both alike; what each call returned, in round order.
 */
export async function interleaved<T>(reference: () => Promise<T>, subject: () => Promise<T>, rounds: number): Promise<{ ref: T[]; sub: T[] }> {
  const ref: T[] = [];
  const sub: T[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      ref.push(await reference());
      sub.push(await subject());
    } else {
      sub.push(await subject());
      ref.push(await reference());
    }
  }
  return { ref, sub };
}
