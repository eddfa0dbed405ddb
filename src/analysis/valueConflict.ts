/**
 * When two stated values of one metric CONTRADICT each other, for the `conflicting-value` rule
 * (within one analysis and across analyses). Deliberately narrow: only two exact single values in
 * the same unit that differ beyond their written precision. A range ("70–75%"), an approximation
 * ("~72%", "about 72%") or a bound ("over 90%") states a span, not a figure, and never conflicts;
 * "72%" and "72.4%" agree (one is the other rounded).
 */
import type { StatedValue } from './types';

export type ComparableValue = Pick<StatedValue, 'kind' | 'low' | 'high' | 'qualifier' | 'currency'>;

/**
 * Decimal places of a number as the analysis wrote it (after normalisation: "0.72" of a percent is
 * 72): the same answer as {@link decimalsWritten}, without writing the number out for the usual
 * value. Why: writing it out was the largest part of comparing a statement with its scorecard.
 * When `n * 10^d` (d ≤ 6) is an integer k below 10^11 that does not end in 0, n is within a
 * rounding error (relative 2^-53) of k / 10^d, which has at most 11 significant digits: so
 * toPrecision(12) writes exactly k / 10^d, and String gives it back with d decimals (no exponent
 * from 10^-6 up). Any other number is written out. test/unit/analysis/valueConflict.test.ts holds
 * the two equal.
 */
export function decimals(n: number): number {
  // Whole numbers (most values) have none: no string to build.
  if (Number.isInteger(n)) return 0;
  for (let d = 1, scale = 10; d <= 6; d++, scale *= 10) {
    const k = n * scale;
    if (Number.isInteger(k)) {
      if (Math.abs(k) < 1e11 && k % 10 !== 0) return d;
      break;
    }
  }
  return decimalsWritten(n);
}

/** What {@link decimals} means: the decimals of the number written to 12 significant digits. */
export function decimalsWritten(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(Number(n.toPrecision(12)));
  const dot = s.indexOf('.');
  return dot < 0 || s.includes('e') ? 0 : s.length - dot - 1;
}

/** True when `a` and `b` are exact single values of the same unit that differ beyond rounding. */
export function valuesConflict(a: ComparableValue, b: ComparableValue): boolean {
  return conflictsWith(a)(b);
}

/**
 * `valuesConflict(a, ·)` for many values compared with one (a scorecard value with every statement
 * of its metric): the decimals of `a` are counted once, on the first comparison that needs them.
 * Why: counting them writes the number out as a string, the largest part of a comparison.
 */
export function conflictsWith(a: ComparableValue): (b: ComparableValue) => boolean {
  let aPlaces = -1;
  return (b) => {
    if (a.qualifier || b.qualifier) return false;
    if (a.low !== a.high || b.low !== b.high) return false;
    if (a.kind !== b.kind || (a.currency ?? '') !== (b.currency ?? '')) return false;
    if (!Number.isFinite(a.low) || !Number.isFinite(b.low)) return false;
    if (aPlaces < 0) aPlaces = decimals(a.low);
    const places = Math.min(aPlaces, decimals(b.low));
    const scale = 10 ** places;
    return Math.round(a.low * scale) !== Math.round(b.low * scale);
  };
}
