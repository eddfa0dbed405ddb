/**
 * The portfolio feature's always-loaded part: the Analyses view, the commands and the portfolio
 * panel's serializer. Everything behind them (the workspace index, the panel, the cross-analysis
 * check) is dist/portfolio.js, loaded when one of them is first used: the view becoming visible
 * (VS Code asks for its rows only then), the panel opening or being restored, a command. So
 * activation loads and indexes nothing for the portfolio.
 */
import * as vscode from 'vscode';
import type { IndexEntry, ScorecardHistory } from '../../portfolio/types';
import { withPortfolioCore } from '../core';
import type * as PortfolioBundle from './portfolioFeature';
import type { PortfolioReader, Services } from '../services';
import type { AnalysesNode } from './analysesTree';
import { COMMANDS, registerCommand } from '../commands';
import { ANALYSES_VIEW_ID, PORTFOLIO_VIEW_TYPE } from './ids';
import type { PortfolioFeature } from './portfolioFeature';
import type { PortfolioExportArgs } from './exportPortfolio';


/**
 * What the rest of the extension sees of the portfolio: the index's entries once it is built
 * (the preview's sparklines never force a build), and the loaded feature for tests.
 */
export class PortfolioLink implements PortfolioReader, vscode.Disposable {
  private feature: PortfolioFeature | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private subscription: vscode.Disposable | undefined;

  /** The feature if a portfolio surface has loaded it. */
  get loaded(): PortfolioFeature | undefined {
    return this.feature;
  }

  attach(feature: PortfolioFeature): void {
    this.feature = feature;
    this.subscription = feature.index.onDidChange(() => this.changed.fire());
  }

  readyEntries(): readonly IndexEntry[] | undefined {
    const index = this.feature?.index;
    return index?.ready ? index.entries().map((f) => f.entry) : undefined;
  }

  history(uri: string): ScorecardHistory | undefined {
    return this.feature?.index.ready ? this.feature.history(uri) : undefined;
  }

  historySentence(uri: string, metricId: string, valueText: string): string | undefined {
    return this.feature?.index.ready ? this.feature.historySentence(uri, metricId, valueText) : undefined;
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}

export interface PortfolioApi {
  /** The feature, loaded (and the index started) by this call when no surface has yet. */
  load(): Promise<PortfolioFeature>;
  readonly link: PortfolioLink;
  readonly view: vscode.TreeView<AnalysesNode>;
}

/** The Analyses view's provider: rows come from the loaded feature; asking for them is what loads it. */
class AnalysesView implements vscode.TreeDataProvider<AnalysesNode>, vscode.Disposable {
  readonly changed = new vscode.EventEmitter<AnalysesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private waiting = false;

  /** `load` is synchronous where the platform can `require` the portfolio (the desktop). */
  constructor(private readonly load: () => PortfolioFeature | Promise<PortfolioFeature>) {}

  getChildren(node?: AnalysesNode): AnalysesNode[] | Promise<AnalysesNode[]> {
    const feature = this.load();
    return feature instanceof Promise ? feature.then((f) => this.rows(f, node)) : this.rows(feature, node);
  }

  private rows(feature: PortfolioFeature, node: AnalysesNode | undefined): AnalysesNode[] {
    if (!node && !feature.index.ready && !this.waiting) {
      // Shown at once as "Indexing…"; the rows replace it when the index is ready.
      this.waiting = true;
      void feature.index.whenReady().finally(() => {
        this.waiting = false;
        this.changed.fire(undefined);
      });
    }
    return feature.tree.getChildren(node);
  }

  getTreeItem(node: AnalysesNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    const feature = this.load();
    return feature instanceof Promise ? feature.then((f) => f.tree.getTreeItem(node)) : feature.tree.getTreeItem(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function register(services: Services, context: vscode.ExtensionContext, link: PortfolioLink): vscode.Disposable & { readonly api: PortfolioApi } {
  let feature: PortfolioFeature | undefined;
  let refreshTimer: NodeJS.Timeout | undefined;
  const create = (core: typeof PortfolioBundle): PortfolioFeature => {
    if (!feature) {
      feature = core.createPortfolioFeature({
        services,
        extensionUri: context.extensionUri,
        storageUri: context.storageUri ?? context.globalStorageUri,
        // Rows are rebuilt at most every 100 ms while an index fills or a burst of files changes.
        refreshTree: () => {
          refreshTimer ??= setTimeout(() => {
            refreshTimer = undefined;
            tree.changed.fire(undefined);
          }, 100);
        },
      });
      link.attach(feature);
    }
    return feature;
  };
  const loadNow = (): PortfolioFeature | Promise<PortfolioFeature> => withPortfolioCore(create);
  const load = async (): Promise<PortfolioFeature> => loadNow();
  const tree = new AnalysesView(loadNow);
  const view = vscode.window.createTreeView(ANALYSES_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const exportAs = (format: 'html' | 'csv' | 'pdf') => async (args?: unknown) => (await load()).exportPortfolio({ ...(args && typeof args === 'object' ? (args as PortfolioExportArgs) : {}), format });
  const disposable = vscode.Disposable.from(
    tree,
    view,
    registerCommand(COMMANDS.openPortfolio, async () => (await load()).panels.open()),
    registerCommand(COMMANDS.refreshAnalyses, async () => {
      const f = await load();
      f.index.rebuild();
      await f.index.whenReady();
    }),
    registerCommand(COMMANDS.exportPortfolioHtml, exportAs('html')),
    registerCommand(COMMANDS.exportPortfolioCsv, exportAs('csv')),
    registerCommand(COMMANDS.exportPortfolioPdf, exportAs('pdf')),
    vscode.window.registerWebviewPanelSerializer(PORTFOLIO_VIEW_TYPE, { deserializeWebviewPanel: async (panel, state) => (await load()).panels.deserializeWebviewPanel(panel, state) }),
    { dispose: () => {
      clearTimeout(refreshTimer);
      feature?.dispose();
    } },
  );
  return Object.assign(disposable, { api: { load, link, view } });
}
