/**
 * The matrix, trends, peer coverage and cross-analysis conflicts, on the sample portfolio and on
 * small hand-made indexes.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { bundledIndex } from '../../../src/model/bundledModel';
import { crossAnalysisConflicts } from '../../../src/portfolio/conflicts';
import { buildIndexEntry } from '../../../src/portfolio/indexEntry';
import { portfolioMatrix } from '../../../src/portfolio/matrix';
import { peerCoverage } from '../../../src/portfolio/peerCoverage';
import { readPeriod } from '../../../src/portfolio/periods';
import { limitTrends, metricTrends } from '../../../src/portfolio/trends';
import { analysisText, catalog, sampleEntries } from './portfolioHelpers';

const pattern = bundledIndex();
const UTIL = 0; // the first metric column

describe('portfolio views on the sample portfolio', () => {
  const entries = sampleEntries();

  it('the matrix has one row per subject with its latest value, the period it comes from, and where it is written', () => {
    const m = portfolioMatrix(entries, pattern);
    assert.deepEqual(m.rows.map((r) => r.subject), ['AWS', 'CoreWeave', 'Google Cloud', 'Lambda Labs', 'Microsoft Azure']);
    assert.deepEqual(m.columns.map((c) => c.name), pattern.model.metrics.map((x) => x.name));
    const aws = m.rows[0].cells[UTIL];
    assert.equal(aws?.value.text, '85%');
    assert.equal(aws?.period?.written, 'Q3 2026');
    assert.equal(aws?.verdict, 'meets');
    assert.equal(path.basename(aws?.location.uri ?? ''), 'aws-q3-2026.md');
    assert.deepEqual(m.periods.map((p) => p.label), ['Q1 2026', 'Q2 2026', 'Q3 2026']);
  });

  it('as of Q2 2026 the matrix shows Q2 values', () => {
    const m = portfolioMatrix(entries, pattern, readPeriod('Q2 2026'));
    const lambda = m.rows.find((r) => r.subject === 'Lambda Labs');
    assert.equal(lambda?.cells[UTIL]?.value.text, '73%');
    assert.equal(lambda?.cells[UTIL]?.period?.written, 'Q2 2026');
  });

  it('trends give each subject its values oldest first', () => {
    const util = metricTrends(entries, pattern)[UTIL];
    assert.equal(util.column.benchmark?.value, 80);
    const cw = util.series.find((s) => s.subject === 'CoreWeave');
    assert.deepEqual(cw?.points.map((p) => `${p.period.label} ${p.value.text} ${p.verdict}`).slice(0, 2), ['Q1 2026 78% misses', 'Q2 2026 75% misses']);
    assert.equal(cw?.points.length, 3);
  });

  it('peer coverage names the company without an analysis', () => {
    const c = peerCoverage(entries, pattern);
    assert.deepEqual(c.missing.map((x) => x.name), ['Together AI']);
    assert.equal(c.covered.find((x) => x.companyId === 'coreweave')?.analyses, 4);
  });

  it('finds exactly the samples\' conflict (CoreWeave, Q3 2026: the showcase against the worked example), at both places, each naming the other', () => {
    const found = crossAnalysisConflicts(entries, pattern, (u) => path.basename(u));
    assert.equal(found.length, 2);
    const [a, b] = found;
    assert.deepEqual(found.map((f) => path.basename(f.uri)).sort(), ['checks-showcase.md', 'coreweave-ai-infrastructure.md']);
    assert.equal(a.other.uri, b.uri);
    assert.equal(b.other.uri, a.uri);
    assert.match(a.message, /^GPU Utilization Rate for CoreWeave in Q3 2026 is 7[24]% here but 7[24]% in c[a-z-]+\.md \(line \d+\)$/);
  });
});

describe('portfolio views on hand-made indexes', () => {
  const entry = (uri: string, subject: string, period: string, util: string) => buildIndexEntry(uri, analysisText(subject, period, util), catalog())!;

  it('does not raise conflicts for ranges, approximations, rounding, other periods or other subjects', () => {
    const entries = [
      entry('a', 'AWS', 'Q3 2026', '85%'), entry('b', 'AWS', 'Q3 2026', '84–86%'), entry('c', 'AWS', '2026-Q3', '~86%'),
      entry('d', 'AWS', 'Q3 2026', '85.0%'), entry('e', 'AWS', 'Q2 2026', '70%'), entry('f', 'Google Cloud', 'Q3 2026', '70%'),
    ];
    assert.deepEqual(crossAnalysisConflicts(entries, pattern), []);
    const found = crossAnalysisConflicts([...entries, entry('g', 'Amazon Web Services', '3Q26', '88%')], pattern);
    // The same company and period written differently: 88% against 85% (a) and 85.0% (d), at both places each.
    assert.deepEqual(found.map((f) => `${f.uri}→${f.other.uri}`), ['a→g', 'd→g', 'g→a', 'g→d']);
  });

  it('lists unreadable periods as written and places them only where nothing dated exists', () => {
    const m = portfolioMatrix([entry('a', 'AWS', 'Q3 2026', '85%'), entry('b', 'AWS', 'next quarter', '60%'), entry('c', 'Nebius', 'soon', '66%')], pattern);
    assert.deepEqual(m.unreadablePeriods.map((u) => u.written), ['next quarter', 'soon']);
    assert.equal(m.rows.find((r) => r.subject === 'AWS')?.cells[UTIL]?.value.text, '85%');
    assert.equal(m.rows.find((r) => r.subject === 'Nebius')?.cells[UTIL]?.period?.written, 'soon');
    assert.deepEqual(portfolioMatrix([entry('c', 'Nebius', 'soon', '66%')], pattern, readPeriod('Q3 2026')).rows[0].cells[UTIL], undefined);
  });
});

describe('trends of a large portfolio, as the panel draws them', () => {
  const cat = catalog();
  // 30 subjects, one of them a pattern company (CoreWeave) with a single period; "Provider 07" has three.
  const entries = [
    ...Array.from({ length: 30 }, (_, i) => buildIndexEntry(`/w/p${i}.md`, analysisText(`Provider ${String(i).padStart(2, '0')}`, 'Q1 2026', '70%'), cat)),
    buildIndexEntry('/w/p7-q2.md', analysisText('Provider 07', 'Q2 2026', '71%'), cat),
    buildIndexEntry('/w/p7-q3.md', analysisText('Provider 07', 'Q3 2026', '72%'), cat),
    buildIndexEntry('/w/cw.md', analysisText('CoreWeave', 'Q1 2026', '90%'), cat),
  ].flatMap((e) => e ?? []);

  it('keeps at most the given number of subjects per metric, the pattern\'s companies and the longest series first, drawn by name', () => {
    const limited = limitTrends(metricTrends(entries, pattern), 5);
    const util = limited.trends[UTIL].series.map((s) => s.subject);
    assert.equal(util.length, 5);
    assert.ok(util.includes('CoreWeave'), util.join(', '));
    assert.ok(util.includes('Provider 07'), util.join(', '));
    assert.deepEqual(util, [...util].sort((a, b) => a.localeCompare(b)));
    assert.deepEqual({ shown: limited.shown, total: limited.total }, { shown: 5, total: 31 });
  });

  it('leaves a small portfolio as it is', () => {
    const trends = metricTrends(entries.slice(0, 3), pattern);
    const limited = limitTrends(trends, 24);
    assert.deepEqual(limited.trends, trends);
    assert.equal(limited.shown, limited.total);
  });
});
