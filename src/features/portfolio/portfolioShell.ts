/**
 * The page around the portfolio's body: the same strict CSP as the preview (a fresh nonce per
 * page, assets only from the extension's media folder), one stylesheet (the shared one and the
 * portfolio's own, bundled as media/dist/portfolio.css) and the one bundled script, both written
 * into the page under the nonce when they were read (../webviewAssets/readAssets.ts says why), else linked;
 * the initial state in an escaped `data-*` attribute, the matrix's data in a JSON data block.
 */
import * as vscode from 'vscode';
import { escapeAttribute as attr, escapeHtml as esc, jsonAttribute } from '../../render/html';
import { SECTION_NAMES, type MatrixData, type PortfolioSections, type PortfolioState } from '../../render/portfolioProtocol';
import type { PreviewStyle } from '../../render/protocol';
import { contentSecurityPolicy, createNonce, styleToggle } from '../preview/webviewShell';
import type { InlineAssets } from './portfolioAssets';

/** A toolbar button; its label and tooltip are translated, so both are escaped. */
function button(id: string, label: string, title: string): string {
  return `<button type="button" id="${attr(id)}" title="${attr(title)}">${esc(label)}</button>`;
}

/**
 * The content: each HTML part in its own element (a patch replaces one part), the matrix's data in
 * an escaped attribute of its section, built into a table by the webview's script.
 */
function contentHtml(sections: PortfolioSections, matrix: MatrixData | undefined): string {
  const part = (name: (typeof SECTION_NAMES)[number]): string => `<div id="pa-pf-part-${name}">${sections[name]}</div>`;
  return part('header') + part('controls')
    + '<section class="pa-pf-matrix-section" id="pa-pf-matrix-section"></section>'
    + part('coverage') + part('trends') + part('problems')
    + (matrix ? `<script type="application/json" id="pa-pf-matrix-data">${jsonScriptText(matrix)}</script>` : '');
}

/**
 * JSON as the text of a data block (`<script type="application/json">`, never run: the page's CSP
 * runs only the nonce'd script, and a data block is not a script). Every `<` is written as its JSON
 * escape, so no text can close the element; half a megabyte of rows is not HTML-escaped quote by quote.
 */
function jsonScriptText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function renderPortfolioShell(webview: vscode.Webview, extensionUri: vscode.Uri, sections: PortfolioSections, matrix: MatrixData | undefined, state: PortfolioState, style: PreviewStyle, assets?: InlineAssets): string {
  const nonce = createNonce();
  const media = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', ...path)).toString();
  // Our own files' texts (checked by inlineAssets to hold no end of their element), under the nonce.
  const stylesheet = assets ? `<style nonce="${attr(nonce)}">${assets.css}</style>` : `<link rel="stylesheet" href="${attr(media('dist', 'portfolio.css'))}">`;
  const script = assets ? `<script nonce="${attr(nonce)}">${assets.js}</script>` : `<script nonce="${attr(nonce)}" src="${attr(media('dist', 'portfolio.js'))}"></script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(webview, nonce, false, assets !== undefined))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${stylesheet}
<title>${esc(vscode.l10n.t('Portfolio'))}</title>
</head>
<body class="pa-webview pa-portfolio pa-style-${style === 'publication' ? 'publication' : 'theme'}" data-settings="${jsonAttribute({ ...state, style })}">
<div class="pa-toolbar" role="toolbar" aria-label="${attr(vscode.l10n.t('Portfolio'))}"><span class="pa-lock-state">${esc(vscode.l10n.t('Portfolio of the workspace’s analyses'))}</span>${button('pa-pf-export-html', vscode.l10n.t('Export HTML'), vscode.l10n.t('Export the portfolio as one self-contained HTML page'))}${button('pa-pf-export-csv', vscode.l10n.t('Export CSV'), vscode.l10n.t('Export the matrix as CSV for spreadsheets'))}${button('pa-pf-export-pdf', vscode.l10n.t('Export PDF'), vscode.l10n.t('Print the portfolio page to a PDF with Chrome, Edge or Chromium'))}${styleToggle(style)}</div>
<main class="pa-content" id="pa-content">${contentHtml(sections, matrix)}</main>
${script}
</body>
</html>`;
}
