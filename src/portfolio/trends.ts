/**
 * Trends: for each metric of the pattern, each subject's values over the periods (oldest first),
 * for small multiples and sparklines. Only dated analyses can be placed on a time axis.
 */
import type { PatternIndex } from '../model/patternIndex';
import { comparePeriods, periodKey } from './periods';
import { bySubject, columnsOf, newestFirst, ofPattern, subjectName } from './subjects';
import type { IndexEntry, MetricTrend, TrendPoint, TrendSeries } from './types';

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
      const points = subjectSeries(group, column.metricId);
      if (points.length === 0) continue;
      series.push({ subject: subjectName(group[0], pattern), ...(group[0].companyId && { companyId: group[0].companyId }), points });
    }
    series.sort((a, b) => a.subject.localeCompare(b.subject));
    return { column, series };
  });
}

/** One subject's dated values of a metric, oldest first, one per period. */
export function subjectSeries(entries: readonly IndexEntry[], metricId: string): TrendPoint[] {
  const byPeriod = new Map<string, TrendPoint>();
  for (const e of newestFirst(entries)) {
    const period = e.period?.period;
    if (!period) continue;
    const key = periodKey(e.period);
    if (byPeriod.has(key)) continue;
    const m = e.metrics.find((x) => x.metricId === metricId);
    if (!m) continue;
    byPeriod.set(key, { period, value: m.value, verdict: m.verdict, location: { uri: e.uri, range: m.range } });
  }
  return [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period));
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
    const chosen = [...trend.series]
      .sort((a, b) => Number(b.companyId !== undefined) - Number(a.companyId !== undefined) || b.points.length - a.points.length || a.subject.localeCompare(b.subject))
      .slice(0, max)
      .sort((a, b) => a.subject.localeCompare(b.subject));
    chosen.forEach((s) => shown.add(s.subject));
    return { ...trend, series: chosen };
  });
  return { trends: limited, shown: shown.size, total: all.size };
}
