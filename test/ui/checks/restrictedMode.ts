/**
 * Restricted Mode as a user meets it: workspace trust ON (the shared workbench has it off), a
 * fresh folder holding a workspace model (`models/vertical-saas.pattern.json`) and an analysis
 * naming it. Untrusted, only the bundled model is in the tree, the status bar says
 * "Bundled pattern only" and the analysis's pattern is unknown (an error). Clicking that item opens VS Code's Workspace Trust editor; its Trust
 * button grants trust, and the second model appears in the tree, with the analysis's value on
 * its metric, and the error goes, without a window reload. Screenshots: test-results/ui/restricted.png, trusted.png.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../harness/codeServer';
import { hoverText, openFile, openPatternAnalyst, setSideBarWidth, tempDir, treeRow, treeRows, type UiCheck } from '../uiCheck';

const MODEL_FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace-models', 'vertical-saas.pattern.json');
const ANALYSIS = 'clinic-software.md';
const ANALYSIS_TEXT = [
  '---',
  'pattern: vertical-saas',
  'subject: Example Clinic Software',
  '---',
  '',
  '# Example Clinic Software',
  '',
  '## Key Metrics & Benchmarks',
  '',
  '| Metric | Value | Benchmark | Source |',
  '| --- | --- | --- | --- |',
  '| Net Revenue Retention | 130% | >120% | FY2025 annual report |',
  '',
].join('\n');

/** The status-bar item the extension shows while Restricted Mode holds workspace models back. */
const BUNDLED_ONLY = '.part.statusbar .statusbar-item';
const BUNDLED_ONLY_TEXT = 'Bundled pattern only';

/** Names of the tree's root rows (one per loaded pattern model). */
async function rootRows(page: Page): Promise<string[]> {
  return (await treeRows(page)).filter((r) => r.level === 1).map((r) => r.name);
}

export const check: UiCheck = {
  name: 'Restricted Mode loads the bundled model only; granting trust loads the workspace model without a reload',
  async ownWorkbench() {
    const ws = tempDir('trust');
    mkdirSync(path.join(ws.path, 'models'));
    copyFileSync(MODEL_FIXTURE, path.join(ws.path, 'models', 'vertical-saas.pattern.json'));
    writeFileSync(path.join(ws.path, ANALYSIS), ANALYSIS_TEXT);
    return {
      options: { folder: ws.path, extensionDevelopmentPath: REPO_ROOT, workspaceTrust: true },
      dispose: () => ws.remove(),
    };
  },
  async run({ page, screenshot, log, repoRoot }) {
    // A reload would navigate the page and drop this mark.
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.evaluate(() => ((globalThis as Record<string, unknown>).__patternAnalystNoReload = true));

    // VS Code's own indicator first: the folder really opened untrusted.
    await page.locator('.part.statusbar .statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30_000 });
    const status = page.locator(BUNDLED_ONLY, { hasText: BUNDLED_ONLY_TEXT }).first();
    await status.waitFor({ timeout: 30_000 });

    await openPatternAnalyst(page);
    await setSideBarWidth(page, 600);
    await openFile(page, ANALYSIS);
    await treeRow(page, 'GPU Utilization Rate').waitFor({ timeout: 15_000 });
    const restrictedRoots = await rootRows(page);
    log(`Restricted Mode: tree roots ${JSON.stringify(restrictedRoots)}; status bar "${(await status.innerText()).trim()}"`);
    assert.deepEqual(restrictedRoots, ['AI Infrastructure'], 'only the bundled model in Restricted Mode');
    // So the analysis names a pattern the catalog does not hold: an error on its front matter.
    await page.locator('.editor-group-container.active .monaco-editor .squiggly-error').first().waitFor({ timeout: 15_000 });
    const card = await hoverText(page, 'vertical-saas');
    log(`Restricted Mode: hover on the pattern id: ${card.split('\n').filter(Boolean)[0]}`);
    assert.match(card, /Unknown pattern "vertical-saas"\..*not loaded in Restricted Mode: trust this workspace/s, "the problem says why the model is unknown");
    const restrictedShot = await screenshot('restricted');
    log(`screenshot: ${path.relative(repoRoot, restrictedShot)}`);

    // Fold the bundled pattern, so the second root is in view however long the first one grows.
    await treeRow(page, 'AI Infrastructure').locator('.monaco-tl-twistie').click();
    await treeRow(page, 'GPU Utilization Rate').waitFor({ state: 'detached', timeout: 5_000 });

    // The item's command is VS Code's Workspace Trust editor; its Trust button trusts the folder.
    await page.mouse.move(5, 5);
    await status.click();
    const trustEditor = page.locator('.workspace-trust-editor');
    await trustEditor.waitFor({ timeout: 15_000 });
    await trustEditor.getByRole('button', { name: 'Trust', exact: true }).click();
    await page.locator('.workspace-trust-editor.trusted').waitFor({ timeout: 15_000 });
    log('trusted the folder in the Workspace Trust editor');

    // Back to the analysis (its tab is still open behind the Workspace Trust editor).
    await page.locator(`.tabs-container .tab[aria-label^="${ANALYSIS}"]`).click();
    await treeRow(page, 'Vertical SaaS').waitFor({ timeout: 15_000 });
    // The analysis names the new model: its metric row shows the stated value against the benchmark.
    const nrr = treeRow(page, 'Net Revenue Retention').locator('.label-description');
    await nrr.filter({ hasText: '130%' }).waitFor({ timeout: 15_000 });
    await status.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    const trustedRoots = await rootRows(page);
    const rows = await treeRows(page);
    log(`trusted: tree roots ${JSON.stringify(trustedRoots)}; Net Revenue Retention: ${rows.find((r) => r.name === 'Net Revenue Retention')?.description}`);
    assert.deepEqual(trustedRoots, ['AI Infrastructure', 'Vertical SaaS'], 'the workspace model joins the bundled one');
    assert.match(rows.find((r) => r.name === 'Net Revenue Retention')?.description ?? '', />120% for best-in-class vertical SaaS.*130%.*✓/);
    assert.equal(await page.locator(BUNDLED_ONLY, { hasText: BUNDLED_ONLY_TEXT }).count(), 0, 'the "Bundled pattern only" item is gone');
    await page.locator('.editor-group-container.active .monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 10_000 });

    const kept = await page.evaluate(() => (globalThis as Record<string, unknown>).__patternAnalystNoReload === true);
    assert.ok(kept && navigations === 0, `no window reload (page navigations: ${navigations})`);
    const trustedShot = await screenshot('trusted');
    log(`screenshot: ${path.relative(repoRoot, trustedShot)}`);
  },
};
