/**
 * The "Get started with Pattern Analyst" walkthrough as a user opens it: Welcome: Open
 * Walkthrough…, pick it, and see its steps; the first step's markdown page shows beside them.
 * Keeps a screenshot (test-results/ui/walkthrough.png).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCommand, type UiCheck } from '../uiCheck';

const STEPS = ['Browse the pattern', 'Start an analysis', 'See a benchmark check', 'Open the preview', 'Open the portfolio', 'Run the checks in CI'];

export const check: UiCheck = {
  name: 'The walkthrough "Get started with Pattern Analyst" opens with its six steps',
  async run({ page, screenshot, log, repoRoot }) {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const input = page.locator('.quick-input-widget input');
    await input.fill('Get started with Pattern Analyst');
    // Click the row rather than press Enter: if the text was typed before the walkthrough picker
    // replaced the palette, the picker is unfiltered and Enter would take its first walkthrough.
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Pattern Analyst' }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();

    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.locator('h2', { hasText: 'Get started with Pattern Analyst' }).first().waitFor({ timeout: 15_000 });
    const titles = await walkthrough.locator('.getting-started-step .step-title').allInnerTexts();
    assert.deepEqual(titles.map((t) => t.trim()), STEPS);
    log(`steps: ${titles.join(' | ')}`);
    const shot = await screenshot('walkthrough');
    log(`screenshot: ${path.relative(repoRoot, shot)}`);
    await page.keyboard.press('Control+W');
  },
};
