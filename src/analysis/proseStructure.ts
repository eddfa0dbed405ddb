/**
 * The shapes inside prose that matter for claims and names: a label at the start of a line
 * ("GPU utilization: 72%", "**GPU utilization:** 72%", "- **Retention**: 96%"), a bold lead in a
 * list item ("- **CoreWeave** — GPU cloud"), and sentence boundaries. Each regex reads a bounded
 * slice, so long lines cost nothing extra.
 */

/** A label at the start of a line: its text and where its value begins. Offsets are in the text given. */
export interface Label {
  readonly start: number;
  readonly end: number;
  /** Offset just after the colon (and any emphasis closing it). */
  readonly valueStart: number;
}

const LABEL = /^([ \t]*)([*_]{0,3})([^:*_|\n]{1,80}?)([*_]{0,3})[ \t]*:(?![/\d])([*_]{0,3})/;
const BOLD_LEAD = /^([ \t]*)(\*\*|__)([^*_\n]{1,80}?)\2/;
const LABEL_WINDOW = 120;
const MAX_LABEL_WORDS = 8;

/** `text.split(/\s+/).length` for a trimmed text, without the array. */
function wordCount(trimmed: string): number {
  let n = 1;
  WHITE_RUN.lastIndex = 0;
  while (WHITE_RUN.test(trimmed)) n++;
  return n;
}

const WHITE_RUN = /\s+/g;

/** The label opening `text[from…]` (one line), if the line starts with one. */
export function labelAt(text: string, from: number, lineEnd: number): Label | undefined {
  const windowEnd = Math.min(lineEnd, from + LABEL_WINDOW);
  const colon = text.indexOf(':', from);
  if (colon < 0 || colon >= windowEnd) return undefined;
  const m = LABEL.exec(text.slice(from, windowEnd));
  if (!m) return undefined;
  const body = m[3];
  const lead = body.length - body.trimStart().length;
  const trimmed = body.trim();
  if (!/\p{L}/u.test(trimmed) || wordCount(trimmed) > MAX_LABEL_WORDS || /[.!?;]\s/.test(trimmed)) return undefined;
  const start = from + m[1].length + m[2].length + lead;
  return { start, end: start + trimmed.length, valueStart: from + m[0].length };
}

/** The bold text leading a line ("**CoreWeave** — …"), as [start, end) offsets. */
export function boldLeadAt(text: string, from: number, lineEnd: number): { start: number; end: number } | undefined {
  const m = BOLD_LEAD.exec(text.slice(from, Math.min(lineEnd, from + LABEL_WINDOW)));
  if (!m) return undefined;
  const body = m[3];
  const lead = body.length - body.trimStart().length;
  const trimmed = body.trim();
  if (!trimmed) return undefined;
  const start = from + m[1].length + m[2].length + lead;
  return { start, end: start + trimmed.length };
}

export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'vs', 'approx', 'etc', 'inc', 'corp', 'ltd', 'co', 'no', 'nos', 'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'st',
  'est', 'ca', 'c', 'cf', 'fig', 'incl', 'excl', 'resp', 'avg', 'u.s', 'mo', 'yr', 'yrs', 'al', 'ref', 'approx', 'min', 'max', 'op', 'p', 'pp',
]);
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/**
 * For each ASCII letter a-z, bit n set when an abbreviation of n characters starts with it. Why: a
 * sentence ends in a word of six letters or fewer about half the time ("public.", "growth." is
 * seven), and cutting and lower-casing each one to look it up was a good part of finding the
 * sentences of a paragraph; a plain ASCII word whose first letter and length fit no abbreviation
 * is none without being cut.
 */
const ABBREVIATION_LENGTHS = new Uint8Array(26);
for (const a of ABBREVIATIONS) {
  const c = a.charCodeAt(0) - 0x61;
  if (c >= 0 && c < 26) ABBREVIATION_LENGTHS[c] |= 1 << a.length;
}

/** False when `text[k, at)` (letters and dots) is surely no abbreviation in any letter case: plain ASCII whose first letter and length fit none. */
export function mayBeAbbreviation(text: string, k: number, at: number): boolean {
  const first = (text.charCodeAt(k) | 0x20) - 0x61;
  if (first < 0 || first >= 26) return true;
  // Lower-casing keeps the length of ASCII only ("İ" becomes two units): anything else is looked up.
  for (let j = k + 1; j < at; j++) if (text.charCodeAt(j) >= 128) return true;
  return (ABBREVIATION_LENGTHS[first] & (1 << (at - k))) !== 0;
}

function isLetterChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /\p{L}/u.test(c);
}

function isSentencePunctuation(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f;
}

const SENTENCE_END = /[.!?]+(?=[\s"')\]*_\u201d\u2019]|$)/g;

/**
 * Sentence spans of a text as [start, end) offsets, flat (`[s0, e0, s1, e1, …]`: no pair arrays on
 * hot paths). A sentence ends at ".", "!" or "?" followed by a space or the end, except after an
 * abbreviation ("e.g.", "vs.", "approx.", "Inc.") or an initial; a decimal point never ends one.
 * `breaks` are extra boundaries (e.g. each label line).
 *
 * With `until`, the search for sentence ends stops at the first end after it: the spans that start
 * at or before `until` are exactly those of the whole text, and one span runs from there to the end
 * (a paragraph's claims are read only in the sentences up to its last metric name).
 */
export function sentenceSpans(text: string, breaks: readonly number[] = [], until = Infinity): number[] {
  if (breaks.length === 0 && !/[.!?]/.test(text)) return [0, text.length];
  const cuts: number[] = [];
  SENTENCE_END.lastIndex = 0;
  // test() and lastIndex, no match array: a match is always a whole run of ".!?" (the look-ahead
  // refuses another one after it), so it starts where that run starts.
  while (SENTENCE_END.test(text)) {
    const end = SENTENCE_END.lastIndex;
    let at = end - 1;
    while (at > 0 && isSentencePunctuation(text.charCodeAt(at - 1))) at--;
    if (end - at === 1 && text.charCodeAt(at) === 0x2e) {
      // The word before the dot (letters and inner dots, at most 8): an abbreviation or an initial does not end a sentence.
      let k = at;
      while (k > 0 && at - k < 8 && (text[k - 1] === '.' || isLetterChar(text[k - 1]))) k--;
      // A longer word is no abbreviation and no initial: not cut out (most sentences end in one).
      if (k < at && at - k <= LONGEST_ABBREVIATION && !(k > 0 && at - k === 8 && isLetterChar(text[k - 1])) && (at - k === 1 || mayBeAbbreviation(text, k, at))) {
        const word = text.slice(k, at);
        if (ABBREVIATIONS.has(word.toLowerCase())) continue;
        if (word.length === 1 && word !== word.toLowerCase()) continue;
      }
    }
    cuts.push(end);
    if (end > until) break;
  }
  // Sentence ends are in order already; label breaks are merged in, walking both lists once (the
  // breaks come in order from the claim finder: no joined, filtered and sorted copy per paragraph).
  const ordered = isAscending(breaks) ? breaks : [...breaks].sort((a, b) => a - b);
  const spans: number[] = [];
  let start = 0;
  let i = 0;
  let j = 0;
  while (i < cuts.length || j < ordered.length) {
    const c = j >= ordered.length || (i < cuts.length && cuts[i] <= ordered[j]) ? cuts[i++] : ordered[j++];
    // A break at 0 cuts nothing (sentence ends are never 0).
    if (c <= 0) continue;
    if (c >= text.length) break;
    if (c > start) spans.push(start, c);
    start = Math.max(start, c);
  }
  if (start < text.length) spans.push(start, text.length);
  return spans;
}

function isAscending(list: readonly number[]): boolean {
  for (let k = 1; k < list.length; k++) if (list[k - 1] > list[k]) return false;
  return true;
}
