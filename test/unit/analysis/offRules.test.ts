/**
 * Rules turned off are not run (analyzeText's `levels`): the findings a user sees under those
 * levels are exactly a full analysis's, an off rule's work is not done, and a suppression comment
 * naming an off rule still gets the same unused-suppression answer as before.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText } from '../../../src/analysis/analyze';
import { applyLevels, CHECK_LEVELS, configurableRules, DEFAULT_LEVELS, levelsToRun, type CheckLevel } from '../../../src/analysis/checkLevels';
import * as conflictRules from '../../../src/analysis/conflictRules';
import * as evidenceRules from '../../../src/analysis/evidenceRules';
import type { RuleId } from '../../../src/analysis/types';
import { generateAnalysis } from '../../support/analysisGenerator';
import { catalog, doc } from './analysisHelpers';

type Levels = Partial<Record<RuleId, CheckLevel>>;

/** What a user sees of an analysis under `levels`: shown and suppressed findings, claims, coverage. */
function seen(text: string, levels: Levels, analyzeWith: Levels | undefined, inlineSuppressions = true): unknown {
  const a = analyzeText(text, catalog(), { inlineSuppressions, ...(analyzeWith && { levels: analyzeWith }) });
  return {
    findings: applyLevels(a.findings, levels),
    suppressed: applyLevels(a.suppressed ?? [], levels),
    claims: a.claims,
    headings: a.headings,
    sections: a.sections,
    metrics: a.metrics,
  };
}

/** Counts calls of a module's exported function while `fn` runs (the compiled core calls exports through the module object). */
function countCalls<M extends object>(mod: M, name: keyof M & string, fn: () => void): number {
  const target = mod as Record<string, unknown>;
  const original = target[name] as (...args: unknown[]) => unknown;
  let calls = 0;
  target[name] = (...args: unknown[]) => {
    calls++;
    return original(...args);
  };
  try {
    fn();
  } finally {
    target[name] = original;
  }
  return calls;
}

const DIRECTIVES = [
  '<!-- pattern-analyst-disable-next-line unsourced-value -->',
  '<!-- pattern-analyst-disable-line conflicting-value -->',
  '<!-- pattern-analyst-disable near-miss-name -->',
  '<!-- pattern-analyst-enable -->',
  '<!-- pattern-analyst-disable-file missing-section -->',
  '<!-- pattern-analyst-disable-next-line -->',
  '<!-- pattern-analyst-disable-next-line period-mismatch, benchmark-miss -->',
];

describe('analysis: rules turned off are not run', () => {
  it('property: under any levels, with or without suppression comments, the user sees what a full analysis shows', () => {
    const level = fc.constantFrom<CheckLevel>(...CHECK_LEVELS);
    const levels = fc.record(Object.fromEntries(configurableRules().map((r) => [r, level])) as Record<RuleId, fc.Arbitrary<CheckLevel>>, { requiredKeys: [] });
    fc.assert(fc.property(fc.nat(10_000), levels, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...DIRECTIVES)), { maxLength: 3 }), fc.boolean(), (seed, lv, inserts, inline) => {
      const lines = generateAnalysis({ seed }).text.split('\n');
      const bodyStart = lines.indexOf('---', 1) + 1;
      for (const [at, directive] of inserts) lines.splice(bodyStart + (at % (lines.length - bodyStart)), 0, directive);
      const text = lines.join('\n');
      assert.deepEqual(seen(text, lv, lv, inline), seen(text, lv, undefined, inline));
    }), { numRuns: 60 });
  }).timeout(60_000);

  it('property: the editor\'s one analysis per document (levelsToRun of the defaults and the person\'s levels) shows the person and the portfolio what a full analysis shows each', () => {
    const level = fc.constantFrom<CheckLevel>(...CHECK_LEVELS);
    const levels = fc.record(Object.fromEntries(configurableRules().map((r) => [r, level])) as Record<RuleId, fc.Arbitrary<CheckLevel>>, { requiredKeys: [] });
    fc.assert(fc.property(fc.nat(10_000), levels, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...DIRECTIVES)), { maxLength: 2 }), (seed, person, inserts) => {
      const lines = generateAnalysis({ seed }).text.split('\n');
      const bodyStart = lines.indexOf('---', 1) + 1;
      for (const [at, directive] of inserts) lines.splice(bodyStart + (at % (lines.length - bodyStart)), 0, directive);
      const text = lines.join('\n');
      const run = levelsToRun(DEFAULT_LEVELS, person);
      assert.deepEqual(seen(text, person, run), seen(text, person, undefined), 'the Problems panel');
      assert.deepEqual(seen(text, DEFAULT_LEVELS, run), seen(text, DEFAULT_LEVELS, undefined), 'the portfolio\'s counts');
    }), { numRuns: 40 });
  }).timeout(60_000);

  it('an analysis at the default levels does no evidence work; a person turning one evidence rule on runs it', () => {
    const text = doc([
      '## Key Metrics & Benchmarks', '',
      '| Metric | Value | Benchmark | Source |',
      '| --- | --- | --- | --- |',
      '| GPU Utilization Rate | 84% | >80% | |',
      '',
      'Customer retention was 96% annual.', '',
    ].join('\n'));
    // Calls of the evidence rules, in prose and in tables.
    const evidenceCalls = (fn: () => void): number => {
      let tables = 0;
      const prose = countCalls(evidenceRules, 'proseEvidenceFindings', () => {
        tables = countCalls(evidenceRules, 'tableEvidenceFindings', fn);
      });
      return prose + tables;
    };
    assert.equal(evidenceCalls(() => analyzeText(text, catalog(), { levels: levelsToRun(DEFAULT_LEVELS) })), 0);
    const on = levelsToRun(DEFAULT_LEVELS, { 'unsourced-value': 'warning' });
    let findings: RuleId[] = [];
    assert.ok(evidenceCalls(() => {
      findings = analyzeText(text, catalog(), { levels: on }).findings.map((f) => f.rule);
    }) > 0);
    assert.deepEqual(findings.filter((r) => r === 'unsourced-value'), ['unsourced-value', 'unsourced-value'], 'the table\'s value and the sentence\'s');
  });

  it('an off rule gives no finding at all, and its work is not done', () => {
    const text = doc([
      '## Key Metrics & Benchmarks', '',
      '| Metric | Value | Benchmark | Source |',
      '| --- | --- | --- | --- |',
      '| GPU Utilization Rate | 72% | >80% | 10-Q |',
      '',
      'GPU utilization was 76% for the quarter.', '',
    ].join('\n'));
    const full = analyzeText(text, catalog());
    assert.ok(full.findings.some((f) => f.rule === 'conflicting-value'), 'the text has a conflict');
    assert.ok(full.findings.some((f) => f.rule === 'unsourced-value'), 'and unsourced values');
    const levels: Levels = { 'conflicting-value': 'off', 'unsourced-value': 'off', 'period-mismatch': 'off' };
    let off = full;
    const conflictCalls = countCalls(conflictRules, 'conflictFindings', () => {
      const evidenceCalls = countCalls(evidenceRules, 'proseEvidenceFindings', () => {
        off = analyzeText(text, catalog(), { levels });
      });
      assert.equal(evidenceCalls, 0, 'the evidence rules did not run');
    });
    assert.equal(conflictCalls, 0, 'the conflict rule did not run');
    assert.deepEqual(off.findings.filter((f) => ['conflicting-value', 'unsourced-value'].includes(f.rule)), []);
    assert.deepEqual(off.findings, applyLevels(full.findings, levels), 'the other findings are unchanged');
    // The same rules run when their level is not off.
    assert.ok(countCalls(conflictRules, 'conflictFindings', () => analyzeText(text, catalog(), { levels: { 'conflicting-value': 'hint' } })) > 0);
  });

  it('a suppression comment naming an off rule keeps that rule running, so its unused-suppression hint is the same', () => {
    const text = doc('## Key Metrics & Benchmarks\n\n<!-- pattern-analyst-disable-next-line unsourced-value -->\nGPU utilization was 72% in Q3 2026.\n\nCustomer retention was 95%.\n');
    const levels: Levels = { 'unsourced-value': 'off' };
    const calls = countCalls(evidenceRules, 'proseEvidenceFindings', () => analyzeText(text, catalog(), { levels }));
    assert.ok(calls > 0, 'the named rule ran');
    const unused = (lv: Levels | undefined): number => analyzeText(text, catalog(), lv ? { levels: lv } : {}).findings.filter((f) => f.rule === 'unused-suppression').length;
    assert.equal(unused(levels), unused(undefined));
    assert.equal(unused(levels), 0, 'the comment hides the unsourced value, as without levels');
  });
});
