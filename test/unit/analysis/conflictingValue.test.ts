/**
 * Rule `conflicting-value` within one analysis: the scorecard table against plain statements.
 * Reported at both places with the other's line; never for ranges, approximations, changes,
 * peers, other periods or targets. The false-positive rate is measured on the samples and on
 * generated analyses in conflictingValueRate.test.ts.
 */
import * as assert from 'node:assert/strict';
import { MAX_CONFLICTS_PER_METRIC } from '../../../src/analysis/conflictRules';
import { analyze, doc, findings, textAt } from './analysisHelpers';

const TABLE = [
  '## Key Metrics & Benchmarks', '',
  '| Metric | Value | Benchmark | Source |',
  '| --- | --- | --- | --- |',
  '| GPU Utilization Rate | 72% | >80% | 10-Q |',
  '| Customer Retention | 96% | >95% annual | deck |',
  '',
].join('\n');

const conflicts = (body: string): ReturnType<typeof findings> => findings(analyze(doc(`${TABLE}\n${body}\n`)), 'conflicting-value');

describe('rule: conflicting-value (one analysis)', () => {
  it('reports a plain statement that contradicts the scorecard at both places, each naming the other line', () => {
    const text = doc(`${TABLE}\nGPU utilization was 76% for the quarter.\n`);
    const found = findings(analyze(text), 'conflicting-value');
    assert.equal(found.length, 2);
    const [atTable, atStatement] = found;
    assert.equal(textAt(text, atTable.range), '72%');
    assert.equal(textAt(text, atStatement.range), '76%');
    assert.equal(atStatement.message, `GPU Utilization Rate: 76% here, but the scorecard table states 72% (line ${atTable.range.start.line + 1})`);
    assert.equal(atTable.message, `GPU Utilization Rate: the scorecard states 72%, but line ${atStatement.range.start.line + 1} states 76%`);
    assert.deepEqual(atTable.related?.[0].range, atStatement.range);
    assert.equal(atTable.severity, 'warning');
  });

  it('reports a label and a statement naming the analysis\'s own subject and period', () => {
    assert.equal(conflicts('**Customer Retention:** 93%').length, 2);
    assert.equal(conflicts('In Q3 2026 CoreWeave kept 93% of its customers; customer retention was 93%.').length, 2);
  });

  it('one finding at the scorecard however many statements disagree, and a bound on the statements compared', () => {
    const few = conflicts(Array.from({ length: 3 }, () => 'GPU utilization was 76% for the quarter.').join('\n\n'));
    assert.equal(few.length, 4, 'three statements and one scorecard finding');
    assert.match(few[0].message, /states 76% \(and 2 other statements\)$/);
    const many = conflicts(Array.from({ length: MAX_CONFLICTS_PER_METRIC + 5 }, () => 'GPU utilization was 76% for the quarter.').join('\n\n'));
    assert.equal(many.length, MAX_CONFLICTS_PER_METRIC + 1);
    assert.match(many[0].message, new RegExp(`checking stopped after ${MAX_CONFLICTS_PER_METRIC} disagreeing statements`));
    assert.equal(many[0].related?.length, 10, 'the scorecard finding points at the first ten');
  });

  it('agrees with values that are the same figure written differently or rounded', () => {
    assert.deepEqual(conflicts('GPU utilization was 72.0% this quarter. Utilization: 72.4%. Retention stood at 96%.'), []);
  });

  const quiet: [string, string][] = [
    ['a range', 'GPU utilization was 70–75% this quarter.'],
    ['an approximation', 'GPU utilization was ~76% this quarter.'],
    ['"about"', 'GPU utilization was about 76% this quarter.'],
    ['a bound', 'GPU utilization was over 76% in some weeks.'],
    ['a change', 'GPU utilization went from 78% to 72% as a cluster came online.'],
    ['a fall', 'GPU utilization fell to 65% in August before recovering.'],
    ['a peer', 'Lambda Labs runs its fleet at 85% GPU utilization.'],
    ['an earlier period', 'GPU utilization was 78% in Q1 2026.'],
    ['a period in the heading', '### Q2 2026\n\nGPU utilization was 75%.'],
    ['a peer in the heading', '### Lambda Labs\n\nGPU utilization was 85%.'],
    ['a target', 'Management targets GPU utilization of 85%.'],
    ['the benchmark', 'GPU utilization of 80% is the line the pattern draws.'],
    ['a scenario', 'If GPU utilization reached 90%, margins would double.'],
    ['a quotation', '> GPU utilization was 85%, the CFO said.'],
    ['an impossible value', 'GPU utilization was 140% this quarter.'],
    ['another year', 'GPU utilization was 76% for the year 2025.'],
  ];
  for (const [what, body] of quiet) {
    it(`is silent for ${what}`, () => assert.deepEqual(conflicts(body).map((f) => f.message), []));
  }

  it('needs a scorecard table: two plain statements are left to the reader', () => {
    const found = findings(analyze(doc('GPU utilization was 72% this quarter.\n\nGPU utilization: 76%\n')), 'conflicting-value');
    assert.deepEqual(found, []);
  });
});
