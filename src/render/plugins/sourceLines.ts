/**
 * Source lines for scroll sync, as VS Code's own markdown preview writes them: each block carries
 * `class="code-line" data-line="N"` (N is 0-based, the editor's line). The webview maps between
 * its scroll position and the editor's line with these attributes.
 */
import type MarkdownIt from 'markdown-it';

/**
 * Blocks that have a source line but carry none: table parts below a row (the row's line is enough,
 * and a cell per line number would only make the output larger), and inline runs (not elements).
 */
const WITHOUT_LINE = new Set(['inline', 'thead_open', 'tbody_open', 'th_open', 'td_open']);

/** Line numbers' strings kept between renders, up to this line (a few hundred KB at most). */
const LINE_STRINGS_KEPT = 50_000;
const lineStrings: string[] = [];

/**
 * The `data-line` value of a line: made once per line number and kept, since every render of a
 * long document writes the same 30,000 of them (~1 MB of garbage per render of the 1 MB analysis).
 */
function lineString(line: number): string {
  if (line >= LINE_STRINGS_KEPT) return String(line);
  for (let l = lineStrings.length; l <= line; l++) lineStrings.push(String(l));
  return lineStrings[line];
}

/** Adds the line attributes to every block token that has a source line (its `map`). */
function addSourceLines(state: MarkdownIt.StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.map === null || WITHOUT_LINE.has(token.type)) continue;
    if (token.attrs === null) {
      // Most blocks have no attribute yet: the same two, written in one step (30,000 blocks in a
      // 1 MB analysis; attrJoin and attrSet each search and grow the list, ~7% of the render).
      token.attrs = [['class', 'code-line'], ['data-line', lineString(token.map[0])]];
    } else {
      token.attrJoin('class', 'code-line');
      token.attrSet('data-line', lineString(token.map[0]));
    }
  }
}

/** Run last, so that blocks added by other plugins' block rules get their line too. */
export function sourceLines(md: MarkdownIt): void {
  md.core.ruler.push('pa_source_lines', addSourceLines);
}
