/**
 * The web worker extension host's way to load one of the extension's own lazily-loaded bundles
 * (dist/web/renderer.js). Why not `require`: a web worker's `require` knows only 'vscode', never a
 * sibling file, so without this door the renderer (markdown-it and its entity tables) had to be
 * inlined into dist/web/extension.js and read and compiled at every activation.
 *
 * What this does is what VS Code's web worker host does to load the extension itself: fetch the
 * file's text and evaluate it as a CommonJS module body. The text is our own packaged bundle, read
 * from the extension's own install location (`extensionUri`), never user content: nothing a
 * document, a workspace or a setting says reaches this function.
 */
import * as vscode from 'vscode';

/** The module object a CommonJS bundle fills in (esbuild's `format: 'cjs'` output assigns `module.exports`). */
interface CommonJsModule {
  exports: unknown;
}

/**
 * The name under which dist/web/portfolio.js requires src/features/core.ts, which esbuild.mjs
 * leaves out of it so that it shares the activated extension's (never a path a file could have).
 */
export const SHARED_CORE = 'pattern-analyst:features/core';

/** The text of `file` (a path inside the extension), read where the extension is installed. */
async function ownFileText(extensionUri: vscode.Uri, file: string): Promise<string> {
  const uri = vscode.Uri.joinPath(extensionUri, file);
  // vscode.dev serves gallery extensions over https, a scheme workspace.fs has no provider for;
  // the worker host itself fetches those. Everywhere else (code-server's remote, a local folder
  // opened in vscode.dev) workspace.fs reads the extension's own files.
  if (uri.scheme === 'https' || uri.scheme === 'http') {
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(vscode.l10n.t('{0}: HTTP {1}', file, response.status));
    return response.text();
  }
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * Loads the extension's own CommonJS bundle `file` and returns its exports. The bundle may
 * `require` only the names in `shared` (the modules it shares with the activated extension, e.g.
 * 'vscode'); anything else is a build mistake, reported as one. Called once per bundle by
 * src/features/core.ts's door, through the platform.
 */
export async function loadOwnBundle(extensionUri: vscode.Uri, file: string, shared: Readonly<Record<string, unknown>> = {}): Promise<unknown> {
  const text = await ownFileText(extensionUri, file);
  const module: CommonJsModule = { exports: {} };
  const require = (id: string): unknown => {
    if (Object.hasOwn(shared, id)) return shared[id];
    // not-for-translation: a build mistake (esbuild.mjs left a require in the bundle), for developers.
    throw new Error(`${file} requires '${id}', which the extension does not share with it`);
  };
  const evaluate = new Function('module', 'exports', 'require', text) as (module: CommonJsModule, exports: unknown, require: (id: string) => unknown) => void;
  evaluate(module, module.exports, require);
  return module.exports;
}
