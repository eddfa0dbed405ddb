/**
 * Timing on a shared, noisy 2-core machine: warm up first, interleave the reference and the
 * subject (A B B A ...) so that a burst of load from a neighbour hits both alike, and report
 * medians, never means. A ratio is computed only between numbers taken in the same run.
 */
import { performance } from 'node:perf_hooks';

type ExposedGc = (options?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async' }) => void;

/**
 * A full (major) collection when node runs with --expose-gc, so one sample's garbage does not bill
 * the next, that keeps the compiled code. Why not plain `gc()`: V8 treats that as a *forced*
 * collection and force-flushes every function's bytecode, so all code after it runs interpreted
 * and is optimized again. Measured on markdown-it's parse of a 4 KB analysis (node 20): 0.2 ms per
 * call warm, 1.5–10 ms per call for the next hundred or so calls after `gc()`, and every parser
 * function re-optimized (--trace-opt); after `gc({ type: 'major' })`, 0.2 ms at once and nothing
 * re-optimized. An editor's extension host is never made to flush its code between two edits, so
 * a figure timed after `gc()` measured the JIT warming up again, most of all at small sizes and
 * for the side with more code. {@link collectAllGarbage} is the forced one, for heap figures.
 */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: ExposedGc }).gc;
  if (gc) gc({ type: 'major', execution: 'sync' });
}

/** The forced collection (compiled code flushed too): the smallest heap, for memory figures, never before a timing. */
export function collectAllGarbage(): void {
  const gc = (globalThis as { gc?: ExposedGc }).gc;
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
  const t = timeCalls(fn, minMs);
  return t.ms / t.calls;
}

/** Calls `fn` until at least `minMs` have passed (at least once): the time taken and the calls made. */
function timeCalls(fn: () => unknown, minMs: number): { ms: number; calls: number } {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return { ms: elapsed, calls };
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
  /** Alternating slices each round's samples were taken in (1: one sample per side). */
  readonly slices: number;
}

function paired(ref: readonly number[], sub: readonly number[], slices = 1): PairTiming {
  const ratios = ref.map((r, i) => sub[i] / r);
  return { reference: median(ref), subject: median(sub), referenceSamples: ref, subjectSamples: sub, ratio: median(ratios), ratios, slices };
}

export interface PairOptions {
  readonly warmup: number;
  /**
   * After the `warmup` calls, each side keeps being called until it has run this long, so both are
   * timed as an editor's long-lived host runs them: optimised. Three calls left a 4 KB analysis
   * mostly unoptimised for the first rounds (0.65 ms a call in the bench against 0.22 ms warm), and
   * the side with more code to optimise paid most. The first analysis after opening a file is
   * timed where it happens, in the real workbench (open → first diagnostics).
   */
  readonly warmupMs?: number;
  readonly repetitions: number;
  /** Each sample repeats the call until this many ms have passed (0: one call per sample). */
  readonly minSampleMs?: number;
  /**
   * Each round's two samples are taken as this many alternating slices (A B B A …, each
   * minSampleMs / slices long, garbage collected before the round only), summed per side: a burst of load
   * from a neighbour lasting less than a sample then falls on both sides alike instead of on one
   * round's one side. Default 1 (one sample per side per round).
   */
  readonly slices?: number;
}

/**
 * How many slices a round's samples are cut into: as asked, but never so many that one call
 * (the slowest warm-up call of either side) outlasts a slice; a call of a whole sample's length
 * gets one slice, as before.
 */
export function pairSlices(options: PairOptions, callMs: number): number {
  const asked = Math.max(1, Math.floor(options.slices ?? 1));
  const minMs = options.minSampleMs ?? 0;
  if (asked === 1 || minMs <= 0) return 1;
  const fit = callMs > 0 ? Math.floor(minMs / callMs) : asked;
  return Math.max(1, Math.min(asked, fit));
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
  if (options.warmupMs) {
    timeOnce(reference, options.warmupMs);
    timeOnce(subject, options.warmupMs);
  }
  // A call's length, warm, for the slicing (not a first call: that one compiles): each side
  // repeated for a slice's length, untimed otherwise.
  let slowest = 0;
  if ((options.slices ?? 1) > 1 && (options.minSampleMs ?? 0) > 0) {
    const sliceMs = (options.minSampleMs ?? 0) / (options.slices ?? 1);
    for (const fn of [reference, subject]) slowest = Math.max(slowest, timeOnce(fn, sliceMs));
  }
  const ref: number[] = [];
  const sub: number[] = [];
  const slices = pairSlices(options, slowest);
  const sliceMs = (options.minSampleMs ?? 0) / slices;
  for (let i = 0; i < options.repetitions; i++) {
    // Per side: time and calls summed over the round's slices; which side goes first alternates.
    const total = [{ ms: 0, calls: 0 }, { ms: 0, calls: 0 }];
    for (let k = 0; k < slices; k++) {
      const order = (i + k) % 2 === 0 ? [0, 1] : [1, 0];
      for (const which of order) {
        // A collection before each side's first slice of the round, not before every slice: a
        // slice of a few ms would then rarely meet a collection, and the cost of collecting each
        // side's garbage would leave the figures, flattering the side that makes more of it.
        if (k === 0) collectGarbage();
        const t = timeCalls(which === 0 ? reference : subject, sliceMs);
        total[which].ms += t.ms;
        total[which].calls += t.calls;
      }
    }
    ref.push(total[0].ms / total[0].calls);
    sub.push(total[1].ms / total[1].calls);
  }
  return paired(ref, sub, slices);
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
