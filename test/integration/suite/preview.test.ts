/**
 * The analysis preview, the pattern card and the HTML export in a real extension host: panels
 * open with the right title, type, options and CSP; edits reach the open preview as in-place
 * updates; a locked preview stays on its document; the serializer restores a preview from saved
 * state; the export writes one self-contained file and asks before replacing one.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PatternAnalystApi } from '../../../src/extension';
import type { PreviewPanel } from '../../../src/features/preview/previewPanel';
import { PRELOAD_DELAY_MS, preloadRendererForAnalyses } from '../../../src/features/preview/rendererPreload';
import { WorkspaceModels } from '../../../src/features/models/workspaceModels';
import { parseFromWebview, type ToWebview } from '../../../src/render/protocol';
import { activateExtension, closeAllEditors, EXTENSION_ID, fixturePath, waitFor } from './helpers';
import { shownHtml } from '../../support/previewMirror';

const FIXTURE = 'lambda-labs-ai-infrastructure.md';

/** Records what the extension posts to a preview's webview (the webview's DOM is the UI checks' job). */
function recordMessages(preview: PreviewPanel): ToWebview[] {
  const seen: ToWebview[] = [];
  const webview = preview.panel.webview;
  const original = webview.postMessage.bind(webview);
  Object.defineProperty(webview, 'postMessage', {
    configurable: true,
    value: (message: ToWebview) => {
      seen.push(message);
      return original(message);
    },
  });
  return seen;
}

/** A copy of the fixture in a fresh temporary folder, with a PNG and an SVG beside it. */
function scratchAnalysis(): { folder: string; file: vscode.Uri } {
  const folder = mkdtempSync(path.join(tmpdir(), 'pa-preview-'));
  const file = path.join(folder, FIXTURE);
  copyFileSync(fixturePath(FIXTURE), file);
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d4944415478da63f8cfc0f01f0005000201e2d1a3d40000000049454e44ae426082', 'hex');
  writeFileSync(path.join(folder, 'chart.png'), png);
  writeFileSync(path.join(folder, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n![Fleet chart](chart.png)\n\n![Logo](logo.svg)\n\n<script>document.title='pwned'</script>\n`);
  return { folder, file: vscode.Uri.file(file) };
}

describe('Preview, pattern card and export', () => {
  let api: PatternAnalystApi;

  before(async () => {
    api = await activateExtension();
  });
  afterEach(async () => {
    for (const p of api.preview.previews.all) p.dispose();
    for (const panel of api.preview.cards.panels.values()) panel.dispose();
    api.preview.exportTestHooks.confirmOverwrite = undefined;
    await closeAllEditors();
  });

  it('opens a preview beside the editor with a strict CSP and narrow resource roots', async () => {
    const doc = await vscode.workspace.openTextDocument(fixturePath(FIXTURE));
    await vscode.window.showTextDocument(doc);
    const preview = await vscode.commands.executeCommand<PreviewPanel>('patternAnalyst.openPreviewToSide');
    assert.ok(preview, 'the command returns the preview');
    assert.equal(api.preview.previews.all.length, 1);
    assert.equal(preview.panel.viewType, 'patternAnalyst.preview');
    assert.equal(preview.panel.title, `Preview ${FIXTURE}`);
    assert.equal(preview.resource.toString(), doc.uri.toString());

    const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview), 'a webview tab');
    assert.match((tab.input as vscode.TabInputWebview).viewType, /patternAnalyst\.preview$/);
    assert.equal(tab.label, `Preview ${FIXTURE}`);

    const options = preview.panel.webview.options;
    assert.equal(options.enableScripts, true);
    assert.equal(options.enableForms, false);
    const roots = (options.localResourceRoots ?? []).map((r) => r.path);
    assert.equal(roots.length, 2, `roots: ${roots.join(', ')}`);
    assert.ok(roots[0].endsWith('/media'));
    assert.equal(roots[1], path.posix.dirname(doc.uri.path));

    const html = await waitFor(() => (preview.panel.webview.html.includes('pa-content') ? preview.panel.webview.html : undefined), 'the preview page');
    const csp = (/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
    assert.match(csp, /^default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]{16,}'; style-src [^;]+; img-src [^;]+; font-src [^;]+$/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|(?:^|\s)https:(?:\s|;|$)/, 'no inline code, no remote images by default');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, 'the page has a nonce');
    // The stylesheet and the script are written into the page under its nonce (style-src gains
    // only that nonce): nothing for the webview's resource loader to fetch before the first paint.
    assert.ok(csp.split('; ').some((d) => d.startsWith('style-src ') && d.endsWith(` 'nonce-${nonce}'`)), `inline style only under the page's nonce: ${csp}`);
    assert.doesNotMatch(html, /<link rel="stylesheet"|<script[^>]* src=/, 'no asset linked');
    assert.deepEqual([...html.matchAll(/<style nonce="([^"]*)">/g)].map((m) => m[1]), [nonce], 'one stylesheet, under the nonce');
    assert.deepEqual([...html.matchAll(/<script nonce="([^"]*)">/g)].map((m) => m[1]), [nonce], 'one script, under the nonce');
    assert.equal(html.match(/<script/g)?.length, 1, 'no other script');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is loaded');
    const read = async (...file: string[]): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'media', ...file)));
    assert.ok(html.includes(await read('preview.css')), 'the page holds media/preview.css');
    assert.ok(html.includes((await read('dist', 'preview.js')).replace(/\n?\/\/# sourceMappingURL=[^\n]*\s*$/, '')), 'the page holds media/dist/preview.js');
    assert.match(html, /<h2 class="code-line" data-line="12">The Pattern<\/h2>/);
    assert.match(html, /data-settings="\{&quot;kind&quot;:&quot;preview&quot;/);
  });

  it('loads the renderer before the first preview once an analysis is open, not for other markdown, and once', async () => {
    const loads: string[] = [];
    const preload = preloadRendererForAnalyses(api.services, async () => {
      loads.push(vscode.window.activeTextEditor?.document.uri.toString() ?? '');
    });
    try {
      const notes = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n\nNo front matter, so no analysis.\n' });
      await vscode.window.showTextDocument(notes);
      await new Promise((resolve) => setTimeout(resolve, PRELOAD_DELAY_MS * 4));
      assert.deepEqual(loads, [], 'a markdown file that is no analysis loads nothing');
      const doc = await vscode.workspace.openTextDocument(fixturePath(FIXTURE));
      await vscode.window.showTextDocument(doc);
      await waitFor(() => (loads.length > 0 ? true : undefined), 'the renderer to be loaded with no preview open');
      assert.deepEqual(loads, [doc.uri.toString()]);
      assert.equal(api.preview.previews.all.length, 0, 'no preview was opened for it');
      const { file } = scratchAnalysis();
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      await new Promise((resolve) => setTimeout(resolve, PRELOAD_DELAY_MS * 4));
      assert.equal(loads.length, 1, 'loaded once per session');
    } finally {
      preload.dispose();
    }
  });

  it('an open preview is not rendered again when the first model load finds no workspace model (nothing changed)', async () => {
    const doc = await vscode.workspace.openTextDocument(fixturePath(FIXTURE));
    await vscode.window.showTextDocument(doc);
    const preview = (await vscode.commands.executeCommand<PreviewPanel>('patternAnalyst.openPreviewToSide', doc.uri))!;
    await waitFor(() => (preview.panel.webview.html.includes('pa-content') ? true : undefined), 'first render');
    const messages = recordMessages(preview);
    // What activation starts in a workspace with no models of its own (the fixture workspace has none).
    const models = new WorkspaceModels(api.services.models);
    let changes = 0;
    const listener = api.services.models.onDidChange(() => changes++);
    try {
      const report = await models.reload();
      assert.deepEqual(report.loaded, []);
      // An update would follow a change within the preview's update interval: wait well past it.
      await new Promise((resolve) => setTimeout(resolve, Math.max(500, 4 * api.services.settings().debounceMs)));
      assert.equal(changes, 0, 'the catalog did not change, so no change was announced');
      assert.deepEqual(messages.filter((m) => m.type === 'update' || m.type === 'patch'), [], 'the preview was not rendered and sent again');
    } finally {
      listener.dispose();
      models.dispose();
    }
  });

  it('sends edits to the open preview as new body HTML, without reloading the page', async () => {
    const { file } = scratchAnalysis();
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    const preview = (await vscode.commands.executeCommand<PreviewPanel>('patternAnalyst.openPreviewToSide', doc.uri))!;
    const page = await waitFor(() => (preview.panel.webview.html.includes('pa-content') ? preview.panel.webview.html : undefined), 'first render');
    const messages = recordMessages(preview);
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\n## Added while the preview is open\n'));
    const update = await waitFor(() => messages.find((m): m is Extract<ToWebview, { type: 'update' }> => m.type === 'update' && m.html.includes('Added while the preview is open')), 'an update message');
    assert.equal(update.source, doc.uri.toString());
    assert.equal(preview.panel.webview.html, page, 'the page itself was not replaced');
    // The hostile line in the document is text in the update, never a script element.
    assert.ok(update.html.includes("&lt;script&gt;document.title='pwned'&lt;/script&gt;"));
    assert.doesNotMatch(update.html, /<script/);
    // Local images resolve inside the document's folder only.
    assert.match(update.html, /<img src="[^"]*chart\.png" alt="Fleet chart"/);
    // The next edit sends only what changed; applied as the webview applies it, the page shows both edits.
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\nA second edit.\n'));
    const patch = await waitFor(() => messages.find((m): m is Extract<ToWebview, { type: 'patch' }> => m.type === 'patch'), 'a patch message');
    const shown = shownHtml(messages) ?? '';
    assert.ok(shown.includes('Added while the preview is open') && shown.includes('A second edit.'), 'the preview shows both edits');
    const sentChars = patch.parts.reduce((n, p) => n + ('insert' in p ? p.insert.join('').length : 0), 0);
    assert.ok(sentChars < update.html.length / 2, `${sentChars} characters sent for the edit, of ${update.html.length}`);
    assert.equal(preview.panel.webview.html, page, 'the page itself was not replaced');
  });

  it('scrolls the editor from the preview, and the preview from the editor', async () => {
    const doc = await vscode.workspace.openTextDocument(fixturePath(FIXTURE));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const preview = (await vscode.commands.executeCommand<PreviewPanel>('patternAnalyst.openPreviewToSide'))!;
    const messages = recordMessages(preview);
    api.preview.previews.onMessage(preview, { type: 'revealLine', line: 26 });
    // Line 26 at the top, or as high as the end of the document lets it go.
    await waitFor(() => (editor.visibleRanges[0] && editor.visibleRanges[0].start.line > 12 && editor.visibleRanges[0].start.line <= 26 && editor.visibleRanges[0].end.line >= 26 ? true : undefined), 'the editor scrolled to line 26', 5000)
      .catch((err: Error) => assert.fail(`${err.message}; visible: ${JSON.stringify(editor.visibleRanges)}`));

    await new Promise((r) => setTimeout(r, 400));
    editor.revealRange(new vscode.Range(17, 0, 18, 0), vscode.TextEditorRevealType.AtTop);
    // Whatever line the editor ends up with at its top (wrapping and sticky scroll move it),
    // that line is what the preview is told.
    await waitFor(() => {
      const top = editor.visibleRanges[0]?.start.line ?? 0;
      return top > 0 && top !== 26 && messages.find((m) => m.type === 'scrollToLine' && Math.floor(m.line) === top) ? true : undefined;
    }, 'the editor’s new top line sent to the preview')
      .catch((err: Error) => assert.fail(`${err.message}; sent: ${JSON.stringify(messages.filter((m) => m.type === 'scrollToLine'))}`));

    api.preview.previews.onMessage(preview, { type: 'openSource', line: 31 });
    await waitFor(() => (vscode.window.activeTextEditor?.selection.active.line === 31 ? true : undefined), 'double-click put the cursor on line 31');
  });

  it('opens the source at a scorecard row\'s line and at its Mentions cell\'s "line N", as the preview\'s click sends them', async () => {
    const doc = await vscode.workspace.openTextDocument(fixturePath(FIXTURE));
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const preview = (await vscode.commands.executeCommand<PreviewPanel>('patternAnalyst.openPreviewToSide'))!;
    const html = await waitFor(() => (preview.panel.webview.html.includes('pa-scorecard-table') ? preview.panel.webview.html : undefined), 'the scorecard');
    // Each stated metric's row: its headline value's line and value, and the first mention's line.
    const rows = [...html.matchAll(/<tr class="pa-row [^"]*" data-source-line="(\d+)"><th scope="row">([^<]*)<\/th><td class="pa-value">([^<]*)<\/td>.*?<span class="pa-line-ref" data-source-line="(\d+)">line (\d+)<\/span>/g)];
    assert.ok(rows.length >= 2, `stated metrics in the scorecard: ${rows.length}`);
    for (const [, rowLine, metric, value, refLine, shown] of rows.slice(0, 2)) {
      // What the webview posts for a click (src/render/sourceLineClicks.ts), through the same check the panel applies.
      for (const [line, what] of [[Number(rowLine), `${metric} row`], [Number(refLine), `${metric} line ${shown}`]] as const) {
        const message = parseFromWebview({ type: 'openSource', line });
        assert.ok(message, what);
        // The cursor elsewhere first, so the wait below sees this message's effect, not the last one's.
        const before = vscode.window.visibleTextEditors.find((e) => e.document === doc)!;
        const elsewhere = line === doc.lineCount - 1 ? 0 : doc.lineCount - 1;
        before.selection = new vscode.Selection(elsewhere, 0, elsewhere, 0);
        api.preview.previews.onMessage(preview, message);
        await waitFor(() => (vscode.window.activeTextEditor?.document === doc && vscode.window.activeTextEditor.selection.active.line === line ? true : undefined), `${what}: the cursor on line ${line + 1}`);
        const editor = vscode.window.activeTextEditor!;
        assert.equal(editor.viewColumn, vscode.ViewColumn.One, 'in the editor beside the preview, not over it');
        assert.ok(editor.visibleRanges.some((r) => r.contains(new vscode.Position(line, 0))), `${what}: line ${line + 1} revealed`);
      }
      assert.ok(doc.lineAt(Number(rowLine)).text.includes(value), `${metric}: the row's line states ${value}`);
      assert.equal(Number(shown), Number(refLine) + 1, 'the reference shows the 1-based line it opens');
    }
  });

  it('follows the active markdown editor unless locked', async () => {
    const { file } = scratchAnalysis();
    const first = await vscode.workspace.openTextDocument(fixturePath(FIXTURE));
    await vscode.window.showTextDocument(first, vscode.ViewColumn.One);
    const preview = (await vscode.commands.executeCommand<PreviewPanel>('patternAnalyst.openPreviewToSide'))!;
    const second = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(second, vscode.ViewColumn.One);
    await waitFor(() => (preview.isPreviewOf(second.uri) ? true : undefined), 'the preview follows the new editor');

    api.preview.previews.toggleLock(preview);
    assert.equal(preview.panel.title, `[Preview] ${FIXTURE}`);
    assert.ok(preview.isLocked);
    await vscode.window.showTextDocument(first, vscode.ViewColumn.One);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(preview.isPreviewOf(second.uri), 'a locked preview stays on its document');
  });

  it('is restored by its serializer from saved state', async () => {
    const uri = vscode.Uri.file(fixturePath(FIXTURE));
    const panel = vscode.window.createWebviewPanel('patternAnalyst.preview', 'restoring', vscode.ViewColumn.One, {});
    await api.preview.previews.deserializeWebviewPanel(panel, { source: uri.toString(), locked: true, line: 12, style: 'publication' });
    const preview = api.preview.previews.all.find((p) => p.panel === panel);
    assert.ok(preview, 'the panel is a preview again');
    assert.ok(preview.isPreviewOf(uri));
    assert.ok(preview.isLocked);
    assert.equal(panel.title, `[Preview] ${FIXTURE}`);
    assert.equal(panel.webview.options.enableForms, false);
    const html = await waitFor(() => (panel.webview.html.includes('pa-content') ? panel.webview.html : undefined), 'restored page');
    assert.match(html, /<body class="pa-webview pa-style-publication"/);
    assert.match(html, /&quot;line&quot;:12/);

    // Garbage state (an older version, a tampered store) closes the panel instead of failing.
    const bad = vscode.window.createWebviewPanel('patternAnalyst.preview', 'bad', vscode.ViewColumn.One, {});
    let closed = false;
    bad.onDidDispose(() => (closed = true));
    await api.preview.previews.deserializeWebviewPanel(bad, { source: 42, line: 'x' });
    assert.ok(closed);
  });

  it('exports one self-contained HTML file and asks before replacing it', async () => {
    const { folder, file } = scratchAnalysis();
    const target = vscode.Uri.file(path.join(folder, 'export.html'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('patternAnalyst.exportHtml', { source: file, target });
    assert.equal(written?.toString(), target.toString());
    const page = readFileSync(target.fsPath, 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    // The front matter's title (when the analysis reads it), else the file name.
    const doc = await vscode.workspace.openTextDocument(file);
    const title = api.services.analyses.get(doc).frontMatter?.title ?? FIXTURE;
    assert.ok(page.includes(`<title>${title}</title>`), `title ${title}`);
    assert.match(page, /<style>[\s\S]*\.pa-badge[\s\S]*<\/style>/, 'the CSS is inline');
    assert.doesNotMatch(page, /<script|<link|@import|\son\w+=/i, 'no script, no external stylesheet, no handler');
    assert.doesNotMatch(page, /\s(?:src|href)="(?!data:|#)/, 'no external reference');
    assert.match(page, /<img src="data:image\/png;base64,iVBORw0KGgo[^"]*" alt="Fleet chart"/, 'the PNG is embedded');
    assert.match(page, /\[image: Logo — image not embedded/, 'the SVG is left out, visibly');
    assert.ok(page.includes("&lt;script&gt;document.title='pwned'&lt;/script&gt;"));

    // Exists now: the question is asked; "no" keeps the file as it was.
    writeFileSync(target.fsPath, 'keep me');
    const asked: string[] = [];
    api.preview.exportTestHooks.confirmOverwrite = async (uri) => {
      asked.push(uri.toString());
      return false;
    };
    const refused = await vscode.commands.executeCommand<vscode.Uri | undefined>('patternAnalyst.exportHtml', { source: file, target });
    assert.equal(refused, undefined);
    assert.deepEqual(asked, [target.toString()]);
    assert.equal(readFileSync(target.fsPath, 'utf8'), 'keep me');

    api.preview.exportTestHooks.confirmOverwrite = async () => true;
    await vscode.commands.executeCommand('patternAnalyst.exportHtml', { source: file, target });
    assert.match(readFileSync(target.fsPath, 'utf8'), /^<!DOCTYPE html>/);

    // An explicit overwrite: true (automation) does not ask.
    writeFileSync(target.fsPath, 'old');
    api.preview.exportTestHooks.confirmOverwrite = async () => assert.fail('must not ask with overwrite: true');
    await vscode.commands.executeCommand('patternAnalyst.exportHtml', { source: file, target, overwrite: true });
    assert.match(readFileSync(target.fsPath, 'utf8'), /^<!DOCTYPE html>/);
  });

  it('opens the pattern card at a tree item and reuses it for the next one', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('patternAnalyst.openPatternCard', { id: 'ai-infrastructure/metric:gpu-utilization-rate' });
    assert.ok(panel);
    assert.equal(panel.viewType, 'patternAnalyst.patternCard');
    assert.equal(panel.title, 'Pattern Card: AI Infrastructure');
    const html = panel.webview.html;
    assert.match(html, /<div class="pa-card-symbol">Ii<\/div>/);
    assert.match(html, /data-entity="metric:gpu-utilization-rate"/);
    assert.match(html, /&quot;entity&quot;:&quot;metric:gpu-utilization-rate&quot;/, 'the card starts at the item');
    assert.match(html, /Source: FourWeekMBA · Business Engineer/);
    const again = await vscode.commands.executeCommand<vscode.WebviewPanel>('patternAnalyst.openPatternCard', 'ai-infrastructure/company:coreweave');
    assert.equal(again, panel, 'one card per model');
    assert.equal(api.preview.cards.panels.size, 1);
  });
});
