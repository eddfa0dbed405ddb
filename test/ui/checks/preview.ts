/**
 * The analysis preview in the real workbench, as a user meets it: open the sample analysis, run
 * "Open Preview to the Side" from the command palette, read the rendered header and a verdict
 * badge from the webview's DOM, click a scorecard row and its "line N" and see the editor's cursor
 * go there, type into the editor and watch the preview follow, and prove that a <script> and an
 * onerror typed into the document did not run (they would change the webview's title or set a
 * global) but show as text. Screenshots in the light and the dark theme:
 * test-results/ui/preview-light.png and preview-dark.png. Runs last of the shared checks
 * (test/ui/checkOrder.ts): it edits the sample and switches the theme, then cleans up.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { goToLine, openFile, runCommand, type UiCheck } from '../uiCheck';

const SAMPLE = 'coreweave-ai-infrastructure.md';
const TYPED_HEADING = 'Typed while the preview is open';
const MIDDLE_TEXT = 'Inserted above the typed heading';
const HOSTILE_SCRIPT = "<script>document.title='pwned-script';window.paPwned='script'</script>";
const HOSTILE_IMG = `<img src=x onerror="document.title='pwned-img';window.paPwned='img'">`;

function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** The workbench's theme kind, from the classes it puts on its root. */
async function themeKind(page: Page): Promise<'light' | 'dark' | 'hc'> {
  const cls = (await page.locator('.monaco-workbench').first().getAttribute('class')) ?? '';
  return /\bhc-/.test(cls) ? 'hc' : /\bvs-dark\b/.test(cls) ? 'dark' : 'light';
}

/** Switches between the preferred light and dark themes until the workbench is `kind`. */
async function useTheme(page: Page, kind: 'light' | 'dark'): Promise<void> {
  for (let i = 0; i < 2 && (await themeKind(page)) !== kind; i++) {
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.waitForFunction((k) => {
      const cls = (globalThis as unknown as { document: { querySelector(s: string): { className: string } | null } }).document.querySelector('.monaco-workbench')?.className ?? '';
      return k === 'dark' ? /\bvs-dark\b/.test(cls) : !/\bvs-dark\b/.test(cls);
    }, kind, { timeout: 15_000 }).catch(() => undefined);
  }
  assert.equal(await themeKind(page), kind, `workbench theme is ${kind}`);
}

export const check: UiCheck = {
  name: 'Preview renders the analysis with verdict badges, follows typing, and runs nothing from the document',
  async run({ page, screenshot, log, repoRoot, workspace }) {
    const samplePath = path.join(workspace, SAMPLE);
    const original = readFileSync(samplePath, 'utf8');
    await openFile(page, SAMPLE);
    // The command shows in the palette once the editor's language is known (when: editorLangId == markdown).
    await page.locator('.statusbar-item', { hasText: 'Markdown' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Pattern Analyst: Open Preview to the Side').catch(async () => {
      await page.keyboard.press('Escape');
      await page.locator('.monaco-editor .view-lines').first().click();
      await runCommand(page, 'Pattern Analyst: Open Preview to the Side');
    });
    const frame = previewFrame(page);
    const content = frame.locator('#pa-content');
    await content.locator('.pa-header').waitFor({ timeout: 30_000 });

    const title = (await content.locator('.pa-header .pa-title').textContent())?.trim();
    log(`header: ${title}`);
    assert.equal(title, 'CoreWeave through the AI Infrastructure lens');
    const badge = content.locator('table:not(.pa-scorecard-table) .pa-badge[data-metric="gpu-utilization-rate"]').first();
    const badgeText = (await badge.textContent())?.trim();
    const badgeClass = await badge.getAttribute('class');
    log(`GPU Utilization Rate badge: "${badgeText}" (${badgeClass}), title "${await badge.getAttribute('title')}"`);
    assert.match(badgeText ?? '', /misses/);
    assert.match(badgeClass ?? '', /pa-verdict-misses/);
    assert.ok(await content.locator('.pa-scorecard-table').count(), 'the scorecard is shown');
    assert.doesNotMatch((await content.textContent()) ?? '', /pattern: ai-infrastructure/, 'no raw YAML');

    // A click on a scorecard row, then on its Mentions cell's "line N", puts the editor's cursor there.
    const row = content.locator('.pa-scorecard-table tr.pa-row').first();
    const rowLine = Number(await row.getAttribute('data-source-line'));
    await row.locator('th').click();
    await page.locator('.statusbar-item', { hasText: `Ln ${rowLine + 1},` }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Control+End');
    await page.locator('.statusbar-item', { hasText: `Ln ${rowLine + 1},` }).first().waitFor({ state: 'detached', timeout: 15_000 });
    const ref = row.locator('.pa-line-ref');
    const refLine = Number(await ref.getAttribute('data-source-line'));
    await ref.click();
    await page.locator('.statusbar-item', { hasText: `Ln ${refLine + 1},` }).first().waitFor({ timeout: 15_000 });
    log(`scorecard click: row → editor line ${rowLine + 1}, "${(await ref.textContent())?.trim()}" → line ${refLine + 1}`);

    const originalTheme = await themeKind(page);
    await useTheme(page, 'light');
    await page.mouse.move(5, 400);
    log(`screenshot: ${path.relative(repoRoot, await screenshot('preview-light'))}`);

    try {
      // Type at the end of the document: the preview updates in place.
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText(`\n\n## ${TYPED_HEADING}\n\n${HOSTILE_SCRIPT}\n\n${HOSTILE_IMG}\n`);
      await content.locator('h2', { hasText: TYPED_HEADING }).waitFor({ timeout: 15_000 });
      log('the typed heading appeared in the preview');

      const probe = await content.evaluate((el) => ({
        title: el.ownerDocument.title,
        pwned: (el.ownerDocument.defaultView as unknown as { paPwned?: string } | null)?.paPwned,
        scripts: el.querySelectorAll('script').length,
        images: el.querySelectorAll('img').length,
        text: el.textContent ?? '',
      }));
      log(`webview title "${probe.title}", paPwned ${String(probe.pwned)}, <script> in content: ${probe.scripts}, <img>: ${probe.images}`);
      assert.equal(probe.pwned, undefined, 'no handler from the document ran');
      assert.doesNotMatch(probe.title, /pwned/);
      assert.equal(probe.scripts, 0);
      assert.equal(probe.images, 0);
      assert.ok(probe.text.includes(HOSTILE_SCRIPT), 'the script tag shows as text');
      assert.ok(probe.text.includes(HOSTILE_IMG), 'the img tag shows as text');

      // A second edit, lines added above the heading: sent as a patch (the new block, and a
      // data-line shift for every block after it). The page shows it once, and the heading's
      // source line (scroll sync) moved down by the two lines added.
      const heading = content.locator('h2', { hasText: TYPED_HEADING });
      const lineBefore = Number(await heading.getAttribute('data-line'));
      // Go to the heading's line (data-line is 0-based) and write above it.
      await goToLine(page, lineBefore + 1);
      await page.keyboard.insertText(`${MIDDLE_TEXT}\n\n`);
      await content.getByText(MIDDLE_TEXT).first().waitFor({ timeout: 15_000 });
      for (let i = 0; i < 50 && (await heading.getAttribute('data-line')) !== String(lineBefore + 2); i++) await page.waitForTimeout(100);
      const after = {
        headings: await heading.count(),
        line: Number(await heading.first().getAttribute('data-line')),
        middle: await content.getByText(MIDDLE_TEXT).count(),
        ends: await content.locator('.pa-end').count(),
        after: await heading.first().locator(`xpath=following::*[contains(text(), "${MIDDLE_TEXT}")]`).count(),
      };
      log(`second edit: heading data-line ${lineBefore} → ${after.line}, heading shown ${after.headings}×, inserted text shown ${after.middle}× (${after.after} after the heading)`);
      assert.equal(after.headings, 1);
      assert.equal(after.line, lineBefore + 2);
      assert.equal(after.middle, 1);
      assert.equal(after.ends, 1, 'one end anchor');
      assert.equal(after.after, 0, 'the inserted text is above the heading');

      await useTheme(page, 'dark');
      // Back to the top of the editor: scroll sync brings the preview's header and scorecard back.
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Home');
      await page.waitForTimeout(300);
      await page.keyboard.press('PageDown');
      await page.keyboard.press('Control+Home');
      await content.evaluate(async (el) => {
        const win = el.ownerDocument.defaultView as unknown as { scrollY: number } | null;
        for (let i = 0; i < 50 && (win?.scrollY ?? 0) > 10; i++) await new Promise((r) => setTimeout(r, 100));
      });
      await page.mouse.move(5, 400);
      log(`screenshot: ${path.relative(repoRoot, await screenshot('preview-dark'))}`);
    } finally {
      // Whatever happened: the sample unchanged on disk (never saved), no preview open.
      await page.locator('.monaco-editor .view-lines').first().click();
      await runCommand(page, 'View: Revert and Close Editor');
      await runCommand(page, 'View: Close All Editors');
      // And if anything saved the typed lines after all, the sample goes back to what it was.
      if (readFileSync(samplePath, 'utf8') !== original) writeFileSync(samplePath, original);
      if (originalTheme !== 'hc') await useTheme(page, originalTheme);
    }
  },
};
