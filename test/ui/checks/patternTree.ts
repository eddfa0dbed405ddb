/**
 * The Pattern Analyst side bar as a user first sees it: click the activity-bar icon, read the
 * tree's rows from the DOM, and keep a screenshot (test-results/ui/tree.png).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { SECTION_TITLES } from '../../shared/pattern17Expectations';
import { openPatternAnalyst, treeRow, treeRows, type TreeRow, type UiCheck } from '../uiCheck';

/**
 * Reads the bundled pattern's rows from the open Pattern tree and asserts what a user must see:
 * the "AI Infrastructure" root (#17), its sections in the source's order, and the metric
 * "GPU Utilization Rate" with its benchmark. Returns the rows read.
 */
export async function assertBundledPatternTree(page: Page): Promise<TreeRow[]> {
  // The view fetches children asynchronously: wait for the deepest row asserted on (a missing
  // row then fails below with a clear message rather than a timeout).
  await treeRow(page, 'GPU Utilization Rate').waitFor({ timeout: 15_000 }).catch(() => undefined);
  await treeRow(page, 'Business Engineer Insight').waitFor({ timeout: 5_000 }).catch(() => undefined);
  const rows = await treeRows(page);
  const names = rows.map((r) => r.name);

  const root = rows.find((r) => r.name === 'AI Infrastructure');
  assert.ok(root, `a root row "AI Infrastructure" in ${JSON.stringify(names)}`);
  assert.match(root.description, /#17/);

  const sections = rows.filter((r) => r.level === root.level + 1).map((r) => r.name);
  assert.deepEqual(sections, SECTION_TITLES, 'section rows in the source order');

  const metric = rows.find((r) => r.name === 'GPU Utilization Rate');
  assert.ok(metric, 'the metric row "GPU Utilization Rate" shows under the expanded metrics section');
  assert.equal(metric.level, root.level + 2);
  assert.match(metric.description, />80% target for profitability/);
  return rows;
}

export const check: UiCheck = {
  name: 'Pattern tree shows the pattern, its sections in order and its metrics',
  async run({ page, screenshot, log, repoRoot }) {
    await openPatternAnalyst(page);
    const rows = await assertBundledPatternTree(page);
    log(`${rows.length} rows: ${rows.map((r) => r.name).slice(0, 8).join(' | ')} ...`);
    const shot = await screenshot('tree');
    log(`screenshot: ${path.relative(repoRoot, shot)}`);
  },
};
