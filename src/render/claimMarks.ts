/**
 * Places the analysis' metric claims into the markdown before it is parsed. markdown-it's tokens
 * carry source lines but not columns, so each claim's value is wrapped in invisible markers
 * (private-use characters) at its exact `valueRange`; after parsing, the badge plugin turns the
 * markers into badges wherever markdown put the text (table cell, emphasis, list item...).
 * Also blanks the front-matter lines, keeping the line count, so every token's line still equals
 * the editor's line (scroll sync depends on it).
 */
import type { FrontMatter, MetricClaim } from '../analysis/types';

const START = '\uE000';
const STOP = '\uE001';
const END = '\uE002';
const DIGIT0 = 0xe010;

/** Every character the markers use; removed from the document first so a document cannot forge a badge. */
export const MARKER_CHARS_RE = /[\uE000-\uE002\uE010-\uE019]/g;
/** The markers once markdown-it percent-encoded them inside an address. */
export const ENCODED_MARKER_RE = /%EE%80%(?:8[0-2]|9\d)/gi;
/** One marker: group 1 = index of a value start, group 2 = index of a value end. */
export const MARKER_RE = /\uE000([\uE010-\uE019]+)\uE001|\uE002([\uE010-\uE019]+)\uE001/g;

function encodeIndex(i: number): string {
  return [...String(i)].map((d) => String.fromCharCode(DIGIT0 + Number(d))).join('');
}

/** The claim index a marker's digits encode. */
export function decodeIndex(digits: string): number {
  let n = 0;
  for (const ch of digits) n = n * 10 + (ch.charCodeAt(0) - DIGIT0);
  return n;
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

/**
 * The lines of a leading YAML block. Uses the analysis' range when it has one; otherwise blanks a
 * well-fenced leading block anyway (broken YAML the analysis could not read should not be shown
 * as a heading and a rule), without reading it.
 */
function frontMatterLines(lines: readonly string[], frontMatter: FrontMatter | undefined): [number, number] | undefined {
  if (frontMatter) {
    const first = frontMatter.range.start.line;
    let last = frontMatter.range.end.line;
    if (frontMatter.range.end.character === 0 && last > first) last--;
    if (first >= 0 && last >= first && last < lines.length) return [first, last];
  }
  if (lines.length > 0 && /^---[ \t]*$/.test(lines[0])) {
    for (let i = 1; i < lines.length; i++) {
      if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i])) return [0, i];
    }
  }
  return undefined;
}

/** Prepares a document for parsing; see the module comment. */
export function prepareSource(text: string, frontMatter: FrontMatter | undefined, claims: readonly MetricClaim[]): PreparedSource {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    if (MARKER_CHARS_RE.test(lines[i])) lines[i] = lines[i].replace(MARKER_CHARS_RE, '\uFFFD');
    MARKER_CHARS_RE.lastIndex = 0;
  }
  const fm = frontMatterLines(lines, frontMatter);
  if (fm) for (let i = fm[0]; i <= fm[1]; i++) lines[i] = '';

  const inside = (line: number, character: number): boolean =>
    line >= 0 && line < lines.length && character >= 0 && character <= lines[line].length && !(fm && line >= fm[0] && line <= fm[1]);
  const kept: MetricClaim[] = [];
  const inserts: { line: number; character: number; text: string; order: number; seq: number }[] = [];
  for (const claim of claims) {
    const { start, end } = claim.valueRange;
    if (!inside(start.line, start.character) || !inside(end.line, end.character)) continue;
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) continue;
    const index = kept.length;
    kept.push(claim);
    const digits = encodeIndex(index);
    inserts.push({ line: start.line, character: start.character, text: START + digits + STOP, order: 0, seq: inserts.length });
    inserts.push({ line: end.line, character: end.character, text: END + digits + STOP, order: 1, seq: inserts.length });
  }
  // Each line is rebuilt once from its pieces (splicing markers in one by one copied the whole line
  // per marker: quadratic, seconds for one 100,000-character line with thousands of values). At one
  // column an end goes before a start, and of two equal markers the later claim's goes first,
  // keeping pairs nested.
  inserts.sort((a, b) => a.line - b.line || a.character - b.character || b.order - a.order || b.seq - a.seq);
  for (let i = 0; i < inserts.length;) {
    const line = inserts[i].line;
    const source = lines[line];
    const parts: string[] = [];
    let at = 0;
    for (; i < inserts.length && inserts[i].line === line; i++) {
      const ins = inserts[i];
      parts.push(source.slice(at, ins.character), ins.text);
      at = ins.character;
    }
    parts.push(source.slice(at));
    lines[line] = parts.join('');
  }
  return { text: lines.join('\n'), claims: kept, lineCount: lines.length, ...(fm ? { frontMatterLines: fm } : {}) };
}
