/**
 * The print design every exported page carries: the running header from the front matter, made
 * into a CSS string nothing can break out of, and the rules a printed report needs.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/analysis/analyze';
import { exportDocumentPage } from '../../../src/render/exportDocument';
import { cssString, MAX_RUNNING_HEADER_CHARS, printStylesheet, runningHeaderOf } from '../../../src/render/printStyle';
import { bundledCatalog } from '../../bench/benchInputs';

/** Decodes a CSS string literal made of plain characters and `\hex ` escapes. */
function decodeCss(literal: string): string {
  assert.match(literal, /^"(?:[A-Za-z0-9 ]|\\[0-9a-f]{1,6} )*"$/);
  return literal.slice(1, -1).replace(/\\([0-9a-f]{1,6}) /g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

describe('print stylesheet', () => {
  it('writes subject, period and pattern as the running header', () => {
    const analysis = analyzeText('---\npattern: ai-infrastructure\nsubject: CoreWeave\nperiod: Q3 2026\n---\n\n# x\n', bundledCatalog());
    assert.equal(runningHeaderOf(analysis), 'CoreWeave · Q3 2026 · AI Infrastructure');
    assert.equal(runningHeaderOf(analyzeText('# no front matter\n', bundledCatalog())), '');
  });

  it('makes any header text a CSS string that cannot end the string, the rule or the style element', () => {
    const hostile = '"; } body { display: none } </style><script>alert(1)</script> url(http://evil.example/x) @import "y"; \\ \n\u0000';
    const literal = cssString(hostile);
    // eslint-disable-next-line no-control-regex -- a NUL must not reach the stylesheet
    assert.doesNotMatch(literal.slice(1, -1), /["<>;{}()\n\u0000]|url\(|@import/i);
    // eslint-disable-next-line no-control-regex -- control characters print as spaces
    assert.equal(decodeCss(literal), hostile.replace(/[\n\u0000]/g, ' '));
  });

  it('cuts an oversized header with an ellipsis', () => {
    const decoded = decodeCss(cssString('x'.repeat(100_000)));
    assert.equal(Array.from(decoded).length, MAX_RUNNING_HEADER_CHARS);
    assert.ok(decoded.endsWith('…'));
  });

  it('has page numbers, a running header, whole scorecards, unsplit rows and written-out links', () => {
    const css = printStylesheet('CoreWeave');
    assert.match(css, /@bottom-right \{ content: "Page " counter\(page\) " of " counter\(pages\)/);
    assert.match(css, /@top-center \{ content: "CoreWeave"/);
    assert.match(css, /@page :first \{ @top-center \{ content: none; \} \}/);
    assert.match(css, /\.pa-scorecard[^{]*\{ break-inside: avoid; \}/);
    assert.match(css, /tr, th, td \{ break-inside: avoid; \}/);
    assert.match(css, /a\[href\^="http"\]::after[^{]*\{ content: " \(" attr\(href\) "\)"/);
    assert.doesNotMatch(printStylesheet(''), /@top-center \{ content: "/);
  });

  it('travels inside every exported page, through the export page filter intact', async () => {
    const text = '---\npattern: ai-infrastructure\nsubject: "Evil</style><script>alert(1)</script>"\n---\n\nGPU utilization was 72%.\n';
    const page = await exportDocumentPage(text, analyzeText(text, bundledCatalog()), { css: 'body { color: red }', fallbackTitle: 'x' });
    assert.match(page, /@media print \{/);
    assert.match(page, /counter\(pages\)/);
    assert.equal((page.match(/<script/gi) ?? []).length, 0);
    assert.equal((page.match(/<\/style>/g) ?? []).length, 1);
    const bare = await exportDocumentPage(text, analyzeText(text, bundledCatalog()), { css: 'body { color: red }', fallbackTitle: 'x', printStyle: false });
    assert.doesNotMatch(bare, /@media print \{|counter\(pages\)/);
  });
});
