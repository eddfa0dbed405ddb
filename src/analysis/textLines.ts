/**
 * A document as lines, split once: LF, CRLF and lone CR line ends all work, and the end-of-line
 * style is kept so that fixes insert text with the document's own line ends. Positions are 0-based
 * lines and UTF-16 columns, like the editor's.
 */
import type { TextPosition, TextRange } from './types';
import * as unsited from './unsited';

export interface TextLines {
  readonly lines: readonly string[];
  /** The document's line end ("\n" or "\r\n"), for text that fixes insert. */
  readonly eol: string;
  /** 1 when the first line starts with a byte-order mark, which is not content. */
  readonly bom: number;
}

const LINE_BREAK = /\r\n|\r|\n/;

export function splitLines(text: string): TextLines {
  // Splitting on "\n" alone is several times faster; most documents have no CR at all.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Without a CR the first line break can only be "\n": no search for it.
  if (!text.includes('\r')) return { lines: splitAtNewlines(text), eol: '\n', bom };
  const firstBreak = /\r\n|\r|\n/.exec(text);
  return { lines: text.split(LINE_BREAK), eol: firstBreak?.[0] === '\r\n' ? '\r\n' : '\n', bom };
}

/**
 * `text.split('\n')`, a quarter faster: a loop of `indexOf` and `slice` beats V8's split on a
 * document's lines (measured 2.3 µs against 3.0 µs for a 4 KB analysis).
 */
export function splitAtNewlines(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', from)) {
    lines.push(text.slice(from, at));
    from = at + 1;
  }
  lines.push(text.slice(from));
  return lines;
}

// Positions and ranges are made by unsited.ts (no V8 allocation site: a large analysis keeps
// thousands of them to its end, which would switch a literal's site to the old generation for good).

export function pos(line: number, character: number): TextPosition {
  return unsited.position(line, character);
}

export function range(line: number, start: number, end: number): TextRange {
  return unsited.range(unsited.position(line, start), unsited.position(line, end));
}

export function spanRange(start: TextPosition, end: TextPosition): TextRange {
  return unsited.range(start, end);
}

/** Where each line starts in `text` (lines end at "\n"; the first starts at 0). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The line holding character `offset`, given {@link lineStartsOf}'s starts (a binary search). */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
