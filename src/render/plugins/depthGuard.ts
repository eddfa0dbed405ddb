/**
 * Blockquotes and lists nested deeper than {@link MAX_BLOCK_DEPTH} render their remaining content
 * as plain text. markdown-it silently drops content beyond its own `maxNesting` (100 levels): a
 * hostile document of 10,000 `>` would lose its text. This keeps it, escaped, and bounds the
 * recursion.
 */
import type MarkdownIt from 'markdown-it';
import { escapeHtml as esc } from '../html';

export const MAX_BLOCK_DEPTH = 40;

/** A block rule tried before every other: past the depth, the rest of the container is one `pa_raw` block. */
function guardDepth(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.level < MAX_BLOCK_DEPTH || silent) return false;
  const token = state.push('pa_raw', 'p', 0);
  token.map = [startLine, endLine];
  token.block = true;
  token.content = state.getLines(startLine, endLine, state.blkIndent, false);
  state.line = endLine;
  return true;
}

export function depthGuard(md: MarkdownIt): void {
  md.block.ruler.before('table', 'pa_depth_guard', guardDepth);
  md.renderer.rules.pa_raw = (tokens, idx, _options, _env, self) => {
    const token = tokens[idx];
    token.attrJoin('class', 'pa-raw');
    return `<p${self.renderAttrs(token)}>${esc(token.content)}</p>\n`;
  };
}
