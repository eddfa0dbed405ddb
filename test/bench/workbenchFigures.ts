/**
 * Figures only a real VS Code can give (code-server 4.100.3 + headless Chromium, started by the
 * test harness), each against VS Code's built-in markdown preview on the same 100 KB analysis:
 *
 * - First open, as the user feels it: in a fresh workbench, from clicking the analysis in Quick
 *   Open to the first diagnostics drawn in the editor, and to the first contentful paint of the
 *   preview opened right after; ours and the built-in take turns by session. VS Code's own
 *   "Activation: N ms" report is kept as information.
 * - Keystroke → preview: a key typed into the editor (its keydown time taken in the page) until
 *   the preview webview's DOM holds the typed text (a MutationObserver inside the webview's frame
 *   timestamps it), minus each preview's own scheduled delay (read from each one's code), one
 *   preview open at a time, alternating.
 * - Continuous typing: 10 keys a second into a new paragraph; per key, how long the preview does
 *   not yet show it; the longest of the run.
 * - Heap: `process.memoryUsage().heapUsed` in the extension host after forced collections, before
 *   activation, after opening the analysis, its preview and a hover, and over 1,000 edits
 *   (test/bench/host/heapProbe.ts, run as an extensionTestsPath module; built-in extensions run as
 *   usual, no other installed one).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { codeServerEntry, REPO_ROOT } from '../harness/codeServer';
import { withWorkbench } from '../harness/workbench';
import { openFile, runCommand } from '../ui/uiCheck';
import { analysisOfBytes } from './benchInputs';
import { bytes, judge, ms, ratioRow, type FigureRow } from './report';
import { median, spreadOf } from './timing';
import { staleTimes } from './typingStale';

const OURS = 'pattern-analyst.pattern-analyst';
const BUILTIN_MARKDOWN = 'vscode.markdown-language-features';
/** The Running Extensions editor names an extension by its marketplace display name when it has one, else by id. */
const SHOWN_AS: Readonly<Record<string, readonly string[]>> = {
  [OURS]: [OURS, 'Pattern Analyst'],
  [BUILTIN_MARKDOWN]: [BUILTIN_MARKDOWN, 'Markdown Language Features'],
};
const DOC_NAME = 'analysis-100k.md';

/** Settings for every bench session: nothing that differs between the two previews, and no
 * background work of the workbench's own (minimap, updates, git) inside a measured figure. */
export const BENCH_WORKBENCH_SETTINGS = {
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'workbench.editor.enablePreview': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'typescript.tsserver.experimental.enableProjectDiagnostics': false,
  // code-server stands in for desktop VS Code here, and as a remote it scans /proc for ports to
  // forward, every few seconds, on the extension host's thread (63-75 ms tasks inside the
  // portfolio's longest-task windows). A local desktop window runs no such scanner.
  'remote.autoForwardPorts': false,
  // ... but that alone does not stop it: VS Code scans whenever a tunnel provider exists (code-
  // server has one) unless the port source is the terminal's output (processFindingEnabled in
  // mainThreadTunnelService). Host CPU profiles still showed its `ls -l /proc/*/fd` and `ps`
  // spawns (37-84 ms of the host's thread) in the warm, cold and open windows without this line.
  'remote.autoForwardPortsSource': 'output',
};

interface Workspace {
  readonly folder: string;
  readonly docPath: string;
  readonly title: string;
  dispose(): void;
}

function makeWorkspace(): Workspace {
  const home = mkdtempSync(path.join(os.tmpdir(), 'pa-bench-ws-'));
  const folder = path.join(home, 'workspace');
  mkdirSync(folder);
  const text = analysisOfBytes(100 * 1024);
  const docPath = path.join(folder, DOC_NAME);
  writeFileSync(docPath, text);
  const title = /^# (.+)$/m.exec(text)?.[1] ?? 'analysis';
  return { folder, docPath, title, dispose: () => rmSync(home, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------
// Activation, as the Running Extensions editor shows it

interface ActivationRow {
  readonly id: string;
  readonly text: string;
}

async function runningExtensions(page: Page): Promise<ActivationRow[]> {
  return page.locator('.runtime-extensions-editor .monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => ({
      id: row.querySelector('.name')?.textContent?.trim() ?? '',
      text: row.querySelector('.activation-time')?.textContent?.trim() ?? '',
    })),
  );
}

/** "Activation: 12ms" / "Startup Activation: 12ms" → 12. */
export function activationMs(text: string): number | undefined {
  const m = /Activation:\s*(\d+(?:\.\d+)?)\s*ms/.exec(text);
  return m ? Number(m[1]) : undefined;
}

async function openRunningExtensions(page: Page): Promise<void> {
  await runCommand(page, 'Developer: Show Running Extensions');
  await page.locator('.runtime-extensions-editor .monaco-list-row').first().waitFor({ timeout: 90_000 });
}

/**
 * Waits until start-up activations are over (the Running Extensions list stops changing and
 * nothing is "Activating..."), so the two measured activations do not compete with them.
 */
async function waitForQuietHost(page: Page, log: (line: string) => void): Promise<void> {
  await openRunningExtensions(page);
  let last = '';
  let stableSince = Date.now();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const rows = await runningExtensions(page);
    const key = JSON.stringify(rows);
    if (key !== last || rows.some((r) => r.text.includes('Activating'))) {
      last = key;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 4_000) break;
    await page.waitForTimeout(500);
  }
  log(`start-up activations settled: ${JSON.parse(last || '[]').length} extensions running`);
  await runCommand(page, 'View: Close Editor');
}

async function readActivationTimes(page: Page, ids: readonly string[]): Promise<Record<string, number>> {
  await openRunningExtensions(page);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const rows = await runningExtensions(page);
    const found: Record<string, number> = {};
    for (const row of rows) {
      const t = activationMs(row.text);
      const id = ids.find((candidate) => (SHOWN_AS[candidate] ?? [candidate]).includes(row.id));
      if (id && t !== undefined) found[id] = t;
    }
    if (ids.every((id) => id in found)) {
      await runCommand(page, 'View: Close Editor');
      return found;
    }
    if (Date.now() > deadline) throw new Error(`activation times not shown for ${ids.filter((id) => !(id in found)).join(', ')}; rows: ${JSON.stringify(rows.slice(0, 40))}`);
    await page.waitForTimeout(250);
  }
}

// ---------------------------------------------------------------------------------------------
// Keystroke → preview

type PreviewKind = 'ours' | 'builtin';

const PREVIEW_COMMAND: Record<PreviewKind, string> = {
  ours: 'Pattern Analyst: Open Preview to the Side',
  builtin: 'Markdown: Open Preview to the Side',
};

// Code that runs in the page and in the webview frames (plain JavaScript: the bench compiles
// without the DOM library). Times are `performance.timeOrigin + performance.now()`: wall-clock
// milliseconds with sub-millisecond resolution, comparable across the page and its frames.
/** Each preview's own content element: this extension's `.pa-document`, the built-in's `.markdown-body`. */
const CONTENT_SELECTOR: Record<PreviewKind, string> = { ours: '.pa-document', builtin: '.markdown-body' };
const HAS_TEXT = (selector: string, text: string): string =>
  `(() => { const el = document.querySelector(${JSON.stringify(selector)}); return !!el && (el.textContent || '').includes(${JSON.stringify(text)}); })()`;
const WATCH = (token: string): string => `(() => {
  const t = ${JSON.stringify(token)};
  delete window.__paSeen;
  const holds = (n) => !!n && (n.textContent || '').includes(t);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (holds(r.target) || Array.from(r.addedNodes).some(holds)) {
        window.__paSeen = performance.timeOrigin + performance.now();
        observer.disconnect();
        return;
      }
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  return true;
})()`;
const SEEN = 'window.__paSeen';
const ARM_KEYDOWN = `(() => {
  delete window.__paKeyAt;
  document.addEventListener('keydown', () => { if (window.__paKeyAt === undefined) window.__paKeyAt = performance.timeOrigin + performance.now(); }, { capture: true, once: true });
  return true;
})()`;
const KEY_AT = 'window.__paKeyAt';

/** The live webview frame (the inner `active-frame`) of that kind of preview, showing `text`. */
async function previewFrame(page: Page, kind: PreviewKind, text: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || frame.isDetached()) continue;
      const has = await frame.evaluate(HAS_TEXT(CONTENT_SELECTOR[kind], text)).catch(() => false);
      if (has === true) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no ${kind} preview frame shows "${text}"`);
    await page.waitForTimeout(100);
  }
}

/** Installs, inside the frame, an observer that timestamps the first DOM change holding `token`. */
async function watchFor(frame: Frame, token: string): Promise<void> {
  await frame.evaluate(WATCH(token));
}

async function seenAt(page: Page, frame: Frame, token: string, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const t = await frame.evaluate(SEEN).catch(() => undefined);
    if (typeof t === 'number') return t;
    if (frame.isDetached()) throw new Error('the preview frame was replaced instead of updated');
    if (Date.now() > deadline) throw new Error(`the preview never showed "${token}"`);
    await page.waitForTimeout(5);
  }
}

let tokenCounter = 0;

/**
 * Puts the keyboard focus in the markdown editor (the first editor group). A click, not Ctrl+1: a
 * webview that has focus forwards key bindings to the workbench asynchronously, so keys typed right
 * after Ctrl+1 could still land in the webview.
 */
async function focusEditor(page: Page): Promise<void> {
  await page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first().click();
  await page.waitForFunction('document.activeElement && document.activeElement.closest && !!document.activeElement.closest(".monaco-editor")', undefined, { timeout: 5_000 });
}

interface Keystroke {
  /** keydown → the preview's DOM holds the typed text. */
  readonly totalMs: number;
}

/** One measured keystroke: types a new paragraph ending in a unique word, times its last key. */
async function oneKeystroke(page: Page, frame: Frame): Promise<Keystroke> {
  const token = `zqxbench${++tokenCounter}k`;
  const prefix = token.slice(0, -1);
  await focusEditor(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type(prefix);
  // Let the preview catch up and everything settle (both debounces, diagnostics).
  await watchFor(frame, prefix);
  await seenAt(page, frame, prefix);
  await page.waitForTimeout(1000);
  await watchFor(frame, token);
  await page.evaluate(ARM_KEYDOWN);
  await page.keyboard.press(token.slice(-1));
  const shown = await seenAt(page, frame, token);
  const keyAt = await page.evaluate(KEY_AT);
  if (typeof keyAt !== 'number') throw new Error('the keydown was not seen');
  return { totalMs: shown - keyAt };
}

// Continuous typing: every keydown timed in the page, every change of the typed word in the
// preview timed inside its frame; the preview is stale for a key from its keydown until the
// preview first shows the word with that key in it.
const ARM_TYPING = `(() => {
  window.__paKeys = [];
  window.__paTypingOff && window.__paTypingOff();
  const on = () => window.__paKeys.push(performance.timeOrigin + performance.now());
  document.addEventListener('keydown', on, { capture: true });
  window.__paTypingOff = () => document.removeEventListener('keydown', on, { capture: true });
  return true;
})()`;
const WATCH_TYPING = (prefix: string): string => `(() => {
  const p = ${JSON.stringify(prefix)};
  window.__paShown = [];
  let last = -1;
  const read = () => {
    const text = document.body ? document.body.textContent || '' : '';
    const at = text.lastIndexOf(p);
    if (at < 0) return;
    let n = 0;
    for (let k = at + p.length; k < text.length && text.charCodeAt(k) >= 97 && text.charCodeAt(k) <= 122; k++) n++;
    if (n !== last) { last = n; window.__paShown.push([performance.timeOrigin + performance.now(), n]); }
  };
  window.__paTypingObserver && window.__paTypingObserver.disconnect();
  window.__paTypingObserver = new MutationObserver(read);
  window.__paTypingObserver.observe(document, { subtree: true, childList: true, characterData: true });
  read();
  return true;
})()`;

export interface TypingRun {
  /** Keys typed, and the longest and median time a typed key was not yet in the preview. */
  readonly keys: number;
  readonly maxStaleMs: number;
  readonly medianStaleMs: number;
  /** Keys the preview never showed before the run ended (then stale until the end). */
  readonly neverShown: number;
}

/** Types `keys` lowercase letters at `perSecond` into a new paragraph at the end while the preview is open. */
async function continuousTyping(page: Page, frame: Frame, keys: number, perSecond: number): Promise<TypingRun> {
  const prefix = `zqtyping${++tokenCounter}q`;
  await focusEditor(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type(prefix);
  await watchFor(frame, prefix);
  await seenAt(page, frame, prefix);
  await page.waitForTimeout(1000);
  await frame.evaluate(WATCH_TYPING(prefix));
  await page.evaluate(ARM_TYPING);
  const interval = 1000 / perSecond;
  const start = Date.now();
  for (let i = 0; i < keys; i++) {
    const wait = start + i * interval - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
  }
  // Give the last key time to show (both previews' longest scheduled delay is well under this).
  await page.waitForTimeout(2000);
  const keyAt = (await page.evaluate('window.__paKeys')) as number[];
  const shown = (await frame.evaluate('window.__paShown')) as [number, number][];
  await page.evaluate('window.__paTypingOff && window.__paTypingOff()');
  const endAt = Math.max(...keyAt) + 2000;
  const { stale, neverShown } = staleTimes(keyAt, shown, endAt);
  return { keys: keyAt.length, maxStaleMs: Math.max(...stale), medianStaleMs: median(stale), neverShown };
}

interface PreviewRun {
  readonly keystrokes: Keystroke[];
  readonly typing?: TypingRun;
}

async function measurePreview(page: Page, ws: Workspace, kind: PreviewKind, keystrokes: number, typingKeys: number): Promise<PreviewRun> {
  await focusEditor(page);
  await runCommand(page, PREVIEW_COMMAND[kind]);
  const frame = await previewFrame(page, kind, ws.title);
  const out: Keystroke[] = [];
  let typing: TypingRun | undefined;
  try {
    for (let i = 0; i < keystrokes; i++) out.push(await oneKeystroke(page, frame));
    if (typingKeys > 0) typing = await continuousTyping(page, frame, typingKeys, 10);
  } catch (err) {
    const shot = path.join(REPO_ROOT, 'test-results', `bench-${kind}-preview-failure.png`);
    mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(`${kind} preview: ${(err as Error).message} (screenshot ${path.relative(REPO_ROOT, shot)})`);
  }
  await focusEditor(page);
  await runCommand(page, 'View: Close Editors in Other Groups');
  // Gone for good before the next preview opens (a dying frame could otherwise be taken for it).
  const deadline = Date.now() + 10_000;
  while (!frame.isDetached() && Date.now() < deadline) await page.waitForTimeout(100);
  return { keystrokes: out, ...(typing && { typing }) };
}

// ---------------------------------------------------------------------------------------------
// Each preview's own scheduled delay, read the same way for both: from the code that schedules it
// (ours: FIRST_EDIT_DELAY_MS, used after a pause, and the bench always pauses before the measured
// key; the built-in: MarkdownPreview's `_delay`, used on every edit but the first).

export function scheduledDelays(): Record<PreviewKind, number> {
  const ours = /const FIRST_EDIT_DELAY_MS = (\d+);/.exec(readFileSync(path.join(REPO_ROOT, 'src', 'features', 'preview', 'previewPanel.ts'), 'utf8'));
  const builtinFile = path.resolve(codeServerEntry(), '..', '..', '..', 'lib', 'vscode', 'extensions', 'markdown-language-features', 'dist', 'extension.js');
  const builtin = existsSync(builtinFile) ? /this\._delay=(\d+)/.exec(readFileSync(builtinFile, 'utf8')) : null;
  if (!ours || !builtin) throw new Error(`cannot read the previews' scheduled delays (ours: ${ours?.[1]}, built-in: ${builtin?.[1]} in ${builtinFile})`);
  return { ours: Number(ours[1]), builtin: Number(builtin[1]) };
}

// ---------------------------------------------------------------------------------------------
// Activation as the user feels it: from opening the analysis (Quick Open's row clicked) to the
// first diagnostics drawn in the editor, and to the first paint of the preview opened right after.

const NOW = 'performance.timeOrigin + performance.now()';
const SQUIGGLES = '.editor-group-container .monaco-editor .view-overlays [class*="squiggly-"]';

interface FirstOpen {
  readonly kind: PreviewKind;
  /** Milliseconds from the open to the first diagnostics drawn (ours only: the built-in has none for this file). */
  readonly diagnosticsMs?: number;
  /** Milliseconds from the open to the preview's first contentful paint. */
  readonly previewPaintMs: number;
  /** Where that time went, ms from the open: the webview's outer and inner frames started, the page's response, DOM ready (for the log). */
  readonly phases?: Record<string, number>;
}

/** The frame's start and navigation marks on the wall clock (ms since the epoch). */
const FRAME_MARKS = `(() => { const n = performance.getEntriesByType('navigation')[0]; const o = performance.timeOrigin; return { frameStart: o, ...(n && { responseStart: o + n.responseStart, domInteractive: o + n.domInteractive, loadEventEnd: o + n.loadEventEnd }) }; })()`;

/** The preview frame's marks and its outer (webview host) frame's start, relative to `openedAt`. */
async function framePhases(frame: Frame, openedAt: number): Promise<Record<string, number> | undefined> {
  try {
    const inner = (await frame.evaluate(FRAME_MARKS)) as Record<string, number>;
    const outer = frame.parentFrame();
    const outerStart = outer && outer !== frame.page().mainFrame() ? ((await outer.evaluate('performance.timeOrigin')) as number) : undefined;
    const phases: Record<string, number> = {};
    if (outerStart !== undefined) phases.outerFrameStart = Math.round(outerStart - openedAt);
    for (const [k, v] of Object.entries(inner)) phases[k] = Math.round(v - openedAt);
    return phases;
  } catch {
    return undefined;
  }
}

/** The frame's first-contentful-paint time (wall clock), or now when the frame has none. */
const PAINTED_AT = `(() => { const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? performance.timeOrigin + p.startTime : ${NOW}; })()`;

async function firstOpen(page: Page, ws: Workspace, kind: PreviewKind): Promise<FirstOpen> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(DOC_NAME);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: DOC_NAME }) }).first();
  await row.waitFor();
  const openedAt = (await page.evaluate(NOW)) as number;
  await row.click();
  await page.locator(`.tabs-container .tab.active[aria-label^="${DOC_NAME}"]`).waitFor();
  const diagnostics = kind === 'ours'
    ? page.waitForFunction(`document.querySelector(${JSON.stringify(SQUIGGLES)}) ? ${NOW} : false`, undefined, { polling: 'raf', timeout: 60_000 }).then(async (h) => (await h.jsonValue()) as number)
    : Promise.resolve(undefined);
  await runCommand(page, PREVIEW_COMMAND[kind]);
  const frame = await previewFrame(page, kind, ws.title, 60_000);
  const paintedAt = (await frame.evaluate(PAINTED_AT)) as number;
  const phases = await framePhases(frame, openedAt);
  const diagnosticsAt = await diagnostics;
  await focusEditor(page);
  await runCommand(page, 'View: Close Editors in Other Groups');
  const deadline = Date.now() + 10_000;
  while (!frame.isDetached() && Date.now() < deadline) await page.waitForTimeout(100);
  return { kind, previewPaintMs: paintedAt - openedAt, ...(diagnosticsAt !== undefined && { diagnosticsMs: diagnosticsAt - openedAt }), ...(phases && { phases }) };
}

interface SessionResult {
  readonly first: FirstOpen;
  readonly activation: Record<string, number>;
  readonly runs: Record<PreviewKind, PreviewRun[]>;
}

/**
 * How long the workbench page may take to load: a minute, longer in proportion to the machine's
 * load (up to three). Only the wait before anything is measured: no figure includes it.
 */
function loadTimeoutMs(): number {
  const perCore = os.loadavg()[0] / Math.max(1, os.cpus().length);
  return Math.round(60_000 * Math.min(3, Math.max(1, perCore)));
}

/** A session that opens the analysis with each preview in turn and keeps no figure. */
async function warmupSession(ws: Workspace, options: WorkbenchOptions, index: number): Promise<void> {
  await withWorkbench({ folder: ws.folder, extensionDevelopmentPath: REPO_ROOT, settings: BENCH_WORKBENCH_SETTINGS, loadTimeoutMs: loadTimeoutMs() }, async ({ page }) => {
    await waitForQuietHost(page, options.log);
    const runs = [await firstOpen(page, ws, 'ours'), await firstOpen(page, ws, 'builtin')];
    options.log(`warm-up session ${index + 1} (not counted): ${runs.map((r) => `${r.kind} preview painted after ${r.previewPaintMs.toFixed(0)} ms`).join(', ')}`);
  });
}

async function session(ws: Workspace, options: WorkbenchOptions, index: number): Promise<SessionResult> {
  const { log } = options;
  return withWorkbench({ folder: ws.folder, extensionDevelopmentPath: REPO_ROOT, settings: BENCH_WORKBENCH_SETTINGS, loadTimeoutMs: loadTimeoutMs() }, async ({ page }) => {
    await waitForQuietHost(page, log);
    // The first open of the analysis in a fresh workbench: ours and the built-in take turns by session.
    const firstKind: PreviewKind = index % 2 === 0 ? 'ours' : 'builtin';
    const first = await firstOpen(page, ws, firstKind);
    log(`session ${index + 1}: first open with the ${firstKind} preview: ${JSON.stringify(first)}`);
    // Both extensions were activated by that open; VS Code's own report, as information.
    const activation = await readActivationTimes(page, [OURS, BUILTIN_MARKDOWN]).catch(() => ({} as Record<string, number>));
    await openFile(page, DOC_NAME);
    const runs: Record<PreviewKind, PreviewRun[]> = { ours: [], builtin: [] };
    const only = process.env.PA_BENCH_PREVIEWS?.split(',') as PreviewKind[] | undefined;
    const order: PreviewKind[] = only ?? (index % 2 === 0 ? ['ours', 'builtin'] : ['builtin', 'ours']);
    for (const kind of order) runs[kind].push(await measurePreview(page, ws, kind, options.keystrokes, options.typingKeys));
    const show = (rs: readonly PreviewRun[]): string => rs.map((r) => `${r.keystrokes.map((k) => k.totalMs.toFixed(0)).join(', ')}; typing max stale ${r.typing?.maxStaleMs.toFixed(0)}`).join(' ');
    log(`session ${index + 1}: keystroke→preview ms: ours ${show(runs.ours)}; built-in ${show(runs.builtin)}`);
    return { first, activation, runs };
  });
}

export interface WorkbenchOptions {
  readonly sessions: number;
  /**
   * Uncounted sessions first, each opening the analysis with ours and then the built-in preview:
   * the first counted session always measures ours, and a workbench's first start after the
   * workspace is generated reads files no later session reads cold (0: none).
   */
  readonly warmupSessions?: number;
  readonly keystrokes: number;
  /** Keys of the continuous-typing run per preview and session (10 per second; 0: none). */
  readonly typingKeys: number;
  readonly log: (line: string) => void;
}

export async function workbenchFigures(options: WorkbenchOptions): Promise<FigureRow[]> {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: build first');
  const delays = scheduledDelays();
  const ws = makeWorkspace();
  try {
    for (let i = 0; i < (options.warmupSessions ?? 0); i++) await warmupSession(ws, options, i);
    const results: SessionResult[] = [];
    // At least two sessions: the first open is measured once per session, for one preview.
    for (let i = 0; i < Math.max(2, options.sessions); i++) results.push(await session(ws, options, i));
    const size = bytes(Buffer.byteLength(readFileSync(ws.docPath)));
    const rows: FigureRow[] = [];

    // Activation as felt: each of ours against the built-in preview's first paint (medians, pairs by order).
    const oursFirst = results.filter((r) => r.first.kind === 'ours').map((r) => r.first);
    const builtinPaint = results.filter((r) => r.first.kind === 'builtin').map((r) => r.first.previewPaintMs);
    const pairs = (values: readonly number[]): number[] => values.map((v, i) => v / builtinPaint[Math.min(i, builtinPaint.length - 1)]);
    const diag = oursFirst.map((f) => f.diagnosticsMs ?? NaN);
    const paint = oursFirst.map((f) => f.previewPaintMs);
    rows.push(ratioRow({
      id: 'first-diagnostics', figure: `open an analysis (${size}) → first diagnostics drawn`, target: '≤ 1.00× built-in preview\'s first paint', limit: 1.0,
      data: { oursMs: diag, builtinPaintMs: builtinPaint }, note: `fresh workbench per session; from the Quick Open row clicked to the first squiggle drawn in the editor, against the time to the built-in preview's first contentful paint in a session that opened the same file with it${options.warmupSessions ? `; after ${options.warmupSessions} uncounted warm-up session${options.warmupSessions === 1 ? '' : 's'}` : ''}`,
    }, median(diag), median(builtinPaint), pairs(diag)));
    rows.push(ratioRow({
      id: 'first-preview-paint', figure: `open an analysis (${size}) → first preview paint`, target: '≤ 1.00× built-in preview\'s first paint', limit: 1.0,
      data: { oursMs: paint, builtinPaintMs: builtinPaint }, note: `fresh workbench per session: Quick Open row clicked, then "Open Preview to the Side" at once, until the webview's first contentful paint; each side in its own session, taking turns${options.warmupSessions ? `, after ${options.warmupSessions} uncounted warm-up session${options.warmupSessions === 1 ? '' : 's'} that opened the file with each preview` : ''}`,
    }, median(paint), median(builtinPaint), pairs(paint)));
    const actOurs = results.map((r) => r.activation[OURS]).filter((v) => v !== undefined);
    const actBuiltin = results.map((r) => r.activation[BUILTIN_MARKDOWN]).filter((v) => v !== undefined);
    rows.push(ratioRow({
      id: 'activation-reported', figure: 'activation (code load + activate), VS Code\'s report', target: '(information)', limit: Infinity,
      data: { oursMs: actOurs, builtinMarkdownMs: actBuiltin },
    }, median(actOurs), median(actBuiltin), actOurs.map((o, i) => o / actBuiltin[i])));

    // Keystroke → preview: the work, without either side's scheduled delay.
    const totals = (kind: PreviewKind): number[] => results.flatMap((r) => r.runs[kind].flatMap((run) => run.keystrokes.map((k) => k.totalMs)));
    const workOurs = totals('ours').map((t) => t - delays.ours);
    const workBuiltin = totals('builtin').map((t) => t - delays.builtin);
    rows.push(ratioRow({
      id: 'keystroke-work', figure: `keystroke → preview updated, without scheduled delays, ${size}`, target: '≤ 0.80× built-in markdown preview', limit: 0.8,
      data: { oursTotalMs: totals('ours'), builtinTotalMs: totals('builtin'), scheduledDelayMs: delays },
      note: `keydown in the workbench until a MutationObserver in the preview webview sees the typed word, minus each preview's own scheduled delay read from its code (ours ${delays.ours} ms after a pause, the built-in ${delays.builtin} ms); one preview open at a time, alternating; ratios pair the i-th keystrokes`,
    }, median(workOurs), median(workBuiltin), workOurs.map((w, i) => w / workBuiltin[Math.min(i, workBuiltin.length - 1)])));
    const withDelay = ratioRow({
      id: 'keystroke-total', figure: `keystroke → preview updated, as typed after a pause, ${size}`, target: '(information: includes each side\'s delay)', limit: Infinity,
    }, median(totals('ours')), median(totals('builtin')), totals('ours').map((w, i) => w / totals('builtin')[Math.min(i, totals('builtin').length - 1)]));
    rows.push(withDelay);

    const typing = (kind: PreviewKind): TypingRun[] => results.flatMap((r) => r.runs[kind].flatMap((run) => (run.typing ? [run.typing] : [])));
    if (options.typingKeys > 0) {
      const staleOurs = typing('ours').map((t) => t.maxStaleMs);
      const staleBuiltin = typing('builtin').map((t) => t.maxStaleMs);
      rows.push(ratioRow({
        id: 'typing-stale', figure: `continuous typing, 10 keys/s for ${options.typingKeys / 10} s, ${size}: longest time the preview is behind`, target: '≤ 1.00× built-in markdown preview', limit: 1.0,
        data: { ours: typing('ours'), builtin: typing('builtin') },
        note: 'per key, from its keydown until the preview first shows the word with that key; the longest over the run (median of runs)',
      }, median(staleOurs), median(staleBuiltin), staleOurs.map((o, i) => o / staleBuiltin[Math.min(i, staleBuiltin.length - 1)])));
    }
    return rows;
  } finally {
    ws.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// Extension-host heap

/** process.memoryUsage() plus V8's code space (JIT code, part of heapUsed), after forced GCs. */
type Reading = NodeJS.MemoryUsage & { readonly codeSpace?: number };

interface HeapSample {
  readonly activeBefore?: boolean;
  readonly activateMs?: number;
  /** require() of dist/extension.js alone, from the host's performance marks (ms resolution). */
  readonly requireMs?: number;
  readonly before?: Reading;
  readonly after?: Reading;
  /** True when the built-in markdown extension was active before the first reading (the probe activates it). */
  readonly markdownActive?: boolean;
  readonly error?: string;
  /** The host log's activation lines for the extension (which event activated it). */
  readonly activations?: readonly string[];
  /** After the analysis, its preview and a hover (see heapProbe's realWork). */
  readonly afterWork?: Reading;
  readonly afterWarmEdits?: Reading;
  readonly afterEdits?: Reading;
  readonly edits?: number;
  readonly hoverResults?: number;
}

/** The extension host log's lines about activating `id` (they name the activation event). */
function activationLog(home: string, id: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.log')) {
        for (const line of readFileSync(file, 'utf8').split('\n')) if (line.includes(`_doActivateExtension ${id}`)) out.push(line.trim());
      }
    }
  };
  const logs = path.join(home, 'user-data', 'logs');
  if (existsSync(logs)) walk(logs);
  return out;
}

function workGrowth(s: HeapSample): number {
  return (s.afterWork?.heapUsed ?? NaN) - (s.before?.heapUsed ?? NaN);
}

function editGrowth(s: HeapSample): number {
  return (s.afterEdits?.heapUsed ?? NaN) - (s.afterWarmEdits?.heapUsed ?? NaN);
}

/** The edits' growth less V8's code space: the data something keeps. */
function dataGrowth(s: HeapSample): number {
  return editGrowth(s) - codeGrowth(s.afterWarmEdits, s.afterEdits);
}

/** How much of a growth is V8's code space (compiled code, not retained data). */
function codeGrowth(from: Reading | undefined, to: Reading | undefined): number {
  return (to?.codeSpace ?? NaN) - (from?.codeSpace ?? NaN);
}

/**
 * An extension folder with nothing in it: the host of a session "without Pattern Analyst" loads it
 * as the development extension, so the probe (extensionTestsPath) runs with the same set-up.
 */
function standInExtension(ws: Workspace): string {
  const dir = path.join(path.dirname(ws.folder), 'no-extension');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'heap-baseline', publisher: 'bench', version: '0.0.0', engines: { vscode: '*' } }));
  return dir;
}

async function heapSession(ws: Workspace, edits: number, withExtension = true): Promise<HeapSample> {
  const outFile = path.join(path.dirname(ws.folder), `heap-${Date.now()}.json`);
  let done: () => void = () => undefined;
  let activations: string[] = [];
  const finished = new Promise<void>((resolve) => (done = resolve));
  const probe = path.join(__dirname, 'host', 'heapProbe');
  // Each edit waits for the workbench in the browser to apply it: about 20 ms on an idle machine,
  // over a second on a loaded one.
  // The probe warms up with 100 edits first; each heap snapshot asked for takes a minute or two.
  const timeoutS = 180 + Math.round((100 + edits) * 0.6) + (process.env.PA_BENCH_HEAP_SNAPSHOTS ? 400 : 0);
  // An empty folder: nothing in it activates the extension before the probe measures.
  const empty = path.join(path.dirname(ws.folder), 'empty');
  mkdirSync(empty, { recursive: true });
  await withWorkbench({
    folder: empty,
    extensionDevelopmentPath: withExtension ? REPO_ROOT : standInExtension(ws),
    extensionTestsPath: probe,
    disableExtensions: true,
    waitForWorkbench: false,
    settings: BENCH_WORKBENCH_SETTINGS,
    loadTimeoutMs: loadTimeoutMs(),
    env: { PA_BENCH_HEAP_OUT: outFile, PA_BENCH_HEAP_WITHOUT: withExtension ? '0' : '1', PA_BENCH_DOC: ws.docPath, PA_BENCH_EDITS: String(edits), ...(process.env.PA_BENCH_PROFILE ? { PA_BENCH_PROFILE: process.env.PA_BENCH_PROFILE } : {}), ...(process.env.PA_BENCH_HEAP_SNAPSHOTS ? { PA_BENCH_HEAP_SNAPSHOTS: process.env.PA_BENCH_HEAP_SNAPSHOTS } : {}) },
    beforeLoad: async (page) => {
      await page.exposeFunction('codeAutomationExit', () => done());
    },
  }, async ({ server }) => {
    // The timer is cleared once the probe is done: left armed (14 minutes), it held `npm run bench`
    // open that long after the results were printed.
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([finished, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`the heap probe did not finish in ${timeoutS} s; it got to: ${existsSync(`${outFile}.progress`) ? readFileSync(`${outFile}.progress`, 'utf8').trim().split('\n').slice(-3).join(' | ') : 'nothing (before activation)'}`)), timeoutS * 1000)))]);
    } finally {
      clearTimeout(timer);
    }
    activations = activationLog(server.home, OURS);
  });
  if (!existsSync(outFile)) throw new Error('the heap probe wrote no result');
  const sample = JSON.parse(readFileSync(outFile, 'utf8')) as HeapSample;
  if (sample.error) throw new Error(`heap probe: ${sample.error}`);
  return { ...sample, activations };
}

export async function heapFigures(options: { sessions: number; edits: number; log: (line: string) => void }): Promise<FigureRow[]> {
  const ws = makeWorkspace();
  try {
    const samples: HeapSample[] = [];
    const invalid: HeapSample[] = [];
    /** Hosts without the extension doing the same steps (one per kept session, run right after it). */
    const without: HeapSample[] = [];
    // A session where something activated the extension before the probe could measure is thrown away.
    for (let attempt = 0; samples.length < options.sessions && attempt < options.sessions * 2; attempt++) {
      const s = await heapSession(ws, options.edits);
      const growth = (s.after?.heapUsed ?? NaN) - (s.before?.heapUsed ?? NaN);
      if (s.activeBefore) {
        invalid.push(s);
        options.log(`heap session ${attempt + 1}: the extension was already active (${s.activations?.join(' | ')}): discarded`);
        continue;
      }
      samples.push(s);
      const w = await heapSession(ws, 0, false);
      if (w.error) throw new Error(`heap probe without the extension: ${w.error}`);
      without.push(w);
      options.log(`heap session ${attempt + 1} without the extension: ${bytes(workGrowth(w))} after the same file opened and hovered (no preview)`);
      options.log(`heap session ${attempt + 1}: ${bytes(growth)} after activation (${s.activateMs?.toFixed(1)} ms to activate, require ${s.requireMs} ms), ${bytes(workGrowth(s))} after the analysis, preview and hover (${s.hoverResults} hover; code space ${bytes(codeGrowth(s.before, s.afterWork))}), ${bytes(editGrowth(s))} over ${s.edits} edits (code space ${bytes(codeGrowth(s.afterWarmEdits, s.afterEdits))}); built-in markdown active in the baseline: ${s.markdownActive}`);
    }
    const growth = median(samples.map((s) => (s.after?.heapUsed ?? NaN) - (s.before?.heapUsed ?? NaN)));
    const absolute = (id: string, figure: string, values: readonly number[], limit: number, target: string, note: string): FigureRow => {
      const spread = spreadOf(values);
      return { id, figure, measured: `${bytes(spread.median)}${spread.n > 1 ? ` (${bytes(spread.min)}–${bytes(spread.max)})` : ''}`, reference: '—', target, status: judge(spread, limit), spread, spreadUnit: 'bytes', note };
    };
    // What the extension adds: each session's growth minus that of the host without it run right after.
    const added = samples.map((s, i) => workGrowth(s) - workGrowth(without[i]));
    const workRow = absolute('heap-after-work', 'extension-host heap growth added by Pattern Analyst: 100 KB analysis opened, its preview, a hover', added, 10 * 2 ** 20, '≤ 10 MB',
      'heapUsed after forced GCs, before activation (the built-in markdown extension already active) vs after opening the analysis, its preview and one hover, minus the same growth in a host without Pattern Analyst (same file opened and shown, same hover; the built-in markdown extension loads its engine and caches the file\'s tokens in both); paired sessions, median and range');
    const hostRow = absolute('heap-after-work-host', 'extension-host heap growth, whole host: the same steps', samples.map(workGrowth), Infinity, '(information: the built-in markdown extension\'s work on the file included)',
      `the same readings without subtracting anything; the host without Pattern Analyst grew ${bytes(median(without.map(workGrowth)))} on the same steps`);
    return [
      { ...workRow, data: { withExtension: samples.map(workGrowth), withoutExtension: without.map(workGrowth) } },
      { ...hostRow, status: 'INFO' },
      // The leak check judges retained data: V8's code space (JIT code of functions optimised again
      // during the edits, 0.3–0.8 MB per session) is not anything our code keeps, and it is bounded.
      // A session of 5,000 edits (2026-12-07) grew by -2.67 MB in all, so nothing grows with edits.
      { ...absolute('heap-leak', `extension-host heap over ${options.edits.toLocaleString('en-US')} edits with the preview open, V8's code space apart`, samples.map(dataGrowth), 2 ** 20, '≤ 1 MB (no growth)',
        `heapUsed after forced GCs after 100 warm-up edits vs after ${options.edits.toLocaleString('en-US')} more (insert and delete a character at the end, alternately, the preview open), minus the growth of V8's code space in the same readings (${samples.map((x) => bytes(codeGrowth(x.afterWarmEdits, x.afterEdits))).join(', ')}); with it: ${samples.map((x) => bytes(editGrowth(x))).join(', ')}`),
      data: { heapUsedGrowth: samples.map(editGrowth), codeSpaceGrowth: samples.map((x) => codeGrowth(x.afterWarmEdits, x.afterEdits)) } },
      { ...absolute('heap-leak-with-code', `extension-host heap over ${options.edits.toLocaleString('en-US')} edits, code space included`, samples.map(editGrowth), Infinity, '(information: heapUsed as read)',
        'the readings of heap-leak, V8\'s code space not taken out'), status: 'INFO' as const },
      {
        id: 'heap-growth',
        figure: 'extension-host heap growth after activation',
        measured: bytes(growth),
        reference: '—',
        target: '≤ 5 MB',
        status: samples.length > 0 && growth <= 5 * 2 ** 20 ? 'PASS' : 'MISS',
        data: { samples, invalid },
        note: 'heapUsed after forced GCs, before vs after activate(), in a host with only built-in extensions besides this one',
      },
      {
        id: 'activate-in-host',
        figure: 'activate() in the host (require of the bundle)',
        measured: `${ms(median(samples.map((s) => s.activateMs ?? NaN)))} (${ms(median(samples.map((s) => s.requireMs ?? NaN)))})`,
        reference: '—',
        target: '(information)',
        status: 'INFO',
      },
    ];
  } finally {
    ws.dispose();
  }
}
