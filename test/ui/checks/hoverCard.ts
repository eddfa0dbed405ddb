/**
 * A hover card as a user sees it: open the sample analysis, rest the mouse on "GPU Utilization
 * Rate" in the scorecard, read the card from the DOM, keep a screenshot
 * (test-results/ui/hover.png), then follow the card's Show in Pattern Tree link.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { hoverText, openFile, treeRows, type UiCheck } from '../uiCheck';

const VISIBLE_HOVER = '.monaco-hover:not(.hidden)';

export const check: UiCheck = {
  name: 'Hover card on a metric name in an analysis',
  async run({ page, screenshot, log, repoRoot }) {
    await openFile(page, 'coreweave-ai-infrastructure.md');
    // Ready when the name is drawn and the extension has checked the file (the 72% squiggle).
    await page.locator('.monaco-editor .view-lines span', { hasText: 'GPU Utilization Rate' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    await hoverText(page, 'GPU Utilization Rate');
    // Other hover participants may still be loading: read our card once it is drawn.
    const text = (await page.locator(VISIBLE_HOVER, { hasText: 'Benchmark' }).first().innerText()).trim();
    log(text.split('\n').filter(Boolean).join(' | '));
    assert.match(text, /GPU Utilization Rate/);
    assert.match(text, /Benchmark \(source, verbatim\): >80% target for profitability/);
    assert.match(text, /Section: Key Metrics & Benchmarks/);
    assert.match(text, /Pattern Analyst's note, not the source's: GPU-hours sold or used/);
    assert.match(text, /72% — below .*>80% target for profitability/);
    assert.match(text, /Show in Pattern Tree/);
    const shot = await screenshot('hover');
    log(`screenshot: ${path.relative(repoRoot, shot)}`);

    // The card's one trusted link works: it reveals and selects the metric in the Pattern tree.
    await page.locator(VISIBLE_HOVER).getByText('Show in Pattern Tree').first().click();
    await page.locator('.part.sidebar .monaco-list-row.selected .label-name', { hasText: /^\s*GPU Utilization Rate\s*$/ }).first().waitFor({ timeout: 15_000 });
    const selected = (await treeRows(page)).filter((r) => r.selected).map((r) => r.name);
    assert.deepEqual(selected, ['GPU Utilization Rate']);
    log('Show in Pattern Tree selected the metric in the tree');
  },
};
