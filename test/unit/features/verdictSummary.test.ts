/**
 * The Analyses view's verdict summary: counts of the stated metrics' verdicts, worst first.
 */
import * as assert from 'node:assert/strict';
import { verdictSummary } from '../../../src/features/portfolio/verdictSummary';
import type { IndexEntry, IndexedMetric } from '../../../src/portfolio/types';

function entryWith(verdicts: IndexedMetric['verdict'][]): IndexEntry {
  return {
    uri: 'file:///a.md',
    version: '1',
    metrics: verdicts.map((verdict, i) => ({ metricId: `m${i}`, value: { kind: 'percent', low: 1, high: 1, text: '1%' }, verdict, verdictMessage: '', range: { start: { line: i, character: 0 }, end: { line: i, character: 2 } }, mentions: 1 })),
    findings: { error: 0, warning: 0, information: 0, hint: 0 },
  };
}

describe('Verdict summary', () => {
  it('counts verdicts worst first', () => {
    assert.equal(verdictSummary([entryWith(['meets', 'misses', 'misses'])]), '2 misses · 1 meets');
    assert.equal(verdictSummary([entryWith(['no-benchmark', 'borderline']), entryWith(['impossible'])]), '1 impossible · 1 borderline · 1 no benchmark');
  });
  it('says when nothing is stated', () => {
    assert.equal(verdictSummary([entryWith([])]), 'no values stated');
  });
});
