/**
 * `conflicting-value` across analyses: two analyses of the same subject and period state a
 * metric's value (the value each one's scorecard shows) differently. Computed from the index
 * alone, so the editor can publish it as diagnostics and the CLI can print it; each conflict is
 * reported at both places, each naming the other.
 */
import { valuesConflict } from '../analysis/valueConflict';
import type { PatternIndex } from '../model/patternIndex';
import { periodKey } from './periods';
import { ofPattern, subjectKey, subjectName } from './subjects';
import type { CrossConflict, IndexedMetric, IndexEntry } from './types';

/** At most this many analyses of one subject, period and metric are compared pairwise (n² messages help nobody). */
const MAX_GROUP = 50;

export function crossAnalysisConflicts(entries: readonly IndexEntry[], pattern: PatternIndex, displayName: (uri: string) => string = (u) => u): CrossConflict[] {
  const groups = new Map<string, { entry: IndexEntry; metric: IndexedMetric }[]>();
  for (const entry of ofPattern(entries, pattern)) {
    if (!entry.period || !entry.subject) continue;
    for (const metric of entry.metrics) {
      if (metric.verdict === 'impossible' || metric.verdict === 'wrong-unit') continue;
      const key = `${subjectKey(entry)}\u0000${periodKey(entry.period)}\u0000${metric.metricId}`;
      const g = groups.get(key);
      if (g) g.push({ entry, metric });
      else groups.set(key, [{ entry, metric }]);
    }
  }
  const out: CrossConflict[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const list = group.slice(0, MAX_GROUP).sort((a, b) => a.entry.uri.localeCompare(b.entry.uri));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a.entry.uri === b.entry.uri || !valuesConflict(a.metric.value, b.metric.value)) continue;
        out.push(report(a, b, pattern, displayName), report(b, a, pattern, displayName));
      }
    }
  }
  return out.sort((x, y) => x.uri.localeCompare(y.uri) || x.range.start.line - y.range.start.line);
}

function report(here: { entry: IndexEntry; metric: IndexedMetric }, there: { entry: IndexEntry; metric: IndexedMetric }, pattern: PatternIndex, displayName: (uri: string) => string): CrossConflict {
  const name = pattern.metric(here.metric.metricId)?.name ?? here.metric.metricId;
  const period = here.entry.period?.period?.label ?? here.entry.period?.written ?? '';
  const where = `${displayName(there.entry.uri)} (line ${there.metric.range.start.line + 1})`;
  return {
    rule: 'conflicting-value',
    uri: here.entry.uri,
    range: here.metric.range,
    metricId: here.metric.metricId,
    message: `${name} for ${subjectName(here.entry, pattern)} in ${period} is ${here.metric.value.text} here but ${there.metric.value.text} in ${where}`,
    other: { uri: there.entry.uri, range: there.metric.range, text: there.metric.value.text },
  };
}
