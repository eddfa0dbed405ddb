/**
 * A metric's history for one subject from the workspace index: the values its earlier analyses
 * state (same pattern, same subject, earlier readable period), newest first, and the sentence the
 * hover card says it in: "72% in Q3 2026, from 75% in Q2 2026 and 78% in Q1 2026".
 */
import type { VerdictStatus } from '../analysis/types';
import { subjectKey } from '../portfolio/subjects';
import type { IndexEntry, Period } from '../portfolio/types';

export interface HistoryPoint {
  readonly period: Period;
  readonly text: string;
  readonly low: number;
  readonly high: number;
  readonly verdict: VerdictStatus;
  readonly uri: string;
}

/** At most this many earlier periods are named in a sentence or drawn in a sparkline. */
export const MAX_HISTORY = 8;

/**
 * The earlier values of `metricId` for the subject of `current`, newest first (at most
 * {@link MAX_HISTORY}); one per period (the first found wins a tie: two analyses disagreeing is
 * the conflicting-value check's business). Empty when `current` has no readable period or subject.
 */
export function metricHistory(entries: readonly IndexEntry[], current: IndexEntry, metricId: string): HistoryPoint[] {
  const now = current.period?.period;
  const key = subjectKey(current);
  if (!now || !current.patternId) return [];
  const byPeriod = new Map<string, HistoryPoint>();
  for (const e of entries) {
    const p = e.period?.period;
    if (e === current || e.uri === current.uri || !p || e.patternId !== current.patternId || subjectKey(e) !== key) continue;
    if (!(p.end < now.end || (p.end === now.end && p.start < now.start))) continue;
    const m = e.metrics.find((x) => x.metricId === metricId);
    if (!m || byPeriod.has(p.label)) continue;
    byPeriod.set(p.label, { period: p, text: m.value.text, low: m.value.low, high: m.value.high, verdict: m.verdict, uri: e.uri });
  }
  return [...byPeriod.values()].sort((a, b) => b.period.end - a.period.end || b.period.start - a.period.start).slice(0, MAX_HISTORY);
}

/** "72% in Q3 2026, from 75% in Q2 2026 and 78% in Q1 2026"; undefined without earlier values. */
export function historySentence(valueText: string, period: Period, earlier: readonly HistoryPoint[]): string | undefined {
  if (earlier.length === 0) return undefined;
  const parts = earlier.map((h) => `${h.text} in ${h.period.label}`);
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${valueText} in ${period.label}, from ${list}`;
}
