/**
 * Runs INSIDE the extension host as an extensionTestsPath module (no mocha): measures the host's
 * heap, each time after full garbage collections, right before and after the extension activates,
 * then after real work (the analysis named by PA_BENCH_DOC opened, its preview shown, a hover
 * asked for), then over 1,000 edits with the preview open (a leak check: the heap after 100 edits
 * against the heap after 1,100), and how long require() of the bundle took (the host's own
 * performance marks). Writes the numbers as JSON to the file named by PA_BENCH_HEAP_OUT; the
 * bench reads it when the workbench reports the end.
 *
 * `gc` is not exposed in the host; `--expose-gc` set at run time makes it reachable from a fresh
 * context (`vm.runInNewContext('gc')`), which collects the whole isolate, host included.
 *
 * The built-in markdown extension is activated before the first reading: opening a markdown file
 * activates it anyway, and its own start-up (several MB) was billed to us as "growth after the real
 * work". It stays active and does its usual work on the same document and edits throughout.
 * With PA_BENCH_HEAP_WITHOUT=1 the probe runs in a host WITHOUT this extension (the bench loads it
 * from an empty stand-in extension folder) and does the same steps a user without it would: the
 * analysis opened and shown, the same hover asked for, no preview (ours is the only one in the steps).
 * The difference between the two hosts' growth is what this extension adds; the built-in markdown
 * extension's own work on the file (its markdown-it engine, loaded on the first markdown document,
 * and its token cache) is in both.
 * Every reading also records V8's code space apart (JIT code of freshly optimised functions counts
 * in heapUsed but is not data anyone retains), and PA_BENCH_HEAP_SNAPSHOTS=<dir> writes heap
 * snapshots before activation, after the real work, after the warm-up edits and after the measured
 * ones, to diff what grew.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import * as inspector from 'node:inspector';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';

const EXTENSION_ID = 'pattern-analyst.pattern-analyst';
const BUILTIN_MARKDOWN = 'vscode.markdown-language-features';
/** Edits before the leak check's first reading (workbenchFigures' note says the same). */
const WARM_UP_EDITS = 100;

/** Where the probe has got to, in PA_BENCH_HEAP_OUT.progress: says where a probe that never finished stopped. */
function progress(step: string): void {
  const out = process.env.PA_BENCH_HEAP_OUT;
  if (out) appendFileSync(`${out}.progress`, `${new Date().toISOString()} ${step}\n`);
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

type Reading = NodeJS.MemoryUsage & { codeSpace: number };

/** Longest wait for the heap to settle before a reading is taken anyway. */
const SETTLE_MAX_MS = 20_000;
/** Two readings this close (after collections) count as settled. */
const SETTLED_BYTES = 256 * 1024;

/**
 * The host's memory once what is in flight has gone: collections until heapUsed stops falling.
 * Messages still being written to another process are held until the write completes: on a
 * loaded machine the built-in markdown extension's language server fell behind, and its pending
 * `markdown/parse` replies (markdown-it tokens of every edit, in JSON-RPC messages queued on the
 * socket) were 25 MB of the leak check's 'growth' over 60 edits, none of it retained by anyone.
 * Four collections 100 ms apart read them as growth; waiting until two readings agree does not.
 */
async function settledMemory(gc: () => void, snapshot?: string): Promise<Reading> {
  for (let i = 0; i < 4; i++) {
    gc();
    await delay(100);
  }
  const started = performance.now();
  let last = process.memoryUsage().heapUsed;
  while (performance.now() - started < SETTLE_MAX_MS) {
    await delay(500);
    gc();
    const now = process.memoryUsage().heapUsed;
    if (Math.abs(last - now) < SETTLED_BYTES) break;
    last = now;
  }
  const dir = process.env.PA_BENCH_HEAP_SNAPSHOTS;
  if (dir && snapshot) v8.writeHeapSnapshot(`${dir}/${snapshot}.heapsnapshot`);
  const codeSpace = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'code_space')?.space_used_size ?? NaN;
  return { ...process.memoryUsage(), codeSpace };
}

/** The extension host's own performance marks (vs/base/common/performance keeps them on globalThis). */
function hostMarks(): { name: string; startTime: number }[] {
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks;
  return marks ? marks.getMarks() : [];
}

/** Starts a CPU profile of the host when PA_BENCH_PROFILE names a file; the returned function stops and saves it. */
async function startProfile(): Promise<() => Promise<void>> {
  const file = process.env.PA_BENCH_PROFILE;
  if (!file) return async () => undefined;
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return async () => {
    const res = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(res.profile));
    session.disconnect();
  };
}

/**
 * What a user does first: opens the analysis, opens its preview to the side and hovers a metric
 * name; then types: `edits` single-character edits (insert, then delete, alternately, so the
 * text ends as it began), each followed by the time the preview needs to follow.
 */
async function realWork(gc: () => void, uri: vscode.Uri, edits: number, withExtension: boolean): Promise<Record<string, unknown>> {
  const document = await vscode.workspace.openTextDocument(uri);
  progress('opened');
  const editor = await vscode.window.showTextDocument(document);
  progress('shown');
  if (withExtension) await vscode.commands.executeCommand('patternAnalyst.openPreviewToSide');
  progress('preview');
  await delay(3000);
  const text = document.getText();
  const at = text.indexOf('GPU Utilization Rate', text.indexOf('\n---', 3));
  const hovers = at >= 0 ? ((await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, document.positionAt(at + 3))) as unknown[]) : [];
  await delay(1000);
  const afterWork = await settledMemory(gc, 'after-work');
  // Without the extension only the work's growth is wanted (the leak check is about our preview).
  if (!withExtension) return { docBytes: Buffer.byteLength(text), hoverResults: hovers.length, afterWork };
  // The leak check: warm up with 100 edits, then measure `edits` more. A quick run once warmed up
  // with 12: what V8 compiled and the host grew on the first edits was then reported as a leak.
  const end = (): vscode.Position => document.lineAt(document.lineCount - 1).range.end;
  const edit = async (i: number): Promise<void> => {
    await editor.edit((e) => {
      if (i % 2 === 0) e.insert(end(), 'x');
      else e.delete(new vscode.Range(end().translate(0, -1), end()));
    });
    // About one keystroke's pace every tenth edit, so the preview's and diagnostics' timers run too.
    if (i % 10 === 9) await delay(30);
  };
  progress('hovered');
  const warmUp = WARM_UP_EDITS;
  for (let i = 0; i < warmUp; i++) await edit(i);
  progress('warm edits done');
  await delay(1000);
  const afterWarmEdits = await settledMemory(gc, 'after-warm-edits');
  const t0 = performance.now();
  for (let i = 0; i < edits; i++) {
    await edit(i);
    if (i % 100 === 99) progress(`${i + 1} edits`);
  }
  const editMs = performance.now() - t0;
  await delay(1500);
  const afterEdits = await settledMemory(gc, 'after-edits');
  return { docBytes: Buffer.byteLength(text), hoverResults: hovers.length, afterWork, afterWarmEdits, afterEdits, warmUp, edits, editMs };
}

export async function run(): Promise<void> {
  const out = process.env.PA_BENCH_HEAP_OUT;
  const result: Record<string, unknown> = {};
  try {
    const gc = exposeGc();
    const withExtension = process.env.PA_BENCH_HEAP_WITHOUT !== '1';
    result.withExtension = withExtension;
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (withExtension && !ext) throw new Error(`${EXTENSION_ID} is not loaded in this host`);
    if (!withExtension && ext) throw new Error(`${EXTENSION_ID} is loaded in the host meant to run without it`);
    // Opening the markdown analysis would activate the built-in markdown extension: do it first, so
    // its start-up is in the baseline and not billed to us (it then runs as usual on the document).
    const markdown = vscode.extensions.getExtension(BUILTIN_MARKDOWN);
    if (markdown) await markdown.activate();
    result.markdownActive = markdown?.isActive ?? false;
    // Let the host finish starting (other startup work would otherwise be billed to us).
    await delay(3000);
    result.activeBefore = ext?.isActive ?? false;
    const before = await settledMemory(gc, 'before');
    const stopProfile = await startProfile();
    const t0 = performance.now();
    await ext?.activate();
    result.activateMs = performance.now() - t0;
    await stopProfile();
    const mark = (name: string): number | undefined => hostMarks().find((m) => m.name === `code/extHost/${name}/${EXTENSION_ID}`)?.startTime;
    const willLoad = mark('willLoadExtensionCode');
    const didLoad = mark('didLoadExtensionCode');
    if (willLoad !== undefined && didLoad !== undefined) result.requireMs = didLoad - willLoad;
    await delay(1000);
    const after = await settledMemory(gc);
    Object.assign(result, { before, after });
    const doc = process.env.PA_BENCH_DOC;
    if (doc) Object.assign(result, await realWork(gc, vscode.Uri.file(doc), Number(process.env.PA_BENCH_EDITS ?? 1000), withExtension));
  } catch (err) {
    result.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  }
  if (out) writeFileSync(out, JSON.stringify(result));
}
