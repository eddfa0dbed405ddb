/**
 * What the editor side may do differs between VS Code's two extension hosts: the node host
 * (desktop VS Code, code-server, Codespaces) and the web worker host (vscode.dev, github.dev,
 * code-server's browser-only extensions). This is the one seam between them, chosen at BUILD time,
 * not by probing at run time: `index.ts` (desktop, what tsc and dist/extension.js see) and
 * `web.ts` (what esbuild.mjs's web build swaps in for `index.ts`) both export `platform`, typed by
 * this interface, so a difference is one named member here rather than `typeof process` checks
 * scattered through the features.
 */
import type * as vscode from 'vscode';
import type * as AnalysisBundle from '../../analysis/analysisBundle';
import type * as RendererBundle from '../../render/rendererBundle';
import type * as PortfolioBundle from '../portfolio/portfolioFeature';
import type { WalkedFile, WalkOptions } from './diskWalk';
import type { PooledShard } from '../../portfolio/indexCacheFormat';

/**
 * A shard of the warm-start cache as the reader hands it to the host's thread: checked by the
 * worker (`shard`: its rows, every line checked, and its table as numbers into the load's strings; the host only decodes them), the
 * host's own to check (`bytes`: the file as read, a shard the worker had not reached), or
 * `refused` (missing, unreadable, or torn, corrupt, tampered or of another version by the worker's
 * check: not to be used). `worker`: the worker's answer (tests count them).
 */
export type ShardTake =
  | { readonly n: number; readonly shard: PooledShard; readonly worker: true }
  | { readonly n: number; readonly bytes: Uint8Array }
  | { readonly n: number; readonly refused: true; readonly worker?: true };

export interface ShardReader {
  /** The next shard, in no set order (each exactly once); undefined once every shard was handed out. */
  next(): Promise<ShardTake | undefined>;
  /** Stops the worker's part (the load is done or cancelled). */
  dispose(): void;
}

export interface Platform {
  /** 'desktop': the node extension host; 'web': the web worker extension host. */
  readonly kind: 'desktop' | 'web';
  /**
   * Export to PDF starts a local Chrome, Edge or Chromium (src/pdf/): only the node host can.
   * Drives the `patternAnalyst.canExportPdf` context key, which hides the PDF commands elsewhere.
   */
  readonly canPrintPdf: boolean;
  /**
   * For two `file:` URIs, the file `target` really is when both links are resolved on disk, if it
   * lies inside `folder`'s real location; undefined when it lies outside or cannot be resolved.
   * Absent where there is no disk to resolve links on (the web worker host): callers then walk
   * the path with `workspace.fs.stat` and refuse any link the file system reports.
   */
  readonly realFileOnDisk?: (folder: vscode.Uri, target: vscode.Uri) => Promise<vscode.Uri | undefined>;
  /**
   * The markdown files under a `file:` folder, walked on disk without following links
   * (diskWalk.ts), with their size and modification time; undefined when the folder cannot be
   * walked. Absent in the web worker host: the workspace index searches with `workspace.findFiles`.
   */
  readonly walkMarkdownFiles?: (folder: vscode.Uri, options: WalkOptions) => Promise<WalkedFile[] | undefined>;
  /**
   * For a `file:` URI below a `file:` folder: whether no link lies on its path (its real location
   * is the same path below the folder's real location); undefined when it cannot be resolved.
   */
  readonly isLinkFree?: (folder: vscode.Uri, target: vscode.Uri) => Promise<boolean | undefined>;
  /**
   * Reads and checks the warm-start cache's shards (the files at `files`, shard n at files[n])
   * shared with a worker thread: the worker checks shards from the last down, so that the host's
   * thread only parses those, and hands the host the first ones to read and check itself while the
   * worker boots (offThread.ts). Absent in the web worker host: the cache reads and checks every
   * shard on the host's thread in time slices.
   */
  readonly checkShardsOffThread?: (files: readonly string[], version: string) => ShardReader;
  /**
   * Starts the worker thread of the index's start ahead of its jobs (the walk, the shards), so
   * that its boot overlaps the build's first steps. Absent where there is no worker.
   */
  readonly prepareIndexWorker?: () => void;
  /** Resolves on the next turn of the event loop, after pending I/O and messages. */
  nextTurn(): Promise<void>;
  /**
   * Loads the renderer core (src/render/rendererBundle.ts: markdown-it, its entity tables and the
   * renderer), built as a file of its own so that activation never reads it. The node host
   * `require`s dist/renderer.js; the web worker host, whose `require` knows no sibling file, reads
   * dist/web/renderer.js from the extension's own URI (loadOwnBundle.ts). Only src/features/core.ts
   * calls this, once.
   */
  loadRenderer(extensionUri: vscode.Uri): Promise<typeof RendererBundle>;
  /**
   * The analysis core (src/analysis/analysisBundle.ts, js-yaml inlined in the web build), built as
   * a file of its own so that activation never reads it. The node host `require`s dist/analysis.js
   * synchronously on first use (`requireAnalysis`); the web worker host has no synchronous way and
   * leaves `requireAnalysis` out: it reads dist/web/analysis.js (`loadAnalysis`) when a feature
   * first awaits src/features/core.ts's whenAnalysisCore().
   */
  readonly requireAnalysis?: () => typeof AnalysisBundle;
  loadAnalysis(extensionUri: vscode.Uri): Promise<typeof AnalysisBundle>;
  /**
   * The portfolio (src/features/portfolio/portfolioFeature.ts), likewise: `require`d from
   * dist/portfolio.js on the desktop, read from dist/web/portfolio.js in the browser when a
   * portfolio surface is first shown.
   */
  readonly requirePortfolio?: () => typeof PortfolioBundle;
  loadPortfolio(extensionUri: vscode.Uri): Promise<typeof PortfolioBundle>;
}
