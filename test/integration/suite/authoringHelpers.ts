/**
 * Helpers for the authoring suites: find text in a document, read hover and completion results as
 * a user sees them, and open fixture copies that tests may edit without touching the files.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fixturePath } from './helpers';

/** The position `offset` characters into the `nth` occurrence of `needle`. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 1, nth = 0): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${nth + 1}) is in ${doc.uri.toString()}`);
  }
  return doc.positionAt(at + offset);
}

/** Markdown as a reader sees it: emphasis markers and backslash escapes removed. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/(?<!\\)\*+/g, '').replace(/ {2}$/gm, '').replace(/\\([\\`*_{}[\]()#+\-.!|<>~$&])/g, '$1');
}

function contentText(c: vscode.MarkdownString | vscode.MarkedString): string {
  return typeof c === 'string' ? c : c.value;
}

/** Every hover card at a position, raw (markdown source) and as read. */
export async function hoversAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<{ raw: string; read: string; hovers: vscode.Hover[] }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
  const raw = hovers.flatMap((h) => h.contents.map(contentText)).join('\n\n');
  return { raw, read: unescapeMarkdown(raw), hovers };
}

export function itemLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export async function completionsAt(doc: vscode.TextDocument, pos: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, trigger);
  return list?.items ?? [];
}

let copies = 0;

/**
 * An untitled markdown copy of a fixture: tests edit it freely, the fixture file never changes.
 * Each copy has its own name: a reused "Untitled-1" can still be the previous test's document in
 * the extension host for a moment after its editor closed.
 */
export async function untitledCopy(fixture: string): Promise<vscode.TextDocument> {
  const original = await vscode.workspace.openTextDocument(fixturePath(fixture));
  const name = `${path.basename(fixture, '.md')}-copy-${++copies}-${Date.now()}.md`;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: name }));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(0, 0), original.getText());
  assert.ok(await vscode.workspace.applyEdit(edit));
  if (doc.languageId !== 'markdown') return vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  return doc;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Pattern Analyst');
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}
