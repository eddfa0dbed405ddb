/**
 * Blanks out the parts of a markdown line that never hold an analyst's claim, keeping every other
 * character where it was so offsets still point into the original line: inline code, HTML comments
 * (which may span lines: the state is carried), HTML tags, link and image destinations, autolinks,
 * bare URLs, struck-through text and backslash escapes (the backslash only).
 *
 * One left-to-right pass. Searches for a closing delimiter remember when none exists further on,
 * so a line of 100,000 unmatched backticks or brackets stays linear.
 */

export interface MaskState {
  /** Inside an HTML comment that started on an earlier line. */
  inComment: boolean;
}

const OPENERS = /`+|<!--|~~|\]\(|<[A-Za-z/!]|https?:\/\/|www\.|\\[!-/:-@[-`{-~]/g;

/** Regions to blank, collected in order and applied once (no per-character array for long lines). */
class Blanks {
  private readonly cuts: number[] = [];
  add(from: number, to: number): void {
    if (to > from) this.cuts.push(from, to);
  }
  apply(line: string): string {
    if (this.cuts.length === 0) return line;
    const parts: string[] = [];
    let at = 0;
    for (let k = 0; k < this.cuts.length; k += 2) {
      const from = Math.max(this.cuts[k], at);
      const to = this.cuts[k + 1];
      if (to <= from) continue;
      const tab = line.indexOf('\t', from);
      parts.push(line.slice(at, from), tab < 0 || tab >= to ? ' '.repeat(to - from) : line.slice(from, to).replace(/[^\t]/g, ' '));
      at = to;
    }
    parts.push(line.slice(at));
    return parts.join('');
  }
}

/** The masked line; `state` carries an open HTML comment to the next line. */
export function maskInline(line: string, state: MaskState): string {
  if (!state.inComment && !hasOpener(line)) return line;
  const chars = new Blanks();
  let i = 0;
  if (state.inComment) {
    const close = line.indexOf('-->');
    if (close < 0) return line.replace(/[^\t]/g, ' ');
    chars.add(0, close + 3);
    state.inComment = false;
    i = close + 3;
  }
  /** Backtick run lengths with no closing run further on (made on the first unclosed run). */
  let missingBackticks: Set<number> | undefined;
  let noTildes = false;
  let noGt = false;
  let noParen = false;
  OPENERS.lastIndex = i;
  for (let m = OPENERS.exec(line); m; m = OPENERS.exec(line)) {
    const at = m.index;
    const tok = m[0];
    if (tok[0] === '`') {
      const n = tok.length;
      let close = -1;
      if (!missingBackticks?.has(n)) {
        for (let from = at + n; ; ) {
          const k = line.indexOf(tok, from);
          if (k < 0) break;
          let runEnd = k;
          while (line.charCodeAt(runEnd) === 0x60) runEnd++;
          if (runEnd - k === n) {
            close = k;
            break;
          }
          from = runEnd;
        }
        if (close < 0) (missingBackticks ??= new Set()).add(n);
      }
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
      let end = at;
      while (end < line.length && !/[\s<>]/.test(line[end])) end++;
      chars.add(at, end);
      OPENERS.lastIndex = end;
    }
  }
  return chars.apply(line);
}

const ANY_OPENER = /[`<~\]\\]|:\/\/|www\./;

function hasOpener(line: string): boolean {
  return ANY_OPENER.test(line);
}
