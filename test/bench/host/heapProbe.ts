/**
 * Runs INSIDE the extension host as an extensionTestsPath module (no mocha): measures the host's
 * heap right before and after the extension activates, each time after full garbage collections,
 * and how long require() of the bundle took (the host's own performance marks). Writes the numbers as JSON
 * to the file named by PA_BENCH_HEAP_OUT; the bench reads it when the workbench reports the end.
 *
 * `gc` is not exposed in the host; `--expose-gc` set at run time makes it reachable from a fresh
 * context (`vm.runInNewContext('gc')`), which collects the whole isolate, host included.
 */
import { writeFileSync } from 'node:fs';
import * as inspector from 'node:inspector';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';

const EXTENSION_ID = 'pattern-analyst.pattern-analyst';

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

async function settledMemory(gc: () => void): Promise<NodeJS.MemoryUsage> {
  for (let i = 0; i < 4; i++) {
    gc();
    await delay(100);
  }
  return process.memoryUsage();
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

export async function run(): Promise<void> {
  const out = process.env.PA_BENCH_HEAP_OUT;
  const result: Record<string, unknown> = {};
  try {
    const gc = exposeGc();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) throw new Error(`${EXTENSION_ID} is not loaded in this host`);
    // Let the host finish starting (other startup work would otherwise be billed to us).
    await delay(3000);
    result.activeBefore = ext.isActive;
    const before = await settledMemory(gc);
    const stopProfile = await startProfile();
    const t0 = performance.now();
    await ext.activate();
    result.activateMs = performance.now() - t0;
    await stopProfile();
    const mark = (name: string): number | undefined => hostMarks().find((m) => m.name === `code/extHost/${name}/${EXTENSION_ID}`)?.startTime;
    const willLoad = mark('willLoadExtensionCode');
    const didLoad = mark('didLoadExtensionCode');
    if (willLoad !== undefined && didLoad !== undefined) result.requireMs = didLoad - willLoad;
    await delay(1000);
    const after = await settledMemory(gc);
    Object.assign(result, { before, after });
  } catch (err) {
    result.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  }
  if (out) writeFileSync(out, JSON.stringify(result));
}
