/**
 * The page around the portfolio's body: the same strict CSP as the preview (a fresh nonce per
 * page, no inline script, assets only from the extension's media folder), the shared stylesheet
 * plus the portfolio's own, the initial state in an escaped `data-*` attribute, and the one
 * bundled script.
 */
import * as vscode from 'vscode';
import { escapeAttribute as attr, jsonAttribute } from '../../render/html';
import type { PortfolioState } from '../../render/portfolioProtocol';
import type { PreviewStyle } from '../../render/protocol';
import { contentSecurityPolicy, createNonce } from '../preview/webviewShell';

export function renderPortfolioShell(webview: vscode.Webview, extensionUri: vscode.Uri, bodyHtml: string, state: PortfolioState, style: PreviewStyle): string {
  const nonce = createNonce();
  const media = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', ...path)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(webview, nonce, false))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(media('preview.css'))}">
<link rel="stylesheet" href="${attr(media('portfolio.css'))}">
<title>Portfolio</title>
</head>
<body class="pa-webview pa-portfolio pa-style-${style === 'publication' ? 'publication' : 'theme'}" data-settings="${jsonAttribute({ ...state, style })}">
<div class="pa-toolbar" role="toolbar" aria-label="Portfolio"><span class="pa-lock-state">Portfolio of the workspace’s analyses</span><button type="button" id="pa-pf-export-html" title="Export the portfolio as one self-contained HTML page">Export HTML</button><button type="button" id="pa-pf-export-csv" title="Export the matrix as CSV for spreadsheets">Export CSV</button><button type="button" id="pa-pf-export-pdf" title="Print the portfolio page to a PDF with Chrome, Edge or Chromium">Export PDF</button><button type="button" id="pa-style-toggle" title="Switch between the editor theme and a clean light page">${style === 'publication' ? 'Theme style' : 'Publication style'}</button></div>
<main class="pa-content" id="pa-content">${bodyHtml}</main>
<script nonce="${attr(nonce)}" src="${attr(media('dist', 'portfolio.js'))}"></script>
</body>
</html>`;
}
