/**
 * The portfolio in the real workbench, on the samples: "Pattern Analyst: Open Portfolio" from the
 * command palette shows the matrix (read from the webview's DOM: a row per subject, each cell its
 * value with a verdict symbol and its period), the peer set with Together AI missing and its New
 * Analysis button, and the trends' charts (inline SVG with their words in aria-label). A click on
 * a cell opens the analysis with the cursor on that value's line. Then the portfolio is hidden
 * behind another editor (the platform drops a hidden webview's document), the value is changed in
 * the editor beside it, and the portfolio shown again must show the new value (the re-created
 * document asks for the whole portfolio again); the edit is reverted. Screenshot:
 * test-results/ui/portfolio.png (the README's docs/images/portfolio.png).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ACTIVITY_ICON, openFile, runCommand, webviewFrame, type UiCheck } from '../uiCheck';

/** The little of the DOM the row reader needs (the test program has no DOM lib). */
interface Cell {
  readonly textContent: string | null;
}

export const check: UiCheck = {
  name: 'Portfolio shows the samples’ matrix, peer coverage and charts; a cell opens its line; hidden and shown again, it shows an edit made meanwhile',
  async run({ page, screenshot, log, repoRoot }) {
    // As a user starts: with an analysis open, once the extension is loaded (its activity-bar icon shows).
    await page.locator(ACTIVITY_ICON).waitFor({ timeout: 90_000 });
    await openFile(page, 'coreweave-ai-infrastructure.md');
    await page.locator('.statusbar-item', { hasText: 'Markdown' }).first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'Pattern Analyst: Open Portfolio');
    const frame = webviewFrame(page);
    const matrix = frame.locator('#pa-pf-matrix');
    await matrix.waitFor({ timeout: 60_000 });
    const rows = await matrix.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      subject: tr.getAttribute('data-subject') ?? '',
      cells: (Array.from(tr.querySelectorAll('td')) as Cell[]).map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()),
    })));
    for (const r of rows) log(`${r.subject}: ${r.cells.join(' | ')}`);
    const subjects = rows.map((r) => r.subject);
    for (const name of ['CoreWeave', 'Lambda Labs', 'Microsoft Azure', 'Google Cloud']) assert.ok(subjects.includes(name), `a row for ${name}: ${subjects.join(', ')}`);
    const coreweave = rows.find((r) => r.subject === 'CoreWeave');
    assert.match(coreweave?.cells[0] ?? '', /^[✓✗≈⚠·] \d+(\.\d+)?%\s*Q\d 2026$/, 'a cell: symbol, value, period');
    // Its name as assistive technology reads it: the verdict in words, then the value and the period.
    const spoken = await frame.getByRole('button', { name: /^(meets|misses|borderline|no benchmark|impossible|wrong unit) \d+(\.\d+)?% Q\d 2026$/ }).count();
    log(`matrix cells named with their verdict in words: ${spoken}`);
    assert.ok(spoken >= rows.length, `each subject's cells are named with their verdict in words (${spoken} for ${rows.length} rows)`);

    const missing = await frame.locator('.pa-pf-missing').allTextContents();
    log(`peers without an analysis: ${missing.map((t) => t.trim()).join('; ')}`);
    assert.ok(missing.some((t) => t.includes('Together AI') && t.includes('New Analysis')), 'Together AI is offered a New Analysis');

    const charts = frame.locator('#pa-pf-trends svg.pa-chart');
    const chartCount = await charts.count();
    const chartWords = await charts.first().getAttribute('aria-label');
    const marks = await charts.first().evaluate((svg) => svg.querySelectorAll('circle, path.pa-chart-miss').length);
    log(`${chartCount} trend panels; first: "${chartWords}" (${marks} points)`);
    assert.ok(chartCount >= 4, 'a panel per subject and metric');
    assert.match(chartWords ?? '', / in Q\d 2026 \((meets|misses|borderline|no benchmark)\)/);
    assert.ok(marks >= 2, 'the panel draws the subject’s periods');

    await page.mouse.move(5, 400);
    log(`screenshot: ${path.relative(repoRoot, await screenshot('portfolio'))}`);

    // A click on CoreWeave's GPU utilization opens the analysis with the cursor on that value's line.
    const cell = frame.locator('tr[data-subject="CoreWeave"] td.pa-pf-cell button.pa-pf-open').first();
    // Where it opens, as its tooltip says (written when the cell is first pointed at).
    await cell.hover();
    const tooltip = await frame.locator('tr[data-subject="CoreWeave"] td.pa-pf-cell button.pa-pf-open[title]').first().getAttribute('title') ?? '';
    const place = /; ([^;()]+), line (\d+)(;|\)$)/.exec(tooltip);
    assert.ok(place, `the cell's tooltip names its file and line: "${tooltip}"`);
    const line = Number(place[2]) - 1;
    const file = place[1].split('/').pop() ?? '';
    await cell.click();
    await page.locator(`.tabs-container .tab.active[aria-label^="${file}"]`).waitFor({ timeout: 15_000 });
    await page.locator('.statusbar-item', { hasText: `Ln ${line + 1},` }).first().waitFor({ timeout: 15_000 });
    log(`clicked CoreWeave's first cell: ${file} opened at line ${line + 1}`);

    // Hidden: the portfolio's group shows the analysis it was opened over; its webview's document is gone.
    const before = (await cell.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
    await page.locator('.editor-group-container').first().locator(`.tab[aria-label^="coreweave-ai-infrastructure.md"]`).click();
    await page.locator('.tabs-container .tab.active[aria-label^="Portfolio"]').waitFor({ state: 'detached', timeout: 15_000 });
    // Meanwhile the value changes in the editor beside (its cursor is still at the value): an
    // unsaved edit, which the index takes after the typing debounce.
    await runCommand(page, 'View: Focus Last Editor Group');
    // Keys pressed while the palette is still closing would go to it, not to the editor.
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.locator('.editor-group-container.active .monaco-editor.focused').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.type('13');
    await page.waitForTimeout(2000);
    // Shown again: the platform re-creates the document from the panel's HTML, the portfolio as it was first drawn.
    await page.locator('.editor-group-container').first().locator('.tab[aria-label^="Portfolio"]').click();
    const shownAgain = webviewFrame(page).locator('tr[data-subject="CoreWeave"] td.pa-pf-cell button.pa-pf-open').first();
    let after = '';
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await page.waitForTimeout(200)) {
      after = (await shownAgain.textContent({ timeout: 5_000 }).catch(() => ''))?.replace(/\s+/g, ' ').trim() ?? '';
      if (/(^|\D)13(\.\d+)?%/.test(after)) break;
    }
    log(`CoreWeave's first cell before hiding: "${before}"; after the edit, shown again: "${after}"`);
    assert.match(after, /(^|\D)13(\.\d+)?%/, 'the portfolio shown again shows the value edited while it was hidden');
    await runCommand(page, 'View: Focus Last Editor Group');
    await runCommand(page, 'File: Revert File');
    await runCommand(page, 'View: Close All Editors');
  },
};
