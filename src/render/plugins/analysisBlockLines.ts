/**
 * Lines that place the analysis blocks: `<!-- pattern-scorecard -->` and `<!-- pattern-coverage -->`
 * on a line of their own show the scorecard or the section coverage there. An HTML comment, so
 * other markdown renderers (GitHub, VS Code's own preview) hide the line; since raw HTML is off
 * here, a block rule recognises it before it can become text.
 */
import type MarkdownIt from 'markdown-it';

/** Which blocks a line may place. */
export type MarkerKind = 'scorecard' | 'coverage';

/** What this plugin reads and fills in markdown-it's per-render `env`. */
export interface BlockLinesEnv {
  /** HTML for a placing line. */
  readonly marker: (kind: MarkerKind) => string;
  /** Filled while rendering: which blocks the document placed itself. */
  readonly markersSeen: Set<MarkerKind>;
}

export const MARKER_LINE_RE = /^<!--[ \t]*pattern-(scorecard|coverage)[ \t]*-->[ \t]*$/i;

function placingLine(state: MarkdownIt.StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  // Tried at every line (it may end a paragraph): look at one character before copying the line.
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(start) !== 0x3c /* < */) return false;
  const m = MARKER_LINE_RE.exec(state.src.slice(start, state.eMarks[startLine]));
  if (!m) return false;
  if (silent) return true;
  const token = state.push('pa_marker', 'div', 0);
  token.map = [startLine, startLine + 1];
  token.info = m[1].toLowerCase();
  token.block = true;
  token.attrJoin('class', `pa-marker pa-marker-${token.info}`);
  state.line = startLine + 1;
  return true;
}

export function analysisBlockLines(md: MarkdownIt): void {
  md.block.ruler.before('html_block', 'pa_marker', placingLine, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.pa_marker = (tokens, idx, _options, env: BlockLinesEnv, self) => {
    const kind = tokens[idx].info as MarkerKind;
    env.markersSeen.add(kind);
    return `<div${self.renderAttrs(tokens[idx])}>${env.marker(kind)}</div>\n`;
  };
}
