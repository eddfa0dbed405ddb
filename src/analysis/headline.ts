/**
 * Which of a metric's claims is THE value of an analysis: the scorecard row shows it, and the
 * portfolio index keeps it. One function, so the preview and the portfolio never disagree.
 */
import type { MetricClaim } from './types';

/**
 * The value a metric's row shows: the one the analyst's own scorecard table states (the first table
 * row for the metric), else the first statement in the text. Tables are where an analyst writes the
 * figure they stand behind; sentences around it often cite history or peers. `claims` are one
 * metric's, in document order, and not empty.
 */
export function headlineClaim(claims: readonly MetricClaim[]): MetricClaim {
  return claims.find((c) => c.context === 'table') ?? claims[0];
}

/** Two claims state the same number(s). */
export const sameValue = (a: MetricClaim, b: MetricClaim): boolean => a.value.low === b.value.low && a.value.high === b.value.high;

/** The Source a headline value shows: its own, else that of the same value stated again elsewhere. */
export function headlineSource(claims: readonly MetricClaim[], headline: MetricClaim): string | undefined {
  return headline.source ?? claims.find((c) => c.source && sameValue(c, headline))?.source;
}
