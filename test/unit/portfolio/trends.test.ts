/**
 * A subject's series per metric, taken in one pass over its analyses sorted newest first, are the
 * points the rule gives ("per metric and period, the newest analysis of that period that states the
 * metric"), written here the plain way: every period looked up among those seen, then sorted.
 */
import * as assert from 'node:assert/strict';
import { bundledIndex } from '../../../src/model/bundledModel';
import { buildIndexEntry } from '../../../src/portfolio/indexEntry';
import { comparePeriods, periodKey } from '../../../src/portfolio/periods';
import { bySubject, newestFirst } from '../../../src/portfolio/subjects';
import { seriesByMetric } from '../../../src/portfolio/trends';
import type { IndexEntry, TrendPoint } from '../../../src/portfolio/types';
import { catalog, sampleEntries } from './portfolioHelpers';

const metricIds = bundledIndex().model.metrics.map((m) => m.id);

/** The rule, plainly: the first analysis (in `sorted` order) of each period that states the metric. */
function plainSeries(sorted: readonly IndexEntry[], metricId: string): TrendPoint[] {
  const seen = new Set<string>();
  const points: TrendPoint[] = [];
  for (const e of sorted) {
    const period = e.period?.period;
    const m = e.metrics.find((x) => x.metricId === metricId);
    if (!period || !m || seen.has(periodKey(e.period))) continue;
    seen.add(periodKey(e.period));
    points.push({ period, value: m.value, verdict: m.verdict, location: { uri: e.uri, range: m.range } });
  }
  return points.sort((a, b) => comparePeriods(a.period, b.period));
}

function entry(uri: string, period: string, rows: readonly [string, string][]): IndexEntry {
  const table = rows.map(([metric, value]) => `| ${metric} | ${value} |`).join('\n');
  const e = buildIndexEntry(uri, `---\npattern: ai-infrastructure\nsubject: Lambda Labs\nperiod: ${period}\n---\n\n| Metric | Value |\n| --- | --- |\n${table}\n`, catalog());
  assert.ok(e);
  return e;
}

describe('trend series of a subject', () => {
  it('are the newest statement of each metric per period, for every sample subject', () => {
    for (const group of bySubject(sampleEntries()).values()) {
      const sorted = newestFirst(group);
      assert.deepEqual(seriesByMetric(sorted, metricIds), metricIds.map((id) => plainSeries(sorted, id)));
    }
  });

  it('take a period from the newest analysis that states the metric, another metric from another analysis', () => {
    const entries = [
      entry('file:///a/q2-draft.md', 'Q2 2026', [['GPU Utilization Rate', '71%']]),
      entry('file:///a/q2-final.md', 'Q2 2026', [['Customer Retention', '93%'], ['GPU Utilization Rate', '72%']]),
      entry('file:///a/q1.md', 'Q1 2026', [['GPU Utilization Rate', '65%'], ['Customer Retention', '91%']]),
      entry('file:///a/h1.md', 'H1 2026', [['GPU Utilization Rate', '70%']]),
      entry('file:///a/undated.md', 'sometime', [['GPU Utilization Rate', '99%']]),
    ];
    const sorted = newestFirst(entries);
    const series = seriesByMetric(sorted, metricIds);
    assert.deepEqual(series, metricIds.map((id) => plainSeries(sorted, id)));
    const gpu = series[metricIds.indexOf('gpu-utilization-rate')];
    assert.deepEqual(gpu.map((p) => `${p.period.label} ${p.value.text}`), ['Q1 2026 65%', 'Q2 2026 71%', 'H1 2026 70%']);
    // Given in another order (oldest first), the rule still holds for that order.
    const reversed = [...sorted].reverse();
    assert.deepEqual(seriesByMetric(reversed, metricIds), metricIds.map((id) => plainSeries(reversed, id)));
  });
});
