/**
 * Runs INSIDE the extension host as an extensionTestsPath module (no mocha), twice in one
 * workbench: the bench loads the page, lets this probe run, then reloads the window (a new
 * extension host on the same user data, as a user's "Reload Window") and lets it run again.
 *
 * - cold (first run): activation alone must not touch the portfolio (the feature is not loaded,
 *   its bundle not required); then the index of the generated workspace is built from nothing,
 *   timed, with the host's heap before and after (forced collections) and the host thread's
 *   longest task throughout (event-loop delay); then the warm-start cache is written, also watched.
 * - warm (after the reload): the same index from the cache, timed and watched; then the portfolio
 *   panel is opened (the bench times its first paint in the webview) and one analysis is edited
 *   and saved several times, a new value each time (the bench times until the webview shows each).
 *
 * The directory named by PA_BENCH_PORTFOLIO_OUT carries the results and a small handshake with
 * the bench (`opened.json` → `armed`). Only type imports from src: the running code is dist/.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as inspector from 'node:inspector';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { PatternAnalystApi } from '../../../src/extension';
import { inlineAssets } from '../../../src/features/webviewAssets/inlineAssets';
import { median } from '../timing';

const EXTENSION_ID = 'pattern-analyst.pattern-analyst';
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const wallNow = (): number => performance.timeOrigin + performance.now();
/** Saves timed per session (each a new value of the same metric) and the pause after each (the webview paints, the host settles). */
const SAVED_EDITS = Math.max(1, Number(process.env.PA_BENCH_SAVED_EDITS) || 5);
const SAVE_EVERY_MS = 1500;
/** After the analysis is opened beside the portfolio, before its first save (see where it is used). */
const SETTLE_MS = 3000;

/** One timed save, wall-clock ms (`saveAt`, `postedAt`) and ms after its save() (the rest). */
export interface SavedEditTimes {
  readonly token: string;
  readonly saveAt: number;
  /** When the panel posted the message that carries the new value. */
  readonly postedAt: number;
  /** save() → onWillSaveTextDocument in this host (heard by its first listener). */
  readonly willSaveMs: number;
  readonly savedEventMs: number;
  /** save() → the index's change event for the file. */
  readonly indexedMs: number;
  /** save() → the panel's post of the new value. */
  readonly hostEditMs: number;
}


function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

async function settledHeap(gc: () => void): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc();
    await delay(100);
  }
  return process.memoryUsage().heapUsed;
}

/**
 * The host thread's longest tasks while watched: Node's event-loop delay histogram (its maximum),
 * plus a 5 ms ticker that records each late tick (a task that held the thread) with when it ended
 * and the process's CPU time over the gap. On a loaded machine the host is also descheduled: a
 * late tick with little CPU time in it was the machine, not a task; `maxCpuBoundMs` (the longest
 * gap counted only as far as the process was on a CPU) says so.
 */
class ThreadWatch {
  private readonly histogram = monitorEventLoopDelay({ resolution: 5 });
  private readonly timer: NodeJS.Timeout;
  private last = performance.now();
  private lastCpu = process.cpuUsage();
  readonly late: { atMs: number; ms: number; cpuMs: number }[] = [];
  /** The wall-clock time of `origin`: a late tick's `atMs` (when the task ended) plus this is its wall-clock time. */
  readonly originWall = wallNow();

  constructor(private readonly origin = performance.now()) {
    this.histogram.enable();
    this.timer = setInterval(() => {
      const now = performance.now();
      const cpu = process.cpuUsage(this.lastCpu);
      const held = now - this.last - 5;
      if (held > 20) this.late.push({ atMs: Math.round(now - this.origin), ms: Math.round(held), cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
      this.last = now;
      this.lastCpu = process.cpuUsage();
    }, 5);
  }

  stop(): { maxDelayMs: number; p99DelayMs: number; maxCpuBoundMs: number; longest: { atMs: number; ms: number; cpuMs: number }[] } {
    clearInterval(this.timer);
    this.histogram.disable();
    return {
      maxDelayMs: this.histogram.max / 1e6,
      p99DelayMs: this.histogram.percentile(99) / 1e6,
      maxCpuBoundMs: Math.max(0, ...this.late.map((l) => Math.min(l.ms, l.cpuMs))),
      longest: [...this.late].sort((a, b) => b.ms - a.ms).slice(0, 8),
    };
  }
}

/** A CPU profile of the host while `fn` runs, when PA_BENCH_PORTFOLIO_PROFILE names a file prefix. */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const prefix = process.env.PA_BENCH_PORTFOLIO_PROFILE;
  if (!prefix) return fn();
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const res = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(`${prefix}-${name}.cpuprofile`, JSON.stringify(res.profile));
    session.disconnect();
  }
}

/**
 * CPU time of this host's own thread (the extension host's, not its workers') and of the whole
 * process, in ms: information beside the warm start's wall time, which a loaded machine stretches
 * (the thread's time is what a change to the host's work moves). Undefined off Linux.
 */
function cpuTimes(): { hostThreadMs?: number; processMs: number } {
  const u = process.cpuUsage();
  const processMs = (u.user + u.system) / 1000;
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime (fields 14 and 15), in clock ticks of 10 ms.
    return { hostThreadMs: (Number(fields[11]) + Number(fields[12])) * 10, processMs };
  } catch {
    return { processMs };
  }
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(20);
  }
}

async function activated(): Promise<PatternAnalystApi> {
  const ext = vscode.extensions.getExtension<PatternAnalystApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded in this host`);
  return ext.activate();
}

/** True when the portfolio bundle (dist/portfolio.js) has been required by this host. */
function portfolioBundleLoaded(): boolean {
  return Object.keys(require.cache).some((file) => /[\\/]dist[\\/]portfolio\.js$/.test(file));
}

async function cold(): Promise<Record<string, unknown>> {
  const gc = exposeGc();
  // Let the host finish starting: its own start-up is not ours.
  await delay(3000);
  const api = await activated();
  await delay(2000);
  const activation = { featureLoaded: api.portfolio.link.loaded !== undefined, bundleLoaded: portfolioBundleLoaded() };
  const before = await settledHeap(gc);
  const watch = new ThreadWatch();
  const t0 = performance.now();
  const feature = await api.portfolio.load();
  // The bundle's require (one task on the desktop host): part of the longest task's story.
  const loadMs = performance.now() - t0;
  const indexMs = await profiled('cold', async () => {
    await feature.index.whenReady();
    const took = performance.now() - t0;
    // What follows the index by itself (the cross-analysis check, the view's rows) is watched too.
    await delay(1500);
    return took;
  });
  const duringIndex = watch.stop();
  const entries = feature.index.entries().length;
  const after = await settledHeap(gc);
  const saveWatch = new ThreadWatch();
  const s0 = performance.now();
  await feature.index.persist();
  const persistMs = performance.now() - s0;
  await delay(200);
  const duringSave = saveWatch.stop();
  return { activation, loadMs, indexMs, entries, skipped: feature.index.skipped().length, heapBefore: before, heapAfter: after, heapGrowth: after - before, duringIndex, persistMs, duringSave };
}

/** The first stated percentage of the analysis at `file` (its range), from the index. */
function percentValue(api: PatternAnalystApi, uri: vscode.Uri): { range: vscode.Range; text: string } {
  const entry = api.portfolio.link.loaded?.index.entry(uri);
  const metric = entry?.metrics.find((m) => /\d%/.test(m.value.text));
  if (!metric) throw new Error(`no stated percentage in ${uri.fsPath}`);
  const r = metric.range;
  return { range: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), text: metric.value.text };
}

async function warm(out: string): Promise<Record<string, unknown>> {
  await delay(3000);
  const api = await activated();
  // When a save reaches this host: heard by the first listener there is (registered before the
  // portfolio's index registers its own), so no extension's work on the save is counted in it.
  const willSaves: { uri: string; at: number }[] = [];
  // The delivery floor's hook: called at each will-save (see deliveryFloor below).
  let onEachWillSave: (() => void) | undefined;
  const hearWillSave = vscode.workspace.onWillSaveTextDocument((e) => {
    willSaves.push({ uri: e.document.uri.toString(), at: wallNow() });
    onEachWillSave?.();
  });
  const willSaveAfter = (uri: vscode.Uri, after: number): number | undefined => willSaves.find((w) => w.uri === uri.toString() && w.at >= after)?.at;
  await delay(1000);
  const watch = new ThreadWatch();
  const cpu0 = cpuTimes();
  const t0 = performance.now();
  const feature = await api.portfolio.load();
  const loadMs = performance.now() - t0;
  let warmCpu: { hostThreadMs?: number; processMs: number } | undefined;
  const warmMs = await profiled('warm', async () => {
    await feature.index.whenReady();
    const took = performance.now() - t0;
    const cpu1 = cpuTimes();
    warmCpu = { processMs: cpu1.processMs - cpu0.processMs, ...(cpu1.hostThreadMs !== undefined && cpu0.hostThreadMs !== undefined && { hostThreadMs: cpu1.hostThreadMs - cpu0.hostThreadMs }) };
    await delay(1000);
    return took;
  });
  const duringWarm = watch.stop();
  const entries = feature.index.entries().length;

  // The panel, after the index is ready: the bench times its paint in the webview.
  const openWatch = new ThreadWatch();
  let openAt = 0;
  const openCommandMs = await profiled('open', async () => {
    openAt = wallNow();
    const o0 = performance.now();
    await vscode.commands.executeCommand('patternAnalyst.openPortfolio');
    const took = performance.now() - o0;
    await delay(1500);
    return took;
  });
  const duringOpen = openWatch.stop();
  const openTimings = { ...feature.panels.panel?.openTimings };

  // One saved edit: the latest analysis of the first subject gets a new utilization figure.
  const file = process.env.PA_BENCH_EDIT_FILE;
  if (!file) throw new Error('PA_BENCH_EDIT_FILE is not set');
  const uri = vscode.Uri.file(file);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
  const stated = percentValue(api, uri);
  // Several saves of the same analysis, each a new value (distinct from each other and from the
  // stated one): a user saves many times with the portfolio open, and one save's figure alone
  // would be whatever the machine happened to be doing at that moment.
  const tokens = Array.from({ length: SAVED_EDITS }, (_, i) => `${40 + ((Date.now() + 7 * i) % 50)}.${37 + i}%`);
  let token = tokens[0];
  // Panel updates as the host sends them (the bench times the webview's DOM, this is the host's half).
  const panel = feature.panels.panel;
  if (!panel) throw new Error('the portfolio panel is not open');
  let postedAt: number | undefined;
  // What the host does for the portfolio after the save, in wall-clock ms: each render (start and
  // length), each message posted (its size), each conflict check (start and end).
  const steps: { step: string; at: number; ms?: number; bytes?: number }[] = [];
  const post = panel.post.bind(panel);
  panel.post = (message) => {
    const json = JSON.stringify(message);
    if (postedAt === undefined && message.type !== 'setStyle' && json.includes(token)) postedAt = wallNow();
    const at = wallNow();
    post(message);
    steps.push({ step: `post ${message.type}${message.type === 'patch' ? ` (${message.rows.length} rows, ${Object.keys(message.sections).join('+') || 'no sections'}, ${Object.keys(message.charts ?? {}).length} charts)` : ''}`, at, ms: wallNow() - at, bytes: json.length });
  };
  const render = panel.render.bind(panel);
  panel.render = () => {
    const at = wallNow();
    render();
    steps.push({ step: 'render', at, ms: wallNow() - at });
  };
  const publish = feature.conflicts.publish.bind(feature.conflicts);
  feature.conflicts.publish = async () => {
    const at = wallNow();
    await publish();
    steps.push({ step: 'conflicts published (sliced)', at, ms: wallNow() - at });
  };
  writeFileSync(path.join(out, 'opened.json'), JSON.stringify({ openAt, tokens, was: stated.text, openTimings }));
  await waitFor(() => existsSync(path.join(out, 'armed')), 120_000, 'the bench to watch the webview');
  // The analysis has just been opened beside the portfolio: the built-in markdown extension
  // activates on the first markdown document and starts its language server, which reads the
  // workspace's markdown files (its client runs on this host's thread). That start-up is the
  // platform's, once per window, not the save's: a few seconds let it pass before the first save.
  await delay(SETTLE_MS);
  const editWatch = new ThreadWatch();
  // The host's half split in two: save → the index holds the new entry → the panel posts it.
  let saveAt = 0;
  let savedAt: number | undefined;
  let indexedAt: number | undefined;
  const onSaved = vscode.workspace.onDidSaveTextDocument((d) => {
    if (savedAt === undefined && d.uri.toString() === uri.toString()) savedAt = wallNow();
  });
  const onIndexed = feature.index.onDidChange((e) => {
    if (indexedAt === undefined && e.uris.some((u) => u.toString() === uri.toString())) indexedAt = wallNow();
  });
  const edits: SavedEditTimes[] = [];
  let range = stated.range;
  // The profile takes the edits in too: what the host does for an edit runs into its save.
  await profiled('edit', async () => {
    for (const next of tokens) {
      token = next;
      postedAt = undefined;
      savedAt = undefined;
      indexedAt = undefined;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, range, token);
      await vscode.workspace.applyEdit(edit);
      range = new vscode.Range(range.start, range.start.translate(0, token.length));
      saveAt = wallNow();
      await document.save();
      await waitFor(() => postedAt !== undefined, 15_000, 'the panel to show the saved value');
      await delay(SAVE_EVERY_MS);
      const willSaveAt = willSaveAfter(uri, saveAt);
      edits.push({ token, saveAt, postedAt: postedAt ?? NaN, willSaveMs: (willSaveAt ?? NaN) - saveAt, savedEventMs: (savedAt ?? NaN) - saveAt, indexedMs: (indexedAt ?? NaN) - saveAt, hostEditMs: (postedAt ?? NaN) - saveAt });
    }
  });
  const duringEdit = editWatch.stop();
  // Each save's host steps and long tasks, ms after its save(), until the next save.
  const editTrace = edits.map((e, i) => {
    const until = edits[i + 1]?.saveAt ?? Infinity;
    const afterSave = (at: number): number => Math.round(at - e.saveAt);
    return [
      ...steps.filter((x) => x.at >= e.saveAt && x.at < until).map((x) => ({ ...x, at: afterSave(x.at), ...(x.ms !== undefined && { ms: Math.round(x.ms) }) })),
      ...editWatch.late.filter((l) => { const at = editWatch.originWall + l.atMs - l.ms; return at >= e.saveAt - 1000 && at < until; })
        .map((l) => ({ step: 'host task', at: afterSave(editWatch.originWall + l.atMs - l.ms), ms: l.ms, cpuMs: l.cpuMs })),
    ].sort((x, y) => x.at - y.at);
  });
  onSaved.dispose();
  onIndexed.dispose();
  // Best effort: a reference that could not be read does not void the figures above.
  const emptyError = await emptyWebviewReference(out).then(() => undefined, (e: unknown) => String(e));
  const assetsError = await assetsWebviewReference(out).then(() => undefined, (e: unknown) => String(e));
  // The floor of the save's delivery: the same edit and save of the same file with the portfolio
  // closed, timed the same way (save() → the first will-save listener in this host).
  panel.dispose();
  await delay(1000);
  // And the floor of the message's delivery: during those saves a bare webview takes the portfolio's
  // place, and as long after each will-save as the portfolio took to post its patch, the host posts
  // it a message of the patch's size; the webview stamps its arrival. What the platform takes to
  // carry a message to a webview in the middle of a save, with none of our webview's work in it.
  const patchStep = steps.find((x) => x.at >= edits[0].saveAt && x.step.startsWith('post patch'));
  const postDelayMs = Math.max(0, median(edits.map((e) => e.hostEditMs - e.willSaveMs).filter(Number.isFinite))) || 0;
  const floor = await deliveryFloor(patchStep?.bytes ?? 640);
  onEachWillSave = () => setTimeout(floor.ping, postDelayMs);
  const floorWillSaveMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const again = `${40 + ((Date.now() + i) % 50)}.${11 + i}%`;
    const change = new vscode.WorkspaceEdit();
    change.replace(uri, range, again);
    await vscode.workspace.applyEdit(change);
    range = new vscode.Range(range.start, range.start.translate(0, again.length));
    const at = wallNow();
    await document.save();
    await waitFor(() => willSaveAfter(uri, at) !== undefined && !document.isDirty, 15_000, 'a save with the portfolio closed');
    floorWillSaveMs.push((willSaveAfter(uri, at) ?? NaN) - at);
    await delay(1000);
  }
  hearWillSave.dispose();
  onEachWillSave = undefined;
  await delay(500);
  const floorDeliveryMs = floor.deliveries();
  const floorPaintMs = floor.paints();
  floor.dispose();
  return { floorWillSaveMs, floorDeliveryMs, floorPaintMs, floorPostDelayMs: postDelayMs, loadMs, openTimings, emptyError, assetsError, warmMs, warmCpu, entries, duringWarm, openAt, openCommandMs, duringOpen, edits, duringEdit, editTrace };
}

/**
 * A bare webview that answers each message with the wall-clock time it arrived: the floor of a
 * message's delivery from this host to a webview (host → workbench → the webview's frame), and of
 * the frame that shows one changed text. Its script does nothing else, so what those take is the
 * platform's.
 */
async function deliveryFloor(bytes: number): Promise<{ ping: () => void; deliveries: () => number[]; paints: () => number[]; dispose: () => void }> {
  const panel = vscode.window.createWebviewPanel('patternAnalystBenchPing', 'Ping', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
  const nonce = Math.random().toString(36).slice(2);
  const sent = new Map<number, number>();
  const arrived = new Map<number, number>();
  const painted = new Map<number, number>();
  let ready = false;
  panel.webview.onDidReceiveMessage((m: { type?: string; n?: number; at?: number }) => {
    if (m.type === 'ready') ready = true;
    if (m.type === 'pong' && typeof m.n === 'number' && typeof m.at === 'number') arrived.set(m.n, m.at);
    if (m.type === 'painted' && typeof m.n === 'number' && typeof m.at === 'number') painted.set(m.n, m.at);
  });
  panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'"></head>`
    + `<body><p id="pa-ping-reference">Ping</p><script nonce="${nonce}">const vscode = acquireVsCodeApi();`
    + `const p = document.getElementById('pa-ping-reference');`
    + `addEventListener('message', (e) => { const n = e.data.n; vscode.postMessage({ type: 'pong', n, at: performance.timeOrigin + performance.now() }); p.textContent = 'Ping ' + n;`
    + ` requestAnimationFrame(() => setTimeout(() => vscode.postMessage({ type: 'painted', n, at: performance.timeOrigin + performance.now() }), 0)); });`
    + `vscode.postMessage({ type: 'ready' });</script></body></html>`;
  await waitFor(() => ready, 60_000, 'the ping webview');
  const padding = 'x'.repeat(Math.max(0, bytes - 40));
  return {
    ping: () => {
      const n = sent.size;
      sent.set(n, wallNow());
      void panel.webview.postMessage({ type: 'ping', n, padding });
    },
    deliveries: () => [...sent].filter(([n]) => arrived.has(n)).map(([n, at]) => (arrived.get(n) ?? NaN) - at),
    // Its arrival → the frame showing its one changed text painted (the same mark as the portfolio's).
    paints: () => [...arrived].filter(([n]) => painted.has(n)).map(([n, at]) => (painted.get(n) ?? NaN) - at),
    dispose: () => panel.dispose(),
  };
}

/**
 * The references for the portfolio's open, opened the same way in the same session after the
 * portfolio was measured; the bench reads each one's marks and frame start times (`<kind>.json`
 * → `<kind>-read`).
 */
async function referenceWebview(out: string, kind: string, options: vscode.WebviewOptions, html: (webview: vscode.Webview, nonce: string) => string): Promise<void> {
  const panel = vscode.window.createWebviewPanel(`patternAnalystBench-${kind}`, kind, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, options);
  try {
    const nonce = randomBytes(16).toString('base64');
    const openAt = wallNow();
    panel.webview.html = html(panel.webview, nonce);
    writeFileSync(path.join(out, `${kind}.json`), JSON.stringify({ openAt }));
    await waitFor(() => existsSync(path.join(out, `${kind}-read`)), 60_000, `the bench to read the ${kind} webview`);
  } finally {
    panel.dispose();
  }
}

/** Marks the frame after its first paint (a task queued from requestAnimationFrame runs after that frame). */
const PAINTED = (nonce: string, mark: string): string => `<script nonce="${nonce}">requestAnimationFrame(() => setTimeout(() => performance.mark('${mark}'), 0));</script>`;

/** An empty webview panel: one paragraph, one inline script that marks its first paint. The platform's start-up alone. */
function emptyWebviewReference(out: string): Promise<void> {
  return referenceWebview(out, 'empty', { enableScripts: true }, (_webview, nonce) =>
    `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'"></head>`
    + `<body><p id="pa-empty-reference">Empty</p>${PAINTED(nonce, 'pa-empty-painted')}</body></html>`);
}

/**
 * The floor of the portfolio's own part: a page with the portfolio's CSP, its assets (its one
 * stylesheet and its script, written into the page under its nonce as the panel writes them, see
 * src/features/portfolio/portfolioAssets.ts; linked through asWebviewUri and the webview's
 * resource loader if they could not be) and the empty parts the script expects, which builds
 * nothing (no matrix, no message), marked after its first paint. Its document delivered →
 * painted is what our assets cost on this platform before any of our work; the bench reports it
 * next to our part.
 */
function assetsWebviewReference(out: string): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) return Promise.reject(new Error(`${EXTENSION_ID} is not loaded`));
  const media = vscode.Uri.joinPath(extension.extensionUri, 'media');
  const inline = inlineAssets(readFileSync(path.join(media.fsPath, 'dist', 'portfolio.css'), 'utf8'), readFileSync(path.join(media.fsPath, 'dist', 'portfolio.js'), 'utf8'));
  return referenceWebview(out, 'assets', { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [media] }, (webview, nonce) => {
    const asset = (...p: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(media, ...p)).toString();
    return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">`
      + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; style-src ${webview.cspSource}${inline ? ` 'nonce-${nonce}'` : ''}; img-src ${webview.cspSource}; font-src ${webview.cspSource}">`
      + (inline ? `<style nonce="${nonce}">${inline.css}</style>` : `<link rel="stylesheet" href="${asset('dist', 'portfolio.css')}">`) + '</head>'
      + `<body class="pa-webview pa-portfolio pa-style-theme" data-settings="{}"><main class="pa-content" id="pa-content"><p id="pa-assets-reference">Assets</p>`
      + '<div id="pa-pf-part-header"></div><div id="pa-pf-part-controls"></div><section class="pa-pf-matrix-section" id="pa-pf-matrix-section"></section><div id="pa-pf-part-coverage"></div><div id="pa-pf-part-trends"></div><div id="pa-pf-part-problems"></div></main>'
      + (inline ? `<script nonce="${nonce}">${inline.js}</script>` : `<script nonce="${nonce}" src="${asset('dist', 'portfolio.js')}"></script>`) + `${PAINTED(nonce, 'pa-assets-painted')}</body></html>`;
  });
}

export async function run(): Promise<void> {
  const out = process.env.PA_BENCH_PORTFOLIO_OUT;
  if (!out) return;
  const phase = existsSync(path.join(out, 'cold.json')) ? 'warm' : 'cold';
  let result: Record<string, unknown>;
  try {
    result = phase === 'cold' ? await cold() : await warm(out);
  } catch (err) {
    result = { error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  writeFileSync(path.join(out, `${phase}.json`), JSON.stringify(result));
}
