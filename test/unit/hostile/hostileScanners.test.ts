/**
 * The scanners over document text stay linear. Inline-code masking finds each closing backtick
 * run through an index of the line's runs: it must mask exactly what the plain CommonMark rule
 * (the next run of the same length) masks, on any line, and mask the review's 2 MB line of runs
 * of every length in the CPU guard. The pathological families of the hostile catalogue (one per
 * scanner) go through every entry point in the other hostile suites; the bench prints their times.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskInline } from '../../../src/analysis/inlineMask';
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

  it('has a pathological family for each scanner over document text', () => {
    for (const scanner of ['backticks', 'brackets', 'emphasis', 'table pipes', 'HTML comments', 'front matter']) {
      assert.ok(PATHOLOGICAL_FAMILIES.some((f) => f.name.startsWith(`pathological ${scanner}:`)), scanner);
    }
  });
});
