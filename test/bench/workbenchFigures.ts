/**
 * Figures only a real VS Code can give (code-server 4.100.3 + headless Chromium, started by the
 * test harness):
 *
 * - Activation: what VS Code itself reports per extension in "Developer: Show Running
 *   Extensions" — `Activation: N ms`, which the workbench computes as codeLoadingTime +
 *   activateCallTime from the extension host's ExtensionActivationTimes — for this extension and
 *   for the built-in markdown extension (vscode.markdown-language-features), both activated by
 *   opening the same markdown file in the same host.
 * - Keystroke → preview: a key typed into the editor (its keydown time taken in the page) until
 *   the preview webview's DOM holds the typed text (a MutationObserver inside the webview's frame
 *   timestamps it), for this extension's preview and for the built-in `markdown.showPreviewToSide`,
 *   one preview open at a time, alternating, on a 100 KB analysis.
 * - Heap: `process.memoryUsage().heapUsed` in the extension host after forced collections, just
 *   before and just after activation (test/bench/host/heapProbe.ts, run as an extensionTestsPath
 *   module; built-in extensions run as usual, no other installed one).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { REPO_ROOT } from '../harness/codeServer';
import { withWorkbench } from '../harness/workbench';
import { openFile, openPatternAnalyst, runCommand } from '../ui/uiCheck';
import { analysisOfBytes } from './benchInputs';
import { bytes, ms, ratioRow, type FigureRow } from './report';
import { median } from './timing';

const OURS = 'pattern-analyst.pattern-analyst';
const BUILTIN_MARKDOWN = 'vscode.markdown-language-features';
/** The Running Extensions editor names an extension by its marketplace display name when it has one, else by id. */
const SHOWN_AS: Readonly<Record<string, readonly string[]>> = {
  [OURS]: [OURS, 'Pattern Analyst'],
  [BUILTIN_MARKDOWN]: [BUILTIN_MARKDOWN, 'Markdown Language Features'],
};
const DOC_NAME = 'analysis-100k.md';

/** Settings for every bench session: nothing that differs between the two previews. */
const SETTINGS = {
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'workbench.editor.enablePreview': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'typescript.tsserver.experimental.enableProjectDiagnostics': false,
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
  await page.locator('.runtime-extensions-editor .monaco-list-row').first().waitFor({ timeout: 30_000 });
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

async function measurePreview(page: Page, ws: Workspace, kind: PreviewKind, keystrokes: number): Promise<Keystroke[]> {
  await focusEditor(page);
  await runCommand(page, PREVIEW_COMMAND[kind]);
  const frame = await previewFrame(page, kind, ws.title);
  const out: Keystroke[] = [];
  try {
    for (let i = 0; i < keystrokes; i++) out.push(await oneKeystroke(page, frame));
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
  return out;
}

interface SessionResult {
  readonly activation: Record<string, number>;

  readonly latency: Record<PreviewKind, Keystroke[]>;
}

async function session(ws: Workspace, keystrokes: number, index: number, log: (line: string) => void): Promise<SessionResult> {
  return withWorkbench({ folder: ws.folder, extensionDevelopmentPath: REPO_ROOT, settings: SETTINGS }, async ({ page }) => {
    await waitForQuietHost(page, log);
    // One at a time, each in a quiet host: activated together, each one's "code loading" would
    // include the other's (the host loads them on one thread). Ours first, by showing its view...
    await openPatternAnalyst(page);
    const activation = await readActivationTimes(page, [OURS]);
    await page.waitForTimeout(2_000);
    // ...then the built-in markdown extension, by opening the markdown file.
    await openFile(page, DOC_NAME);
    Object.assign(activation, await readActivationTimes(page, [BUILTIN_MARKDOWN]));
    log(`session ${index + 1}: activation ${JSON.stringify(activation)}`);
    await openFile(page, DOC_NAME);
    const latency: Record<PreviewKind, Keystroke[]> = { ours: [], builtin: [] };
    const only = process.env.PA_BENCH_PREVIEWS?.split(',') as PreviewKind[] | undefined;
    const order: PreviewKind[] = only ?? (index % 2 === 0 ? ['ours', 'builtin'] : ['builtin', 'ours']);
    for (const kind of order) latency[kind].push(...(await measurePreview(page, ws, kind, keystrokes)));
    const show = (ks: readonly Keystroke[]): string => ks.map((k) => k.totalMs.toFixed(0)).join(', ');
    log(`session ${index + 1}: keystroke→preview ms: ours ${show(latency.ours)}; built-in ${show(latency.builtin)}`);
    return { activation, latency };
  });
}

export async function workbenchFigures(options: { sessions: number; keystrokes: number; log: (line: string) => void }): Promise<FigureRow[]> {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: build first');
  const ws = makeWorkspace();
  try {
    const results: SessionResult[] = [];
    for (let i = 0; i < options.sessions; i++) results.push(await session(ws, options.keystrokes, i, options.log));
    const ours = results.map((r) => r.activation[OURS]);
    const builtin = results.map((r) => r.activation[BUILTIN_MARKDOWN]);
    const activationRow = ratioRow({
      id: 'activation',
      figure: 'activation (code load + activate), VS Code\'s report',
      target: '≤ 20 ms and ≤ 1.00× built-in markdown',
      limit: 1.0,
      data: { oursMs: ours, builtinMarkdownMs: builtin, sessions: options.sessions },
    }, median(ours), median(builtin), ours.map((o, i) => o / builtin[i]));
    const latOurs = results.flatMap((r) => r.latency.ours.map((k) => k.totalMs));
    const latBuiltin = results.flatMap((r) => r.latency.builtin.map((k) => k.totalMs));
    const latencyRow = ratioRow({
      id: 'keystroke-to-preview',
      figure: `keystroke → preview updated, ${bytes(Buffer.byteLength(readFileSync(ws.docPath)))}`,
      target: '≤ 0.50× built-in markdown preview',
      limit: 0.5,
      data: { oursMs: latOurs, builtinMs: latBuiltin },
      note: 'keydown in the workbench page until a MutationObserver inside the preview webview sees the typed word; one preview open at a time, alternating',
    }, median(latOurs), median(latBuiltin));
    return [
      { ...activationRow, status: activationRow.status === 'PASS' && median(ours) <= 20 ? 'PASS' : 'MISS' },
      latencyRow,
    ];
  } finally {
    ws.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// Extension-host heap

interface HeapSample {
  readonly activeBefore?: boolean;
  readonly activateMs?: number;
  /** require() of dist/extension.js alone, from the host's performance marks (ms resolution). */
  readonly requireMs?: number;
  readonly before?: NodeJS.MemoryUsage;
  readonly after?: NodeJS.MemoryUsage;
  readonly error?: string;
  /** The host log's activation lines for the extension (which event activated it). */
  readonly activations?: readonly string[];
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

async function heapSession(ws: Workspace): Promise<HeapSample> {
  const outFile = path.join(path.dirname(ws.folder), `heap-${Date.now()}.json`);
  let done: () => void = () => undefined;
  let activations: string[] = [];
  const finished = new Promise<void>((resolve) => (done = resolve));
  const probe = path.join(__dirname, 'host', 'heapProbe');
  // An empty folder: nothing in it activates the extension before the probe measures.
  const empty = path.join(path.dirname(ws.folder), 'empty');
  mkdirSync(empty, { recursive: true });
  await withWorkbench({
    folder: empty,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: probe,
    disableExtensions: true,
    waitForWorkbench: false,
    settings: SETTINGS,
    env: { PA_BENCH_HEAP_OUT: outFile, ...(process.env.PA_BENCH_PROFILE ? { PA_BENCH_PROFILE: process.env.PA_BENCH_PROFILE } : {}) },
    beforeLoad: async (page) => {
      await page.exposeFunction('codeAutomationExit', () => done());
    },
  }, async ({ server }) => {
    await Promise.race([finished, new Promise((_, reject) => setTimeout(() => reject(new Error('the heap probe did not finish in 90 s')), 90_000))]);
    activations = activationLog(server.home, OURS);
  });
  if (!existsSync(outFile)) throw new Error('the heap probe wrote no result');
  const sample = JSON.parse(readFileSync(outFile, 'utf8')) as HeapSample;
  if (sample.error) throw new Error(`heap probe: ${sample.error}`);
  return { ...sample, activations };
}

export async function heapFigures(options: { sessions: number; log: (line: string) => void }): Promise<FigureRow[]> {
  const ws = makeWorkspace();
  try {
    const samples: HeapSample[] = [];
    const invalid: HeapSample[] = [];
    // A session where something activated the extension before the probe could measure is thrown away.
    for (let attempt = 0; samples.length < options.sessions && attempt < options.sessions * 2; attempt++) {
      const s = await heapSession(ws);
      const growth = (s.after?.heapUsed ?? NaN) - (s.before?.heapUsed ?? NaN);
      if (s.activeBefore) {
        invalid.push(s);
        options.log(`heap session ${attempt + 1}: the extension was already active (${s.activations?.join(' | ')}): discarded`);
        continue;
      }
      samples.push(s);
      options.log(`heap session ${attempt + 1}: ${bytes(growth)} after activation (${s.activateMs?.toFixed(1)} ms to activate, require ${s.requireMs} ms)`);
    }
    const growth = median(samples.map((s) => (s.after?.heapUsed ?? NaN) - (s.before?.heapUsed ?? NaN)));
    return [
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
