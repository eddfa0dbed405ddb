/**
 * The tree's commands: open an item in the read-only pattern document, Copy, Insert at Cursor
 * (one undoable edit in the active editor) and Show in Pattern Tree (used by hover cards).
 */
import * as vscode from 'vscode';
import { inertText } from '../inertText';
import { COMMANDS, registerCommand } from '../commands';
import type { PatternDocumentProvider } from './patternDocumentProvider';
import { PatternDocumentProvider as DocProvider } from './patternDocumentProvider';
import { nodeDocumentKey, nodeText, type TreeNode } from './patternTreeNodes';
import type { PatternTreeProvider } from './patternTreeProvider';

/** Commands get a node from the tree's menus, or a node id (string) from a TreeItem's command. */
function resolve(tree: PatternTreeProvider, view: vscode.TreeView<TreeNode>, arg: unknown): TreeNode | undefined {
  if (typeof arg === 'string') return tree.nodeById(arg);
  if (arg && typeof arg === 'object' && 'id' in arg && typeof (arg as { id: unknown }).id === 'string') {
    return tree.nodeById((arg as { id: string }).id);
  }
  return view.selection[0];
}

export function registerTreeCommands(tree: PatternTreeProvider, view: vscode.TreeView<TreeNode>, docs: PatternDocumentProvider): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommand(COMMANDS.openItem, async (arg?: unknown) => {
      const node = resolve(tree, view, arg);
      if (!node) return;
      const modelId = node.index.model.id;
      const line = docs.documentFor(modelId)?.lines.get(nodeDocumentKey(node)) ?? 0;
      const doc = await vscode.workspace.openTextDocument(DocProvider.uriFor(modelId));
      const pos = new vscode.Position(line, 0);
      const editor = await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: true, selection: new vscode.Range(pos, pos) });
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
    }),
    registerCommand(COMMANDS.copyItem, async (arg?: unknown) => {
      const node = resolve(tree, view, arg);
      if (!node) return;
      await vscode.env.clipboard.writeText(nodeText(node));
      vscode.window.setStatusBarMessage(`$(copy) ${inertText(vscode.l10n.t('Copied to the clipboard'))}`, 2000);
    }),
    registerCommand(COMMANDS.insertItem, async (arg?: unknown) => {
      const node = resolve(tree, view, arg);
      if (!node) return false;
      const editor = insertTarget();
      if (!editor) {
        void vscode.window.showInformationMessage(inertText(vscode.l10n.t('Pattern Analyst: open a text editor first, then Insert at Cursor puts the item where the cursor is.')));
        return false;
      }
      const text = nodeText(node);
      // One edit for all cursors: a single Undo takes it back.
      return editor.edit((b) => {
        for (const sel of editor.selections) b.replace(sel, text);
      });
    }),
    registerCommand(COMMANDS.showInTree, async (modelId?: unknown, key?: unknown) => {
      const node = typeof key === 'string' ? tree.find(typeof modelId === 'string' ? modelId : undefined, key) : undefined;
      if (!node) return;
      await view.reveal(node, { select: true, focus: true, expand: true });
    }),
  );
}

/** The editor Insert at Cursor writes to: the active one, unless it is our own read-only pattern view. */
function insertTarget(): vscode.TextEditor | undefined {
  const candidates = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
  return candidates.find((e) => e && e.document.uri.scheme !== 'pattern-analyst' && e.document.uri.scheme !== 'output');
}
