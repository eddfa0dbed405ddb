/**
 * A hover card as a user sees it: open the sample analysis, rest the mouse on "GPU Utilization
 * Rate" in the scorecard, read the card from the DOM, keep a screenshot
 * (test-results/ui/hover.png), then follow the card's Show in Pattern Tree link.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openFile, treeRows, type UiCheck } from '../uiCheck';

const VISIBLE_HOVER = '.monaco-hover:not(.hidden)';

/** Moves the mouse onto the text (twice, a few pixels apart: the first move often goes unseen) until the card shows. */
async function hoverText(page: Page, text: string): Promise<string> {
  const word = page.locator('.monaco-editor .view-lines span', { hasText: text }).first();
  await word.waitFor({ timeout: 30_000 });
  for (let attempt = 0; attempt < 5; attempt++) {
    const box = await word.boundingBox();
    assert.ok(box, `"${text}" is on screen`);
    // The middle of the first word of the name.
    const x = box.x + Math.min(box.width / 2, 20);
    const y = box.y + box.height / 2;
    await page.mouse.move(x - 3, y);
    await page.mouse.move(x, y);
    const card = page.locator(VISIBLE_HOVER, { hasText: 'Benchmark' });
    try {
      await card.first().waitFor({ timeout: 3_000 });
      return (await card.first().innerText()).trim();
    } catch {
      await page.mouse.move(10, 10);
    }
  }
  throw new Error(`no hover card appeared on "${text}"`);
}

export const check: UiCheck = {
  name: 'Hover card on a metric name in an analysis',
  async run({ page, screenshot, log, repoRoot }) {
    await openFile(page, 'coreweave-ai-infrastructure.md');
    const text = await hoverText(page, 'GPU Utilization Rate');
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
