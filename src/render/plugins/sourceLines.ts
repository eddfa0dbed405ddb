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

/** Adds the line attributes to every block token that has a source line (its `map`). */
function addSourceLines(state: MarkdownIt.StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.map === null || WITHOUT_LINE.has(token.type)) continue;
    if (token.attrs === null) {
      // Most blocks have no attribute yet: the same two, written in one step (30,000 blocks in a
      // 1 MB analysis; attrJoin and attrSet each search and grow the list, ~7% of the render).
      token.attrs = [['class', 'code-line'], ['data-line', String(token.map[0])]];
    } else {
      token.attrJoin('class', 'code-line');
      token.attrSet('data-line', String(token.map[0]));
    }
  }
}

/** Run last, so that blocks added by other plugins' block rules get their line too. */
export function sourceLines(md: MarkdownIt): void {
  md.core.ruler.push('pa_source_lines', addSourceLines);
}
