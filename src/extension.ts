/**
 * The one place that wires the extension: it builds the shared services (models, analysis cache,
 * settings) and hands them to each feature's `register()`. Read it as a table of contents.
 */
import * as vscode from 'vscode';
import { AnalysisCache } from './features/analysisCache';
import { ModelStore } from './features/modelStore';
import { locateCoreBundles } from './features/core';
import { configurePureL10n } from './features/pureL10n';
import * as patternModels from './features/models';
import type { Services } from './features/services';
import { readSettings } from './features/settings';
import { TeamConfigStore } from './features/teamConfig/teamConfigStore';
import * as preview from './features/preview';
import type { PreviewApi } from './features/preview';
import * as tree from './features/tree';
import * as hover from './features/hover';
import * as completion from './features/completion';
import * as diagnostics from './features/diagnostics';
import * as quickFixes from './features/quickFixes';
import * as newAnalysis from './features/newAnalysis';
import * as pdf from './features/pdf';
import type { PdfApi } from './features/pdf';
import * as portfolio from './features/portfolio';
import type { PortfolioApi } from './features/portfolio';
import type { TreeNode } from './features/tree/patternTreeNodes';
import type { PatternTreeProvider } from './features/tree/patternTreeProvider';

/** What activate() returns: a small API the integration tests (and other extensions) can use. */
export interface PatternAnalystApi {
  readonly services: Services;
  readonly tree: PatternTreeProvider;
  /** The pattern tree view (its selection and visibility), e.g. to check Show in Pattern Tree. */
  readonly treeView: vscode.TreeView<TreeNode>;
  /** Open previews and pattern cards, and the export's test hook. */
  readonly preview: PreviewApi;
  /** Export to PDF's test hook. */
  readonly pdf: PdfApi;
  /** The workspace index, the Analyses view and the portfolio panel (loaded on first use). */
  readonly portfolio: PortfolioApi;
}

export function activate(context: vscode.ExtensionContext): PatternAnalystApi {
  configurePureL10n();
  locateCoreBundles(context.extensionUri);
  const models = new ModelStore();
  const analyses = new AnalysisCache(models);
  const configs = new TeamConfigStore();
  const portfolioLink = new portfolio.PortfolioLink();
  const services: Services = { models, analyses, settings: () => readSettings(), portfolio: portfolioLink, configs };
  context.subscriptions.push(models, analyses, portfolioLink, configs);

  const patternTree = tree.register(services);
  const previewFeature = preview.register(services, context.extensionUri);
  const pdfFeature = pdf.register(services, context.extensionUri);
  const portfolioFeature = portfolio.register(services, context, portfolioLink);
  context.subscriptions.push(
    patternTree,
    hover.register(services),
    completion.register(services),
    diagnostics.register(services),
    quickFixes.register(services),
    newAnalysis.register(services),
    patternModels.register(services, context.extensionUri),
    previewFeature,
    pdfFeature,
    portfolioFeature,
  );
  return { services, tree: patternTree.provider, treeView: patternTree.view, preview: previewFeature.api, pdf: pdfFeature.api, portfolio: portfolioFeature.api };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
