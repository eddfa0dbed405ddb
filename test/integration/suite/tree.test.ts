/**
 * The pattern tree in a real extension host: the rows a user sees (read through the real
 * provider, as the view reads them), in the source's order, and the tree's commands acting on
 * real editors, the real clipboard and the real view.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PatternAnalystApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/features/tree/patternTreeNodes';
import { activateExtension, closeAllEditors, fixturePath, REPO_ROOT, waitFor } from './helpers';
import { SECTION_TITLES, METRICS, COMPANIES } from '../../shared/pattern17Expectations';

/** The pattern's source text: expectations come from it, not from the model the code reads. */
const SOURCE = readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'pattern-17-ai-infrastructure.txt'), 'utf8');
const SOURCE_LINES = SOURCE.split(/\r?\n/).map((l) => l.trim());

/** The line after `name` in the source (the source puts each metric's benchmark / company's note there). */
function lineAfter(name: string): string {
  const i = SOURCE_LINES.indexOf(name);
  assert.ok(i >= 0, `"${name}" is in the source`);
  return SOURCE_LINES[i + 1];
}

/** The bullets under a STRENGTHS / WEAKNESSES heading of the source. */
function bullets(heading: string): string[] {
  const start = SOURCE_LINES.indexOf(heading);
  const out: string[] = [];
  for (const line of SOURCE_LINES.slice(start + 1)) {
    if (line.startsWith('•')) out.push(line.slice(1).trim());
    else if (line && out.length) break;
  }
  return out;
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** A tooltip as a reader sees it: markdown escapes removed. */
function tooltipText(item: vscode.TreeItem): string {
  const tip = item.tooltip;
  const raw = typeof tip === 'string' ? tip : (tip?.value ?? '');
  return raw.replace(/\\([\\`*_{}[\]()#+\-.!|<>~$&])/g, '$1').replace(/&nbsp;/g, ' ');
}

describe('Pattern tree', () => {
  let api: PatternAnalystApi;
  let root: TreeNode;

  const children = (node: TreeNode): TreeNode[] => api.tree.getChildren(node);
  const item = (node: TreeNode): vscode.TreeItem => api.tree.getTreeItem(node);
  const child = (node: TreeNode, name: string): TreeNode => {
    const found = children(node).find((n) => label(item(n)) === name);
    assert.ok(found, `"${name}" is a child of "${label(item(node))}"; children: ${children(node).map((n) => label(item(n))).join(' | ')}`);
    return found;
  };

  before(async () => {
    api = await activateExtension();
    const roots = api.tree.getChildren();
    assert.equal(roots.length, 1, 'one pattern model is loaded (the bundled one)');
    root = roots[0];
  });

  afterEach(closeAllEditors);

  it('shows the pattern as the root row: name, number, symbol, family, market size and tagline', () => {
    const row = item(root);
    assert.equal(label(row), 'AI Infrastructure');
    const description = String(row.description);
    for (const part of ['#17', 'Ii', 'AI-Native Pattern', '$200B+', 'Compute, storage, and networking for AI']) {
      assert.ok(description.includes(part), `root description "${description}" shows ${part}`);
    }
    assert.equal(row.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
  });

  it("lists the sections in the source's order", () => {
    const titles = children(root).map((n) => label(item(n)));
    assert.deepEqual(titles, SECTION_TITLES);
    const positions = titles.map((t) => SOURCE_LINES.indexOf(t));
    assert.ok(positions.every((p) => p >= 0), 'every section title is a line of the source');
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), 'sections follow the source order');
  });

  it('shows the four metrics with their benchmark descriptions from the source', () => {
    const metrics = children(child(root, 'Key Metrics & Benchmarks')).filter((n) => item(n).contextValue === 'patternAnalyst.metric');
    assert.deepEqual(metrics.map((n) => label(item(n))), METRICS);
    for (const node of metrics) {
      const row = item(node);
      const benchmark = lineAfter(label(row));
      assert.ok(String(row.description).startsWith(benchmark), `"${label(row)}" shows its benchmark "${benchmark}", got "${row.description}"`);
      assert.ok(tooltipText(row).includes(`Benchmark: ${benchmark}`), `tooltip of "${label(row)}" names the benchmark`);
    }
  });

  it('shows the six companies with their notes as tooltips', () => {
    const companies = children(child(root, 'Who Uses This Pattern')).filter((n) => item(n).contextValue === 'patternAnalyst.company');
    assert.deepEqual(companies.map((n) => label(item(n))), COMPANIES);
    for (const node of companies) {
      const row = item(node);
      const note = lineAfter(label(row));
      assert.ok(tooltipText(row).includes(note), `tooltip of "${label(row)}" holds "${note}", got "${tooltipText(row)}"`);
    }
  });

  it('groups four strengths and four weaknesses, worded as in the source', () => {
    const section = child(root, 'Strengths & Weaknesses');
    assert.deepEqual(children(section).map((n) => label(item(n))), ['Strengths', 'Weaknesses']);
    assert.deepEqual(children(child(section, 'Strengths')).map((n) => label(item(n))), bullets('STRENGTHS'));
    assert.deepEqual(children(child(section, 'Weaknesses')).map((n) => label(item(n))), bullets('WEAKNESSES'));
    assert.equal(bullets('STRENGTHS').length, 4);
    assert.equal(bullets('WEAKNESSES').length, 4);
  });

  it('every row opens its place in the pattern document when clicked', () => {
    const row = item(child(child(root, 'Key Metrics & Benchmarks'), 'Customer Retention'));
    assert.equal(row.command?.command, 'patternAnalyst.openItem');
  });

  it('Open Item opens the read-only pattern document at the item', async () => {
    const node = child(child(root, 'Key Metrics & Benchmarks'), 'Customer Retention');
    await vscode.commands.executeCommand('patternAnalyst.openItem', node.id);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'pattern-analyst');
    assert.ok(editor, 'a pattern document is visible');
    const line = editor.document.lineAt(editor.selection.active.line).text;
    assert.equal(line, '### Customer Retention', 'the cursor is on the metric heading');
    assert.ok(editor.visibleRanges.some((r) => r.contains(editor.selection.active)), 'the item is scrolled into view');
    // Read-only for the user: typing into it changes nothing.
    const before = editor.document.getText();
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    await vscode.commands.executeCommand('type', { text: 'typed by a user' });
    assert.equal(editor.document.getText(), before, 'typing does not change the pattern document');
    assert.equal(editor.document.isDirty, false);
  });

  it('Open Item on a company lands on its line', async () => {
    const node = child(child(root, 'Who Uses This Pattern'), 'Lambda Labs');
    await vscode.commands.executeCommand('patternAnalyst.openItem', node.id);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'pattern-analyst');
    assert.ok(editor);
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^- \*\*Lambda Labs\*\*: GPU cloud built specifically for AI researchers$/);
  });

  it('Copy puts the item text on the clipboard', async () => {
    await vscode.env.clipboard.writeText('something else');
    const node = child(child(child(root, 'Strengths & Weaknesses'), 'Weaknesses'), bullets('WEAKNESSES')[2]);
    await vscode.commands.executeCommand('patternAnalyst.copyItem', node.id);
    assert.equal(await vscode.env.clipboard.readText(), 'Utilization risk if AI demand slows');
  });

  it('Insert at Cursor inserts at every cursor as one edit that a single Undo takes back', async () => {
    const original = '# Notes\n\nWatch: \n\nAlso: \n';
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: original });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selections = [new vscode.Selection(2, 7, 2, 7), new vscode.Selection(4, 6, 4, 6)];
    const node = child(child(root, 'Key Metrics & Benchmarks'), 'GPU Utilization Rate');
    let changes = 0;
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && e.contentChanges.length > 0) changes++;
    });
    try {
      const ok = await vscode.commands.executeCommand('patternAnalyst.insertItem', node.id);
      assert.equal(ok, true);
      assert.equal(doc.getText(), '# Notes\n\nWatch: GPU Utilization Rate\n\nAlso: GPU Utilization Rate\n');
      assert.equal(changes, 1, 'both cursors changed in one edit');
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), original, 'one Undo restores the original text exactly');
    } finally {
      sub.dispose();
    }
  });

  it('Insert at Cursor writes into a fixture analysis opened from the workspace, not the pattern view', async () => {
    const doc = await vscode.workspace.openTextDocument(fixturePath('lambda-labs-ai-infrastructure.md'));
    const original = doc.getText();
    const line = original.split('\n').findIndex((l) => l.startsWith('Strong developer brand'));
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(line, 0, line, 0);
    // The read-only pattern view beside it must not receive the text.
    const company = child(child(root, 'Who Uses This Pattern'), 'CoreWeave');
    await vscode.commands.executeCommand('patternAnalyst.openItem', company.id);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('patternAnalyst.insertItem', company.id);
    assert.equal(doc.lineAt(line).text, 'CoreWeaveStrong developer brand; weak balance sheet next to the hyperscalers.');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), original);
    assert.equal(doc.isDirty, false, 'undo brings the file back to its saved state');
  });

  it('Show in Pattern Tree reveals and selects the node in the view', async () => {
    await vscode.commands.executeCommand('patternAnalyst.showInTree', 'ai-infrastructure', 'metric:revenue-per-gpu-hour');
    const view = api.treeView;
    await waitFor(() => (view.visible && view.selection.length > 0 ? true : undefined), 'the view to show a selection');
    assert.equal(view.selection.length, 1);
    assert.equal(label(item(view.selection[0])), 'Revenue per GPU Hour');
  });
});
