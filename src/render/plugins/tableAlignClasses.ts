/**
 * Table cell alignment as a class: markdown-it writes `style="text-align:…"`, which the preview's
 * content security policy forbids (no inline styles); the stylesheet styles `pa-align-…` instead.
 * Done in one core pass after parsing rather than in the cells' render rules: a render rule ran
 * for every cell (12,000 in the bench's 1 MB analysis) and copied its attribute list and a regex
 * match each time, most cells having no alignment at all.
 */
import type MarkdownIt from 'markdown-it';

const ALIGN_CLASS: Readonly<Record<string, string>> = {
  'text-align:left': 'pa-align-left',
  'text-align:right': 'pa-align-right',
  'text-align:center': 'pa-align-center',
};

/** A cell's `style` attribute replaced by its alignment class (an unknown style is dropped). */
function alignByClass(token: MarkdownIt.Token): void {
  const style = token.attrGet('style');
  if (style === null) return;
  const alignClass = Object.hasOwn(ALIGN_CLASS, style) ? ALIGN_CLASS[style] : undefined;
  const attrs = token.attrs ?? [];
  if (alignClass && attrs.length === 1) {
    // The usual cell: markdown-it gave it only its own fresh `style` pair, which becomes the class
    // in place (what removing it and joining the class would write, without two new arrays).
    attrs[0][0] = 'class';
    attrs[0][1] = alignClass;
    return;
  }
  token.attrs = attrs.filter(([name]) => name !== 'style');
  if (alignClass) token.attrJoin('class', alignClass);
}

function alignCells(state: MarkdownIt.StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.attrs !== null && (token.type === 'td_open' || token.type === 'th_open')) alignByClass(token);
  }
}

export function tableAlignClasses(md: MarkdownIt): void {
  md.core.ruler.push('pa_table_align', alignCells);
}
