/**
 * The YAML front matter of an analysis: which pattern it applies (`pattern: ai-infrastructure`,
 * `17`, `"#17"` or `AI Infrastructure`), and the subject, period, author and title. Parsed with
 * js-yaml's safe core schema (no custom types, dates stay strings), never with a regex.
 *
 * A file counts as an analysis when its front matter has a `pattern` key. Mistakes in such a
 * front matter (unclosed block, bad YAML, a `pattern` that is a list or empty) become
 * `front-matter` findings with positions; front matter without a `pattern` key is someone else's
 * (a blog post's) and is left alone.
 */
import type * as JsYaml from 'js-yaml';
import type { Finding, FrontMatter, TextRange } from './types';
import { plainYamlMapping } from './plainYaml';
import { range, spanRange } from './textLines';

export interface FrontMatterResult {
  /** The parsed block, when it parsed. */
  readonly frontMatter?: FrontMatter;
  /** The `pattern` reference to resolve (a string or number as written), when usable. */
  readonly patternRef?: string | number;
  /** True when the front matter is meant to name a pattern (even if it is broken). */
  readonly namesPattern: boolean;
  /** First line of the markdown body. */
  readonly bodyStart: number;
  readonly findings: readonly Finding[];
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
/** Only decides whether a broken block is an analysis's (to report it); the YAML itself is parsed by js-yaml. */
const PATTERN_KEY = /^(["']?)pattern\1[ \t]*:/;
/** A `pattern:` key anywhere (indented, in a list): enough to say a broken block was meant to name a pattern. */
const ANY_PATTERN_KEY = /^[ \t]*(?:-[ \t]+)?(["']?)pattern\1[ \t]*:/;
/** Stops the search for a closing fence of a block that never closes from reading a whole book. */
const MAX_FRONT_MATTER_LINES = 1000;

let jsYaml: typeof JsYaml | undefined;

/**
 * js-yaml, required on the first front matter rather than with this module: most documents have
 * none, and the editor's bundle maps this require to its own lazily loaded dist/yaml.js (esbuild.mjs),
 * which keeps js-yaml's 44 KB out of activation.
 */
function yaml(): typeof JsYaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jsYaml ??= require('js-yaml') as typeof JsYaml;
  return jsYaml;
}

function loadYaml(text: string): unknown {
  const { load, CORE_SCHEMA } = yaml();
  return load(text, { schema: CORE_SCHEMA, json: false });
}

function finding(message: string, where: TextRange): Finding {
  return { rule: 'front-matter', severity: 'warning', message, range: where, fixes: [] };
}

/**
 * Where the top-level `pattern:` key is, and where its value starts and ends. A plain or quoted
 * scalar may go on over more-indented lines (YAML folds them into one value, e.g.
 * "pattern: ai-infrastructure" followed by "   - a note" reads "ai-infrastructure - a note"):
 * the value then ends on its last continuation line, so a fix replacing the value replaces all
 * of it. (Found by the 100,000-case fuzz run: a fix covering the first line only was a no-op,
 * offered again after every application; again with blank lines inside the value.)
 */
function locatePatternKey(lines: readonly string[], from: number, to: number, re = PATTERN_KEY): { line: number; valueStart: number; valueEnd: number; endLine: number } | undefined {
  for (let i = from; i < to; i++) {
    const m = re.exec(lines[i]);
    if (!m) continue;
    const text = lines[i];
    let start = m[0].length;
    while (start < text.length && /[ \t]/.test(text[start])) start++;
    let end = text.length;
    // A comment after the value is not part of it; inside quotes a # is.
    const quote = text[start] === '"' || text[start] === "'" ? text[start] : undefined;
    if (quote) {
      const close = text.indexOf(quote, start + 1);
      end = close > 0 ? close + 1 : text.length;
    } else {
      const hash = text.slice(start).search(/(?:^|[ \t])#/);
      if (hash >= 0) end = start + hash;
    }
    while (end > start && /[ \t]/.test(text[end - 1])) end--;
    let endLine = i;
    let endChar = end;
    // Continuation lines of a scalar that starts on the key's line (not a block scalar or a list).
    if (end > start && !/^[|>[{]/.test(text[start])) {
      for (let j = i + 1; j < to; j++) {
        const next = lines[j];
        // Blank lines belong to the scalar when an indented line follows them (YAML folds each into a
        // line break: "ai-infrastructure", "", "   - a note" reads "ai-infrastructure\n- a note").
        if (next.trim() === '') continue;
        if (!/^[ \t]/.test(next) || /^[ \t]*#/.test(next)) break;
        const hash = quote ? -1 : next.search(/[ \t]#/);
        endLine = j;
        endChar = (hash >= 0 ? next.slice(0, hash) : next).replace(/[ \t]+$/, '').length;
      }
    }
    return { line: i, valueStart: start, valueEnd: endLine === i ? end : endChar, endLine };
  }
  return undefined;
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

function stringField(data: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = Object.prototype.hasOwnProperty.call(data, k) ? data[k] : undefined;
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

/** Reads the front matter at the top of `lines` (after an optional byte-order mark). */
export function readFrontMatter(lines: readonly string[], bom: number): FrontMatterResult {
  const none: FrontMatterResult = { namesPattern: false, bodyStart: 0, findings: [] };
  if (lines.length === 0 || !OPEN.test(lines[0].slice(bom))) return none;

  let close = -1;
  const limit = Math.min(lines.length, MAX_FRONT_MATTER_LINES);
  for (let i = 1; i < limit; i++) {
    if (CLOSE.test(lines[i])) {
      close = i;
      break;
    }
  }
  if (close < 0) {
    // Without a closing fence there is no front matter, only a thematic break; report it only
    // when the lines after it are plainly meant to name a pattern.
    let blank = 1;
    while (blank < limit && lines[blank].trim() !== '') blank++;
    if (!locatePatternKey(lines, 1, blank, ANY_PATTERN_KEY)) return none;
    return {
      namesPattern: true,
      bodyStart: 0,
      findings: [finding('The front matter opened with "---" on line 1 is never closed: add a line with "---" after the last YAML line.', range(0, bom, lines[0].length))],
    };
  }

  const blockRange: TextRange = { start: { line: 0, character: bom }, end: { line: close, character: lines[close].length } };
  const key = locatePatternKey(lines, 1, close);
  const anyKey = key ?? locatePatternKey(lines, 1, close, ANY_PATTERN_KEY);
  let data: unknown;
  try {
    // Plain `key: value` lines are read without js-yaml (plainYaml.ts says why that is safe).
    data = plainYamlMapping(lines, 1, close) ?? loadYaml(lines.slice(1, close).join('\n'));
  } catch (e) {
    if (!anyKey) return { ...none, bodyStart: close + 1 };
    const err = e instanceof yaml().YAMLException ? e : undefined;
    const line = err?.mark ? Math.min(close - 1, err.mark.line + 1) : 1;
    const col = err?.mark ? err.mark.column : 0;
    const reason = err?.reason ?? (e instanceof Error ? e.message : String(e));
    const lineText = lines[line] ?? '';
    return {
      namesPattern: true,
      bodyStart: close + 1,
      findings: [finding(`The front matter is not valid YAML: ${reason} (line ${line + 1}, column ${col + 1}).`, range(line, Math.min(col, lineText.length), Math.max(Math.min(col, lineText.length), lineText.length)))],
    };
  }

  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    if (!anyKey) return { ...none, bodyStart: close + 1 };
    return {
      namesPattern: true,
      bodyStart: close + 1,
      findings: [finding(`The front matter must be a set of "key: value" lines (found ${describe(data)}).`, blockRange)],
    };
  }
  const record = data as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(record, 'pattern')) {
    return { ...none, bodyStart: close + 1, frontMatter: toFrontMatter(blockRange, record) };
  }

  const value = record.pattern;
  const where = key ? spanRange({ line: key.line, character: key.valueStart }, { line: key.endLine, character: key.valueEnd }) : blockRange;
  const keyRange = key ? range(key.line, 0, lines[key.line].length) : blockRange;
  const fm = toFrontMatter(blockRange, record);
  if (typeof value === 'string' || typeof value === 'number') fm.pattern = { value: String(value).trim(), range: where };
  const base = { frontMatter: fm, namesPattern: true, bodyStart: close + 1 };
  // Literals, not `{ ...base, … }` (built key by key): one of these is every analysis's.
  if (typeof value === 'string' && value.trim() !== '') return { frontMatter: fm, namesPattern: true, bodyStart: close + 1, patternRef: value.trim(), findings: [] };
  if (typeof value === 'number' && Number.isFinite(value)) return { frontMatter: fm, namesPattern: true, bodyStart: close + 1, patternRef: value, findings: [] };

  let message: string;
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    const written = key ? lines[key.line].slice(key.valueStart) : '';
    message = written.trimStart().startsWith('#')
      ? `"pattern:" is empty: in YAML a "#" starts a comment. Quote the number: pattern: "${written.trim()}"`
      : '"pattern:" is empty: name the pattern this analysis applies, e.g. "pattern: ai-infrastructure".';
  } else {
    message = `"pattern:" must be one pattern id, number or name (e.g. "pattern: ai-infrastructure"), not ${describe(value)}.`;
  }
  return { ...base, findings: [finding(message, key && key.valueEnd > key.valueStart ? where : keyRange)] };
}

/** The front matter's fields, set one by one (keys in this order, absent when empty): no spread per field. */
function toFrontMatter(blockRange: TextRange, data: Record<string, unknown>): { -readonly [K in keyof FrontMatter]: FrontMatter[K] } {
  const fm: { -readonly [K in keyof FrontMatter]: FrontMatter[K] } = { range: blockRange, data };
  const subject = stringField(data, 'subject', 'company');
  if (subject) fm.subject = subject;
  const period = stringField(data, 'period');
  if (period) fm.period = period;
  const author = stringField(data, 'author');
  if (author) fm.author = author;
  const title = stringField(data, 'title');
  if (title) fm.title = title;
  return fm;
}
