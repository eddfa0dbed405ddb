/**
 * The print design of every exported page: rules under `@media print` and `@page`, so the PDF
 * export and a reader's own "Print → Save as PDF" of the exported HTML page come out the same.
 * Paper, not screen: margins, a running header (subject · period · pattern) and "Page n of m" in
 * the page margins, the front-matter header as a cover block, the scorecard and charts kept whole
 * on a page, table rows never split, link addresses written out, and the publication style's light
 * colours whatever the reader's screen theme. Pure: the portfolio page can add it the same way.
 *
 * The paper size is left to the printer (the PDF export passes A4 or Letter; a reader's print
 * dialog offers its own), so one exported page serves both.
 */
import type { Analysis, FrontMatter } from '../analysis/types';

/** Longest running header printed; a longer one (an oversized front-matter field) is cut with an ellipsis. */
export const MAX_RUNNING_HEADER_CHARS = 120;

/** The running header of an analysis: "CoreWeave · Q3 2026 · AI Infrastructure" (whichever parts it has). */
export function runningHeaderOf(analysis: Analysis): string {
  const fm = analysis.frontMatter;
  const parts = [
    fact(fm, 'subject'),
    fact(fm, 'period'),
    analysis.pattern?.model.name ?? fact(fm, 'pattern'),
  ].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(' · ') : fact(fm, 'title') ?? '';
}

function fact(fm: FrontMatter | undefined, key: 'subject' | 'period' | 'pattern' | 'title'): string | undefined {
  if (!fm) return undefined;
  const value: unknown = key === 'pattern' ? fm.pattern?.value ?? fm.data.pattern : fm[key] ?? fm.data[key];
  if (typeof value === 'number') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  // Front-matter text on one line: a header has no room for a paragraph.
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() || undefined : undefined;
}

/**
 * `text` as a CSS string literal in which every character but letters, digits and spaces is a hex
 * escape: nothing in it can end the string, the rule or the `<style>` element, or read as
 * `url(` / `@import` to the export's stylesheet filter.
 */
export function cssString(text: string): string {
  const chars = Array.from(text.length > MAX_RUNNING_HEADER_CHARS * 2 ? text.slice(0, MAX_RUNNING_HEADER_CHARS * 2) : text);
  const shown = chars.length > MAX_RUNNING_HEADER_CHARS ? [...chars.slice(0, MAX_RUNNING_HEADER_CHARS - 1), '…'] : chars;
  // Control characters (and lone surrogates) would print as boxes or nothing: a space instead.
  const escaped = shown.map((c) => {
    if (/^[A-Za-z0-9 ]$/.test(c)) return c;
    const code = c.codePointAt(0) ?? 0x20;
    const printable = code >= 0x20 && !(code >= 0x7f && code <= 0x9f) && !(code >= 0xd800 && code <= 0xdfff);
    return `\\${(printable ? code : 0x20).toString(16)} `;
  });
  return `"${escaped.join('')}"`;
}

/** The print stylesheet of a page whose running header says `header` (may be empty). */
export function printStylesheet(header: string): string {
  // Margin boxes take no selector lists: each carries its own type.
  const type = 'font-family: Georgia, "Times New Roman", serif; font-size: 8.5pt; color: #59636e;';
  const top = header ? `@top-center { content: ${cssString(header)}; ${type} vertical-align: bottom; padding-bottom: 4mm; }` : '';
  return `
@page {
  margin: 22mm 17mm 20mm;
  ${top}
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${type} }
}
/* The cover block says it all on the first page. */
@page :first { @top-center { content: none; } }

@media print {
  body, body.pa-style-publication {
    --pa-fg: #1f2328; --pa-bg: #ffffff; --pa-muted: #59636e; --pa-border: #d8dee4; --pa-subtle-bg: #f6f8fa;
    --pa-link: #0550ae; --pa-accent: #0550ae; --pa-meets: #1a7f37; --pa-misses: #cf222e;
    --pa-borderline: #9a6700; --pa-info: #0550ae; --pa-badge-border: transparent;
    --pa-font: Georgia, "Iowan Old Style", "Times New Roman", serif;
    color: #1f2328; background: #ffffff; font-family: var(--pa-font); font-size: 10.5pt; line-height: 1.5;
    padding: 0; margin: 0;
    -webkit-print-color-adjust: exact; print-color-adjust: exact;
  }
  .pa-content, body.pa-style-publication .pa-content { max-width: none; margin: 0; }
  .pa-toolbar { display: none; }

  /* The cover block: the front-matter facts, set apart at the top of the first page. */
  .pa-header { margin: 0 0 18pt; padding: 14pt 0 12pt; border: 0; border-top: 3pt solid #0550ae; border-bottom: 1px solid #d8dee4; border-radius: 0; background: none; break-inside: avoid; }
  .pa-header .pa-title { font-size: 22pt; line-height: 1.2; margin: 0 0 10pt; }
  .pa-facts { display: grid; grid-template-columns: max-content 1fr; gap: 3pt 14pt; }
  .pa-fact { display: contents; }
  .pa-fact dt { font-size: 8pt; padding-top: 2pt; }

  h1, h2, h3, h4, h5, h6 { break-after: avoid; break-inside: avoid; }
  h2 { font-size: 15pt; margin-top: 18pt; }
  p, li, blockquote { orphans: 3; widows: 3; }

  /* Whole on one page: the scorecard, the section coverage, charts and pictures. */
  .pa-scorecard, .pa-coverage, figure, img, svg, .pa-chart { break-inside: avoid; }
  /* Tables as tables (the screen's horizontal scroller cannot scroll on paper); a row never splits. */
  table { display: table; overflow: visible; width: 100%; max-width: 100%; box-sizing: border-box; table-layout: auto; }
  th, td { padding: 3pt 6pt; overflow-wrap: anywhere; }
  .pa-scorecard-table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; }
  pre { white-space: pre-wrap; overflow: visible; }

  /* A printed link cannot be clicked: its address is written after it. */
  a { color: #0550ae; }
  a[href^="http"]::after, a[href^="mailto:"]::after { content: " (" attr(href) ")"; color: #59636e; font-size: 0.85em; word-break: break-all; }
}
`;
}
