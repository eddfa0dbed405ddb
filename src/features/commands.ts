/**
 * Every command the extension registers, in one table: the id each feature registers under and
 * that menus, tree items and hover links name. package.json contributes exactly these ids (a unit
 * test compares the two; the integration tier checks what is registered at run time).
 *
 * Registration goes through {@link registerCommand}, which only accepts an id of this table, so a
 * feature cannot register a command the manifest does not know.
 */
import * as vscode from 'vscode';

export const COMMANDS = {
  /** Tree: open an item in the read-only pattern document. */
  openItem: 'patternAnalyst.openItem',
  /** Tree: copy an item's text. */
  copyItem: 'patternAnalyst.copyItem',
  /** Tree: insert an item's text at every cursor. */
  insertItem: 'patternAnalyst.insertItem',
  /** Hover card link: reveal a metric or company in the tree. */
  showInTree: 'patternAnalyst.showInTree',
  newAnalysis: 'patternAnalyst.newAnalysis',
  openPreviewToSide: 'patternAnalyst.openPreviewToSide',
  togglePreviewLock: 'patternAnalyst.togglePreviewLock',
  openPatternCard: 'patternAnalyst.openPatternCard',
  exportHtml: 'patternAnalyst.exportHtml',
  exportPdf: 'patternAnalyst.exportPdf',
  newPatternModel: 'patternAnalyst.newPatternModel',
  reloadModels: 'patternAnalyst.reloadModels',
  openPortfolio: 'patternAnalyst.openPortfolio',
  exportPortfolioHtml: 'patternAnalyst.exportPortfolioHtml',
  exportPortfolioCsv: 'patternAnalyst.exportPortfolioCsv',
  /** Analyses view: index the workspace's analyses again. */
  refreshAnalyses: 'patternAnalyst.refreshAnalyses',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Registers the handler of a command of the table. */
export function registerCommand(id: CommandId, handler: (...args: never[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown);
}
