/**
 * A subject's earlier periods, for the single analysis: the scorecard's sparklines and the hover's
 * "72% in Q3 2026, from 75% in Q2 2026 and 78% in Q1 2026".
 */
import type { PatternIndex } from '../model/patternIndex';
import { subjectKey } from './subjects';
import { subjectSeries } from './trends';
import type { HistoryPoint, IndexEntry, ScorecardHistory, ValueSummary } from './types';

/** Earlier periods than `current`'s of the same subject under the same pattern, per metric, oldest first. */
export function scorecardHistory(entries: readonly IndexEntry[], current: IndexEntry, pattern: PatternIndex): ScorecardHistory {
  const now = current.period?.period;
  if (!now || current.patternId !== pattern.model.id) return {};
  const key = subjectKey(current);
  const earlier = entries.filter((e) => e.uri !== current.uri && e.patternId === current.patternId && subjectKey(e) === key && e.period?.period && e.period.period.end < now.end);
  const out: Record<string, HistoryPoint[]> = {};
  for (const m of pattern.model.metrics) {
    const points = subjectSeries(earlier, m.id).map((p) => ({ period: p.period.label, value: p.value, verdict: p.verdict }));
    if (points.length) out[m.id] = points;
  }
  return out;
}

/** "72% in Q3 2026, from 75% in Q2 2026 and 78% in Q1 2026": the current value, then the earlier ones newest first. */
export function historySentence(current: ValueSummary, period: string | undefined, history: readonly HistoryPoint[]): string {
  const now = period ? `${current.text} in ${period}` : current.text;
  if (history.length === 0) return now;
  const back = [...history].reverse().map((h) => `${h.value.text} in ${h.period}`);
  const list = back.length === 1 ? back[0] : `${back.slice(0, -1).join(', ')} and ${back[back.length - 1]}`;
  return `${now}, from ${list}`;
}
