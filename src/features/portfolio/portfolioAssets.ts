/**
 * The portfolio webview's stylesheet and script, written into its page rather than linked.
 *
 * Why: a linked asset is fetched through the platform's resource loader (the webview's service
 * worker, the workbench's thread, the file system, and in code-server the remote server) while the
 * panel opens, and the page's script may run only after the stylesheet arrived. In the bench's
 * real webview, the stylesheet arrived ~110 ms after the page's document and the script ~45 ms
 * after it, on a workbench thread that also runs the webview and is busy opening the panel; the
 * matrix's message, already posted, is delivered only when the page's load ends. Written into the
 * page, both are there with the document.
 *
 * Safety: the texts are our own packaged files (media/dist/, built by esbuild.mjs), read from the
 * extension's own install location, never user content. They run and apply under the page's fresh
 * nonce (`script-src 'nonce-…'`, `style-src … 'nonce-…'`), as the linked script did: no
 * 'unsafe-inline', no markup from data. A text that could end its element early is not inlined
 * (the page links the file as before).
 */
import * as vscode from 'vscode';
import { inlineAssets, type InlineAssets } from './inlineAssets';

export type { InlineAssets };

/**
 * Reads media/dist/portfolio.css and media/dist/portfolio.js where the extension is installed
 * (once, when the portfolio's part is loaded); undefined when they cannot be read (the page links
 * them then).
 */
export async function readPortfolioAssets(extensionUri: vscode.Uri): Promise<InlineAssets | undefined> {
  const read = async (name: string): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'dist', name)));
  try {
    const [css, js] = await Promise.all([read('portfolio.css'), read('portfolio.js')]);
    return inlineAssets(css, js);
  } catch {
    return undefined;
  }
}
