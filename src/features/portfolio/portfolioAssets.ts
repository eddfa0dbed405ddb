/**
 * The portfolio webview's stylesheet and script, written into its page rather than linked
 * (../webviewAssets/readAssets.ts says why and how it stays safe).
 */
import type * as vscode from 'vscode';
import { readInlineAssets, type InlineAssets } from '../webviewAssets/readAssets';

export type { InlineAssets };

/**
 * Reads media/dist/portfolio.css and media/dist/portfolio.js where the extension is installed
 * (once, when the portfolio's part is loaded); undefined when they cannot be read (the page links
 * them then).
 */
export function readPortfolioAssets(extensionUri: vscode.Uri): Promise<InlineAssets | undefined> {
  return readInlineAssets(extensionUri, ['media', 'dist', 'portfolio.css'], ['media', 'dist', 'portfolio.js']);
}
