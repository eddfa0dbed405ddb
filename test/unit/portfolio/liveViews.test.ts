/**
 * The live portfolio views (what the open panel keeps current subject by subject) give the same
 * matrix, coverage and trends as computing them from all entries, after any sequence of edits,
 * additions, removals and subject changes; and they name exactly the subjects that changed.
 */
import * as assert from 'node:assert/strict';
import { bundledIndex } from '../../../src/model/bundledModel';
import { buildIndexEntry } from '../../../src/portfolio/indexEntry';
import { LivePortfolioViews } from '../../../src/portfolio/liveViews';
import { portfolioMatrix } from '../../../src/portfolio/matrix';
import { peerCoverage } from '../../../src/portfolio/peerCoverage';
import { readPeriod } from '../../../src/portfolio/periods';
import { limitTrends, metricTrends } from '../../../src/portfolio/trends';
import type { IndexEntry, Period } from '../../../src/portfolio/types';
import { catalog, sampleEntries } from './portfolioHelpers';

const pattern = bundledIndex();

function analysis(uri: string, subject: string, period: string, gpu: string): IndexEntry {
  const e = buildIndexEntry(uri, `---\npattern: ai-infrastructure\nsubject: ${JSON.stringify(subject)}\nperiod: ${period}\n---\n\n# ${subject}\n\n| Metric | Value |\n| --- | --- |\n| GPU Utilization Rate | ${gpu} |\n`, catalog());
  assert.ok(e);
  return e;
}

function sameAsFull(live: LivePortfolioViews, entries: readonly IndexEntry[], asOf?: Period): void {
  const views = live.views();
  assert.deepEqual(views.matrix, portfolioMatrix(entries, pattern, asOf));
  assert.deepEqual(views.trends, metricTrends(entries, pattern));
  const full = peerCoverage(entries, pattern);
  assert.deepEqual(views.coverage, full);
}

describe('live portfolio views', () => {
  for (const asOf of [undefined, readPeriod('Q2 2026')]) {
    it(`match the full views through edits, additions, removals and renames${asOf ? ' (as of Q2 2026)' : ''}`, () => {
      const live = new LivePortfolioViews(pattern, asOf);
      let entries = [...sampleEntries()];
      const first = live.update(entries);
      assert.ok(first.changed.size >= 5, 'every subject is new on the first update');
      sameAsFull(live, entries, asOf);

      // Nothing changed: nothing recomputed.
      assert.equal(live.update([...entries]).changed.size, 0);

      // One analysis edited: its subject alone.
      const target = entries.find((e) => e.companyId === 'coreweave' && e.period?.written === 'Q2 2026');
      assert.ok(target);
      const seriesOf = (metric: number): unknown => live.views().trends[metric].series.find((x) => x.companyId === 'coreweave');
      const before = live.views().trends.map((_, i) => seriesOf(i));
      // As the index gives it after the GPU utilization is edited: a new entry, the other metrics as they were.
      const gpu = pattern.model.metrics[0].id;
      const edited: IndexEntry = { ...target, metrics: target.metrics.map((m) => (m.metricId === gpu ? { ...m, value: { ...m.value, text: '61%', low: 61, high: 61 } } : m)) };
      entries = entries.map((e) => (e === target ? edited : e));
      assert.deepEqual([...live.update(entries).changed], ['company:coreweave']);
      sameAsFull(live, entries, asOf);
      // A metric whose series the edit left as it was keeps the same series object (its chart is not redrawn).
      const after = live.views().trends.map((_, i) => seriesOf(i));
      after.forEach((a, i) => {
        if (JSON.stringify(a) === JSON.stringify(before[i])) assert.equal(a, before[i], `metric ${i}: unchanged series kept`);
        else assert.notEqual(a, before[i]);
      });
      assert.ok(after.slice(1).some((a, i) => a !== undefined && a === before[i + 1]), 'another metric’s series kept as it was');
      assert.notDeepEqual(after[0], before[0], 'the edited metric’s series changed');
      if (asOf) assert.equal(live.row('company:coreweave')?.cells[0]?.value.text, '61%', 'as of Q2 2026 the edited value shows');
      assert.equal(seriesOf(0) !== undefined, true);

      // A new subject, then renamed to another, then removed.
      const newcomer = analysis('file:///ws/zeta.md', 'Zeta Compute', 'Q1 2026', '55%');
      entries = [...entries, newcomer];
      assert.deepEqual([...live.update(entries).changed], ['name:zeta compute']);
      sameAsFull(live, entries, asOf);
      const renamed = analysis('file:///ws/zeta.md', 'Crusoe Cloud', 'Q1 2026', '55%');
      entries = entries.map((e) => (e === newcomer ? renamed : e));
      assert.deepEqual([...live.update(entries).changed].sort(), ['name:crusoe cloud', 'name:zeta compute']);
      sameAsFull(live, entries, asOf);
      assert.equal(live.row('name:zeta compute'), undefined);
      entries = entries.filter((e) => e !== renamed);
      assert.deepEqual([...live.update(entries).changed], ['name:crusoe cloud']);
      sameAsFull(live, entries, asOf);
    });
  }

  it('work out no trend series for the matrix, and the same trends when they are read or placed a few subjects at a time', () => {
    const live = new LivePortfolioViews(pattern, undefined);
    let entries = [...sampleEntries()];
    live.update(entries);
    const views = live.views();
    assert.deepEqual(views.matrix, portfolioMatrix(entries, pattern));
    assert.deepEqual(views.coverage, peerCoverage(entries, pattern));
    assert.equal(live.placeSeries(0), true, 'the matrix and coverage read, every subject’s series still to be worked out');
    // Two subjects placed, then an edit and a new subject, then one more placed: the rest when the trends are read.
    assert.equal(live.placeSeries(2), true);
    const target = entries.find((e) => e.companyId === 'coreweave');
    assert.ok(target);
    const gpu = pattern.model.metrics[0].id;
    const edited: IndexEntry = { ...target, metrics: target.metrics.map((m) => (m.metricId === gpu ? { ...m, value: { ...m.value, text: '12%', low: 12, high: 12 } } : m)) };
    entries = [...entries.map((e) => (e === target ? edited : e)), analysis('file:///ws/zeta.md', 'Zeta Compute', 'Q1 2026', '55%')];
    live.update(entries);
    assert.equal(live.placeSeries(1), true);
    sameAsFull(live, entries);
    assert.equal(live.placeSeries(0), false, 'reading the trends placed every series');
    assert.deepEqual(live.limitedTrends(2), limitTrends(metricTrends(entries, pattern), 2));
    // Placed in slices from the start, the same trends.
    const sliced = new LivePortfolioViews(pattern, undefined);
    sliced.update(entries);
    while (sliced.placeSeries(1));
    assert.deepEqual(sliced.views().trends, metricTrends(entries, pattern));
  });

  it('take some analyses at a time (a saved edit) to the same views and limited trends as all of them', () => {
    const live = new LivePortfolioViews(pattern, undefined);
    let entries = [...sampleEntries()];
    live.update(entries);
    // Two subjects per metric: the pattern's companies outnumber it, so the limit chooses.
    assert.deepEqual(live.limitedTrends(2), limitTrends(metricTrends(entries, pattern), 2));
    const gpu = pattern.model.metrics[0].id;
    const apply = (uri: string, entry: IndexEntry | undefined): void => {
      entries = entry ? (entries.some((e) => e.uri === uri) ? entries.map((e) => (e.uri === uri ? entry : e)) : [...entries, entry]) : entries.filter((e) => e.uri !== uri);
      live.updateSome([[uri, entry]]);
      sameAsFull(live, entries);
      assert.deepEqual(live.limitedTrends(2), limitTrends(metricTrends(entries, pattern), 2), `limited trends after ${uri} ${entry ? 'changed' : 'removed'}`);
    };
    const withGpu = (e: IndexEntry, text: string, low: number): IndexEntry => ({ ...e, metrics: e.metrics.map((m) => (m.metricId === gpu ? { ...m, value: { ...m.value, text, low, high: low } } : m)) });
    // Edited values: one subject's series replaced by one of the same rank, the coverage and periods kept as they were.
    const before = live.views();
    for (const [i, e] of [...entries].entries()) {
      if (!e.metrics.some((m) => m.metricId === gpu)) continue;
      apply(e.uri, withGpu(e, `${50 + i}%`, 50 + i));
    }
    assert.equal(live.views().coverage, before.coverage, 'value edits keep the coverage');
    assert.equal(live.views().matrix.periods, before.matrix.periods, 'value edits keep the periods');
    // An analysis of another pattern, or no longer an analysis: as removed.
    const one = entries[0];
    apply(one.uri, { ...one, patternId: 'another-pattern' });
    apply(one.uri, one);
    apply(one.uri, undefined);
    apply(one.uri, one);
    // A new subject, a subject renamed, a period changed: the limit is taken again.
    apply('file:///ws/zeta.md', analysis('file:///ws/zeta.md', 'Zeta Compute', 'Q1 2026', '55%'));
    apply('file:///ws/zeta.md', analysis('file:///ws/zeta.md', 'Zeta Compute', 'Q4 2025', '57%'));
    apply('file:///ws/zeta.md', analysis('file:///ws/zeta.md', 'Crusoe Cloud', 'Q4 2025', '57%'));
    apply('file:///ws/zeta.md', undefined);
    // Nothing changed: nothing recomputed.
    assert.equal(live.updateSome([[one.uri, one]]).changed.size, 0);
  });
});
