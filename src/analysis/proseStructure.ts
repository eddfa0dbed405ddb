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

/**
 * The label opening `text[from…]` (one line, ending at `lineEnd`), if the line starts with one:
 * {@link labelAtSlow}, read in place. Why: cutting the line, running {@link LABEL} on the cut, then
 * cutting, trimming and testing its name with three more expressions cost ~300 ns per line with a
 * colon, most of finding a paragraph's labels. {@link LABEL} can only match one way (a name of up to
 * 80 characters, none of `:*_|`, up to the line's first colon, which must not open a URL or a time;
 * the shorter matches the engine could find by backtracking have no letter in their name and give no
 * label), so a walk over the line finds it. A name or line with any non-ASCII character, or a line
 * longer than the window, is left to {@link labelAtSlow} (what "whitespace" and "letter" mean
 * there is Unicode's). test/unit/analysis/proseStructure.test.ts holds the two to the same answers.
 */
export function labelAt(text: string, from: number, lineEnd: number): Label | undefined {
  const windowEnd = Math.min(lineEnd, from + LABEL_WINDOW);
  const colon = text.indexOf(':', from);
  if (colon < 0 || colon >= windowEnd) return undefined;
  // The walk reads the whole line: only when the window is the line (it ends at a line break or the text's end).
  if (windowEnd !== lineEnd || (lineEnd < text.length && text.charCodeAt(lineEnd) !== 0x0a)) return labelAtSlow(text, from, lineEnd);
  let k = from;
  while (k < colon && isSpaceOrTab(text.charCodeAt(k))) k++;
  for (let stars = 0; stars < 3 && k < colon && isStarOrUnderscore(text.charCodeAt(k)); stars++) k++;
  const nameStart = k;
  // The name's end: before the spaces, then up to three "*" / "_", that close it before the colon.
  let q = colon;
  while (q > nameStart && isSpaceOrTab(text.charCodeAt(q - 1))) q--;
  for (let stars = 0; stars < 3 && q > nameStart && isStarOrUnderscore(text.charCodeAt(q - 1)); stars++) q--;
  if (q === nameStart || q - nameStart > 80) return undefined;
  // The name: no "*", "_", "|" (nor, the line being one, a line break); ASCII only here. It counts words and
  // looks for a letter and for a sentence's punctuation inside it, on its trimmed text.
  let lead = -1;
  let trail = nameStart;
  let letter = false;
  let words = 1;
  let sentence = false;
  for (let j = nameStart; j < q; j++) {
    const c = text.charCodeAt(j);
    if (c >= 128) return labelAtSlow(text, from, lineEnd);
    // No name holds these, whatever else it holds.
    if (c === 0x2a || c === 0x5f || c === 0x7c || c === 0x0a) return undefined;
    if (isAsciiSpace(c)) {
      // A run of spaces inside the name (after a non-space, before another) parts two words.
      if (lead >= 0 && !isAsciiSpace(text.charCodeAt(j - 1))) words++;
      continue;
    }
    if (lead < 0) lead = j;
    trail = j + 1;
    if (((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) letter = true;
    // "[.!?;]\s" inside the trimmed name: a sentence, not a label.
    else if ((c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b) && j + 1 < q && isAsciiSpace(text.charCodeAt(j + 1))) sentence = true;
  }
  // A space after the punctuation that is inside the trimmed name (not its trailing space).
  if (sentence && hasSentencePunctuation(text, lead, trail)) return undefined;
  // The trailing run of spaces was counted as a break between words.
  if (lead >= 0 && trail < q) words--;
  if (!letter || words > MAX_LABEL_WORDS) return undefined;
  // After the colon: no "/" or digit ("https://", "10:30"); then up to three "*" / "_" close the label.
  const next = text.charCodeAt(colon + 1);
  if (next === 0x2f || (next >= 0x30 && next <= 0x39)) return undefined;
  let valueStart = colon + 1;
  for (let stars = 0; stars < 3 && valueStart < lineEnd && isStarOrUnderscore(text.charCodeAt(valueStart)); stars++) valueStart++;
  return { start: lead, end: trail, valueStart };
}

function isSpaceOrTab(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function isStarOrUnderscore(c: number): boolean {
  return c === 0x2a || c === 0x5f;
}

/** `\s` among ASCII characters: space, tab, line feed, vertical tab, form feed, carriage return. */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** `/[.!?;]\s/` in `text[a, b)` (ASCII). */
function hasSentencePunctuation(text: string, a: number, b: number): boolean {
  for (let j = a; j + 1 < b; j++) {
    const c = text.charCodeAt(j);
    if ((c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b) && isAsciiSpace(text.charCodeAt(j + 1))) return true;
  }
  return false;
}

/** What {@link labelAt} means: the line cut to the window, {@link LABEL} run on it, its name cut and trimmed. */
export function labelAtSlow(text: string, from: number, lineEnd: number): Label | undefined {
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

/** Whether the UTF-16 unit `code` is a letter (a lone surrogate is none, as `/\p{L}/u` reads it alone). */
function isLetterCode(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /\p{L}/u.test(String.fromCharCode(code));
}

function isSentencePunctuation(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f;
}

/** 1 for the ASCII characters that may follow a sentence's end: white space and `"')]*_`. */
const ASCII_AFTER_END = new Uint8Array(128);
for (const c of '\t\n\v\f\r "\')]*_') ASCII_AFTER_END[c.charCodeAt(0)] = 1;
/** The same outside ASCII: white space and the closing quotes. */
const OTHER_AFTER_END = /[\s\u201d\u2019]/;

/** Whether the character with code `c` may follow a sentence's end (as the look-ahead of {@link SENTENCE_END} reads it). */
function mayFollowEnd(c: number): boolean {
  return c < 128 ? ASCII_AFTER_END[c] === 1 : OTHER_AFTER_END.test(String.fromCharCode(c));
}

/**
 * What ends a sentence, before abbreviations are ruled out: a run of ".", "!" and "?" followed by
 * white space, a closing quote, bracket or emphasis, or the end. {@link sentenceSpans} finds
 * exactly its matches without running it; {@link sentenceSpansSlow} runs it.
 */
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
 *
 * The ends are those of {@link SENTENCE_END}, found with indexOf. Why: a regex call per sentence
 * end (and one more to see whether the text has any) was a tenth of reading a paragraph's claims;
 * indexOf finds the few punctuation marks of a paragraph faster, and "!" and "?" are rarely there
 * at all (each is searched again only once passed, so the text is read once per mark).
 * test/unit/analysis/proseStructure.test.ts holds it to {@link sentenceSpansSlow}.
 */
export function sentenceSpans(text: string, breaks: readonly number[] = [], until = Infinity): number[] {
  const n = text.length;
  // The next ".", "!" and "?" at or after `pos`, or -1 when none is left.
  let dot = text.indexOf('.');
  let bang = text.indexOf('!');
  let question = text.indexOf('?');
  if (breaks.length === 0 && dot < 0 && bang < 0 && question < 0) return [0, n];
  // Without breaks (most paragraphs) the spans are made as the ends are found, not from a list of them.
  const direct = breaks.length === 0;
  const found: number[] = [];
  let start = 0;
  let pos = 0;
  for (;;) {
    if (dot >= 0 && dot < pos) dot = text.indexOf('.', pos);
    if (bang >= 0 && bang < pos) bang = text.indexOf('!', pos);
    if (question >= 0 && question < pos) question = text.indexOf('?', pos);
    let at = dot;
    if (bang >= 0 && (at < 0 || bang < at)) at = bang;
    if (question >= 0 && (at < 0 || question < at)) at = question;
    if (at < 0) break;
    // The whole run of punctuation is the expression's match when what follows it may follow an
    // end; else no part of the run is (the look-ahead never accepts punctuation).
    let end = at + 1;
    while (end < n && isSentencePunctuation(text.charCodeAt(end))) end++;
    pos = end;
    if (end < n && !mayFollowEnd(text.charCodeAt(end))) continue;
    if (isAbbreviationEnd(text, at, end)) continue;
    if (!direct) found.push(end);
    else if (end < n) {
      found.push(start, end);
      start = end;
    }
    if (end > until) break;
  }
  if (!direct) return spansOf(text, found, breaks);
  if (start < n) found.push(start, n);
  return found;
}

/** What {@link sentenceSpans} means: the ends found by running {@link SENTENCE_END}, each word before a dot cut and looked up. */
export function sentenceSpansSlow(text: string, breaks: readonly number[] = [], until = Infinity): number[] {
  if (breaks.length === 0 && !/[.!?]/.test(text)) return [0, text.length];
  const cuts: number[] = [];
  SENTENCE_END.lastIndex = 0;
  // A match is always a whole run of ".!?" (the look-ahead refuses another one after it), so it starts where that run starts.
  while (SENTENCE_END.test(text)) {
    const end = SENTENCE_END.lastIndex;
    let at = end - 1;
    while (at > 0 && isSentencePunctuation(text.charCodeAt(at - 1))) at--;
    if (end - at === 1 && text.charCodeAt(at) === 0x2e) {
      // The word before the dot (letters and inner dots, at most 8): an abbreviation or an initial does not end a sentence.
      let k = at;
      while (k > 0 && at - k < 8 && (text[k - 1] === '.' || /\p{L}/u.test(text[k - 1]))) k--;
      const word = text.slice(k, at);
      if (word.length > 0 && !(k > 0 && at - k === 8 && /\p{L}/u.test(text[k - 1]))) {
        if (ABBREVIATIONS.has(word.toLowerCase())) continue;
        if (word.length === 1 && word !== word.toLowerCase()) continue;
      }
    }
    cuts.push(end);
    if (end > until) break;
  }
  return spansOf(text, cuts, breaks);
}

/** Whether the sentence end `text[at, end)` is the dot of an abbreviation or an initial, which ends no sentence. */
function isAbbreviationEnd(text: string, at: number, end: number): boolean {
  if (end - at !== 1 || text.charCodeAt(at) !== 0x2e) return false;
  // The word before the dot (letters and inner dots), read only as far as the longest
  // abbreviation and one more: a longer word is no abbreviation and no initial (most sentences
  // end in one), and is not read to its start nor cut out.
  let k = at;
  while (k > 0 && at - k <= LONGEST_ABBREVIATION) {
    const c = text.charCodeAt(k - 1);
    if (c !== 0x2e && !isLetterCode(c)) break;
    k--;
  }
  if (k < at && at - k <= LONGEST_ABBREVIATION && (at - k === 1 || mayBeAbbreviation(text, k, at))) {
    const word = text.slice(k, at);
    if (ABBREVIATIONS.has(word.toLowerCase())) return true;
    if (word.length === 1 && word !== word.toLowerCase()) return true;
  }
  return false;
}

/** The spans between sentence ends `cuts` (in order) and `breaks`. */
function spansOf(text: string, cuts: readonly number[], breaks: readonly number[]): number[] {
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
