/**
 * What every analysis of every text must satisfy, whatever the text: ranges inside the document
 * (0-based lines, UTF-16 columns, start before end), valid severities and rule ids, fixes whose
 * edits stay inside the document and do not overlap, finite stated values. Returns the problems
 * as sentences (empty = well-formed) so a fuzz failure says exactly what broke. Also applies a
 * fix's edits the way the editor does, for "a fix applied once is not offered again".
 */
import type { Analysis, Fix, TextPosition, TextRange } from '../../src/analysis/types';
import { RULE_INFO } from '../../src/analysis/ruleInfo';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);
// Every rule id the core declares (RULE_INFO is keyed by RuleId, so it cannot miss or invent one).
const RULES = new Set(Object.keys(RULE_INFO));
const VERDICTS = new Set(['meets', 'misses', 'borderline', 'no-benchmark', 'impossible', 'wrong-unit']);
const VALUE_KINDS = new Set(['percent', 'currency', 'number', 'multiple']);

/** Lines as the editor splits them: on \r\n, \n and \r. */
export function editorLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function positionProblem(lines: readonly string[], p: TextPosition, what: string): string | undefined {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${what}: non-integer position ${JSON.stringify(p)}`;
  if (p.line < 0 || p.line >= lines.length) return `${what}: line ${p.line} outside 0..${lines.length - 1}`;
  if (p.character < 0 || p.character > lines[p.line].length) return `${what}: character ${p.character} outside 0..${lines[p.line].length} on line ${p.line}`;
  return undefined;
}

function before(a: TextPosition, b: TextPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export function rangeProblems(lines: readonly string[], r: TextRange | undefined, what: string): string[] {
  if (!r || !r.start || !r.end) return [`${what}: missing range`];
  const out = [positionProblem(lines, r.start, `${what}.start`), positionProblem(lines, r.end, `${what}.end`)].filter((x): x is string => !!x);
  if (out.length === 0 && !before(r.start, r.end)) out.push(`${what}: start ${JSON.stringify(r.start)} after end ${JSON.stringify(r.end)}`);
  return out;
}

export function fixProblems(lines: readonly string[], fix: Fix, what: string): string[] {
  const out: string[] = [];
  if (typeof fix.title !== 'string' || fix.title.trim() === '') out.push(`${what}: empty title`);
  if (!Array.isArray(fix.edits) || fix.edits.length === 0) out.push(`${what}: no edits`);
  const edits = [...(fix.edits ?? [])];
  edits.forEach((e, i) => {
    out.push(...rangeProblems(lines, e.range, `${what}.edits[${i}]`));
    if (typeof e.newText !== 'string') out.push(`${what}.edits[${i}]: newText is not a string`);
  });
  const sorted = edits.sort((a, b) => (before(a.range.start, b.range.start) ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1].range.end;
    const next = sorted[i].range.start;
    if (!before(prev, next)) out.push(`${what}: edits overlap`);
  }
  return out;
}

/** Every way `analysis` is malformed for `text`. */
export function analysisProblems(text: string, analysis: Analysis): string[] {
  const lines = editorLines(text);
  const out: string[] = [];
  if (typeof analysis !== 'object' || analysis === null) return ['analysis is not an object'];
  if (typeof analysis.isAnalysis !== 'boolean') out.push('isAnalysis is not a boolean');
  for (const key of ['headings', 'claims', 'sections', 'metrics', 'findings'] as const) {
    if (!Array.isArray(analysis[key])) out.push(`${key} is not an array`);
  }
  if (out.length) return out;
  analysis.findings.forEach((f, i) => {
    const what = `findings[${i}] (${f.rule})`;
    if (!SEVERITIES.has(f.severity)) out.push(`${what}: severity ${String(f.severity)}`);
    if (!RULES.has(f.rule)) out.push(`${what}: rule ${String(f.rule)}`);
    if (typeof f.message !== 'string' || f.message.trim() === '') out.push(`${what}: empty message`);
    else {
      // A placeholder in a message is a bug, unless the message quotes the document, which has it too.
      const leaked = /undefined|NaN|\[object Object\]/.exec(f.message);
      if (leaked && !text.includes(leaked[0])) out.push(`${what}: message leaks a placeholder: ${f.message}`);
    }
    out.push(...rangeProblems(lines, f.range, `${what}.range`));
    if (!Array.isArray(f.fixes)) out.push(`${what}: fixes is not an array`);
    else f.fixes.forEach((fix, j) => out.push(...fixProblems(lines, fix, `${what}.fixes[${j}]`)));
  });
  analysis.claims.forEach((c, i) => {
    const what = `claims[${i}] (${c.metricId})`;
    out.push(...rangeProblems(lines, c.nameRange, `${what}.nameRange`), ...rangeProblems(lines, c.valueRange, `${what}.valueRange`));
    if (!VERDICTS.has(c.verdict?.status)) out.push(`${what}: verdict ${String(c.verdict?.status)}`);
    if (typeof c.verdict?.message !== 'string' || c.verdict.message === '') out.push(`${what}: empty verdict message`);
    if (!VALUE_KINDS.has(c.value?.kind)) out.push(`${what}: value kind ${String(c.value?.kind)}`);
    if (!Number.isFinite(c.value?.low) || !Number.isFinite(c.value?.high)) out.push(`${what}: non-finite value ${c.value?.low}..${c.value?.high}`);
    if (analysis.pattern && !analysis.pattern.metric(c.metricId)) out.push(`${what}: metric ${c.metricId} is not in the pattern`);
  });
  analysis.headings.forEach((h, i) => {
    out.push(...rangeProblems(lines, h.range, `headings[${i}].range`));
    if (h.line !== h.range?.start?.line) out.push(`headings[${i}]: line ${h.line} differs from its range`);
    if (!(h.level >= 1 && h.level <= 6)) out.push(`headings[${i}]: level ${h.level}`);
  });
  analysis.sections.forEach((s, i) => {
    if (s.line !== undefined && (s.line < 0 || s.line >= lines.length)) out.push(`sections[${i}]: line ${s.line} outside the document`);
    if (s.present && s.line === undefined) out.push(`sections[${i}]: present without a line`);
  });
  if (analysis.frontMatter) {
    out.push(...rangeProblems(lines, analysis.frontMatter.range, 'frontMatter.range'));
    if (analysis.frontMatter.pattern) out.push(...rangeProblems(lines, analysis.frontMatter.pattern.range, 'frontMatter.pattern.range'));
    if (Object.getPrototypeOf(analysis.frontMatter.data) !== Object.prototype && Object.getPrototypeOf(analysis.frontMatter.data) !== null) {
      out.push('frontMatter.data has an unexpected prototype');
    }
  }
  return out;
}

/** Offset of a position in `text`, with lines split as the editor splits them. */
export function offsetAt(text: string, p: TextPosition): number {
  let line = 0;
  let i = 0;
  while (line < p.line && i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else i += 1;
    if (c === 10 || c === 13) line++;
  }
  return i + p.character;
}

/** Applies a fix's edits as one change, as the editor's WorkspaceEdit does. */
export function applyFix(text: string, fix: Fix): string {
  const edits = fix.edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** True when nothing changed the prototypes of plain objects (a `__proto__` key that got through). */
export function prototypesClean(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe.polluted === undefined && (Object.prototype as Record<string, unknown>).polluted === undefined && !('__pa_pwned' in globalThis);
}
