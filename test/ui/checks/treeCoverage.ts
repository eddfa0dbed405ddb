/**
 * The tree follows the analysis being written: with the sample analysis open, the metric rows
 * show what it states and how it fares against the benchmark, and the sections it covers are
 * marked. Screenshot: test-results/ui/tree-coverage.png.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { openFile, openPatternAnalyst, setSideBarWidth, treeRow, treeRows, type UiCheck } from '../uiCheck';

export const check: UiCheck = {
  name: 'Pattern tree marks what the open analysis covers',
  async run({ page, screenshot, log, repoRoot }) {
    await openPatternAnalyst(page);
    await openFile(page, 'coreweave-ai-infrastructure.md');
    // Coverage is computed after the editor opens (debounced): wait for the row to change.
    const gpu = treeRow(page, 'GPU Utilization Rate').locator('.label-description');
    await gpu.filter({ hasText: '72%' }).waitFor({ timeout: 15_000 });
    // The section rows are drawn in the same refresh but not in the same frame: a snapshot taken as
    // soon as the metric row changed once read the section's description while it was redrawn ('').
    await treeRow(page, 'Key Metrics & Benchmarks').locator('.label-description').filter({ hasText: 'covered' }).waitFor({ timeout: 15_000 });
    const rows = await treeRows(page);
    const describe = (name: string): string => rows.find((r) => r.name === name)?.description ?? '(no row)';
    log(`GPU Utilization Rate: ${describe('GPU Utilization Rate')}; Customer Retention: ${describe('Customer Retention')}; Revenue per GPU Hour: ${describe('Revenue per GPU Hour')}`);
    assert.match(describe('GPU Utilization Rate'), /72%.*✗/, '72% misses the >80% benchmark');
    assert.match(describe('Customer Retention'), /96%.*✓/, '96% meets the >95% benchmark');
    // The source states no benchmark for revenue per GPU hour: said in words, as the badge and the hover say it.
    assert.match(describe('Revenue per GPU Hour'), /\$2\.10 ○ no benchmark/, '$2.10 has no benchmark to meet or miss');
    assert.match(describe('Key Metrics & Benchmarks'), /covered/);
    await setSideBarWidth(page, 560);
    const shot = await screenshot('tree-coverage');
    log(`screenshot: ${path.relative(repoRoot, shot)}`);
  },
};
