/**
 * The `near-miss-name` rule: a name that is almost a metric, company (or, in headings, section)
 * name of the pattern — "GPU Utilisation Rat", "Microsft Azure" — where a name is expected (a
 * scorecard's metric cell, a "Name: value" label, a heading, a bold list lead), and a company name
 * written in the wrong case anywhere ("Coreweave"). Suggestions come from the index; exact names
 * and aliases are never flagged. The fix replaces the text with the canonical name.
 */
import { editDistance, nameKey, nameKeyMatchCase, namePattern } from '../model/names';
import { entityName, type EntityKind, type Mention, type PatternIndex } from '../model/patternIndex';
import type { Finding, Fix, TextRange } from './types';

/** Longest text considered a name: longer texts are sentences, not misspelt names. */
const MAX_NAME_CHARS = 60;
const MAX_NAME_WORDS = 6;

/** Name keys of every metric, company and section, by length, computed once per index. */
const keyCache = new WeakMap<PatternIndex, ReadonlyMap<number, readonly string[]>>();

function keysByLength(index: PatternIndex): ReadonlyMap<number, readonly string[]> {
  let byLength = keyCache.get(index);
  if (!byLength) {
    const map = new Map<number, string[]>();
    for (const e of index.entities) {
      if (e.kind !== 'metric' && e.kind !== 'company' && e.kind !== 'section') continue;
      for (const name of index.namesOf(e)) {
        const k = nameKey(name);
        const list = map.get(k.length) ?? [];
        list.push(k);
        map.set(k.length, list);
      }
    }
    byLength = map;
    keyCache.set(index, byLength);
  }
  return byLength;
}

/**
 * A cheap test that some name is within the index's suggestion distance of `text` (the same
 * bound {@link PatternIndex.suggest} uses), so most labels and headings never reach `suggest`.
 */
function mayBeNear(index: PatternIndex, text: string): boolean {
  const key = nameKey(text);
  if (key.length < 3) return false;
  const limit = Math.max(1, Math.min(3, Math.floor(key.length / 5)));
  const byLength = keysByLength(index);
  for (let len = key.length - limit; len <= key.length + limit; len++) {
    for (const k of byLength.get(len) ?? []) if (editDistance(key, k, limit) <= limit) return true;
  }
  return false;
}

function replaceFix(range: TextRange, text: string, preferred: boolean): Fix {
  // Two literals, not a spread of `preferred && { preferred: true }`: a spread builds the object key
  // by key at run time (the same keys, in the same order).
  const title = `Replace with "${text}"`;
  return preferred ? { title, edits: [{ range, newText: text }], preferred: true } : { title, edits: [{ range, newText: text }] };
}

/**
 * {@link nearMissAnswer} of `text` written where a name is expected (`kinds`: the entities a name
 * there can be), kept in `memo`. A caller that finds no names in it (nearly every label and metric
 * cell) needs no range maker and no finding; else {@link nearMissFinding} gives the finding.
 */
export function nearMissAnswerOf(index: PatternIndex, text: string, kinds: readonly EntityKind[], memo: Map<string, NearMissAnswer>): NearMissAnswer {
  let answer = memo.get(text);
  if (!answer) {
    answer = nearMissAnswer(index, text, kinds);
    memo.set(text, answer);
  }
  return answer;
}

/** The finding for an answer of {@link nearMissAnswer}, if it names any suggestion. */
export function nearMissFinding(index: PatternIndex, answer: NearMissAnswer, rangeOf: (start: number, end: number) => TextRange): Finding | undefined {
  const { start, end, cleaned, names } = answer;
  if (names.length === 0) return undefined;
  const where = rangeOf(start, end);
  const best = names[0];
  return {
    rule: 'near-miss-name',
    severity: 'hint',
    message: `"${cleaned}" is not a name in ${index.model.name}. Did you mean ${names.map((n) => `"${n}"`).join(' or ')}?`,
    range: where,
    fixes: names.map((n) => replaceFix(where, n, n === best)),
  };
}

/** What {@link nearMissAnswerOf} found for a text; memoised per text (and per `kinds`: use one memo per kinds). */
export interface NearMissAnswer {
  readonly start: number;
  readonly end: number;
  readonly cleaned: string;
  readonly names: readonly string[];
}

const NO_NAMES: readonly string[] = [];

function isTrim(c: number): boolean {
  // whitespace, *, _ and `: emphasis around the name stays; only the name itself is replaced.
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0xa0 || c === 0x2a || c === 0x5f || c === 0x60;
}

/** Where the name in `text` is (emphasis trimmed) and what it nearly is. */
export function nearMissAnswer(index: PatternIndex, text: string, kinds: readonly EntityKind[]): NearMissAnswer {
  let a = 0;
  let b = text.length;
  while (a < b && isTrim(text.charCodeAt(a))) a++;
  while (b > a && isTrim(text.charCodeAt(b - 1))) b--;
  if (b - a < 3 || b - a > MAX_NAME_CHARS * 2) return { start: a, end: b, cleaned: '', names: NO_NAMES };
  const slice = text.slice(a, b);
  const cleaned = /\s\s|[^\S ]/.test(slice) ? slice.replace(/\s+/g, ' ') : slice;
  return { start: a, end: b, cleaned, names: suggestedNames(index, cleaned, kinds) };
}

/** Spaces in a text: its words minus one, once runs of whitespace are single spaces. */
function spaces(text: string): number {
  let n = 0;
  for (let k = text.indexOf(' '); k >= 0; k = text.indexOf(' ', k + 1)) n++;
  return n;
}

/** The canonical names `cleaned` nearly is (best first), or none. */
function suggestedNames(index: PatternIndex, cleaned: string, kinds: readonly EntityKind[]): readonly string[] {
  if (/[*_`]/.test(cleaned)) return [];
  if (cleaned.length < 3 || cleaned.length > MAX_NAME_CHARS || spaces(cleaned) >= MAX_NAME_WORDS) return [];
  if (!/\p{L}/u.test(cleaned) || /\d{2,}/.test(cleaned)) return [];
  if (index.lookup(cleaned) || !mayBeNear(index, cleaned)) return [];
  // A known name inside the text ("GPU utilization (Q3)") is that name, unless the text reaches for
  // a longer one and misses it: "GPU Utilisation Rat" holds "GPU Utilisation" but means the rate.
  const inside = index.mentions(cleaned);
  const longestInside = Math.max(0, ...inside.map((m) => m.matched.length));
  const suggestions = index
    .suggest(cleaned, kinds, 3)
    .filter((s) => s.distance > 0 && s.name.length > longestInside && (inside.length === 0 || inside.some((m) => m.entity === s.entity)));
  return [...new Set(suggestions.map((s) => entityName(s.entity)))];
}

/**
 * A finding for a company mention written in the wrong case ("Coreweave" for "CoreWeave"). Text in
 * capitals throughout ("COREWEAVE" in a shouted heading) is left alone.
 */
export function wrongCaseAt(mention: Mention, where: TextRange): Finding | undefined {
  if (mention.entity.kind !== 'company') return undefined;
  const written = mention.text;
  if (written === mention.matched || nameKeyMatchCase(written) === nameKeyMatchCase(mention.matched)) return undefined;
  if (written === written.toUpperCase() && /\p{Lu}{2}/u.test(written)) return undefined;
  const right = mention.matched;
  return {
    rule: 'near-miss-name',
    severity: 'hint',
    message: `"${written}" is written "${right}".`,
    range: where,
    fixes: [replaceFix(where, right, true)],
  };
}

interface CompanyScan {
  readonly regex: RegExp;
  /** Right spellings exactly as the model writes them (the common case, checked first). */
  readonly exact: ReadonlySet<string>;
  /** Right spellings, separators collapsed, case kept. */
  readonly right: ReadonlySet<string>;
}

const scanCache = new WeakMap<PatternIndex, CompanyScan | null>();

/**
 * The last index asked about and its scan: a document asks for every table row, heading and
 * paragraph (no WeakMap lookup each time). Holds that one index until another is asked about.
 */
let lastIndex: PatternIndex | undefined;
let lastScan: CompanyScan | null = null;

/** A case-insensitive search for the index's company names, built once from the index's own names. */
function companyScan(index: PatternIndex): CompanyScan | null {
  if (index === lastIndex) return lastScan;
  let scan = scanCache.get(index);
  if (scan === undefined) {
    const names: string[] = [];
    for (const e of index.entities) {
      if (e.kind !== 'company') continue;
      names.push(e.company.name);
      // A matchCase alias only ever matches as written, so it cannot be miscased.
      for (const a of e.company.aliases) if (!a.matchCase) names.push(a.text);
    }
    const sorted = [...new Set(names)].sort((a, b) => b.length - a.length);
    scan = sorted.length ? { regex: new RegExp(sorted.map(namePattern).join('|'), 'gi'), exact: new Set(sorted), right: new Set(sorted.map(nameKeyMatchCase)) } : null;
    scanCache.set(index, scan);
  }
  lastIndex = index;
  lastScan = scan;
  return scan;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Whether the UTF-16 unit `c` is a letter, digit or "_" as {@link WORD_CHAR} reads it alone
 * (`WORD_CHAR.test(text[k])`); exported for its test. Read from the code for ASCII: every match of
 * a company name in a table row, heading or paragraph is checked at both ends, and a one-character
 * string and a Unicode expression per end cost more than the rest of the check.
 */
export function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x5f;
  return WORD_CHAR.test(String.fromCharCode(c));
}

/**
 * Wrong-case findings for company names in `text` (prose without numbers, headings, table rows),
 * without a full mention search: a quick case-insensitive scan for company names, and only a name
 * written differently from every right spelling is confirmed with the index's mention finder.
 */
export function companyCaseFindings(index: PatternIndex, text: string, rangeOf: (start: number, end: number) => TextRange): readonly Finding[] {
  const scan = companyScan(index);
  if (!scan) return NO_FINDINGS;
  let out: Finding[] | undefined;
  scan.regex.lastIndex = 0;
  for (let m = scan.regex.exec(text); m; m = scan.regex.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if ((start > 0 && isWordUnit(text.charCodeAt(start - 1))) || (end < text.length && isWordUnit(text.charCodeAt(end)))) continue;
    if (scan.exact.has(m[0]) || scan.right.has(nameKeyMatchCase(m[0]))) continue;
    for (const mention of index.mentions(m[0])) {
      const f = wrongCaseAt(mention, rangeOf(start + mention.start, start + mention.end));
      if (f) (out ??= []).push(f);
    }
  }
  return out ?? NO_FINDINGS;
}

const NO_FINDINGS: readonly Finding[] = [];
