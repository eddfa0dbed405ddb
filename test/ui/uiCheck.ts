/**
 * What a UI check is: one named function driving the real workbench (headless Chromium on
 * code-server, the extension loaded on `samples/`). Each file of test/ui/checks/ exports
 * `check` (or `checks`, a list); runUiCheck.ts runs them all in one workbench, in the order of checkOrder.ts,
 * except the checks that declare a workbench of their own (`ownWorkbench`), which it runs
 * afterwards, each in its own. Plus the few DOM helpers several checks need, so no check
 * re-learns the workbench's markup.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { Workbench, WorkbenchOptions } from '../harness/workbench';

export interface UiCheckContext {
  readonly page: Page;
  readonly workbench: Workbench;
  readonly repoRoot: string;
  /** The opened workspace folder (samples/, or the folder of the check's own workbench). */
  readonly workspace: string;
  /** Saves a screenshot of the page as test-results/ui/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** A line in the report under the check's name. */
  log(message: string): void;
}

export interface UiCheck {
  readonly name: string;
  /**
   * For a check the shared workbench cannot serve (the packaged .vsix installed instead of the
   * extension under development, workspace trust on, a workspace of its own): prepares what it
   * needs and says which workbench to open. The runner opens that workbench for this check
   * alone, runs it, closes it, then calls `dispose` (also when anything failed). Counted in the
   * check's time limit. Without it the check runs in the shared workbench on samples/.
   */
  readonly ownWorkbench?: () => Promise<OwnWorkbench>;
  run(ctx: UiCheckContext): Promise<void>;
}

export interface OwnWorkbench {
  /** The workbench to open (`folder` is also the context's `workspace`). */
  readonly options: WorkbenchOptions;
  /** Removes what the setup made (temp folders); runs after the workbench has closed. */
  dispose?(): void | Promise<void>;
}

/**
 * A fresh folder under the OS temp folder (never in the repository), removed by the returned
 * `remove`, or when the process exits if nobody did (Ctrl-C ends a run without its finally blocks).
 */
export function tempDir(prefix: string): { readonly path: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `pattern-analyst-${prefix}-`));
  const remove = (): void => {
    process.removeListener('exit', remove);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('exit', remove);
  return { path: dir, remove };
}

export const RESULTS_DIR = (repoRoot: string): string => path.join(repoRoot, 'test-results', 'ui');

export async function saveScreenshot(page: Page, repoRoot: string, name: string): Promise<string> {
  const dir = RESULTS_DIR(repoRoot);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The Pattern Analyst icon of the activity bar. */
export const ACTIVITY_ICON = '.part.activitybar .action-item a.action-label[aria-label^="Pattern Analyst"]';
/** Rows of the Pattern Analyst tree (the side bar shows one view container at a time). */
export const TREE_ROWS = '.part.sidebar .pane-body .monaco-list-row';

/** Opens the Pattern Analyst side bar (clicking its icon only when it is not already open). */
export async function openPatternAnalyst(page: Page): Promise<void> {
  const icon = page.locator(ACTIVITY_ICON);
  await icon.waitFor({ timeout: 30_000 });
  const checked = await icon.evaluate((el) => el.closest('.action-item')?.classList.contains('checked') ?? false);
  if (!checked) await icon.click();
  await page.locator(TREE_ROWS).first().waitFor({ timeout: 30_000 });
  // Move the mouse off the icon so its tooltip does not cover the tree in screenshots.
  await page.mouse.move(700, 450);
}

/** Drags the side bar's edge so it is `width` pixels wide (room for row descriptions in screenshots). */
export async function setSideBarWidth(page: Page, width: number): Promise<void> {
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (!bar) return;
  const edge = bar.x + bar.width;
  await page.mouse.move(edge - 1, bar.y + bar.height / 2);
  await page.mouse.down();
  await page.mouse.move(bar.x + width, bar.y + bar.height / 2, { steps: 5 });
  await page.mouse.up();
}

export interface TreeRow {
  readonly name: string;
  readonly description: string;
  /** 1-based depth, from aria-level. */
  readonly level: number;
  readonly selected: boolean;
}

/** The tree rows the DOM currently renders (the list is virtual: only rows in view exist). */
export async function treeRows(page: Page): Promise<TreeRow[]> {
  return page.locator(TREE_ROWS).evaluateAll((rows) =>
    rows
      .map((row) => ({
        name: row.querySelector('.label-name')?.textContent?.trim() ?? '',
        description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
        level: Number(row.getAttribute('aria-level') ?? 0),
        selected: row.classList.contains('selected'),
        top: parseFloat(row.getAttribute('style')?.match(/top:\s*([-\d.]+)px/)?.[1] ?? '0'),
      }))
      .sort((a, b) => a.top - b.top)
      .map(({ top: _top, ...row }) => row),
  );
}

/** The tree row showing `name`. */
export function treeRow(page: Page, name: string): Locator {
  return page.locator(TREE_ROWS).filter({ has: page.locator('.label-name', { hasText: name }) }).first();
}

/** Runs a command by title through the command palette (F1), as a user would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  for (let attempt = 1; ; attempt++) {
    // The palette of the previous command may still be closing (or be closed by what that command
    // does, e.g. an editor closing), and then takes this F1's palette with it: a clean-clone run
    // saw the input found and then hidden for 30 s. Wait for it to be gone, then open it again if
    // it closes under us.
    await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ timeout: 10_000 });
      await input.fill(`>${title}`, { timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Moves the active editor's cursor to the start of 1-based `line` through Go to Line (Ctrl+G), as
 * a user would, and waits until the status bar shows it there. Keys pressed before the Go to Line
 * box is open land in the editor instead: a CI run typed the line number into the document and the
 * text meant for the document into the box. So each step waits for the one before it.
 */
export async function goToLine(page: Page, line: number): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  await page.keyboard.press('Control+g');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  await page.locator('.statusbar-item', { hasText: new RegExp(`\\bLn ${line}, Col 1\\b`) }).first().waitFor({ timeout: 10_000 });
}

/** Opens a workspace file by name through Quick Open (Ctrl+P), as a user would. */
export async function openFile(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(fileName);
  // Click the row whose file name is exactly `fileName`. Pressing Enter would take the focused
  // row, which can still be a stale "recently opened" entry while Quick Open re-filters, or a
  // longer name that merely contains this one (bad-analysis.md for analysis.md).
  const exact = new RegExp(`^${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
  await row.click();
  await page.locator(`.tabs-container .tab.active[aria-label^="${fileName}"]`).waitFor();
}

/**
 * The little of the DOM that code running in the page needs. The test program has no DOM lib on
 * purpose (it shares its type check with src/, which must not touch browser globals).
 */
interface PageNode {
  readonly textContent: string | null;
}
interface PageDocument {
  querySelector(selector: string): PageNode | null;
  createTreeWalker(root: PageNode, whatToShow: number): { nextNode(): PageNode | null };
  createRange(): {
    setStart(node: PageNode, offset: number): void;
    setEnd(node: PageNode, offset: number): void;
    getBoundingClientRect(): { left: number; top: number; width: number; height: number };
  };
}
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT

/** Where `text` is drawn in the active editor (the centre of its first occurrence), or undefined. */
async function textPosition(page: Page, text: string): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate(([needle, showText]) => {
    const document = (globalThis as unknown as { document: PageDocument }).document;
    const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines') ?? document.querySelector('.monaco-editor .view-lines');
    if (!lines) return undefined;
    const walker = document.createTreeWalker(lines, showText);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // The editor draws spaces as non-breaking spaces.
      const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return undefined;
  }, [text, SHOW_TEXT] as const);
}

/**
 * Hovers `text` in the active editor (it must be on screen, within one token) and returns the
 * hover card's text. The mouse moves twice, a few pixels apart, and the whole thing is retried:
 * the first try often misses while the editor settles. Needs `editor.hover.delay` low (seeded).
 */
export async function hoverText(page: Page, text: string, attempts = 4): Promise<string> {
  const card = page.locator('.monaco-hover:not(.hidden)').first();
  for (let i = 0; i < attempts; i++) {
    const at = await textPosition(page, text);
    if (!at) throw new Error(`"${text}" is not drawn in the active editor`);
    await page.mouse.move(at.x - 3, at.y);
    await page.mouse.move(at.x, at.y);
    try {
      await card.waitFor({ timeout: 2500 });
      return (await card.innerText()).trim();
    } catch {
      await page.mouse.move(5, 5);
    }
  }
  throw new Error(`no hover card appeared over "${text}"`);
}

/** The document inside the active webview (two nested iframes in the web workbench). */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}
