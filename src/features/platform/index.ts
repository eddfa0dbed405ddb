/**
 * The node extension host's platform (desktop VS Code, code-server, Codespaces): see platform.ts.
 * The web build never bundles this file (esbuild.mjs swaps in web.ts), so node built-ins are
 * allowed here and in the files only this one imports (diskWalk.ts, offThread.ts), nowhere else in src/features.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import type { Platform } from './platform';
import { isLinkFree, walkMarkdownFiles } from './diskWalk';
import { checkShardsOffThread, prepareIndexWorker, walkOffThread } from './offThread';
import type * as AnalysisBundle from '../../analysis/analysisBundle';
import type * as RendererBundle from '../../render/rendererBundle';
import type * as PortfolioBundle from '../portfolio/portfolioFeature';

export type { Platform } from './platform';

/** dist/analysis.js, beside dist/extension.js (a literal path, external in esbuild.mjs). */
function requireAnalysis(): typeof AnalysisBundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./analysis.js') as typeof AnalysisBundle;
}

/** dist/portfolio.js, likewise. */
function requirePortfolio(): typeof PortfolioBundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./portfolio.js') as typeof PortfolioBundle;
}

export const platform: Platform = {
  kind: 'desktop',
  canPrintPdf: true,
  async realFileOnDisk(folder, target) {
    try {
      const [realFolder, realTarget] = await Promise.all([fs.realpath(folder.fsPath), fs.realpath(target.fsPath)]);
      const rel = nodePath.relative(realFolder, realTarget);
      const inside = rel !== '' && rel !== '..' && !rel.startsWith(`..${nodePath.sep}`) && !nodePath.isAbsolute(rel);
      return inside ? vscode.Uri.file(realTarget) : undefined;
    } catch {
      return undefined;
    }
  },
  async walkMarkdownFiles(folder, options) {
    // In the worker thread when it can (the host's thread then only receives the list), else here.
    const walked = options.globs ? await walkOffThread(folder.fsPath, options.globs, options.cancelled, options.pause) : 'failed';
    return walked === 'failed' ? walkMarkdownFiles(folder.fsPath, options) : walked;
  },
  isLinkFree: (folder, target) => isLinkFree(folder.fsPath, target.fsPath),
  checkShardsOffThread,
  prepareIndexWorker,
  nextTurn: () => new Promise((resolve) => setImmediate(resolve)),
  // A literal path, external in esbuild.mjs: Node resolves it beside dist/extension.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loadRenderer: async () => require('./renderer.js') as typeof RendererBundle,
  requireAnalysis,
  loadAnalysis: async () => requireAnalysis(),
  requirePortfolio,
  loadPortfolio: async () => requirePortfolio(),
};
