/**
 * The one door from the editor to the core bundles. The analysis core and the renderer are built
 * as files of their own beside dist/extension.js (esbuild.mjs) and loaded here on first use, not at
 * activation: opening the Pattern tree, restoring a preview or running a command needs neither.
 *
 * Features import the core's types freely (`import type`), and may import the small pure modules
 * of src/model, src/analysis and src/render directly (they are bundled into dist/extension.js),
 * but reach the bundles' entry points only through the getters below. The `require` paths are
 * literal and marked external in esbuild.mjs, so the bundle keeps them as written and Node resolves
 * them beside dist/extension.js at run time. Each bundle is required once and then kept.
 */
import type * as AnalysisBundle from '../analysis/analysisBundle';
import type * as RendererBundle from '../render/rendererBundle';
import type * as PortfolioBundle from './portfolio/portfolioFeature';
import type * as PdfBundle from '../pdf/pdfBundle';
import type * as vscode from 'vscode';
import { platform } from './platform';

/** A getter that calls `load` on its first call and returns the same module afterwards. */
function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

/**
 * dist/analysis.js (src/analysis/analysisBundle.ts): `analyzeText`, `claimsOnLine`,
 * `readFrontMatter`. First needed when a document is checked, hovered or previewed.
 */
export const analysisCore = onFirstUse(
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => require('./analysis.js') as typeof AnalysisBundle,
);

let renderer: Promise<typeof RendererBundle> | undefined;

/**
 * The renderer core (src/render/rendererBundle.ts): markdown-it with the pattern-aware plugins,
 * `renderDocumentBody` and `exportDocumentPage`. First needed by a preview or an HTML export.
 * Asynchronous because the web worker host cannot `require` a sibling file: the platform chooses
 * how to load it (dist/renderer.js by `require` on the desktop, dist/web/renderer.js read from
 * the extension's URI in the browser; platform.ts). Loaded once; a failed load is retried next time.
 */
export function rendererCore(extensionUri: vscode.Uri): Promise<typeof RendererBundle> {
  renderer ??= platform.loadRenderer(extensionUri).catch((error: unknown) => {
    renderer = undefined;
    throw error;
  });
  return renderer;
}

/**
 * dist/portfolio.js (src/features/portfolio/portfolioFeature.ts): the workspace index, the
 * portfolio panel and the cross-analysis check. First needed when a portfolio surface is shown.
 */
export const portfolioCore = onFirstUse(
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => require('./portfolio.js') as typeof PortfolioBundle,
);

/**
 * dist/pdf.js (src/pdf/pdfBundle.ts): finding a Chrome, Edge or Chromium and printing a page to
 * PDF with it. First needed by Export to PDF.
 */
export const pdfCore = onFirstUse(
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => require('./pdf.js') as typeof PdfBundle,
);
