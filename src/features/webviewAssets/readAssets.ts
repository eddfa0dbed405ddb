/**
 * A webview's stylesheet and script, written into its page rather than linked (the portfolio's
 * and the analysis preview's).
 *
 * Why: a linked asset is fetched through the platform's resource loader (the webview's service
 * worker, the workbench's thread, the file system, and in code-server the remote server) while the
 * panel opens, on a workbench thread that also runs the webview and is busy opening the panel.
 * In the bench's real webview the portfolio's stylesheet arrived ~110 ms after the page's document
 * and its script ~45 ms after it; the preview's script, at the end of a 100 KB analysis' body, held
 * the document's parse until it came, and its stylesheet came after the first paint (which was
 * drawn unstyled). Written into the page, both are there with the document.
 *
 * Safety: the texts are our own packaged files (media/, built by esbuild.mjs), read from the
 * extension's own install location, never user content. They run and apply under the page's fresh
 * nonce (`script-src 'nonce-…'`, `style-src … 'nonce-…'`), as the linked script did: no
 * 'unsafe-inline', no markup from data. A text that could end its element early is not inlined
 * (the page links the files as before).
 */
import * as vscode from 'vscode';
import { inlineAssets, type InlineAssets } from './inlineAssets';

export type { InlineAssets };

/**
 * Reads a stylesheet and a script (paths below the extension's folder) where the extension is
 * installed; undefined when they cannot be read or written into a page (the page links them then).
 */
export async function readInlineAssets(extensionUri: vscode.Uri, css: readonly string[], js: readonly string[]): Promise<InlineAssets | undefined> {
  const read = async (path: readonly string[]): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...path)));
  try {
    const [cssText, jsText] = await Promise.all([read(css), read(js)]);
    return inlineAssets(cssText, jsText);
  } catch {
    return undefined;
  }
}
