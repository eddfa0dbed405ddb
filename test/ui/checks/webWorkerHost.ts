/**
 * The extension as vscode.dev and github.dev run it: loaded from its `browser` entry into the
 * browser's web worker extension host (a manifest without `main`, test/harness/webExtension.ts),
 * on a copy of samples/. A user sees the Pattern tree, the benchmark-miss squiggle (a diagnostic),
 * the hover card, and the preview with its verdict badge, exactly as on the desktop; Export to PDF,
 * which needs a local browser, is not offered in the command palette. Screenshot:
 * test-results/ui/web-worker-host.png (editor, tree and preview side by side).
 */
import * as assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../harness/codeServer';
import { prepareWebExtension } from '../../harness/webExtension';
import { hoverText, openFile, openPatternAnalyst, runCommand, tempDir, treeRow, treeRows, webviewFrame, type UiCheck } from '../uiCheck';

const SAMPLE = 'coreweave-ai-infrastructure.md';
/** What VS Code's web workbench logs when it starts the web worker extension host. */
const WORKER_STARTED = /web worker extension host is started/i;

let workerStarted = false;

export const check: UiCheck = {
  name: 'In the web worker extension host (vscode.dev, github.dev): tree, diagnostic, hover and preview; no PDF export',
  async ownWorkbench() {
    const extension = prepareWebExtension();
    const ws = tempDir('web');
    cpSync(path.join(REPO_ROOT, 'samples'), ws.path, { recursive: true });
    workerStarted = false;
    return {
      options: {
        folder: ws.path,
        extensionDevelopmentPath: extension.path,
        beforeLoad: (page) => {
          page.on('console', (msg) => {
            if (WORKER_STARTED.test(msg.text())) workerStarted = true;
          });
        },
      },
      dispose: () => {
        ws.remove();
        extension.remove();
      },
    };
  },
  async run({ page, screenshot, log, repoRoot }) {
    await openFile(page, SAMPLE);
    // The diagnostic: the extension checked the file, read through workspace.fs, in the worker.
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 45_000 });
    assert.ok(workerStarted, 'the workbench started the web worker extension host');
    log('the web worker extension host started; the sample analysis has its benchmark-miss squiggle');

    await openPatternAnalyst(page);
    await treeRow(page, 'GPU Utilization Rate').waitFor({ timeout: 15_000 });
    const names = (await treeRows(page)).map((r) => r.name);
    assert.ok(names.includes('AI Infrastructure') && names.includes('Key Metrics & Benchmarks'), `tree rows: ${names.join(' | ')}`);
    log(`tree: ${names.slice(0, 5).join(' | ')} …`);

    await hoverText(page, 'GPU Utilization Rate');
    // Other hover participants (the diagnostic's) may be drawn first: read our card once it is drawn.
    const card = (await page.locator('.monaco-hover:not(.hidden)', { hasText: 'Benchmark' }).first().innerText({ timeout: 15_000 })).trim();
    assert.match(card, /Benchmark \(source, verbatim\): >80% target for profitability/);
    assert.match(card, /72% — below .*>80% target for profitability/);
    log(`hover: ${card.split('\n').filter(Boolean).slice(0, 2).join(' | ')}`);
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 400);

    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Pattern Analyst: Open Preview to the Side');
    const content = webviewFrame(page).locator('#pa-content');
    await content.locator('.pa-header').waitFor({ timeout: 30_000 });
    const title = (await content.locator('.pa-header .pa-title').textContent())?.trim();
    assert.equal(title, 'CoreWeave through the AI Infrastructure lens');
    const badge = (await content.locator('.pa-badge[data-metric="gpu-utilization-rate"]').first().textContent())?.trim() ?? '';
    assert.match(badge, /misses/);
    log(`preview: "${title}", GPU Utilization Rate badge "${badge}"`);
    log(`screenshot: ${path.relative(repoRoot, await screenshot('web-worker-host'))}`);

    // Export to PDF is hidden (patternAnalyst.canExportPdf is false here), HTML export is offered.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Pattern Analyst: Export');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Export to HTML' }).first().waitFor({ timeout: 10_000 });
    const offered = await page.locator('.quick-input-widget .monaco-list-row .label-name').allInnerTexts();
    await page.keyboard.press('Escape');
    log(`palette offers: ${offered.map((t) => t.trim()).join(' | ')}`);
    assert.deepEqual(offered.filter((t) => /PDF/.test(t)), [], 'no PDF command in the palette');
  },
};
