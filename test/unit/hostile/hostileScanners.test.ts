/**
 * The scanners over document text stay linear. Line labels look for a colon once per paragraph, not
 * from every line to the paragraph's end. Inline-code masking finds each closing backtick
 * run through an index of the line's runs: it must mask exactly what the plain CommonMark rule
 * (the next run of the same length) masks, on any line, and mask the review's 2 MB line of runs
 * of every length in the CPU guard. The pathological families of the hostile catalogue (one per
 * scanner) go through every entry point in the other hostile suites; the bench prints their times.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineLabels } from '../../../src/analysis/claims';
import { maskInline } from '../../../src/analysis/inlineMask';
import type { Segment, TextRun } from '../../../src/analysis/markdownBlocks';
import { labelAt } from '../../../src/analysis/proseStructure';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';
import { GUARD_MS, withCpuTime } from '../../support/cpuGuard';
import { PATHOLOGICAL_FAMILIES } from '../../support/hostileInputs';

/** The code spans of a line by the definition: a run of n backticks up to the next run of exactly n (other openers ignored). */
function referenceCodeSpans(line: string): [number, number][] {
  const runs: [number, number][] = [];
  for (const m of line.matchAll(/`+/g)) runs.push([m.index, m[0].length]);
  const spans: [number, number][] = [];
  for (let i = 0; i < runs.length; i++) {
    const [at, n] = runs[i];
    const close = runs.findIndex(([, len], j) => j > i && len === n);
    if (close < 0) continue;
    spans.push([at, runs[close][0] + n]);
    i = close;
  }
  return spans;
}

describe('hostile scanners: inline code masking', function () {
  this.timeout(fuzzTimeout(30_000));

  it('masks the same code spans as the definition on lines of backticks and text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('`', '``', '```', 'x', ' ', '5%')), { maxLength: 60 }), (parts) => {
        const line = parts.join('');
        const masked = maskInline(line, { inComment: false });
        const expected = line.split('');
        for (const [from, to] of referenceCodeSpans(line)) for (let k = from; k < to; k++) expected[k] = ' ';
        assert.equal(masked, expected.join(''));
      }),
      fuzzParameters(2000),
    );
  });

  it('masks the review\'s line of backtick runs of every length 1..2000 (2 MB) in the guard, and its mirror as one span', () => {
    const line = Array.from({ length: 2000 }, (_, i) => `${'`'.repeat(i + 1)}x`).join('');
    const { value: masked, cpuMs } = withCpuTime(() => maskInline(line, { inComment: false }));
    assert.ok(cpuMs < GUARD_MS, `took ${cpuMs.toFixed(0)} ms of CPU`);
    // No two runs have the same length: nothing closes, nothing is masked.
    assert.equal(masked, line);
    // Followed by the same runs in reverse order, the first run closes at the very last one.
    const mirrored = `${line}${Array.from({ length: 2000 }, (_, i) => `${'`'.repeat(2000 - i)}x`).join('')}`;
    assert.equal(maskInline(mirrored, { inComment: false }).trim(), 'x');
  });

  it('masks a 2 MB line of 500,000 code spans ending in a tab in the guard, the tab kept', () => {
    // Each blanked region looked for a tab from its start to the line's end: a tab at the very end
    // made that a pass over the rest of the line per region (8 s here before; one pass now).
    const line = `${'`x` '.repeat(500_000)}\t`;
    const { value: masked, cpuMs } = withCpuTime(() => maskInline(line, { inComment: false }));
    assert.ok(cpuMs < GUARD_MS, `took ${cpuMs.toFixed(0)} ms of CPU`);
    assert.equal(masked, `${' '.repeat(line.length - 1)}\t`);
  });

  it('keeps the tabs of a blanked region and blanks the rest, wherever the tabs are', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('`', '`\t', 'x', '\t', ' ', '~~', 'a\tb'), { maxLength: 40 }), (parts) => {
        const line = parts.join('');
        const masked = maskInline(line, { inComment: false });
        const plain = maskInline(line.replace(/\t/g, ' '), { inComment: false });
        // Tabs are where they were; every other character is what the line without tabs masks to.
        assert.equal(masked, [...plain].map((c, k) => (line[k] === '\t' ? '\t' : c)).join(''), JSON.stringify(line));
      }),
      fuzzParameters(2000),
    );
  });

  it('has a pathological family for each scanner over document text', () => {
    for (const scanner of ['backticks', 'brackets', 'emphasis', 'table pipes', 'HTML comments', 'front matter']) {
      assert.ok(PATHOLOGICAL_FAMILIES.some((f) => f.name.startsWith(`pathological ${scanner}:`)), scanner);
    }
  });
});

describe('hostile scanners: line labels', function () {
  this.timeout(fuzzTimeout(30_000));

  /** A run of `lines` as a paragraph's TextRun (one segment per line). */
  function runOf(lines: readonly string[]): TextRun {
    const segments: Segment[] = [];
    let offset = 0;
    lines.forEach((l, line) => {
      segments.push({ offset, line, col: 0 });
      offset += l.length + 1;
    });
    const text = lines.join('\n');
    return { text, raw: text, segments, unmasked: true };
  }

  it('finds the labels each line holds, as labelAt line by line does', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('GPU utilization', ':', ': ', '**', ' ', '72%', 'x', '.', ':/', '\t'), { maxLength: 8 }), { minLength: 1, maxLength: 8 }), (parts) => {
        const run = runOf(parts.map((p) => p.join('')));
        const expected = run.segments.map((s, k) => labelAt(run.text, s.offset, k + 1 < run.segments.length ? run.segments[k + 1].offset - 1 : run.text.length)).filter((l) => l !== undefined);
        assert.deepEqual(lineLabels(run), expected);
      }),
      fuzzParameters(2000),
    );
  });

  it('reads a paragraph of 300,000 lines with no colon, then one label at its end, in the guard', () => {
    const run = runOf([...Array.from({ length: 300_000 }, () => 'GPU utilization was 72% and more'), 'Retention: 96%']);
    const { value: labels, cpuMs } = withCpuTime(() => lineLabels(run));
    assert.ok(cpuMs < GUARD_MS, `took ${cpuMs.toFixed(0)} ms of CPU`);
    assert.deepEqual(labels.map((l) => run.text.slice(l.start, l.end)), ['Retention']);
  });
});
