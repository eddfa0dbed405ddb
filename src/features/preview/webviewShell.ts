/**
 * The page around rendered HTML in the preview and pattern-card webviews: a strict CSP with a
 * fresh nonce per page, every asset through `asWebviewUri`, initial data in an escaped `data-*`
 * attribute (no inline script), and the one bundled script.
 */
import * as vscode from 'vscode';
import { escapeAttribute as attr, escapeHtml as esc, jsonAttribute } from '../../render/html';
import type { PreviewStyle } from '../../render/protocol';
import type { InlineAssets } from '../webviewAssets/inlineAssets';

export interface ShellOptions {
  readonly webview: vscode.Webview;
  readonly extensionUri: vscode.Uri;
  readonly title: string;
  readonly bodyHtml: string;
  /** Read by the webview script (`document.body.dataset.settings`). */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly style: PreviewStyle;
  /** Adds `https:` to `img-src` (the preview's allowRemoteImages setting, trusted workspaces only). */
  readonly allowHttpsImages: boolean;
  /** Show the lock button (previews) or not (cards). */
  readonly lockButton: boolean;
  /** The stylesheet and script to write into the page under its nonce (./previewAssets.ts); linked when absent. */
  readonly assets?: InlineAssets;
}

/**
 * A nonce from the platform's CSPRNG, as the CSP's `script-src 'nonce-…'` wants it. Web Crypto's
 * `getRandomValues` is global in both extension hosts (Node 20 and the web worker).
 */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(webview: vscode.Webview, nonce: string, allowHttpsImages: boolean, nonceStyle = false): string {
  const source = webview.cspSource;
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    // A `<style>` element of our own, carrying the page's nonce (the portfolio's and the preview's: see webviewAssets/readAssets.ts); never 'unsafe-inline'.
    `style-src ${source}${nonceStyle ? ` 'nonce-${nonce}'` : ''}`,
    `img-src ${source}${allowHttpsImages ? ' https:' : ''}`,
    `font-src ${source}`,
  ].join('; ');
}

/** The webview options every panel of ours uses: scripts on, forms off, the narrowest roots. */
export function webviewOptions(extensionUri: vscode.Uri, documentFolder: vscode.Uri | undefined): vscode.WebviewOptions {
  const roots = [vscode.Uri.joinPath(extensionUri, 'media')];
  if (documentFolder) roots.push(documentFolder);
  return { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: roots };
}

export function renderShell(options: ShellOptions): string {
  const { webview, extensionUri, assets } = options;
  const nonce = createNonce();
  const media = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', ...path)).toString();
  // Our own files' texts (checked by inlineAssets to hold no end of their element), under the nonce.
  const stylesheet = assets ? `<style nonce="${attr(nonce)}">${assets.css}</style>` : `<link rel="stylesheet" href="${attr(media('preview.css'))}">`;
  const script = assets ? `<script nonce="${attr(nonce)}">${assets.js}</script>` : `<script nonce="${attr(nonce)}" src="${attr(media('dist', 'preview.js'))}"></script>`;
  const lock = options.lockButton
    ? `<button type="button" id="pa-lock-toggle" title="${attr(vscode.l10n.t('Lock the preview to this document, or let it follow the active editor'))}" data-label-locked="${attr(vscode.l10n.t('Unlock'))}" data-label-following="${attr(vscode.l10n.t('Lock'))}">${esc(vscode.l10n.t('Lock'))}</button>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(webview, nonce, options.allowHttpsImages, assets !== undefined))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${stylesheet}
<title>${esc(options.title)}</title>
</head>
<body class="pa-webview pa-style-${options.style === 'publication' ? 'publication' : 'theme'}" data-settings="${jsonAttribute(options.settings)}">
<div class="pa-toolbar" role="toolbar" aria-label="${attr(vscode.l10n.t('Preview'))}"><span class="pa-lock-state" id="pa-lock-state" data-label-locked="${attr(vscode.l10n.t('Locked to this document'))}" data-label-following="${attr(vscode.l10n.t('Follows the active editor'))}"></span>${lock}${styleToggle(options.style)}</div>
<main class="pa-content" id="pa-content">${options.bodyHtml}</main>
${script}
</body>
</html>`;
}

/**
 * The preview style toggle, shared by the preview and the portfolio. Its script swaps the label
 * when the style changes and has no vscode.l10n, so both translated labels ride on the button.
 */
export function styleToggle(style: string): string {
  const toPublication = vscode.l10n.t('Publication style');
  const toTheme = vscode.l10n.t('Theme style');
  return `<button type="button" id="pa-style-toggle" title="${attr(vscode.l10n.t('Switch between the editor theme and a clean light page'))}" data-label-theme="${attr(toPublication)}" data-label-publication="${attr(toTheme)}">${esc(style === 'publication' ? toTheme : toPublication)}</button>`;
}
