/**
 * Small pure helpers for the analysis tests: a catalog with the bundled Pattern #17 model, a
 * document builder with the usual front matter, and `applyEdits`, which applies a fix's text edits
 * the way an editor does (positions are 0-based lines and UTF-16 columns; CRLF counts as one line
 * break) so a test can assert the text a user would end up with.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/analysis/analyze';
import type { Analysis, Finding, MetricClaim, RuleId, TextEdit, TextPosition } from '../../../src/analysis/types';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';

export function catalog(): PatternCatalog {
  return new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);
}

export function analyze(text: string): Analysis {
  return analyzeText(text, catalog());
}

/** An analysis of Pattern #17 with `body` after the front matter. */
export function doc(body: string, frontMatter = 'pattern: ai-infrastructure\nsubject: CoreWeave\nperiod: Q3 2026'): string {
  return `---\n${frontMatter}\n---\n\n${body}`;
}

function offsetOf(text: string, p: TextPosition): number {
  let line = 0;
  let i = 0;
  while (line < p.line) {
    const nl = text.indexOf('\n', i);
    assert.ok(nl >= 0, `line ${p.line} is past the end of the text`);
    i = nl + 1;
    line++;
  }
  const lineEnd = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
  const contentEnd = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  assert.ok(i + p.character <= contentEnd, `column ${p.character} is past the end of line ${p.line}`);
  return i + p.character;
}

/** The text after applying `edits` (non-overlapping, as one editor transaction). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const spans = edits
    .map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

/** The text a range covers. */
export function textAt(text: string, range: { start: TextPosition; end: TextPosition }): string {
  return text.slice(offsetOf(text, range.start), offsetOf(text, range.end));
}

export function findings(a: Analysis, rule: RuleId): Finding[] {
  return a.findings.filter((f) => f.rule === rule);
}

/** Claims as short tuples a test can compare: [metric id, value text as written, verdict status]. */
export function claimTuples(a: Analysis): [string, string, string][] {
  return a.claims.map((c: MetricClaim) => [c.metricId, c.value.text, c.verdict.status]);
}
