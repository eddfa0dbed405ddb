/**
 * Table cell alignment as a class: markdown-it writes `style="text-align:…"`, which the preview's
 * content security policy forbids (no inline styles); the stylesheet styles `pa-align-…` instead.
 */
import type MarkdownIt from 'markdown-it';

const ALIGN_RE = /^text-align:(left|right|center)$/;

function alignByClass(token: MarkdownIt.Token): void {
  const style = token.attrGet('style');
  if (style === null) return;
  token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
  const m = ALIGN_RE.exec(style);
  if (m) token.attrJoin('class', `pa-align-${m[1]}`);
}

export function tableAlignClasses(md: MarkdownIt): void {
  const cell: MarkdownIt.Renderer.RenderRule = (tokens, idx, options, _env, self) => {
    alignByClass(tokens[idx]);
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.th_open = cell;
  md.renderer.rules.td_open = cell;
}
