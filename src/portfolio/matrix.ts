/**
 * The portfolio matrix: one row per subject, one column per metric of the pattern, each cell the
 * value of the latest analysis (as of a period, if asked) that states that metric.
 */
import type { PatternIndex } from '../model/patternIndex';
import { comparePeriods, periodKey } from './periods';
import { bySubject, columnsOf, compareText, newestFirst, ofPattern, subjectName } from './subjects';
import type { IndexEntry, Matrix, MatrixCell, MatrixColumn, MatrixRow, Period } from './types';

/**
 * The matrix of `pattern`'s analyses. With `asOf`, analyses of later periods are left out (and so
 * are undated ones, which cannot be placed); without it, an undated analysis fills a cell only
 * when no dated analysis of the subject states that metric, and its period shows as written.
 */
export function portfolioMatrix(entries: readonly IndexEntry[], pattern: PatternIndex, asOf?: Period): Matrix {
  const mine = ofPattern(entries, pattern);
  const columns = columnsOf(pattern);
  const rows: MatrixRow[] = [];
  for (const group of bySubject(mine).values()) {
    const row = matrixRow(newestFirst(group), columns, pattern, asOf);
    if (row) rows.push(row);
  }
  rows.sort((a, b) => compareText(a.subject, b.subject));

  const periods = new Map<string, Period>();
  for (const e of mine) if (e.period?.period) periods.set(periodKey(e.period), e.period.period);
  return {
    patternId: pattern.model.id,
    patternName: pattern.model.name,
    columns,
    rows,
    ...(asOf && { asOf }),
    periods: [...periods.values()].sort(comparePeriods),
    unreadablePeriods: mine
      .filter((e) => e.period && !e.period.period)
      .map((e) => ({ uri: e.uri, written: e.period?.written ?? '', ...(e.subject && { subject: e.subject }) }))
      // By file, not in the order files happened to be found.
      .sort((a, b) => compareText(a.uri, b.uri)),
  };
}

/**
 * The row of one subject's analyses, {@link newestFirst}: each cell from the newest analysis (as of
 * `asOf`) that states the metric. Always a row (possibly of empty cells) when the subject has an
 * analysis at all, as the whole matrix shows it.
 */
export function matrixRow(sorted: readonly IndexEntry[], columns: readonly MatrixColumn[], pattern: PatternIndex, asOf?: Period): MatrixRow | undefined {
  if (sorted.length === 0) return undefined;
  const candidates = sorted.filter((e) => !asOf || (e.period?.period && e.period.period.end <= asOf.end));
  const cells = columns.map((col): MatrixCell | undefined => {
    for (const e of candidates) {
      const m = e.metrics.find((x) => x.metricId === col.metricId);
      if (!m) continue;
      return {
        metricId: m.metricId,
        value: m.value,
        verdict: m.verdict,
        verdictMessage: m.verdictMessage,
        ...(e.period && { period: e.period }),
        location: { uri: e.uri, range: m.range },
        ...(m.source && { source: m.source }),
      };
    }
    return undefined;
  });
  // The row is named as its newest analysis names it.
  const named = candidates[0] ?? sorted[0];
  return { subject: subjectName(named, pattern), ...(named.companyId && { companyId: named.companyId }), cells, analyses: sorted.length };
}
