/**
 * The entry point of dist/portfolio.js: everything behind the portfolio surfaces (the workspace
 * index, the Analyses view's rows, the portfolio panel, the cross-analysis check and the exports),
 * loaded when one of them is first shown — never at activation (src/features/portfolio/index.ts
 * holds the always-loaded part: the view, the commands, the serializer).
 */
import * as vscode from 'vscode';
import { historySentence, scorecardHistory } from '../../portfolio/history';
import type { IndexEntry, ScorecardHistory } from '../../portfolio/types';
import type { Services } from '../services';
import { AnalysesTreeProvider } from './analysesTree';
import { ConflictDiagnostics } from './conflictDiagnostics';
import { coreEntrySource } from './coreEntrySource';
import { exportPortfolio, portfolioExportTestHooks, type PortfolioExportArgs } from './exportPortfolio';
import { IndexCache } from './indexCache';
import { PortfolioPanels } from './portfolioPanel';
import { RelativeNames } from './relativeNames';
import { WorkspaceIndex } from './workspaceIndex';
import { configurePureL10n } from '../pureL10n';
import { platform } from '../platform';

// This bundle's own copy of @vscode/l10n (the verdict counts of the Analyses view) gets the bundle too.
configurePureL10n();

export interface PortfolioFeature extends vscode.Disposable {
  readonly index: WorkspaceIndex<IndexEntry>;
  readonly tree: AnalysesTreeProvider;
  readonly panels: PortfolioPanels;
  readonly conflicts: ConflictDiagnostics;
  exportPortfolio(args: PortfolioExportArgs): Promise<vscode.Uri | undefined>;
  /** Test hook: answers the export's overwrite question (this bundle's own copy of the hooks). */
  readonly exportTestHooks: typeof portfolioExportTestHooks;
  /** The subject's earlier periods per metric for the analysis at `uri`; undefined when it is not indexed or has none. */
  history(uri: string): ScorecardHistory | undefined;
  historySentence(uri: string, metricId: string, valueText: string): string | undefined;
}

export interface PortfolioContext {
  readonly services: Services;
  readonly extensionUri: vscode.Uri;
  /** Where the warm-start cache lives (the workspace's storage, else the global one). */
  readonly storageUri: vscode.Uri | undefined;
  /** Refreshes the Analyses view (its emitter lives in the always-loaded part). */
  readonly refreshTree: () => void;
}

export function createPortfolioFeature(ctx: PortfolioContext): PortfolioFeature {
  const { services } = ctx;
  // A workspace-relative name for an entry's URI, for messages, rows and tooltips.
  const names = new RelativeNames();
  const displayName = (uri: string): string => names.name(uri);
  const index = new WorkspaceIndex<IndexEntry>(coreEntrySource(services), new IndexCache<IndexEntry>(ctx.storageUri, undefined, platform.checkShardsOffThread), () => services.settings().debounceMs);
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
  const history = (uri: string): ScorecardHistory | undefined => {
    const current = index.entry(vscode.Uri.parse(uri, true));
    const pattern = current?.patternId ? services.models.catalog.indexes.find((i) => i.model.id === current.patternId) : undefined;
    if (!current || !pattern) return undefined;
    const found = scorecardHistory(index.entries().map((f) => f.entry), current, pattern);
    return Object.keys(found).length ? found : undefined;
  };
  return {
    index,
    tree,
    history,
    historySentence(uri, metricId, valueText) {
      const earlier = history(uri)?.[metricId];
      const current = index.entry(vscode.Uri.parse(uri, true));
      const value = current?.metrics.find((m) => m.metricId === metricId)?.value;
      if (!earlier || !value) return undefined;
      // The value as the hovered line writes it: the hover may be on a statement, not the headline.
      return historySentence({ ...value, text: valueText }, current?.period?.period?.label ?? current?.period?.written, earlier);
    },
    panels,
    conflicts,
    exportPortfolio: doExport,
    exportTestHooks: portfolioExportTestHooks,
    dispose() {
      for (const d of disposables) d.dispose();
      conflicts.dispose();
      panels.dispose();
      index.dispose();
      names.dispose();
    },
  };
}
