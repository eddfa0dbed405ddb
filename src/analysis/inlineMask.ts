/**
 * Blanks out the parts of a markdown line that never hold an analyst's claim, keeping every other
 * character where it was so offsets still point into the original line: inline code, HTML comments
 * (which may span lines: the state is carried), HTML tags, link and image destinations, autolinks,
 * bare URLs, struck-through text and backslash escapes (the backslash only).
 *
 * One left-to-right pass. Searches for a closing delimiter remember when none exists further on,
 * and closing backtick runs are looked up in an index of the line's runs, so a line of 100,000
 * unmatched backticks or brackets, or of backtick runs of every length, stays linear.
 */

export interface MaskState {
  /** Inside an HTML comment that started on an earlier line. */
  inComment: boolean;
}

/** Exported for the test of {@link hasOpener}. */
export const OPENERS = /`+|<!--|~~|\]\(|<[A-Za-z/!]|https?:\/\/|www\.|\\[!-/:-@[-`{-~]/g;

const SPACES = ' '.repeat(128);

/** `n` spaces: a URL's or a code span's width, nearly always under 128 (a slice of one string, not a new one each). */
function spaces(n: number): string {
  return n <= SPACES.length ? SPACES.slice(0, n) : ' '.repeat(n);
}

/**
 * `text` with every character but a tab blanked. A line inside a multi-line HTML comment is all
 * blank; without a tab that is {@link spaces}, where a global replace built it one match at a time
 * (a fifth of maskInline's own time on a 4 KB analysis with a three-line comment).
 */
function blankAll(text: string): string {
  return text.includes('\t') ? text.replace(/[^\t]/g, ' ') : spaces(text.length);
}

/** Regions to blank, collected in order and applied once (no per-character array for long lines). */
class Blanks {
  private readonly cuts: number[] = [];
  add(from: number, to: number): void {
    if (to > from) this.cuts.push(from, to);
  }
  apply(line: string): string {
    if (this.cuts.length === 0) return line;
    // The pieces joined once: one flat string, where a chain of `+=` made a rope that the block
    // loop's first character read had to copy flat again.
    const parts: string[] = [];
    let at = 0;
    /** The first tab at or after the last cut's start (-1: none): searched again only once passed, so a line is searched once, not once per cut. */
    let tab = -2;
    for (let k = 0; k < this.cuts.length; k += 2) {
      const from = Math.max(this.cuts[k], at);
      const to = this.cuts[k + 1];
      if (to <= from) continue;
      if (tab !== -1 && tab < from) tab = line.indexOf('\t', from);
      parts.push(line.slice(at, from), tab < 0 || tab >= to ? spaces(to - from) : blankAll(line.slice(from, to)));
      at = to;
    }
    parts.push(line.slice(at));
    return parts.join('');
  }
}

/**
 * The maximal backtick runs of a line, by length, in order. A code span opened by a run of n
 * backticks closes at the next run of exactly n: looked up here, each length's list is walked
 * once from left to right, so a line of runs of every length from 1 to 2,000 (2 MB) is one pass,
 * not one pass per distinct length (as a forward search per opener was: 7 s on that line).
 */
class BacktickRuns {
  private readonly starts = new Map<number, number[]>();
  private readonly cursor = new Map<number, number>();

  constructor(line: string, from: number) {
    let k = line.indexOf('`', from);
    while (k >= 0) {
      let end = k + 1;
      while (line.charCodeAt(end) === 0x60) end++;
      const list = this.starts.get(end - k);
      if (list) list.push(k);
      else this.starts.set(end - k, [k]);
      k = line.indexOf('`', end);
    }
  }

  /** Start of the first run of exactly `n` backticks at or after `from`, or -1. Calls come with `from` never decreasing. */
  next(n: number, from: number): number {
    const list = this.starts.get(n);
    if (!list) return -1;
    let i = this.cursor.get(n) ?? 0;
    while (i < list.length && list[i] < from) i++;
    this.cursor.set(n, i);
    return i < list.length ? list[i] : -1;
  }
}

/** The masked line; `state` carries an open HTML comment to the next line. */
export function maskInline(line: string, state: MaskState): string {
  // Where the full pass starts: not at 0 but near the opener the pretest found (the text before it
  // holds none, and was read once already: a table row's URL is in its last column).
  let i = state.inComment ? 0 : openerFloor(line);
  if (i < 0) return line;
  const chars = new Blanks();
  if (state.inComment) {
    const close = line.indexOf('-->');
    if (close < 0) return blankAll(line);
    chars.add(0, close + 3);
    state.inComment = false;
    i = close + 3;
  }
  /** The line's backtick runs, indexed on the first opening run. */
  let runs: BacktickRuns | undefined;
  let noTildes = false;
  let noGt = false;
  let noParen = false;
  OPENERS.lastIndex = i;
  for (let m = OPENERS.exec(line); m; m = OPENERS.exec(line)) {
    const at = m.index;
    const tok = m[0];
    if (tok[0] === '`') {
      const n = tok.length;
      const close = (runs ??= new BacktickRuns(line, at)).next(n, at + n);
      if (close >= 0) {
        chars.add(at, close + n);
        OPENERS.lastIndex = close + n;
      }
    } else if (tok === '<!--') {
      const close = line.indexOf('-->', at + 4);
      if (close < 0) {
        chars.add(at, line.length);
        state.inComment = true;
        break;
      }
      chars.add(at, close + 3);
      OPENERS.lastIndex = close + 3;
    } else if (tok === '~~') {
      const close = noTildes ? -1 : line.indexOf('~~', at + 2);
      if (close < 0) {
        noTildes = true;
        continue;
      }
      chars.add(at, close + 2);
      OPENERS.lastIndex = close + 2;
    } else if (tok === '](') {
      const close = noParen ? -1 : line.indexOf(')', at + 2);
      if (close < 0) {
        noParen = true;
        continue;
      }
      chars.add(at + 1, close + 1);
      OPENERS.lastIndex = close + 1;
    } else if (tok[0] === '<') {
      const close = noGt ? -1 : line.indexOf('>', at + 1);
      if (close < 0) {
        noGt = true;
        continue;
      }
      chars.add(at, close + 1);
      OPENERS.lastIndex = close + 1;
    } else if (tok[0] === '\\') {
      // An escaped pipe is cell content, not a column break.
      chars.add(at, tok[1] === '|' ? at + 2 : at + 1);
    } else {
      // A bare URL runs to the next whitespace; its digits are never values.
      const end = urlEnd(line, at);
      chars.add(at, end);
      OPENERS.lastIndex = end;
    }
  }
  return chars.apply(line);
}

/** `/[\s<>]/` for one UTF-16 code unit: where a bare URL ends (the definition {@link urlEnd} is held to). */
export function endsUrl(c: number): boolean {
  if (c < 128) return c === 0x3c || c === 0x3e || c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return /\s/.test(String.fromCharCode(c));
}

const URL_BODY = /[^\s<>]*/y;

/**
 * The end of the bare URL starting at `at`: the first character from there that {@link endsUrl},
 * or the line's end. One sticky expression, not a `charCodeAt` per character: over a document's
 * lines (slices of it) a loop costs several times what the expression engine does.
 */
export function urlEnd(line: string, at: number): number {
  URL_BODY.lastIndex = at;
  URL_BODY.test(line);
  return URL_BODY.lastIndex;
}

/**
 * Whether {@link OPENERS} may match in `line`: the same alternatives, but a bare URL found by its
 * "://" (every alternative then starts with one of `<~]\:w, which the engine looks for first; an
 * "h" of "https" would stop it at most words). Before, a lone "~", "<", "]" or "\" sent a line to
 * the full pass: a third of the lines that took it ("~77%" in a table, "[^13]") had nothing to blank.
 */
const ANY_OPENER = /`|<!--|~~|\]\(|<[A-Za-z/!]|:\/\/|www\.|\\[!-/:-@[-`{-~]/g;

/** Exported for its test, which holds it to {@link OPENERS}: a line it rejects has nothing to blank. */
export function hasOpener(line: string): boolean {
  return openerFloor(line) >= 0;
}

/**
 * -1 when {@link OPENERS} cannot match in `line` (see {@link ANY_OPENER}), else a column at or
 * before its first match. Every OPENERS match starts where an ANY_OPENER match does, but for a
 * URL, whose "://" is at most 5 further on; and an ANY_OPENER match is at most 4 long: so no
 * OPENERS match starts before the end of ANY_OPENER's first match less 9. Exported for its test,
 * which holds OPENERS' first match from there to its first match from 0.
 */
export function openerFloor(line: string): number {
  ANY_OPENER.lastIndex = 0;
  if (!ANY_OPENER.test(line)) return -1;
  return Math.max(0, ANY_OPENER.lastIndex - 9);
}
