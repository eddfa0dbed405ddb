/**
 * The one door from the editor to the core bundles. The analysis core, the renderer and the
 * portfolio are built as files of their own beside dist/extension.js (esbuild.mjs) and loaded here
 * on first use, not at activation: opening the Pattern tree, restoring a preview or running a
 * command needs none of them.
 *
 * Features import the core's types freely (`import type`), and may import the small pure modules
 * of src/model, src/analysis and src/render directly (they are bundled into dist/extension.js),
 * but reach the bundles' entry points only through the getters below. How a bundle is loaded is
 * the platform's (platform/platform.ts): the node host `require`s it synchronously on the first
 * call; the web worker host, which cannot load a file synchronously, reads it from the extension's
 * own files when a feature first awaits it. Each bundle is loaded once and then kept.
 */
import type * as AnalysisBundle from '../analysis/analysisBundle';
import type * as RendererBundle from '../render/rendererBundle';
import type * as PortfolioBundle from './portfolio/portfolioFeature';
import type * as PdfBundle from '../pdf/pdfBundle';
import * as vscode from 'vscode';
import { platform } from './platform';
import { userMessages } from './userMessages';

/** A getter that calls `load` on its first call and returns the same module afterwards. */
function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

/** Where the extension is installed: the web platform reads its lazily-loaded bundles from there. */
let bundlesAt: vscode.Uri | undefined;

/** Called once by activate(): no I/O, it only says where the bundles may be read from later. */
export function locateCoreBundles(extensionUri: vscode.Uri): void {
  bundlesAt = extensionUri;
}

/** A bundle the node host can `require` on its first use, and the web worker host must await. */
interface LazyCore<T> {
  /** The bundle now: loaded, or `require`d now where that can be done. */
  now(): T;
  /** The bundle, loaded by this call if need be. A failed load is retried on the next call. */
  when(): Promise<T>;
  /** `use(bundle)` at once where that can be done (so a provider stays synchronous there), else once loaded. */
  with<R>(use: (core: T) => R): R | Promise<R>;
  /** Resolves when now() may be called, without loading a bundle that `require` would load on the call itself. */
  ready(): Promise<unknown>;
}

/**
 * `sync` and `load` are read from the platform at call time, never while this module is evaluated:
 * the web platform imports this module back (for the bundles it loads), so either may run first.
 */
function lazyCore<T>(name: string, sync: () => (() => T) | undefined, load: (extensionUri: vscode.Uri) => Promise<T>, failed: (error: unknown) => string): LazyCore<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  // A failed load is told once, not once per caller: every edit of every open analysis asks for
  // the analysis core, and each would otherwise stack another notification (or, unawaited, only
  // log an unhandled rejection nobody sees). Told again only after a load has succeeded.
  let told = false;
  const now = (): T => {
    if (loaded) return loaded;
    const requireNow = sync();
    // The web worker host: every feature awaits when() first (its provider, event handler or
    // command is async). Calling now() before is a programming error, reported as one.
    if (!requireNow) {
      // not-for-translation: a programming error (a feature that did not await the bundle), for developers.
      throw new Error(`The ${name} was used before it was loaded.`);
    }
    return (loaded = requireNow());
  };
  const when = (): Promise<T> => {
    if (loaded || sync()) return Promise.resolve(now());
    if (!bundlesAt) {
      // not-for-translation: a programming error, for developers.
      return Promise.reject(new Error('locateCoreBundles() was not called at activation.'));
    }
    loading ??= load(bundlesAt).then(
      (core) => {
        told = false;
        return (loaded = core);
      },
      (error: unknown) => {
        loading = undefined;
        if (!told) {
          told = true;
          void vscode.window.showErrorMessage(failed(error));
        }
        throw error;
      },
    );
    return loading;
  };
  return {
    now,
    when,
    with: (use) => (loaded || sync() ? use(now()) : when().then(use)),
    ready: () => (loaded || sync() ? Promise.resolve() : when()),
  };
}

/**
 * The analysis core (src/analysis/analysisBundle.ts): `analyzeText`, `claimsOnLine`,
 * `readFrontMatter`, the team config. First needed when a document is checked, hovered or
 * previewed. dist/analysis.js on the desktop, dist/web/analysis.js in the browser.
 */
// not-for-translation: the name in a programming error's message.
const analysis = lazyCore<typeof AnalysisBundle>('analysis core', () => platform.requireAnalysis, (uri) => platform.loadAnalysis(uri), userMessages.analysisCoreLoadFailed);
export const analysisCore = analysis.now;
export const whenAnalysisCore = analysis.when;
export const withAnalysisCore = analysis.with;

/**
 * The portfolio (src/features/portfolio/portfolioFeature.ts): the workspace index, the portfolio
 * panel and the cross-analysis check. First needed when a portfolio surface is shown.
 * dist/portfolio.js on the desktop, dist/web/portfolio.js in the browser.
 */
// not-for-translation: the name in a programming error's message.
const portfolio = lazyCore<typeof PortfolioBundle>('portfolio', () => platform.requirePortfolio, (uri) => platform.loadPortfolio(uri), userMessages.portfolioLoadFailed);
export const portfolioCore = portfolio.now;
export const withPortfolioCore = portfolio.with;

let renderer: Promise<typeof RendererBundle> | undefined;

/**
 * The renderer core (src/render/rendererBundle.ts): markdown-it with the pattern-aware plugins,
 * `renderDocumentBody` and `exportDocumentPage`. First needed by a preview or an HTML export.
 * Asynchronous on both hosts: the platform chooses how to load it (dist/renderer.js by `require` on
 * the desktop, dist/web/renderer.js read from the extension's URI in the browser; platform.ts).
 * Loaded once; a failed load is retried next time.
 */
export function rendererCore(extensionUri: vscode.Uri): Promise<typeof RendererBundle> {
  renderer ??= platform.loadRenderer(extensionUri).catch((error: unknown) => {
    renderer = undefined;
    throw error;
  });
  return renderer;
}

/**
 * dist/pdf.js (src/pdf/pdfBundle.ts): finding a Chrome, Edge or Chromium and printing a page to
 * PDF with it. First needed by Export to PDF (never in the browser: esbuild.mjs's web build
 * replaces ./pdf.js with a stub that says why).
 */
export const pdfCore = onFirstUse(
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => require('./pdf.js') as typeof PdfBundle,
);
