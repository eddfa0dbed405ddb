/**
 * The hostile-input catalogue (test/support/hostileInputs) through the editor's entry points in a
 * real extension host: diagnostics, the preview webview's page and updates, Export to HTML, hover
 * cards from hostile workspace models, and the workspace model loader. Nothing runs, loads or
 * escapes the document's folder; nothing crashes; the extension keeps answering afterwards.
 * (What the webview's DOM does with it in a real browser is the UI tier's hostileWebview check.)
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PatternAnalystApi } from '../../../src/extension';
import type { ModelReloadReport } from '../../../src/features/models';
import type { PreviewPanel } from '../../../src/features/preview/previewPanel';
import type { ToWebview } from '../../../src/render/protocol';
import { dangersIn, tagsOf } from '../../support/htmlSafety';
import { FRONT, hostileDocuments, hostileModels } from '../../support/hostileInputs';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

/** The smallest valid PNG, so an image that resolved would really be there. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The body the preview shows: what the page holds inside its content element. */
function bodyOf(page: string): string {
  const body = /<main class="pa-content" id="pa-content">([\s\S]*)<\/main>/.exec(page)?.[1];
  assert.ok(body !== undefined, 'the preview page has its content element');
  return body;
}

/**
 * Opens a file as a text document. VS Code itself refuses files with NUL bytes ("File seems to be
 * binary"): for those, that refusal is the expected answer, and the document is skipped.
 */
async function openUnlessBinary(file: string, text: string): Promise<vscode.TextDocument | undefined> {
  try {
    return await vscode.workspace.openTextDocument(file);
  } catch (err) {
    assert.ok(text.includes('\u0000'), `${file} could not be opened: ${String(err)}`);
    assert.match(String(err), /binary/i);
    return undefined;
  }
}

describe('Hostile inputs in the editor', function () {
  this.timeout(120_000);
  let api: PatternAnalystApi;
  let home: string;

  before(async () => {
    api = await activateExtension();
    home = mkdtempSync(path.join(tmpdir(), 'pa-hostile-'));
  });
  afterEach(async () => {
    for (const p of api.preview.previews.all) p.dispose();
    await closeAllEditors();
  });

  // One test per document, each with its own time limit: a single test over the whole catalogue
  // could outlive its limit and go on opening documents under the tests after it.
  for (const input of hostileDocuments()) {
    it(`diagnostics: "${input.name}" is checked without a crash, every squiggle inside the document`, async () => {
      const file = path.join(home, `${slug(input.name)}.md`);
      const text = input.make();
      writeFileSync(file, text);
      const doc = await openUnlessBinary(file, text);
      if (!doc) return;
      await vscode.window.showTextDocument(doc);
      const analysis = api.services.analyses.get(doc);
      // Once per document: the diagnostics feature publishes what the shared analysis found.
      if (analysis.isAnalysis && analysis.findings.length > 0) {
        await waitFor(() => (vscode.languages.getDiagnostics(doc.uri).length > 0 ? true : undefined), `diagnostics for "${input.name}"`, 20_000);
      }
      for (const d of vscode.languages.getDiagnostics(doc.uri)) {
        assert.ok(doc.validateRange(d.range).isEqual(d.range), `${input.name}: ${d.message} at ${JSON.stringify(d.range)} is outside the document`);
      }
    });
  }

  it('diagnostics: after the hostile documents, an ordinary analysis still gets its diagnostics', async () => {
    const ok = path.join(home, 'ordinary.md');
    writeFileSync(ok, `${FRONT}## The Pattern\n\nGPU utilization was 62% this year.\n`);
    const doc = await vscode.workspace.openTextDocument(ok);
    await vscode.window.showTextDocument(doc);
    await waitFor(() => (vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'benchmark-miss') ? true : undefined), 'a benchmark-miss diagnostic after the hostile documents', 10_000);
  });

  it('preview: the page and its updates carry nothing that runs, loads or navigates', async () => {
    // The attacks on markup; size and depth (the 'hang' inputs) take the same path and are timed in the unit tier.
    for (const input of hostileDocuments().filter((h) => !h.large && h.threat !== 'hang')) {
      const file = path.join(home, `preview-${slug(input.name)}.md`);
      const text = input.make();
      writeFileSync(file, text);
      const doc = await openUnlessBinary(file, text);
      if (!doc) continue;
      const editor = await vscode.window.showTextDocument(doc);
      const preview = (await vscode.commands.executeCommand<PreviewPanel>('patternAnalyst.openPreviewToSide', doc.uri))!;
      const page = await waitFor(() => (preview.panel.webview.html.includes('pa-content') ? preview.panel.webview.html : undefined), `the preview of "${input.name}"`, 20_000);
      assert.deepEqual(dangersIn(bodyOf(page)).slice(0, 3), [], input.name);
      assert.equal(tagsOf(page).filter((t) => t.name === 'script' && !t.closing).length, 1, `${input.name}: only the preview's own script`);
      // An edit sends new body HTML: just as clean.
      const seen: ToWebview[] = [];
      const webview = preview.panel.webview;
      const original = webview.postMessage.bind(webview);
      Object.defineProperty(webview, 'postMessage', { configurable: true, value: (m: ToWebview) => (seen.push(m), original(m)) });
      await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\nEdited <script>window.__pa_pwned=1</script>\n'));
      const update = await waitFor(() => seen.find((m): m is Extract<ToWebview, { type: 'update' }> => m.type === 'update'), `an update of "${input.name}"`, 20_000);
      assert.deepEqual(dangersIn(update.html).slice(0, 3), [], input.name);
      preview.dispose();
      await closeAllEditors();
    }
  });

  it('preview and export: an image path that climbs out of the document\'s folder shows nothing, in any spelling', async () => {
    const top = path.join(home, 'traversal');
    const docs = path.join(top, 'docs');
    mkdirSync(docs, { recursive: true });
    writeFileSync(path.join(top, 'secret.png'), PNG);
    writeFileSync(path.join(docs, 'inside.png'), PNG);
    const refs = ['../secret.png', '..%2fsecret.png', '%2e%2e/secret.png', '..\\secret.png', 'sub/../../secret.png', path.join(top, 'secret.png'), `file://${path.join(top, 'secret.png')}`];
    const file = path.join(docs, 'analysis.md');
    writeFileSync(file, `${FRONT}${refs.map((r, i) => `![leak ${i}](${r})`).join('\n\n')}\n\n![inside](inside.png)\n`);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const preview = (await vscode.commands.executeCommand<PreviewPanel>('patternAnalyst.openPreviewToSide', doc.uri))!;
    const page = await waitFor(() => (preview.panel.webview.html.includes('pa-content') ? preview.panel.webview.html : undefined), 'the preview', 20_000);
    const images = tagsOf(bodyOf(page)).filter((t) => t.name === 'img').map((t) => ({ alt: t.attributes.find((a) => a.name === 'alt')?.value, src: t.attributes.find((a) => a.name === 'src')?.value ?? '' }));
    assert.deepEqual(images.map((i) => i.alt), ['inside'], JSON.stringify(images));
    assert.match(decodeURIComponent(images[0].src), /\/docs\/inside\.png$/);
    // The webview may read the document's folder and the extension's media, nothing above.
    for (const root of preview.panel.webview.options.localResourceRoots ?? []) {
      assert.ok(root.fsPath === docs || root.fsPath.endsWith(`${path.sep}media`), `resource root ${root.fsPath}`);
    }

    const target = vscode.Uri.file(path.join(docs, 'export.html'));
    await vscode.commands.executeCommand('patternAnalyst.exportHtml', { source: doc.uri, target, overwrite: true });
    const exported = readFileSync(target.fsPath, 'utf8');
    assert.equal(exported.split('data:image/png;base64,').length - 1, 1, 'only the image inside the folder is embedded');
    for (let i = 0; i < refs.length; i++) assert.doesNotMatch(exported, new RegExp(`<img[^>]*alt="leak ${i}"`), `image ${refs[i]}`);
  });

  it('export: a hostile document exports to a page with no script and nothing that loads', async () => {
    for (const input of hostileDocuments().filter((h) => !h.large && h.threat !== 'hang')) {
      const file = path.join(home, `export-${slug(input.name)}.md`);
      const text = input.make();
      writeFileSync(file, text);
      const target = vscode.Uri.file(path.join(home, `export-${slug(input.name)}.html`));
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('patternAnalyst.exportHtml', { source: vscode.Uri.file(file), target, overwrite: true });
      if (text.includes('\u0000')) {
        // VS Code will not open a binary file as text: the export says so and writes nothing.
        assert.equal(written, undefined, `${input.name}: nothing exported`);
        assert.ok(!existsSync(target.fsPath));
        continue;
      }
      assert.ok(written, `${input.name} was exported`);
      const page = readFileSync(written.fsPath, 'utf8');
      const main = /<main class="pa-content">([\s\S]*)<\/main>/.exec(page)?.[1] ?? '';
      assert.deepEqual(dangersIn(main).slice(0, 3), [], input.name);
      assert.doesNotMatch(page, /<script/i, input.name);
    }
  });

  it('workspace models: every hostile model file gets a status and problems; the extension keeps working and its cards stay text', async () => {
    const folder = path.join(home, 'models');
    mkdirSync(folder);
    hostileModels().forEach((h, i) => writeFileSync(path.join(folder, `${i}-${slug(h.name)}.pattern.json`), h.make()));
    const config = vscode.workspace.getConfiguration('patternAnalyst');
    await config.update('models.paths', [folder], vscode.ConfigurationTarget.Global);
    try {
      const report = await waitFor(async () => {
        const r = await vscode.commands.executeCommand<ModelReloadReport>('patternAnalyst.reloadModels');
        return r.files.filter((f) => f.origin.includes(`${path.sep}models${path.sep}`) || f.uri.includes('/models/')).length >= hostileModels().length ? r : undefined;
      }, 'the hostile models to be read', 30_000);
      for (const f of report.files) assert.ok(f.status === 'ok' || f.status === 'same-as-loaded' || f.problems.length > 0, `${f.origin}: ${f.status} without a problem`);
      assert.ok(api.services.models.catalog.find('ai-infrastructure'), 'the bundled model is still there');
      assert.ok(api.services.models.catalog.find('hostile-pattern'), 'the valid hostile model loaded (its strings are data)');

      // A hover on a name from the hostile model: the card escapes it and allows one command only.
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'We compared Evil Corp with the rest.\n' });
      await vscode.window.showTextDocument(doc);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 14));
      const cards = (hovers ?? []).flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
      assert.ok(cards.length > 0, 'a card for Evil Corp');
      for (const card of cards) {
        assert.notEqual(card.supportHtml, true);
        assert.ok(card.isTrusted !== true, 'not trusted for every command');
        assert.doesNotMatch(card.value, /(?<!\\)<\/?(script|img|iframe|a |b |u>)/i, card.value);
        for (const link of card.value.matchAll(/(?<!\\)\]\(([a-z-]+):([^)\s]*)/gi)) assert.equal(`${link[1]}:${link[2].split('?')[0]}`, 'command:patternAnalyst.showInTree', link[0]);
      }
    } finally {
      await config.update('models.paths', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => (!api.services.models.catalog.find('hostile-pattern') ? true : undefined), 'the hostile models to unload', 15_000);
  });
});
