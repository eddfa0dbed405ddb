/**
 * The pattern tree feature: the view, its read-only pattern documents, its commands and its
 * coverage marks.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { PATTERN_SCHEME, PatternDocumentProvider } from './patternDocumentProvider';
import type { TreeNode } from './patternTreeNodes';
import { PatternTreeProvider } from './patternTreeProvider';
import { registerTreeCommands } from './treeCommands';
import { registerTreeCoverage } from './treeCoverage';

export const TREE_VIEW_ID = 'patternAnalyst.patternTree';

/** Registers the tree; returns the provider and view too, so the extension's API can expose them to tests. */
export function register(services: Services): vscode.Disposable & { readonly provider: PatternTreeProvider; readonly view: vscode.TreeView<TreeNode> } {
  const tree = new PatternTreeProvider(() => services.models.catalog);
  const view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const docs = new PatternDocumentProvider(services.models);
  const disposable = vscode.Disposable.from(
    tree,
    view,
    docs,
    vscode.workspace.registerTextDocumentContentProvider(PATTERN_SCHEME, docs),
    services.models.onDidChange((catalog) => tree.setCatalog(catalog)),
    registerTreeCommands(tree, view, docs),
    registerTreeCoverage(tree, services),
  );
  return Object.assign(disposable, { provider: tree, view });
}
