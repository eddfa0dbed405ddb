/**
 * The numbers behind every chart: a metric's value axis (from the unit's possible range, widened
 * to fit the values and the benchmark, never invented) and the mapping of values to pixels. Pure
 * geometry, unit-tested; the SVG writers only print what these return.
 */
import type { Benchmark, MetricUnit } from '../../model/types';

export interface Domain {
  readonly min: number;
  readonly max: number;
}

/** A value to show on a chart: one number, or a span for a range ("70–75%"). */
export interface ChartValue {
  readonly low: number;
  readonly high: number;
}

/**
 * The axis of a metric: a percentage with a fixed 0–100 range uses it; otherwise from 0 (or the
 * lowest value, if negative) to a little above the largest value or threshold, rounded to a nice
 * number, so a threshold never sits on the chart's edge.
 */
export function metricDomain(unit: MetricUnit, benchmark: Benchmark | undefined, values: readonly ChartValue[]): Domain {
  const finite = values.filter((v) => Number.isFinite(v.low) && Number.isFinite(v.high));
  const lows = finite.map((v) => v.low);
  const highs = finite.map((v) => v.high);
  if (benchmark) {
    lows.push(benchmark.value);
    highs.push(benchmark.value);
  }
  const lo = Math.min(0, ...lows);
  const hi = Math.max(...highs, lo + 1);
  if (unit.kind === 'percent' && unit.min === 0 && unit.max === 100 && hi <= 100 && lo >= 0) return { min: 0, max: 100 };
  const min = lo < 0 ? -niceCeil(-lo * 1.1) : 0;
  return { min, max: niceCeil(hi * 1.15) };
}

/** The smallest of 1, 2, 2.5, 5 × 10^n at or above `x` (x > 0). */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x - 1e-9 * p) return m * p;
  return 10 * p;
}

/** Pixel position of `v` on an axis from `from` to `to` pixels; values outside the domain are clamped to its ends. */
export function scale(domain: Domain, from: number, to: number, v: number): number {
  const span = domain.max - domain.min || 1;
  const t = Math.min(1, Math.max(0, (v - domain.min) / span));
  return round(from + t * (to - from));
}

/** Two decimals are plenty for SVG and keep the markup short and stable. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The side of the threshold that meets the benchmark, as a span of the domain. */
export function meetsSpan(domain: Domain, benchmark: Benchmark): Domain {
  const higher = benchmark.comparator === '>' || benchmark.comparator === '>=';
  return higher ? { min: Math.max(domain.min, benchmark.value), max: domain.max } : { min: domain.min, max: Math.min(domain.max, benchmark.value) };
}
