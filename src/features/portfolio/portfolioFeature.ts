/**
 * The entry point of dist/portfolio.js: everything behind the portfolio surfaces (the workspace
 * index, the Analyses view's rows, the portfolio panel, the cross-analysis check and the exports),
 * loaded when one of them is first shown — never at activation (src/features/portfolio/index.ts
 * holds the always-loaded part: the view, the commands, the serializer).
 */
import * as vscode from 'vscode';
import type { IndexEntry } from '../../portfolio/types';
import type { Services } from '../services';
import { AnalysesTreeProvider } from './analysesTree';
import { ConflictDiagnostics } from './conflictDiagnostics';
import { coreEntrySource } from './coreEntrySource';
import { exportPortfolio, type PortfolioExportArgs } from './exportPortfolio';
import { IndexCache } from './indexCache';
import { PortfolioPanels } from './portfolioPanel';
import { WorkspaceIndex } from './workspaceIndex';

export interface PortfolioFeature extends vscode.Disposable {
  readonly index: WorkspaceIndex<IndexEntry>;
  readonly tree: AnalysesTreeProvider;
  readonly panels: PortfolioPanels;
  readonly conflicts: ConflictDiagnostics;
  exportPortfolio(args: PortfolioExportArgs): Promise<vscode.Uri | undefined>;
}

export interface PortfolioContext {
  readonly services: Services;
  readonly extensionUri: vscode.Uri;
  /** Where the warm-start cache lives (the workspace's storage, else the global one). */
  readonly storageUri: vscode.Uri | undefined;
  /** Refreshes the Analyses view (its emitter lives in the always-loaded part). */
  readonly refreshTree: () => void;
}

/** A workspace-relative name for an entry's URI, for messages, rows and tooltips. */
export function displayName(uri: string): string {
  try {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(uri, true), vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
  } catch {
    return uri;
  }
}

export function createPortfolioFeature(ctx: PortfolioContext): PortfolioFeature {
  const { services } = ctx;
  const index = new WorkspaceIndex<IndexEntry>(coreEntrySource(services), new IndexCache<IndexEntry>(ctx.storageUri), () => services.settings().debounceMs);
  const tree = new AnalysesTreeProvider({
    entries: () => (index.ready ? index.entries().map((f) => f.entry) : undefined),
    catalog: () => services.models.catalog,
    displayName,
  });
  const doExport = (args: PortfolioExportArgs): Promise<vscode.Uri | undefined> => exportPortfolio({ services, index, displayName, extensionUri: ctx.extensionUri }, args);
  const panels = new PortfolioPanels({
    services,
    extensionUri: ctx.extensionUri,
    index,
    displayName,
    exportPortfolio: (format, patternId, asOf) => doExport({ format, ...(patternId ? { pattern: patternId } : {}), ...(asOf ? { asOf } : {}) }),
  });
  const conflicts = new ConflictDiagnostics(services, index, displayName);
  const disposables: vscode.Disposable[] = [
    index.onDidChange(() => ctx.refreshTree()),
    services.models.onDidChange(() => {
      index.modelsChanged();
      ctx.refreshTree();
    }),
  ];
  return {
    index,
    tree,
    panels,
    conflicts,
    exportPortfolio: doExport,
    dispose() {
      for (const d of disposables) d.dispose();
      conflicts.dispose();
      panels.dispose();
      index.dispose();
    },
  };
}
