/**
 * The index entry of one analysis: the values the preview's scorecard shows (not re-derived),
 * the front matter, coverage and finding counts, and a summary small enough for 10,000 entries.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../src/analysis/analyze';
import { renderScorecard } from '../../../src/render/analysisBlocks';
import { buildIndexEntry, indexEntryOf } from '../../../src/portfolio/indexEntry';
import { analysisText, catalog, markdownFiles, SAMPLES } from './portfolioHelpers';

describe('portfolio index entry', () => {
  it('holds, for every sample, the value and verdict each scorecard row shows', () => {
    const cat = catalog();
    let compared = 0;
    for (const file of markdownFiles(SAMPLES)) {
      const text = readFileSync(file, 'utf8');
      const entry = buildIndexEntry(file, text, cat);
      const analysis = analyzeText(text, cat);
      if (!analysis.isAnalysis) {
        assert.equal(entry, undefined, file);
        continue;
      }
      const html = renderScorecard(analysis);
      for (const m of entry?.metrics ?? []) {
        const row = new RegExp(`data-source-line="${m.range.start.line}"><th scope="row">[^<]*</th><td class="pa-value">([^<]*)</td>`).exec(html);
        assert.ok(row, `${path.basename(file)}: a scorecard row at line ${m.range.start.line} for ${m.metricId}`);
        assert.equal(row[1], m.value.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
        compared++;
      }
    }
    assert.ok(compared >= 40, `compared ${compared} values`);
  });

  it('reads the front matter, the period, the pattern company, coverage and finding counts', () => {
    const text = analysisText('Coreweave', '3Q26', '72%', 'GPU utilization was 76% overall.');
    const e = buildIndexEntry('file:///a.md', text, catalog());
    assert.ok(e);
    assert.equal(e.subject, 'Coreweave');
    assert.equal(e.companyId, 'coreweave');
    assert.equal(e.period?.written, '3Q26');
    assert.equal(e.period?.period?.label, 'Q3 2026');
    assert.equal(e.periodLine, 3);
    assert.equal(e.patternId, 'ai-infrastructure');
    const util = e.metrics.find((m) => m.metricId === 'gpu-utilization-rate');
    assert.equal(util?.value.text, '72%');
    assert.equal(util?.verdict, 'misses');
    assert.equal(util?.mentions, 2);
    assert.equal(util?.source, '10-Q');
    assert.equal(e.coverage?.total, 6);
    assert.equal(e.coverage?.present, 1);
    assert.ok(e.findings.warning >= 3, 'the miss, and the conflict at both places');
  });

  it('counts findings at the default levels: the same for a closed file as for an open one whose reader turned the evidence rules on', () => {
    const text = analysisText('Coreweave', 'Q3 2026', '72%', 'Retention was 96% annual in Q1 2026.\n\nGPU utilization was 76% overall.');
    const full = analyzeText(text, catalog());
    const evidence = full.findings.filter((f) => f.rule === 'unsourced-value' || f.rule === 'period-mismatch');
    assert.ok(evidence.length > 0, 'the text has findings of rules off by default');
    const closed = buildIndexEntry('file:///a.md', text, catalog());
    const open = indexEntryOf('file:///a.md', text, full);
    assert.deepEqual(open?.findings, closed?.findings);
    const shown = full.findings.length - evidence.length;
    assert.equal(Object.values(closed?.findings ?? {}).reduce((a, b) => a + b, 0), shown, 'every finding but those of the rules off by default');
  });

  it('keeps an unreadable period as written, and is undefined for markdown that is not an analysis', () => {
    const e = buildIndexEntry('a', analysisText('AWS', 'next quarter', '85%'), catalog());
    assert.deepEqual(e?.period, { written: 'next quarter' });
    assert.equal(buildIndexEntry('b', '# Notes\n\nGPU utilization was 72%.\n', catalog()), undefined);
  });

  it('changes version when the text changes, not otherwise', () => {
    const text = analysisText('AWS', 'Q3 2026', '85%');
    const a = buildIndexEntry('a', text, catalog());
    assert.equal(buildIndexEntry('a', text, catalog())?.version, a?.version);
    assert.notEqual(buildIndexEntry('a', text.replace('85%', '86%'), catalog())?.version, a?.version);
  });

  it('keeps summaries, not texts: an entry of a 200 KB analysis is a few KB of JSON', () => {
    const filler = 'Power availability, not chip supply, sets the pace of new capacity. '.repeat(3000);
    const e = buildIndexEntry('a', analysisText('AWS', 'Q3 2026', '85%', `${filler}\n\n**Title**`).replace('period: Q3 2026', `period: Q3 2026\ntitle: ${'x'.repeat(5000)}`), catalog());
    assert.ok(JSON.stringify(e).length < 3000, `${JSON.stringify(e).length} characters`);
  });
});
