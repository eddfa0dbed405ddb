/**
 * Places the analysis' metric claims into the markdown before it is parsed. markdown-it's tokens
 * carry source lines but not columns, so each claim's value is wrapped in invisible markers
 * (private-use characters) at its exact `valueRange`; when rendering, the engine turns the
 * markers into value spans and badges wherever markdown put the text (table cell, emphasis, list
 * item...; see the `text` rule in markdownEngine.ts).
 * Also blanks the front-matter lines, keeping the line count, so every token's line still equals
 * the editor's line (scroll sync depends on it).
 */
import type { FrontMatter, MetricClaim } from '../analysis/types';

const START_CODE = 0xe000;
const STOP_CODE = 0xe001;
const END_CODE = 0xe002;
/** The character every marker ends with: text without it holds no marker. */
export const MARKER_STOP = '\uE001';
const DIGIT0 = 0xe010;

/** Every character the markers use; removed from the document first so a document cannot forge a badge. */
export const MARKER_CHARS_RE = /[\uE000-\uE002\uE010-\uE019]/g;
/** The markers once markdown-it percent-encoded them inside an address. */
export const ENCODED_MARKER_RE = /%EE%80%(?:8[0-2]|9\d)/gi;
/** One marker: group 1 = index of a value start, group 2 = index of a value end. */
export const MARKER_RE = /\uE000([\uE010-\uE019]+)\uE001|\uE002([\uE010-\uE019]+)\uE001/g;

/** Character codes of one marker, reused: the marker string is made in one allocation. */
const markerCodes: number[] = [];

/** A start (`end` false) or end marker for claim index `i`: START or END, the index's digits, STOP. */
function marker(i: number, end: boolean): string {
  const digits = String(i);
  markerCodes.length = digits.length + 2;
  markerCodes[0] = end ? END_CODE : START_CODE;
  for (let d = 0; d < digits.length; d++) markerCodes[d + 1] = DIGIT0 + digits.charCodeAt(d) - 0x30;
  markerCodes[digits.length + 1] = STOP_CODE;
  return String.fromCharCode(...markerCodes);
}

export interface PreparedSource {
  /** The text markdown-it parses: same lines as the document, front matter blanked, markers added. */
  readonly text: string;
  /** The claims that got markers, by marker index. */
  readonly claims: readonly MetricClaim[];
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

/**
 * Prepares a document for parsing; see the module comment. Works on the text as one string,
 * slicing it once around the markers (splitting a 1 MB document into its lines and joining them
 * again was a tenth of the render, most of it garbage to collect).
 */
export function prepareSource(text: string, frontMatter: FrontMatter | undefined, claims: readonly MetricClaim[]): PreparedSource {
  // Line breaks as markdown-it reads them (it normalises the same way); forged markers made inert.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  MARKER_CHARS_RE.lastIndex = 0;
  if (MARKER_CHARS_RE.test(text)) text = text.replace(MARKER_CHARS_RE, '\uFFFD');
  MARKER_CHARS_RE.lastIndex = 0;

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
  for (const claim of claims) {
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
    return { text: blank ? text.slice(0, blank.from) + blank.text + text.slice(blank.to) : text, claims: kept, lineCount, ...extra };
  }
  // The text is rebuilt once from its pieces (splicing markers in one by one copied the text per
  // marker: quadratic). At one place an end goes before a start, and of two equal markers the
  // later claim's goes first, keeping pairs nested.
  const order = new Uint32Array(2 * kept.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => at[a] - at[b] || (b & 1) - (a & 1) || b - a);
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
  for (const m of order) {
    copyTo(at[m]);
    parts.push(marker(m >> 1, (m & 1) === 1));
  }
  copyTo(text.length);
  return { text: parts.join(''), claims: kept, lineCount, ...extra };
}
