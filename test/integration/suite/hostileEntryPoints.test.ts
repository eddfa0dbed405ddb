/**
 * The security review's editor-side reproducers in a real extension host: Export to HTML never
 * embeds a file a symbolic link carries out of the document's folder (file link, folder link, a
 * text file named .gif), exports a file whose name is a command link under that name, and the
 * preview keeps following edits of a document whose front-matter title is over 1,024 characters.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PatternAnalystApi } from '../../../src/extension';
import type { PreviewPanel } from '../../../src/features/preview/previewPanel';
import { parseToWebview, type ToWebview } from '../../../src/render/protocol';
import { FRONT } from '../../support/hostileInputs';
import { shownHtml } from '../../support/previewMirror';
import { PNG_1X1 } from '../../support/tinyImages';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

describe('Hostile entry points in the editor (security review)', function () {
  this.timeout(120_000);
  let api: PatternAnalystApi;
  let home: string;

  before(async () => {
    api = await activateExtension();
    home = mkdtempSync(path.join(tmpdir(), 'pa-hostile-entry-'));
  });
  afterEach(async () => {
    for (const p of api.preview.previews.all) p.dispose();
    await closeAllEditors();
  });

  it('export: symbolic links never carry an image out of the document\'s folder', async () => {
    const docs = path.join(home, 'links', 'docs');
    const outside = path.join(home, 'links', 'outside');
    mkdirSync(docs, { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'private.png'), PNG_1X1);
    writeFileSync(path.join(outside, 'secret.txt'), 'GIF89a TOP SECRET\n');
    writeFileSync(path.join(docs, 'inside.png'), PNG_1X1);
    symlinkSync('../outside/private.png', path.join(docs, 'logo.png'));
    symlinkSync('../outside/secret.txt', path.join(docs, 'chart.gif'));
    symlinkSync('../outside', path.join(docs, 'sub'));
    const file = path.join(docs, 'a.md');
    writeFileSync(file, `${FRONT}![logo](logo.png)\n\n![chart](chart.gif)\n\n![deep](sub/private.png)\n\n![inside](inside.png)\n`);
    const target = vscode.Uri.file(path.join(docs, 'a.html'));
    await vscode.commands.executeCommand('patternAnalyst.exportHtml', { source: vscode.Uri.file(file), target, overwrite: true });
    const page = readFileSync(target.fsPath, 'utf8');
    const embedded = [...page.matchAll(/<img src="data:image\/\w+;base64,[^"]*" alt="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(embedded, ['inside']);
  });

  it('export: a file named as a command link exports under its own name', async () => {
    const dir = path.join(home, 'names');
    mkdirSync(dir);
    const name = 'Q3 [Open report](command:workbench.extensions.installExtension?%5B%22x.y%22%5D)';
    const file = path.join(dir, `${name}.md`);
    writeFileSync(file, `${FRONT}Text.\n`);
    const target = vscode.Uri.file(path.join(dir, `${name}.html`));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('patternAnalyst.exportHtml', { source: vscode.Uri.file(file), target, overwrite: true });
    assert.equal(written?.fsPath, target.fsPath);
    assert.match(readFileSync(target.fsPath, 'utf8'), /<!DOCTYPE html>/i);
  });

  it('preview: a front-matter title over 1,024 characters does not stop updates', async () => {
    const file = path.join(home, 'long-title.md');
    writeFileSync(file, `---\npattern: ai-infrastructure\ntitle: ${'Long '.repeat(600)}\n---\n\n# Body\n`);
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    const preview = (await vscode.commands.executeCommand<PreviewPanel>('patternAnalyst.openPreviewToSide', doc.uri))!;
    await waitFor(() => (preview.panel.webview.html.includes('pa-content') ? true : undefined), 'the preview', 20_000);
    const seen: ToWebview[] = [];
    const webview = preview.panel.webview;
    const original = webview.postMessage.bind(webview);
    Object.defineProperty(webview, 'postMessage', { configurable: true, value: (m: ToWebview) => (seen.push(m), original(m)) });
    for (const edit of ['First edit', 'Second edit']) {
      await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), `\n${edit}\n`));
      // The first edit sends the whole body, the next only what changed: the preview shows both.
      await waitFor(() => (shownHtml(seen)?.includes(edit) ? true : undefined), `the preview showing "${edit}"`, 20_000);
      const last = seen[seen.length - 1];
      assert.ok(last.type === 'update' || last.type === 'patch');
      assert.deepEqual(parseToWebview(last), last, 'the webview accepts the message as sent');
      assert.ok(last.title.startsWith('Long Long') && last.title.length <= 1024);
    }
  });
});
