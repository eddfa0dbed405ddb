/**
 * Trends: for each metric of the pattern, each subject's values over the periods (oldest first),
 * for small multiples and sparklines. Only dated analyses can be placed on a time axis.
 */
import type { PatternIndex } from '../model/patternIndex';
import { comparePeriods, periodKey } from './periods';
import { bySubject, columnsOf, compareText, newestFirst, ofPattern, subjectName } from './subjects';
import type { IndexEntry, MetricTrend, Period, TrendPoint, TrendSeries } from './types';

/**
 * One trend per metric, in the model's order; a subject appears in a metric's trend when at least
 * one of its dated analyses states that metric. Two analyses of one subject and period: the one
 * {@link newestFirst} puts first (by uri) gives the point; the conflict rule reports any difference.
 */
export function metricTrends(entries: readonly IndexEntry[], pattern: PatternIndex): MetricTrend[] {
  const groups = [...bySubject(ofPattern(entries, pattern)).values()].map((g) => newestFirst(g));
  return columnsOf(pattern).map((column) => {
    const series: TrendSeries[] = [];
    for (const group of groups) {
      const points = seriesOfSorted(group, column.metricId);
      if (points.length === 0) continue;
      series.push({ subject: subjectName(group[0], pattern), ...(group[0].companyId && { companyId: group[0].companyId }), points });
    }
    series.sort((a, b) => compareText(a.subject, b.subject));
    return { column, series };
  });
}

/** One subject's dated values of a metric, oldest first, one per period. */
export function subjectSeries(entries: readonly IndexEntry[], metricId: string): TrendPoint[] {
  return seriesOfSorted(newestFirst(entries), metricId);
}

/** {@link subjectSeries} of entries already {@link newestFirst}. */
export function seriesOfSorted(sorted: readonly IndexEntry[], metricId: string): TrendPoint[] {
  return seriesByMetric(sorted, [metricId])[0];
}

/**
 * Each metric's {@link subjectSeries} of entries already {@link newestFirst}, in one pass over them
 * (a live portfolio computes a thousand subjects' series when it opens). Per metric and period, the
 * newest analysis of that period that states the metric gives the point. Sorted newest first, an
 * entry's period is never newer than the one before it and one period's entries are side by side:
 * a metric's point of a period is the first one met, and its points come newest first (no set of
 * periods seen, no sort). Entries in any other order are taken the general way.
 */
export function seriesByMetric(sorted: readonly IndexEntry[], metricIds: readonly string[]): TrendPoint[][] {
  const column = new Map(metricIds.map((id, i) => [id, i]));
  const out = metricIds.map((): TrendPoint[] => []);
  const last: (Period | undefined)[] = metricIds.map(() => undefined);
  let previous: Period | undefined;
  for (const e of sorted) {
    const period = e.period?.period;
    if (!period) continue;
    if (previous && comparePeriods(previous, period) < 0) return seriesByMetricOfAny(sorted, metricIds);
    previous = period;
    for (const m of e.metrics) {
      const i = column.get(m.metricId);
      if (i === undefined) continue;
      const l = last[i];
      if (l && comparePeriods(l, period) === 0) continue;
      last[i] = period;
      out[i].push({ period, value: m.value, verdict: m.verdict, location: { uri: e.uri, range: m.range } });
    }
  }
  for (const points of out) points.reverse();
  return out;
}

/** {@link seriesByMetric} of entries in any order (the periods seen kept per metric). */
function seriesByMetricOfAny(sorted: readonly IndexEntry[], metricIds: readonly string[]): TrendPoint[][] {
  const out = metricIds.map((): TrendPoint[] => []);
  const seen = metricIds.map(() => new Set<string>());
  for (const e of sorted) {
    const period = e.period?.period;
    if (!period) continue;
    const key = periodKey(e.period);
    for (let i = 0; i < metricIds.length; i++) {
      if (seen[i].has(key)) continue;
      const m = e.metrics.find((x) => x.metricId === metricIds[i]);
      if (!m) continue;
      seen[i].add(key);
      out[i].push({ period, value: m.value, verdict: m.verdict, location: { uri: e.uri, range: m.range } });
    }
  }
  for (const points of out) points.sort((a, b) => comparePeriods(a.period, b.period));
  return out;
}

/** The trends as a view shows them when a portfolio is large: at most `max` subjects per metric. */
export interface LimitedTrends {
  readonly trends: readonly MetricTrend[];
  /** Subjects drawn in at least one metric's small multiples, and subjects with any trend. */
  readonly shown: number;
  readonly total: number;
}

/**
 * At most `max` subjects' small multiples per metric: the pattern's own companies first, then the
 * subjects with the most periods, then by name (drawn by name, as always). A thousand subjects'
 * charts per metric are megabytes of SVG nobody can read, and the panel would take seconds to draw.
 */
export function limitTrends(trends: readonly MetricTrend[], max: number): LimitedTrends {
  const all = new Set<string>();
  const shown = new Set<string>();
  const limited = trends.map((trend) => {
    trend.series.forEach((s) => all.add(s.subject));
    if (trend.series.length <= max) {
      trend.series.forEach((s) => shown.add(s.subject));
      return trend;
    }
    const chosen = firstOf(trend.series, max, (a, b) => Number(b.companyId !== undefined) - Number(a.companyId !== undefined) || b.points.length - a.points.length || compareText(a.subject, b.subject))
      .sort((a, b) => compareText(a.subject, b.subject));
    chosen.forEach((s) => shown.add(s.subject));
    return { ...trend, series: chosen };
  });
  return { trends: limited, shown: shown.size, total: all.size };
}

/**
 * The first `max` items in `order`, as `[...items].sort(order).slice(0, max)` gives them, without
 * sorting them all: the panel limits a thousand series per metric on every change.
 */
function firstOf<T>(items: readonly T[], max: number, order: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === max && order(item, best[max - 1]) >= 0) continue;
    // After every item it does not come before: a stable sort keeps ties in their first order.
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(item, best[mid]) < 0) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, item);
    if (best.length > max) best.pop();
  }
  return best;
}
