/**
 * A tiny smoke run of the bench's in-process parts (not the bench itself: `npm run bench` is
 * never part of `npm test`). Checks that the generator is deterministic and realistic, that the
 * statistics are right, and that every in-process figure produces a complete row, so a broken
 * bench is found before someone needs its numbers.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/analysis/analyze';
import { hoverFigures, lintFigures, renderFigures, type CoreOptions } from '../../bench/coreFigures';
import { bundledCatalog, corpusStats } from '../../bench/benchInputs';
import { formatFigures, ratioRow } from '../../bench/report';
import { median, pairSlices, percentile, timePair } from '../../bench/timing';
import { generateAnalysis } from '../../support/analysisGenerator';
import { staleTimes } from '../../bench/typingStale';

const TINY: CoreOptions = { sizes: [{ name: '8 KB', bytes: 8_000 }], hoverLines: [100, 300], hoversPerSize: 200, repetitions: 1, warmup: 0, minSampleMs: 0 };

describe('bench: generator and statistics', () => {
  it('generates the same analysis for the same seed, and a different one for another seed', () => {
    assert.equal(generateAnalysis({ seed: 5 }).text, generateAnalysis({ seed: 5 }).text);
    assert.notEqual(generateAnalysis({ seed: 5 }).text, generateAnalysis({ seed: 6 }).text);
  });

  it('generates analyses of the requested size with the pattern\'s structure', () => {
    const { text, lines } = generateAnalysis({ seed: 1, minChars: 50_000, minLines: 800 });
    assert.ok(text.length >= 50_000 && lines >= 800, `${text.length} chars, ${lines} lines`);
    assert.match(text, /^---\npattern: /);
    assert.match(text, /^\| Metric \| Value \| Benchmark \| Source \|$/m);
    assert.match(text, /^```python$/m);
    const analysis = analyzeText(text, bundledCatalog());
    assert.ok(analysis.headings.length === 0 || analysis.headings.length > 10);
  });

  it('writes what analysts write: bare URLs, images, HTML comments, footnotes and long tables, few repeated lines', () => {
    const text = generateAnalysis({ seed: 17, minChars: 100_000 }).text;
    assert.match(text, /(?<![(<])https?:\/\/\S+/, 'a bare URL');
    assert.match(text, /^!\[[^\]]*\]\([^)]+\)$/m, 'an image');
    assert.match(text, /<!--[^]*?-->/, 'an HTML comment');
    assert.match(text, /^\[\^\d+\]: /m, 'a footnote');
    assert.match(text, /^\| Provider \| Period \|/m, 'a comparison table');
    const stats = corpusStats(text);
    assert.ok(stats.uniqueLineShare > 0.75, `${stats.uniqueLineShare} unique`);
    assert.ok(stats.claimsPerKB > 2, `${stats.claimsPerKB} claims per KB`);
    assert.match(stats.sha256, /^[0-9a-f]{16}$/);
    assert.equal(corpusStats(text).sha256, stats.sha256);
  });

  it('computes medians and nearest-rank percentiles', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([0.5, 1.5]), 1);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99), 10);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50), 5);
    assert.ok(Number.isNaN(median([])));
  });

  it('interleaves the reference and the subject and reports their medians', () => {
    const calls: string[] = [];
    const t = timePair(() => calls.push('r'), () => calls.push('s'), { warmup: 1, repetitions: 4 });
    assert.deepEqual(calls, ['r', 's', 'r', 's', 's', 'r', 'r', 's', 's', 'r']);
    assert.equal(t.referenceSamples.length, 4);
    assert.equal(t.subjectSamples.length, 4);
  });

  it('cuts a round into alternating slices, never shorter than one call', () => {
    assert.equal(pairSlices({ warmup: 1, repetitions: 1, minSampleMs: 40, slices: 8 }, 0.1), 8, 'a 0.1 ms call: 8 slices of 5 ms');
    assert.equal(pairSlices({ warmup: 1, repetitions: 1, minSampleMs: 40, slices: 8 }, 10), 4, 'a 10 ms call: slices of at least one call');
    assert.equal(pairSlices({ warmup: 1, repetitions: 1, minSampleMs: 40, slices: 8 }, 60), 1, 'a call longer than a sample: one slice, as without slicing');
    assert.equal(pairSlices({ warmup: 1, repetitions: 1, minSampleMs: 40 }, 0.1), 1, 'no slices asked: one');
    assert.equal(pairSlices({ warmup: 1, repetitions: 1, minSampleMs: 0, slices: 8 }, 0.1), 1, 'one call per sample: one');
    // Slices of 100 ms: the warm call's length is measured over one slice, and on a loaded machine a
    // slice of 0.5 ms could end after one call that a preemption stretched (then fewer slices fit).
    const t = timePair(() => 1, () => 2, { warmup: 1, repetitions: 1, minSampleMs: 400, slices: 4 });
    assert.equal(t.slices, 4);
    assert.equal(t.ratios.length, 1);
  });

  it('judges a ratio row against its limit', () => {
    const base = { id: 'x', figure: 'x', target: '≤ 0.5×', limit: 0.5 };
    assert.equal(ratioRow(base, 4, 10).status, 'PASS');
    assert.equal(ratioRow(base, 6, 10).status, 'MISS');
    // Judged by the spread across rounds: every round inside, the median inside, or neither.
    assert.equal(ratioRow(base, 4, 10, [0.3, 0.4, 0.45]).status, 'PASS');
    assert.equal(ratioRow(base, 4, 10, [0.3, 0.4, 0.6]).status, 'BORDERLINE');
    assert.equal(ratioRow(base, 6, 10, [0.4, 0.6, 0.7]).status, 'MISS');
    assert.equal(ratioRow({ ...base, limit: Infinity }, 6, 10).status, 'INFO');
  });
});

describe('bench: continuous typing', () => {
  it('counts each key stale from its keydown until the preview first shows that many keys', () => {
    // Keys at 0, 100, 200 ms; the preview shows 1 key at 50, 3 keys at 420.
    const { stale, neverShown } = staleTimes([0, 100, 200], [[50, 1], [420, 3]], 2000);
    assert.deepEqual(stale, [50, 320, 220]);
    assert.equal(neverShown, 0);
  });

  it('counts a key the preview never showed as stale until the end of the run', () => {
    const { stale, neverShown } = staleTimes([0, 100], [[30, 1]], 1000);
    assert.deepEqual(stale, [30, 900]);
    assert.equal(neverShown, 1);
  });

  it('does not credit a preview state older than the key', () => {
    const { stale } = staleTimes([100], [[50, 1], [300, 1]], 1000);
    assert.deepEqual(stale, [200]);
  });
});

describe('bench: in-process figures (smoke run)', function () {
  this.timeout(60_000);

  it('lint, render and hover figures each produce complete rows', () => {
    const rows = [...lintFigures(TINY), ...renderFigures(TINY), ...hoverFigures(TINY)];
    assert.ok(rows.length >= 4, formatFigures(rows));
    for (const row of rows) {
      assert.ok(['PASS', 'BORDERLINE', 'MISS', 'SKIP', 'INFO'].includes(row.status), row.id);
      if (row.status !== 'SKIP') assert.notEqual(row.measured, '—', `${row.id} measured nothing`);
    }
    assert.match(formatFigures(rows), /^\| figure +\| measured/);
  });
});
