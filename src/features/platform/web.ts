/**
 * The web worker extension host's platform (vscode.dev, github.dev, code-server running a
 * browser-only extension): see platform.ts. esbuild.mjs's web build bundles this file in place of
 * index.ts. A web worker has no node built-ins, no `process`, no `setImmediate` and no local
 * browser to print with.
 */
import type { Platform } from './platform';
import type * as AnalysisBundle from '../../analysis/analysisBundle';
import * as vscode from 'vscode';
import type * as RendererBundle from '../../render/rendererBundle';
import type * as PortfolioBundle from '../portfolio/portfolioFeature';
// Imported back by core.ts: neither module touches the other while it is evaluated (core.ts reads
// the platform at call time), so either may be evaluated first.
import * as core from '../core';
import { loadOwnBundle, SHARED_CORE } from './loadOwnBundle';

export type { Platform } from './platform';

/** The browser's MessageChannel as the worker has it (tsc sees Node's typings, whose ports differ). */
interface BrowserChannel {
  readonly port1: { onmessage: (() => void) | null };
  readonly port2: { postMessage(message: undefined): void };
}

/** One channel for every turn: posting to it runs after pending messages, without setTimeout's 4 ms clamp. */
let channel: BrowserChannel | undefined;
const waiting: (() => void)[] = [];

function nextTurn(): Promise<void> {
  if (!channel) {
    channel = new (globalThis as unknown as { MessageChannel: new () => BrowserChannel }).MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(undefined);
  });
}

export const platform: Platform = {
  kind: 'web',
  // Printing needs a local Chrome, Edge or Chromium the worker cannot start: the PDF commands
  // stay hidden (package.json's `when`/`enablement` on patternAnalyst.canExportPdf).
  canPrintPdf: false,
  // No realFileOnDisk: the worker reaches files only through workspace.fs, whose providers
  // (github.dev's repository, vscode.dev's opened folder, code-server's remote) report a link as
  // FileType.SymbolicLink or not at all; documentFolder.ts walks the path and refuses any link
  // reported, and a provider that reports none offers no link to follow.
  nextTurn,
  // dist/web/renderer.js, its own one-file bundle (esbuild.mjs): read and evaluated on the first
  // preview or export, so activation reads and compiles only dist/web/extension.js.
  loadRenderer: async (extensionUri) => (await loadOwnBundle(extensionUri, 'dist/web/renderer.js')) as typeof RendererBundle,
  // dist/web/analysis.js likewise (js-yaml, the team config's jsonc-parser and picomatch inside),
  // read when a feature first needs a check; no requireAnalysis: nothing here loads synchronously.
  loadAnalysis: async (extensionUri) => (await loadOwnBundle(extensionUri, 'dist/web/analysis.js')) as typeof AnalysisBundle,
  // dist/web/portfolio.js, read when a portfolio surface is first shown. Unlike the two cores it
  // is editor code: it gets this host's `vscode` and core.ts (one door, so the analysis core and
  // the renderer it reaches are the ones already loaded), the names esbuild.mjs left external.
  loadPortfolio: async (extensionUri) =>
    (await loadOwnBundle(extensionUri, 'dist/web/portfolio.js', { vscode, [SHARED_CORE]: core })) as typeof PortfolioBundle,
};
