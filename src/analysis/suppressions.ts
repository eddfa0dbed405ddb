/**
 * Inline suppressions: HTML comments (hidden by every markdown viewer) with which an analyst
 * acknowledges a known finding instead of turning its rule off everywhere, as markdownlint and
 * ESLint users already write them:
 *
 *     <!-- pattern-analyst-disable-next-line benchmark-miss -- 72% is the point of this note -->
 *     <!-- pattern-analyst-disable-line benchmark-miss -->        (the comment's own line)
 *     <!-- pattern-analyst-disable benchmark-miss -->  …  <!-- pattern-analyst-enable -->
 *     <!-- pattern-analyst-disable-file missing-section -- a one-page note -->
 *
 * No rule names means every rule; several are separated by spaces or commas; the reason is what
 * follows ` -- `. A `disable` without an `enable` runs to the end of the document; `enable` with
 * rule names re-enables only those (a bare `disable` then stays on for the others); a second
 * `disable` of a rule already off takes over from the first. Comments inside fenced code or
 * inline code are text, not suppressions.
 *
 * Applied here, in the core, so the editor, the preview and the CLI hide exactly the same
 * findings. A suppression that suppresses nothing, or names a rule that does not exist, gets an
 * `unused-suppression` finding. Broken front matter (`front-matter`) cannot be suppressed: without
 * it nothing else is checked.
 *
 * Linear: one pass over the lines (a directive is found with indexOf), and one lookup per finding
 * (binary search over the states the directives create, each a small copy of at most one entry
 * per rule).
 */
import { range as lineRange } from './textLines';
import type { Analysis, Finding, RuleId, SuppressedFinding, TextEdit, TextRange } from './types';

/** Rules a suppression may name (a compile-time check keeps this in step with RuleId). */
const SUPPRESSIBLE: Readonly<Record<Exclude<RuleId, 'front-matter' | 'unused-suppression'>, true>> = {
  'benchmark-miss': true,
  'impossible-value': true,
  'missing-section': true,
  'unknown-pattern': true,
  'near-miss-name': true,
  'conflicting-value': true,
  'unsourced-value': true,
  'period-mismatch': true,
};
export type SuppressibleRule = keyof typeof SUPPRESSIBLE;
export const SUPPRESSIBLE_RULES = Object.keys(SUPPRESSIBLE) as SuppressibleRule[];

export const SUPPRESSION_PREFIX = 'pattern-analyst-';
type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';
/** Longest first, so `disable-next-line` is not read as `disable`. */
const KINDS: readonly DirectiveKind[] = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'];

/** One suppression comment as written. */
export interface Directive {
  readonly kind: DirectiveKind;
  /** The rules it names; empty means every rule. */
  readonly rules: readonly SuppressibleRule[];
  readonly reason?: string;
  /** The comment, `<!--` to `-->`. */
  readonly range: TextRange;
}

export interface SuppressionResult {
  /** The findings still shown, in their order. */
  readonly findings: Finding[];
  readonly suppressed: SuppressedFinding[];
  /** `unused-suppression` findings (already among `findings`, in document order). */
  readonly unused: Finding[];
}

interface Parsed {
  readonly directives: readonly Directive[];
  /** Unknown rule names, each with the directive's range. */
  readonly problems: readonly Finding[];
}

const FENCE = /^[ \t>]*(`{3,}|~{3,})(.*)$/;

const COMMENT_OPEN = '<!--';

/**
 * False when `text` certainly holds no suppression comment (then {@link readDirectives} finds no
 * directive and no problem): no "<!--" is followed, after whitespace, by "pattern-analyst-".
 *
 * Why not `text.includes(SUPPRESSION_PREFIX)`: a search for a 16-character needle costs about a
 * microsecond per 5 KB (most of it setting up the search), on every analysis, while "<!--" is rare
 * and found at once. Linear: each search starts past the whitespace the last one skipped.
 */
export function mayHoldDirectives(text: string): boolean {
  for (let at = text.indexOf(COMMENT_OPEN); at >= 0; ) {
    let k = at + COMMENT_OPEN.length;
    // The whitespace `trim` removes (parseDirective trims the comment's body).
    while (k < text.length && /\s/.test(text[k])) k++;
    if (text.startsWith(SUPPRESSION_PREFIX, k)) return true;
    at = text.indexOf(COMMENT_OPEN, k);
  }
  return false;
}

/** Reads the suppression comments of the lines from `bodyStart` on (front matter is YAML, not markdown). */
export function readDirectives(lines: readonly string[], bodyStart: number): Parsed {
  const directives: Directive[] = [];
  const problems: Finding[] = [];
  let fence: { ch: string; len: number } | undefined;
  for (let line = bodyStart; line < lines.length; line++) {
    const text = lines[line];
    const f = text.includes('```') || text.includes('~~~') ? FENCE.exec(text) : null;
    if (fence) {
      if (f && f[1][0] === fence.ch && f[1].length >= fence.len && f[2].trim() === '') fence = undefined;
      continue;
    }
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      fence = { ch: f[1][0], len: f[1].length };
      continue;
    }
    let at = text.indexOf('<!--');
    while (at >= 0) {
      const close = text.indexOf('-->', at + 4);
      if (close < 0) break;
      if (!insideCodeSpan(text, at)) {
        const parsed = parseDirective(text.slice(at + 4, close), lineRange(line, at, close + 3));
        if (parsed?.directive) directives.push(parsed.directive);
        if (parsed) problems.push(...parsed.problems);
      }
      at = text.indexOf('<!--', close + 3);
    }
  }
  return { directives, problems };
}

/** An odd number of backticks before `at` on the line: the comment is inside inline code. */
function insideCodeSpan(text: string, at: number): boolean {
  let ticks = 0;
  for (let i = text.indexOf('`'); i >= 0 && i < at; i = text.indexOf('`', i + 1)) ticks++;
  return ticks % 2 === 1;
}

function parseDirective(body: string, where: TextRange): { directive?: Directive; problems: Finding[] } | undefined {
  const trimmed = body.trim();
  if (!trimmed.startsWith(SUPPRESSION_PREFIX)) return undefined;
  const rest = trimmed.slice(SUPPRESSION_PREFIX.length);
  const kind = KINDS.find((k) => rest.startsWith(k) && (rest.length === k.length || /[\s,]/.test(rest[k.length])));
  if (!kind) return undefined;
  const args = rest.slice(kind.length);
  const dashes = args.search(/(?:^|\s)--(?:\s|$)/);
  const names = (dashes < 0 ? args : args.slice(0, dashes)).split(/[\s,]+/).filter((n) => n !== '');
  const reason = dashes < 0 ? '' : args.slice(dashes).replace(/^\s*--/, '').trim();
  const rules: SuppressibleRule[] = [];
  const problems: Finding[] = [];
  for (const name of names) {
    if (name in SUPPRESSIBLE) rules.push(name as SuppressibleRule);
    else problems.push(unusedFinding(where, `Suppression names "${name}", which is not a rule that can be suppressed (rules: ${SUPPRESSIBLE_RULES.join(', ')}).`));
  }
  // A comment that names only unknown rules suppresses nothing (it must not become "every rule"):
  // its problems say so.
  if (names.length > 0 && rules.length === 0) return { problems };
  return { directive: { kind, rules, range: where, ...(reason && { reason }) }, problems };
}

function unusedFinding(range: TextRange, message: string): Finding {
  return { rule: 'unused-suppression', severity: 'hint', message, range, fixes: [{ title: 'Remove this suppression comment', edits: [{ range, newText: '' }] }] };
}

const WHERE: Readonly<Record<DirectiveKind, string>> = {
  'disable-next-line': 'on the next line',
  'disable-line': 'on its line',
  disable: 'until it is enabled again',
  enable: '',
  'disable-file': 'in this file',
};

/** Which directive, if any, turns each rule off from a line on. */
type State = ReadonlyMap<SuppressibleRule, Directive>;

/**
 * Hides the findings the directives acknowledge and reports directives that hide nothing.
 * `findings` must be in document order; the result keeps that order.
 */
export function applySuppressions(findings: readonly Finding[], parsed: Parsed): SuppressionResult {
  const { directives } = parsed;
  if (directives.length === 0 && parsed.problems.length === 0) return { findings: [...findings], suppressed: [], unused: [] };
  const used = new Set<Directive>();

  const file = new Map<SuppressibleRule, Directive>();
  const byLine = new Map<number, Map<SuppressibleRule, Directive>>();
  const starts: number[] = [];
  const states: State[] = [];
  let state = new Map<SuppressibleRule, Directive>();
  const unused: Finding[] = [...parsed.problems];
  for (const d of directives) {
    const rules = d.rules.length ? d.rules : SUPPRESSIBLE_RULES;
    const line = d.range.start.line;
    if (d.kind === 'disable-file') {
      for (const r of rules) if (!file.has(r)) file.set(r, d);
    } else if (d.kind === 'disable-line' || d.kind === 'disable-next-line') {
      const target = d.kind === 'disable-line' ? line : line + 1;
      let m = byLine.get(target);
      if (!m) byLine.set(target, (m = new Map()));
      for (const r of rules) m.set(r, d);
    } else {
      const next = new Map(state);
      if (d.kind === 'disable') {
        for (const r of rules) next.set(r, d);
      } else {
        let closed = false;
        for (const r of rules) closed = next.delete(r) || closed;
        // An enable that closes nothing is itself an unused comment.
        if (!closed) unused.push(unusedFinding(d.range, `Nothing to enable here: no ${d.rules.length ? d.rules.join(', ') : 'rule'} was disabled above.`));
        used.add(d);
      }
      // A range starts on the line after its comment ("disable" at the end of a line covers what follows).
      starts.push(d.kind === 'disable' ? line + 1 : line);
      states.push(next);
      state = next;
    }
  }

  const shown: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const by = f.rule === 'front-matter' || f.rule === 'unused-suppression' ? undefined : suppressor(f.rule as SuppressibleRule, f.range.start.line, file, byLine, starts, states);
    if (!by) {
      shown.push(f);
      continue;
    }
    used.add(by);
    suppressed.push({ ...f, acknowledged: { range: by.range, ...(by.reason && { reason: by.reason }) } });
  }
  for (const d of directives) {
    if (!used.has(d)) unused.push(unusedFinding(d.range, `This suppression hides nothing: no ${d.rules.length ? `${d.rules.join(', ')} ` : ''}finding ${WHERE[d.kind]}.`));
  }
  unused.sort(byPosition);
  return { findings: mergeInOrder(shown, unused), suppressed, unused };
}

function suppressor(rule: SuppressibleRule, line: number, file: ReadonlyMap<SuppressibleRule, Directive>, byLine: ReadonlyMap<number, ReadonlyMap<SuppressibleRule, Directive>>, starts: readonly number[], states: readonly State[]): Directive | undefined {
  const onLine = byLine.get(line)?.get(rule);
  if (onLine) return onLine;
  // The last state starting at or before the line.
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return (found >= 0 ? states[found].get(rule) : undefined) ?? file.get(rule);
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function mergeInOrder(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  if (b.length === 0) return [...a];
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && byPosition(a[i], b[j]) <= 0)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/**
 * The edit that acknowledges a finding: a `disable-line` comment at the end of the finding's line
 * (inline, so it neither splits a paragraph nor breaks a table), or, for a finding in the front
 * matter (YAML has no HTML comments), a `disable-file` comment on its own line after it.
 * `lineText` is the finding's line; `bodyStart` the first line after the front matter.
 */
export function acknowledgeEdit(finding: Finding, lineText: string, bodyStart: number, eol: string): TextEdit | undefined {
  if (finding.rule === 'front-matter' || finding.rule === 'unused-suppression') return undefined;
  const line = finding.range.start.line;
  if (line < bodyStart) {
    return { range: lineRange(bodyStart, 0, 0), newText: `<!-- ${SUPPRESSION_PREFIX}disable-file ${finding.rule} -->${eol}` };
  }
  const end = lineText.length;
  const pad = end > 0 && !/\s$/.test(lineText) ? ' ' : '';
  return { range: lineRange(line, end, end), newText: `${pad}<!-- ${SUPPRESSION_PREFIX}disable-line ${finding.rule} -->` };
}

/**
 * The findings as if inline suppressions did not exist (a team's config turned them off): the
 * hidden ones back in their place, the unused-suppression hints gone. Equal to analysing with
 * `inlineSuppressions: false`, without analysing again.
 */
export function findingsWithoutSuppressions(analysis: Analysis): Finding[] {
  const shown = analysis.findings.filter((f) => f.rule !== 'unused-suppression');
  if (!analysis.suppressed?.length) return shown;
  const hidden = analysis.suppressed.map(({ acknowledged: _a, ...f }) => f);
  return [...shown, ...hidden].sort(byPosition);
}
