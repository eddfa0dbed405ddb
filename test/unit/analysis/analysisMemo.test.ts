/**
 * The analysis memo (src/analysis/analysisMemo.ts) lets an analysis reuse what the last analysis
 * of the same document read from blocks an edit did not change. Whatever it reuses, the analysis
 * must be exactly the one a fresh analysis gives: checked after random edit sequences, with the
 * options (rule levels, inline suppressions) changing between versions too.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnalysisMemo } from '../../../src/analysis/analysisMemo';
import { analyzeText, type AnalyzeOptions } from '../../../src/analysis/analyze';
import type { Analysis } from '../../../src/analysis/types';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { generateAnalysis } from '../../support/analysisGenerator';
import { editedVersions } from '../../support/editArbitraries';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';
import { HOSTILE_INPUTS } from '../../support/hostileInputs';

const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);

const OPTIONS: readonly AnalyzeOptions[] = [
  {},
  { levels: { 'near-miss-name': 'off' } },
  { levels: { 'unsourced-value': 'off', 'period-mismatch': 'off' } },
  { inlineSuppressions: false },
];

/**
 * An analysis to compare, without its front matter's parsed YAML: the memo never holds front
 * matter (it is read afresh every time), and an alias bomb's shared nodes make a deep comparison
 * of it exponential.
 */
function comparable(analysis: Analysis): unknown {
  return analysis.frontMatter ? { ...analysis, frontMatter: { ...analysis.frontMatter, data: Object.keys(analysis.frontMatter.data) } } : analysis;
}

/** Analyses each version with one memo and afresh; they must agree. Returns the blocks reused. */
function check(versions: readonly string[], options: readonly AnalyzeOptions[] = [{}]): number {
  const memo = new AnalysisMemo();
  let reused = 0;
  versions.forEach((text, i) => {
    const o = options[i % options.length];
    const got = analyzeText(text, catalog, { ...o, memo });
    assert.deepEqual(comparable(got), comparable(analyzeText(text, catalog, o)), `version ${i} of ${JSON.stringify(versions)} with ${JSON.stringify(o)}`);
    reused += memo.reused;
  });
  return reused;
}

describe('analysis: memo of block readings', function () {
  this.timeout(fuzzTimeout(60_000));

  it('gives exactly a fresh analysis after any sequence of edits', () => {
    fc.assert(fc.property(editedVersions(), (versions) => {
      check(versions);
    }), fuzzParameters(300));
  });

  it('gives exactly a fresh analysis when the options change between versions', () => {
    fc.assert(fc.property(editedVersions(), fc.shuffledSubarray([...OPTIONS], { minLength: 1 }), (versions, options) => {
      check(versions, options);
    }), fuzzParameters(200));
  });

  it('re-reads only the edited block when a value is typed in a paragraph', () => {
    const base = generateAnalysis({ seed: 11 }).text;
    const at = base.indexOf('\n\n', base.length >> 1) + 2;
    const typed = `${base.slice(0, at)}GPU utilization was 71% in the quarter. ${base.slice(at)}`;
    const memo = new AnalysisMemo();
    analyzeText(base, catalog, { memo });
    const blocks = memo.size;
    const analysis = analyzeText(typed, catalog, { memo });
    assert.ok(blocks > 10, `${blocks} blocks`);
    assert.equal(memo.reused, blocks - 1, 'every block but the edited one reused');
    assert.deepEqual(comparable(analysis), comparable(analyzeText(typed, catalog)));
    assert.ok(analysis.claims.some((c) => c.value.text === '71%'), 'the typed value is read');
  });

  it('reuses nothing when the front matter changes what blocks read (the subject), and still agrees', () => {
    const base = generateAnalysis({ seed: 12 }).text;
    const renamed = base.replace(/^subject: .*$/m, 'subject: Lambda Labs');
    assert.notEqual(renamed, base);
    assert.equal(check([base, renamed]), 0);
    assert.ok(check([base, base]) > 10, 'the same text again reuses its blocks');
  });

  it('reads the front matter again when its lines change, its fence included', () => {
    const base = generateAnalysis({ seed: 13 }).text;
    const close = base.indexOf('\n---\n', 3);
    const period = base.replace(/^period: .*$/m, 'period: Q1 2020');
    const unclosed = `${base.slice(0, close)}\n${base.slice(close + 5)}`;
    const crlf = base.slice(0, close).replace(/\n/g, '\r\n') + base.slice(close);
    assert.notEqual(period, base);
    check([base, period, base, unclosed, base, crlf, `\ufeff${base}`, base]);
  });

  it('agrees on every hostile input, also after an edit in its middle', () => {
    for (const input of HOSTILE_INPUTS.filter((h) => h.kind === 'document' && !h.large)) {
      const text = input.make();
      const middle = text.indexOf('\n', text.length >> 1) + 1;
      check([text, `${text.slice(0, middle)}\n\nAn inserted paragraph: GPU utilization at 81%.\n\n${text.slice(middle)}`]);
    }
  });
});
