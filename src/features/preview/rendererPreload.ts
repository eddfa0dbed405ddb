/**
 * Loads the renderer (dist/renderer.js: markdown-it and the pattern-aware plugins) in an idle
 * moment once an analysis is open in the editor, so that its first preview does not wait for it.
 *
 * Why: the first preview of a session did all its one-time work after the command, on the path
 * the user waits for: requiring the renderer bundle (reading and compiling it: 0.13 to 0.25 s in a
 * real extension host, more on a busy machine) came before the render itself. An open analysis is
 * the moment a preview becomes likely; the host is usually idle then (its checks are done), while
 * the user reads or reaches for the command.
 *
 * Never at activation (nothing here runs in activate() but registering a listener), never for a
 * markdown file that is not an analysis, and once per session: after the renderer is loaded, the
 * listener is gone. It reads the analysis the cache already holds (diagnostics made it when the
 * document opened), so it costs one `require`, which the first preview or export would pay anyway.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';

/** How long after an analysis became the active editor the renderer is loaded: after its first check. */
export const PRELOAD_DELAY_MS = 150;

/** `load` loads the renderer (the preview feature passes core.ts's `rendererCore`; a test, a counter). */
export function preloadRendererForAnalyses(services: Services, load: () => Promise<unknown>): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let done = false;
  let disposed = false;
  const preload = (document: vscode.TextDocument): void => {
    if (done || disposed || document.isClosed) return;
    // The document's analysis at its current version: the one diagnostics already made and cached.
    // (The cache's own door to the analysis core: a failed load has been told by core.ts.)
    services.analyses.coreReady().then(() => {
      if (done || disposed || document.isClosed || !services.analyses.get(document).isAnalysis) return;
      done = true;
      listener.dispose();
      // A failed load is not told here: the first preview or export tries again and says why.
      load().catch(() => undefined);
    }, () => undefined);
  };
  const consider = (editor: vscode.TextEditor | undefined): void => {
    if (done || !editor || editor.document.languageId !== 'markdown') return;
    const document = editor.document;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      preload(document);
    }, PRELOAD_DELAY_MS);
  };
  const listener = vscode.window.onDidChangeActiveTextEditor(consider);
  consider(vscode.window.activeTextEditor);
  return {
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
      listener.dispose();
    },
  };
}
