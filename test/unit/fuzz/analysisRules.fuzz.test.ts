/**
 * Property-based tests of the analysis core (analyzeText and its rules): for any text at all it
 * returns, never throws, and what it returns is well-formed (ranges inside the document,
 * severities and rule ids valid, fixes' edits in bounds and not overlapping). A quick fix, once
 * applied, is not offered again, and applying it yields a document that still analyses cleanly.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText } from '../../../src/analysis/analyze';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { analysisProblems, applyFix, prototypesClean } from '../../support/analysisInvariants';
import { analysisText, anyText, mutatedAnalysis, realisticAnalysis, tokenSoup } from '../../support/fuzzArbitraries';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';

const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);

function assertWellFormed(text: string): void {
  const analysis = analyzeText(text, catalog);
  const problems = analysisProblems(text, analysis);
  assert.deepEqual(problems, [], `${problems.slice(0, 5).join('\n')}\n--- text: ${JSON.stringify(text.slice(0, 300))}`);
  assert.ok(prototypesClean(), 'a prototype was polluted');
}

describe('fuzz: analyzeText never throws and returns a well-formed analysis', function () {
  this.timeout(fuzzTimeout());

  it('for any UTF-16 text (lone surrogates, controls, NUL)', () => {
    fc.assert(fc.property(anyText, assertWellFormed), fuzzParameters(300));
  });

  it('for analysis-shaped token soup (front matter, tables, names, values in any order)', () => {
    fc.assert(fc.property(tokenSoup, assertWellFormed), fuzzParameters(300));
  });

  it('for realistic analyses with random insertions, deletions and line swaps', () => {
    fc.assert(fc.property(mutatedAnalysis, assertWellFormed), fuzzParameters(100));
  });

  it('gives the same analysis for the same text (no hidden state between calls)', () => {
    fc.assert(fc.property(analysisText, (text) => {
      const a = analyzeText(text, catalog);
      const b = analyzeText(text, catalog);
      assert.deepEqual(b.findings, a.findings);
      assert.deepEqual(b.claims, a.claims);
    }), fuzzParameters(100));
  });
});

describe('fuzz: quick fixes', function () {
  this.timeout(fuzzTimeout());

  it('a fix applied once is not offered again, and the fixed document still analyses cleanly', () => {
    let fixesApplied = 0;
    fc.assert(fc.property(fc.oneof(realisticAnalysis, mutatedAnalysis), fc.nat(), (text, pick) => {
      const before = analyzeText(text, catalog);
      const fixes = before.findings.flatMap((f) => f.fixes);
      fc.pre(fixes.length > 0);
      const fix = fixes[pick % fixes.length];
      const fixed = applyFix(text, fix);
      const after = analyzeText(fixed, catalog);
      assert.deepEqual(analysisProblems(fixed, after), []);
      const count = (a: typeof before): number => a.findings.flatMap((f) => f.fixes).filter((x) => x.title === fix.title).length;
      assert.ok(count(after) < count(before), `"${fix.title}" is offered ${count(after)} time(s) after being applied (was ${count(before)})`);
      fixesApplied++;
    }), fuzzParameters(60));
    // The property is vacuous if no generated analysis ever had a fix: make that visible.
    if (analyzeText(realisticFixture(), catalog).findings.some((f) => f.fixes.length > 0)) assert.ok(fixesApplied > 0, 'no fix was exercised');
  });
});

describe('fuzz regressions: cases the 100,000-run search found, kept as plain tests', () => {
  it('a code fence opened inside a blockquote ends with the quote: later sections and values are seen', () => {
    const text = '---\npattern: 17\n---\n\n# X\n\n> ```\n> code\n\n## The Pattern\n\nGPU utilization was 62% this year.\n';
    const analysis = analyzeText(text, catalog);
    assert.deepEqual(analysis.headings.map((h) => h.text), ['X', 'The Pattern']);
    assert.equal(analysis.sections.find((s) => s.sectionId === 'the-pattern')?.present, true);
    assert.equal(analysis.claims.length, 1, 'the value after the quote is read');
  });

  it('a value read across blanked markup ("> ~~~~80 %") is quoted as the document writes it', () => {
    const text = '---\npattern: ai-infrastructure\n---\n\nGPU utilization> ~~~~80 %\n';
    const [claim] = analyzeText(text, catalog).claims;
    assert.ok(claim, 'the value is read');
    const line = text.split('\n')[claim.valueRange.start.line];
    assert.equal(claim.value.text, line.slice(claim.valueRange.start.character, claim.valueRange.end.character));
    assert.equal(claim.value.text, '> ~~~~80 %');
    const message = analyzeText(text, catalog).findings.find((f) => f.rule === 'benchmark-miss')?.message ?? '';
    assert.ok(!/>\s{2,}80/.test(message), `no blanks quoted in: ${message}`);
  });

  it('"Use pattern" on a pattern value that YAML continues on the next line replaces all of it, once', () => {
    // pattern: ai-infrastructure / "   - a note" is one plain scalar: "ai-infrastructure - a note".
    const text = '---\r\npattern: ai-infrastructure\r\n   - Cooling retrofits delayed two sites.\r\nperiod: Q4 2025\r\n---\r\n\r\n# X\r\n';
    const fix = analyzeText(text, catalog).findings.flatMap((f) => f.fixes).find((f) => f.title.startsWith('Use pattern'));
    assert.ok(fix, 'the unknown pattern gets a fix');
    const fixed = applyFix(text, fix);
    assert.equal(fixed, '---\r\npattern: ai-infrastructure\r\nperiod: Q4 2025\r\n---\r\n\r\n# X\r\n');
    const after = analyzeText(fixed, catalog);
    assert.equal(after.pattern?.model.id, 'ai-infrastructure');
    assert.equal(after.findings.filter((f) => f.rule === 'unknown-pattern').length, 0);
  });

  it('"Use pattern" also replaces a value YAML continues past blank lines (LF, CRLF, CR CR LF)', () => {
    for (const nl of ['\n', '\r\n', '\r\r\n']) {
      // "pattern: ai-infrastructure", "", "   - a note" is one plain scalar: "ai-infrastructure\n- a note".
      const text = `---${nl}pattern: ai-infrastructure${nl}${nl}   - The reservation book.${nl}period: FY2026 H1${nl}---${nl}${nl}# X${nl}`;
      const fix = analyzeText(text, catalog).findings.flatMap((f) => f.fixes).find((f) => f.title.startsWith('Use pattern'));
      assert.ok(fix, `the unknown pattern gets a fix (${JSON.stringify(nl)})`);
      const fixed = applyFix(text, fix);
      assert.equal(fixed, `---${nl}pattern: ai-infrastructure${nl}period: FY2026 H1${nl}---${nl}${nl}# X${nl}`);
      assert.equal(analyzeText(fixed, catalog).pattern?.model.id, 'ai-infrastructure', JSON.stringify(nl));
    }
  });
});

/** An analysis that certainly needs fixes (missing sections, a near-miss name). */
function realisticFixture(): string {
  return '---\npattern: ai-infrastructure\nsubject: CoreWeave\n---\n\n# CoreWeave\n\n## The Pattern\n\nGPU Utilisation Rat was 72%.\n';
}
