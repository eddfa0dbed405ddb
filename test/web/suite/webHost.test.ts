/**
 * The extension in the web worker extension host (what vscode.dev and github.dev run), loaded
 * from its `browser` entry on the fixture workspace through code-server's remote file system:
 * it activates there, and the tree, a hover, the checks (front matter included), the preview, the
 * HTML export and the portfolio's index work through `workspace.fs` alone, while Export to PDF,
 * which needs a local browser, is absent.
 */
import * as vscode from 'vscode';
import type { PatternAnalystApi } from '../../../src/extension';
import type { PreviewPanel } from '../../../src/features/preview/previewPanel';
import { deepEqual, equal, match, ok } from '../assert';

const EXTENSION_ID = 'pattern-analyst.pattern-analyst';
const FIXTURE = 'lambda-labs-ai-infrastructure.md';

function fixture(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, FIXTURE);
}

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A 1×1 PNG, whole (the export checks the structure, not just the signature). */
const ONE_PIXEL_PNG = '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d4944415478da63f8cfc0f01f0005000201e2d1a3d40000000049454e44ae426082';

function bytesOf(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

const label = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

describe('In the web worker extension host', () => {
  let api: PatternAnalystApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<PatternAnalystApi>(EXTENSION_ID);
    ok(ext, `extension ${EXTENSION_ID} is loaded`);
    api = await ext.activate();
    ok(api?.tree, 'activate() returns the API');
  });

  afterEach(async () => {
    for (const p of api.preview.previews.all) p.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs in a web worker, loaded from the browser entry of a manifest without main', () => {
    const scope = globalThis as Record<string, unknown>;
    equal(typeof scope.process, 'undefined', 'no node process object');
    equal(typeof scope.importScripts, 'function', 'a worker global scope');
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { main?: string; browser?: string };
    equal(manifest.main, undefined, 'main');
    equal(manifest.browser, './dist/web/extension.js', 'browser');
  });

  it('shows the pattern tree: the pattern, its sections and metrics', () => {
    const roots = api.tree.getChildren();
    equal(roots.length, 1, 'one pattern model (the bundled one)');
    equal(label(api.tree.getTreeItem(roots[0])), 'AI Infrastructure');
    const sections = api.tree.getChildren(roots[0]).map((n) => label(api.tree.getTreeItem(n)));
    ok(sections.includes('Key Metrics & Benchmarks'), `sections: ${sections.join(' | ')}`);
  });

  it('checks an analysis read through workspace.fs: a benchmark miss is a diagnostic', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture());
    await vscode.window.showTextDocument(doc);
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(doc.uri).filter((d) => /Customer Retention/.test(d.message));
      return found.length ? found : undefined;
    }, 'the Customer Retention diagnostic');
    match(diagnostics[0].message, /91%.*>95% annual/);
    equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning, 'severity');
    equal(doc.lineAt(diagnostics[0].range.start.line).text.includes('Customer Retention'), true, 'on the scorecard row');
  });

  it('reads front matter (the YAML reader, loaded with the analysis core on first use): an unknown pattern is an error', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\npattern: no-such-pattern\n---\n\n# Draft\n' });
    await vscode.window.showTextDocument(doc);
    const found = await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find((d) => /no-such-pattern/.test(d.message)), 'the unknown-pattern diagnostic');
    equal(found.severity, vscode.DiagnosticSeverity.Error, 'severity');
    equal(found.range.start.line, 1, 'on the pattern: line');
  });

  it('shows a hover card on a metric name', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture());
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('| GPU Utilization Rate'));
    ok(line > 0, 'the scorecard row is in the fixture');
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 5))) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    match(text, /GPU Utilization Rate/);
    match(text, />80% target for profitability/);
  });

  it('opens the preview with the rendered analysis and a nonce CSP', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture());
    await vscode.window.showTextDocument(doc);
    const preview = await vscode.commands.executeCommand<PreviewPanel>('patternAnalyst.openPreviewToSide');
    ok(preview, 'the command returns the preview');
    equal(preview.panel.viewType, 'patternAnalyst.preview', 'view type');
    const html = await waitFor(() => (preview.panel.webview.html.includes('pa-content') ? preview.panel.webview.html : undefined), 'the preview page');
    match(html.replace(/&#39;/g, "'"), /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    match(html, /<h2 class="code-line" data-line="12">The Pattern<\/h2>/);
    match(html, /GPU Utilization Rate/);
  });

  it('exports one self-contained HTML page through workspace.fs, its PNG embedded', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    ok(folder, 'a workspace folder is open');
    const scratch = vscode.Uri.joinPath(folder.uri, `.web-export-${Date.now()}`);
    try {
      const source = vscode.Uri.joinPath(scratch, FIXTURE);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture()));
      await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(`${text}\n![Fleet chart](chart.png)\n`));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(scratch, 'chart.png'), bytesOf(ONE_PIXEL_PNG));
      const target = vscode.Uri.joinPath(scratch, 'export.html');
      const written = await vscode.commands.executeCommand<vscode.Uri>('patternAnalyst.exportHtml', { source, target });
      equal(written?.toString(), target.toString(), 'the written file');
      const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      match(page, /^<!DOCTYPE html>/);
      match(page, /<style>[\s\S]*\.pa-badge[\s\S]*<\/style>/, 'the CSS is inline');
      match(page, /<img src="data:image\/png;base64,iVBORw0KGgo[^"]*" alt="Fleet chart"/, 'the PNG is embedded');
    } finally {
      await vscode.workspace.fs.delete(scratch, { recursive: true, useTrash: false });
    }
  });

  it('indexes the workspace for the portfolio (files found and read through workspace.fs)', async () => {
    const feature = await api.portfolio.load();
    await feature.index.whenReady();
    const entry = await waitFor(() => feature.index.entry(fixture()), 'the fixture in the index');
    equal(entry.subject, 'Lambda Labs', 'subject');
    equal(entry.period?.period?.label, 'H1 FY2026', 'period ("FY2026 H1" in the front matter, normalised)');
  });

  it('offers no PDF export: the command is not registered, so its hidden menus cannot fail', async () => {
    const commands = await vscode.commands.getCommands(true);
    ok(commands.includes('patternAnalyst.openPreviewToSide'), 'the extension registered its commands');
    deepEqual(commands.filter((c) => c === 'patternAnalyst.exportPdf'), []);
  });
});
