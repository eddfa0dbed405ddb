/**
 * The claim markers: how the analysis' positions reach the renderer. docs/architecture.md, "Claim
 * markers", explains the idea with a diagram; in short, {@link prepareSource} wraps each claimed
 * value in invisible private-use characters carrying a per-render key before markdown-it parses,
 * and src/render/plugins/claimBadges.ts turns them into value spans and badges wherever markdown
 * put the text. This module owns the markers' shape: writing them, and reading them back.
 * It also blanks the front-matter lines, keeping the line count, so every token's line still
 * equals the editor's line (scroll sync depends on it).
 */
import type { FrontMatter, MetricClaim } from '../analysis/types';

/** A marker: START or END, the render's key, the claim index's digits, STOP. */
export const START_CODE = 0xe000;
export const END_CODE = 0xe002;
/** The character every marker ends with: text without it holds no marker. */
export const MARKER_STOP = '\uE001';
const DIGIT0 = 0xe010;
const KEY0 = 0xe020;
/** Key characters per marker: 16 choices each, 2^32 keys (a document cannot guess one per render). */
export const MARKER_KEY_LENGTH = 8;

/** Every character the markers use; replaced in the source first, removed from addresses and code. */
export const MARKER_CHARS_RE = /[\uE000-\uE002\uE010-\uE019\uE020-\uE02F]/g;
/** The same without the global flag: whether a text holds any marker character. */
export const HAS_MARKER_CHAR_RE = /[\uE000-\uE002\uE010-\uE019\uE020-\uE02F]/;
/** The markers' characters once markdown-it percent-encoded them inside an address. */
export const ENCODED_MARKER_RE = /%EE%80%(?:8[0-2]|9\d|A[\dA-F])/gi;
/** What a marker character that is not part of one of this render's markers shows as (as when written literally). */
const REPLACEMENT = '\uFFFD';

const isDigitCode = (code: number): boolean => code >= DIGIT0 && code <= DIGIT0 + 9;

/** A fresh marker key: {@link MARKER_KEY_LENGTH} key characters. Not a secret, only unguessable by a document. */
export function newMarkerKey(): string {
  const codes: number[] = [];
  for (let i = 0; i < MARKER_KEY_LENGTH; i++) codes.push(KEY0 + Math.floor(Math.random() * 16));
  return String.fromCharCode(...codes);
}

/**
 * Where the marker of this render ending at the STOP character at `stop` starts, or -1: START or
 * END, the `key`, one or more digit characters, then STOP, all at or after `from`. The character
 * sets are disjoint, so each STOP ends at most one marker.
 */
export function markerStartBefore(text: string, stop: number, from: number, key: string): number {
  let i = stop - 1;
  while (i >= from && isDigitCode(text.charCodeAt(i))) i--;
  if (i === stop - 1) return -1;
  const keyAt = i - key.length + 1;
  if (keyAt - 1 < from || !text.startsWith(key, keyAt)) return -1;
  const c = text.charCodeAt(keyAt - 1);
  return c === START_CODE || c === END_CODE ? keyAt - 1 : -1;
}

/** The claim index of the marker at `at` with this `key` (its digits run up to `stop`). */
export function markerIndex(text: string, at: number, stop: number, key: string): number {
  let n = 0;
  for (let i = at + 1 + key.length; i < stop; i++) n = n * 10 + (text.charCodeAt(i) - DIGIT0);
  return n;
}

/**
 * `text` with every marker character that is not part of a marker with this `key` replaced by
 * U+FFFD (what a literally written one becomes too), and this render's markers kept, or removed
 * when `removeGenuine` (alt text, which is plain text: the value stays, without a badge).
 */
export function neutraliseForgedMarkers(text: string, key: string, removeGenuine: boolean): string {
  let out = '';
  let last = 0;
  const keep = (to: number): void => {
    out += text.slice(last, to).replace(MARKER_CHARS_RE, REPLACEMENT);
  };
  for (let stop = text.indexOf(MARKER_STOP), from = 0; stop >= 0; stop = text.indexOf(MARKER_STOP, stop + 1)) {
    const at = markerStartBefore(text, stop, from, key);
    if (at < 0) continue;
    keep(at);
    if (!removeGenuine) out += text.slice(at, stop + 1);
    last = from = stop + 1;
  }
  keep(text.length);
  return out;
}

/** The marker characters of the digits 0–9, in order. */
const DIGIT_CHARS = String.fromCharCode(...Array.from({ length: 10 }, (_, d) => DIGIT0 + d));

/** A start (`end` false) or end marker for claim index `i` with this render's `key`. */
function marker(i: number, end: boolean, key: string): string {
  const decimal = String(i);
  let digits = '';
  for (let d = 0; d < decimal.length; d++) digits += DIGIT_CHARS[decimal.charCodeAt(d) - 0x30];
  return String.fromCharCode(end ? END_CODE : START_CODE) + key + digits + MARKER_STOP;
}

export interface PreparedSource {
  /** The text markdown-it parses: same lines as the document, front matter blanked, markers added. */
  readonly text: string;
  /** The claims that got markers, by marker index. */
  readonly claims: readonly MetricClaim[];
  /** This render's marker key: only markers carrying it are the analysis' (see the module comment). */
  readonly markerKey: string;
  /** Number of lines of the document (for the end-of-document scroll anchor). */
  readonly lineCount: number;
  /** The lines the front matter occupied, when it was blanked: [first, last] inclusive. */
  readonly frontMatterLines?: readonly [number, number];
}

/** Where each line of `text` starts (lines end at `\n`; the text has no other line breaks). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/**
 * The lines of a leading YAML block. Uses the analysis' range when it has one; otherwise blanks a
 * well-fenced leading block anyway (broken YAML the analysis could not read should not be shown
 * as a heading and a rule), without reading it.
 */
function frontMatterLines(line: (i: number) => string, lineCount: number, frontMatter: FrontMatter | undefined): [number, number] | undefined {
  if (frontMatter) {
    const first = frontMatter.range.start.line;
    let last = frontMatter.range.end.line;
    if (frontMatter.range.end.character === 0 && last > first) last--;
    if (first >= 0 && last >= first && last < lineCount) return [first, last];
  }
  if (lineCount > 0 && /^---[ \t]*$/.test(line(0))) {
    for (let i = 1; i < lineCount; i++) {
      if (/^(?:---|\.\.\.)[ \t]*$/.test(line(i))) return [0, i];
    }
  }
  return undefined;
}

/** Key space of {@link markerOrder}: slots (two per claim) below 2^24, places below 2^28. */
const SLOTS = 2 ** 24;
const PLACE_FACTOR = 2 * SLOTS;
const MAX_KEYED_PLACE = 2 ** 28;

/**
 * The marker slots `0…count-1` (slot `m`: claim `m >> 1`'s start, or its end if `m` is odd) in
 * text order: by place `at[m]`; at one place ends before starts, and of two ends or two starts
 * the later claim's first (keeping pairs nested). Each slot becomes one number that sorts that
 * way — place, then 0 for an end or {@link SLOTS} for a start, then the slot's complement — so a
 * typed-array sort without a comparator does it natively: with a comparator it called back into
 * script 150,000 times on the bench's 1 MB analysis. Every key is an integer below 2^53 (exact);
 * a larger input takes the comparator sort. Returns the slots in order. Exported for its tests.
 */
export function markerOrder(at: Uint32Array, count: number, textLength: number): Uint32Array {
  const order = new Uint32Array(count);
  if (count > SLOTS || textLength >= MAX_KEYED_PLACE) {
    for (let i = 0; i < count; i++) order[i] = i;
    return order.sort((a, b) => at[a] - at[b] || (b & 1) - (a & 1) || b - a);
  }
  const keys = new Float64Array(count);
  for (let m = 0; m < count; m++) keys[m] = at[m] * PLACE_FACTOR + ((m & 1) === 1 ? 0 : SLOTS) + (SLOTS - 1 - m);
  keys.sort();
  for (let i = 0; i < count; i++) order[i] = SLOTS - 1 - (keys[i] % SLOTS);
  return order;
}

/**
 * Prepares a document for parsing; see the module comment. Works on the text as one string,
 * slicing it once around the markers (splitting a 1 MB document into its lines and joining them
 * again was a tenth of the render, most of it garbage to collect).
 */
export function prepareSource(text: string, frontMatter: FrontMatter | undefined, claims: readonly MetricClaim[], markerKey = newMarkerKey()): PreparedSource {
  // Line breaks as markdown-it reads them (it normalises the same way); forged markers made inert.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (HAS_MARKER_CHAR_RE.test(text)) text = text.replace(MARKER_CHARS_RE, REPLACEMENT);

  const starts = lineStarts(text);
  const lineEnd = (i: number): number => (i + 1 < starts.length ? starts[i + 1] - 1 : text.length);
  const fm = frontMatterLines((i) => text.slice(starts[i], lineEnd(i)), starts.length, frontMatter);
  // Each front-matter line becomes empty: the line count, and so every later line number, stays.
  // No marker goes inside it, so the blanking is one more cut when the text is put together below.
  const blank = fm ? { from: starts[fm[0]], to: lineEnd(fm[1]), text: '\n'.repeat(fm[1] - fm[0]) } : undefined;

  const inside = (line: number, character: number): boolean =>
    line >= 0 && line < starts.length && character >= 0 && character <= lineEnd(line) - starts[line] && !(fm && line >= fm[0] && line <= fm[1]);
  const kept: MetricClaim[] = [];
  // Marker places, two per kept claim: [2k] its value's start, [2k + 1] its end (typed arrays:
  // an object per marker was a third of this function's allocation on a 1 MB analysis).
  const at = new Uint32Array(2 * claims.length);
  // Indexed loops here: this runs once per render, mostly before the optimiser sees it, and an
  // iterator there allocates a result object per step (0.8 MB per render of the 1 MB analysis).
  for (let c = 0; c < claims.length; c++) {
    const claim = claims[c];
    const { start, end } = claim.valueRange;
    if (!inside(start.line, start.character) || !inside(end.line, end.character)) continue;
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) continue;
    at[2 * kept.length] = starts[start.line] + start.character;
    at[2 * kept.length + 1] = starts[end.line] + end.character;
    kept.push(claim);
  }
  const lineCount = starts.length;
  const extra = fm ? { frontMatterLines: fm } : {};
  if (kept.length === 0) {
    return { text: blank ? text.slice(0, blank.from) + blank.text + text.slice(blank.to) : text, claims: kept, markerKey, lineCount, ...extra };
  }
  // The text is rebuilt once from its pieces (splicing markers in one by one copied the text per
  // marker: quadratic), markers in the order markerOrder gives.
  const order = markerOrder(at, 2 * kept.length, text.length);
  const parts: string[] = [];
  let from = 0;
  const copyTo = (to: number): void => {
    if (blank && from <= blank.from && blank.from < to) {
      parts.push(text.slice(from, blank.from), blank.text);
      from = blank.to;
    }
    parts.push(text.slice(from, to));
    from = to;
  };
  for (let o = 0; o < order.length; o++) {
    const m = order[o];
    copyTo(at[m]);
    parts.push(marker(m >> 1, (m & 1) === 1, markerKey));
  }
  copyTo(text.length);
  return { text: parts.join(''), claims: kept, markerKey, lineCount, ...extra };
}
