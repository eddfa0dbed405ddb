/**
 * The evidence rules on realistic drafts: `unsourced-value` (empty Source cell, or no link,
 * footnote or citation in the paragraph) and `period-mismatch` (a value given for another quarter
 * or year than the analysis's own, unless the sentence says it is a prior period). Both are off
 * by default, so these read the core's findings before levels apply.
 */
import * as assert from 'node:assert/strict';
import { applyLevels, DEFAULT_LEVELS } from '../../../src/analysis/checkLevels';
import { analyze, doc, findings, textAt } from './analysisHelpers';

function flagged(text: string, rule: 'unsourced-value' | 'period-mismatch'): string[] {
  return findings(analyze(text), rule).map((f) => textAt(text, f.range));
}

describe('rule: unsourced-value', () => {
  it('is off by default: the editor and the CLI show nothing until a team turns it on', () => {
    assert.equal(DEFAULT_LEVELS['unsourced-value'], 'off');
    const a = analyze(doc('GPU utilization averaged 72% in Q3.\n'));
    assert.ok(findings(a, 'unsourced-value').length > 0);
    assert.deepEqual(applyLevels(a.findings, {}).filter((f) => f.rule === 'unsourced-value'), []);
  });

  it('a sentence\'s value with no citation in its paragraph', () => {
    const text = doc('GPU utilization averaged 72% in Q3, well below plan.\n');
    assert.deepEqual(flagged(text, 'unsourced-value'), ['72%']);
    assert.match(findings(analyze(text), 'unsourced-value')[0].message, /^GPU Utilization Rate: 72% has no source \(no link, footnote or citation in its paragraph\)\.$/);
  });

  for (const [what, sentence] of [
    ['a link', 'GPU utilization averaged 72% in Q3 ([10-Q](https://example.com/10q)).'],
    ['a footnote', 'GPU utilization averaged 72% in Q3.[^q3]'],
    ['"Source:"', 'GPU utilization averaged 72% in Q3. Source: management commentary on the Q3 call.'],
    ['"according to"', 'According to the Q3 call, GPU utilization averaged 72%.'],
    ['a parenthetical with a year', 'GPU utilization averaged 72% in Q3 (Company filing, 2026).'],
    ['a page reference', 'GPU utilization averaged 72% in Q3 (10-Q, p. 41).'],
  ] as const) {
    it(`is satisfied by ${what} anywhere in the paragraph`, () => {
      assert.deepEqual(flagged(doc(`${sentence}\n`), 'unsourced-value'), []);
    });
  }

  it('the citation must be in the same paragraph, not the next one', () => {
    assert.deepEqual(flagged(doc('GPU utilization averaged 72% in Q3.\n\nSource: the Q3 call.\n'), 'unsourced-value'), ['72%']);
  });

  it('a scorecard row with an empty Source cell; a filled one is fine; a table without a Source column is not judged', () => {
    const table = '| Metric | Value | Source |\n| --- | --- | --- |\n| GPU Utilization Rate | 72% | |\n| Customer Retention | 96% | Investor deck |\n';
    assert.deepEqual(flagged(doc(table), 'unsourced-value'), ['72%']);
    assert.deepEqual(flagged(doc('| Metric | Value |\n| --- | --- |\n| GPU Utilization Rate | 72% |\n'), 'unsourced-value'), []);
  });
});

describe('rule: period-mismatch', () => {
  it('a Q2 figure in a Q3 2026 analysis', () => {
    const text = doc('GPU utilization averaged 72% in Q2 [source](https://example.com).\n');
    assert.deepEqual(flagged(text, 'period-mismatch'), ['72%']);
    assert.match(findings(analyze(text), 'period-mismatch')[0].message, /72% is given for Q2, but this analysis covers Q3 2026/);
  });

  it('another year, written as FY or as a quarter with a year', () => {
    assert.deepEqual(flagged(doc('In FY2025 GPU utilization averaged 72%.\n'), 'period-mismatch'), ['72%']);
    assert.deepEqual(flagged(doc('GPU utilization averaged 72% in Q3 2025.\n'), 'period-mismatch'), ['72%']);
  });

  it('a paragraph or sentence whose only period is a fiscal year (no "Q" in it) is still read', () => {
    for (const s of ['GPU utilization averaged 72% in FY 2025.', "GPU utilization averaged 72% in FY'25.", 'GPU utilization averaged 72% (FY25).', 'Capacity doubled in Q3. GPU utilization averaged 72% in FY2025.']) {
      assert.deepEqual(flagged(doc(`${s}\n`), 'period-mismatch'), ['72%'], s);
    }
  });

  it('the analysis\'s own period is fine', () => {
    assert.deepEqual(flagged(doc('GPU utilization averaged 72% in Q3.\n'), 'period-mismatch'), []);
    assert.deepEqual(flagged(doc('GPU utilization averaged 72% in Q3 2026.\n'), 'period-mismatch'), []);
  });

  it('a sentence that says it is a prior period is fine', () => {
    for (const s of ['GPU utilization rose to 81%, up from 72% in Q2.', 'Last quarter (Q2) GPU utilization was 72%.', 'GPU utilization was 72% in the prior quarter, Q2.', 'Compared with Q2, GPU utilization reached 84%.']) {
      assert.deepEqual(flagged(doc(`${s}\n`), 'period-mismatch'), [], s);
    }
  });

  it('only the sentence with the other period counts', () => {
    const text = doc('GPU utilization averaged 72% this quarter. Capacity doubled in Q2.\n');
    assert.deepEqual(flagged(text, 'period-mismatch'), []);
  });

  it('an analysis without a period, or with one it cannot read, is never judged', () => {
    assert.deepEqual(flagged(doc('GPU utilization averaged 72% in Q2.\n', 'pattern: ai-infrastructure\nsubject: CoreWeave'), 'period-mismatch'), []);
    assert.deepEqual(flagged(doc('GPU utilization averaged 72% in Q2.\n', 'pattern: ai-infrastructure\nperiod: spring'), 'period-mismatch'), []);
  });
});
