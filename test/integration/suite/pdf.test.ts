/**
 * Export to PDF in a real extension host: the command prints an analysis with the browser named
 * in `patternAnalyst.pdf.browserPath` (Debian's Chromium here) on the paper `pdf.pageSize` says,
 * and the PDF (read back with pdftotext/pdfinfo) shows the subject, the scorecard, the running
 * header and the page numbers. A browser path that is not there gives the message that says what
 * to install or set, and writes nothing.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PatternAnalystApi } from '../../../src/extension';
import { pdfInfo, pdfPages, PT_PER_IN, PT_PER_MM, testBrowser } from '../../support/pdfTools';
import { activateExtension, closeAllEditors, fixturePath } from './helpers';

const FIXTURE = 'lambda-labs-ai-infrastructure.md';

describe('Export to PDF', function () {
  this.timeout(120_000);
  let api: PatternAnalystApi;
  let folder: string;
  let source: vscode.Uri;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('patternAnalyst');

  before(async () => {
    api = await activateExtension();
    folder = mkdtempSync(path.join(tmpdir(), 'pa-pdf-'));
    copyFileSync(fixturePath(FIXTURE), path.join(folder, FIXTURE));
    source = vscode.Uri.file(path.join(folder, FIXTURE));
  });
  afterEach(async () => {
    api.pdf.pdfTestHooks.onMessage = undefined;
    await config().update('pdf.browserPath', undefined, vscode.ConfigurationTarget.Global);
    await config().update('pdf.pageSize', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('is a registered command', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('patternAnalyst.exportPdf'));
  });

  it('prints the analysis with the configured browser: subject, scorecard, running header, page numbers, A4', async () => {
    await config().update('pdf.browserPath', testBrowser(), vscode.ConfigurationTarget.Global);
    const target = vscode.Uri.file(path.join(folder, 'a4.pdf'));
    const messages: string[] = [];
    api.pdf.pdfTestHooks.onMessage = (_kind, text) => messages.push(text);
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('patternAnalyst.exportPdf', { source, target, overwrite: true });
    assert.equal(written?.fsPath, target.fsPath, `written; messages: ${messages.join(' | ')}`);
    assert.match(messages.join('\n'), /exported .*a4\.pdf/);

    const info = pdfInfo(target.fsPath);
    assert.ok(Math.abs(info.width - 210 * PT_PER_MM) < 1, `A4 by default, got ${info.width} pt wide`);
    const pages = pdfPages(target.fsPath);
    assert.ok(pages[0].startsWith('Lambda Labs through the AI Infrastructure lens'), pages[0].slice(0, 100));
    assert.match(pages[0], /Lambda Labs/);
    assert.match(pages.join(' '), /Scorecard · AI Infrastructure · \d of 4 metrics stated/);
    pages.forEach((p, i) => assert.ok(p.includes(`Page ${i + 1} of ${pages.length}`), `page ${i + 1} numbered`));
    for (let i = 1; i < pages.length; i++) assert.ok(pages[i].startsWith('Lambda Labs · FY2026 H1 · AI Infrastructure'), pages[i].slice(0, 80));
  });

  it('prints on Letter when pdf.pageSize says so', async () => {
    await config().update('pdf.browserPath', testBrowser(), vscode.ConfigurationTarget.Global);
    await config().update('pdf.pageSize', 'letter', vscode.ConfigurationTarget.Global);
    const target = vscode.Uri.file(path.join(folder, 'letter.pdf'));
    await vscode.commands.executeCommand('patternAnalyst.exportPdf', { source, target, overwrite: true });
    const info = pdfInfo(target.fsPath);
    assert.ok(Math.abs(info.width - 8.5 * PT_PER_IN) < 1 && Math.abs(info.height - 11 * PT_PER_IN) < 1, `Letter, got ${info.width} x ${info.height}`);
  });

  it('says what to install or set when the browser is not there, and writes nothing', async () => {
    await config().update('pdf.browserPath', path.join(folder, 'no-such-chrome'), vscode.ConfigurationTarget.Global);
    const target = vscode.Uri.file(path.join(folder, 'missing.pdf'));
    const messages: { kind: string; text: string }[] = [];
    api.pdf.pdfTestHooks.onMessage = (kind, text) => messages.push({ kind, text });
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('patternAnalyst.exportPdf', { source, target, overwrite: true });
    assert.equal(written, undefined);
    assert.equal(existsSync(target.fsPath), false);
    assert.equal(messages.length, 1);
    assert.equal(messages[0].kind, 'error');
    assert.match(messages[0].text, /^Pattern Analyst: The browser ".*no-such-chrome" set to print PDFs is not an executable file\. Set patternAnalyst\.pdf\.browserPath/);
  });
});
