/**
 * The analysis preview's stylesheet and script, read once per session and written into each of
 * its pages under the page's nonce (../webviewAssets/readAssets.ts says why and how it stays safe).
 * A preview awaits them while its renderer loads (the renderer preload reads them ahead); when
 * they cannot be read, the page links the files as before. The pattern card links them.
 */
import type * as vscode from 'vscode';
import { readInlineAssets, type InlineAssets } from '../webviewAssets/readAssets';

let reading: Promise<InlineAssets | undefined> | undefined;

/** media/preview.css and media/dist/preview.js as they may be written into a page; undefined: link them. */
export function previewAssets(extensionUri: vscode.Uri): Promise<InlineAssets | undefined> {
  reading ??= readInlineAssets(extensionUri, ['media', 'preview.css'], ['media', 'dist', 'preview.js']);
  return reading;
}
