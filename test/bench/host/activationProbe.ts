/**
 * Runs INSIDE an extension host as an extensionTestsPath module, in the node host (compiled by
 * tsc) and in the web worker host (bundled for the browser by test/bench/webFigures.ts) alike, so
 * both activations are timed the same way: from `extension.activate()` called on the not yet active
 * extension (its code fetched or read, evaluated, then `activate()` run) until the API is returned.
 * Prints one line, `pattern-analyst-activation: {json}`, to the console the workbench forwards.
 *
 * `marks` says where that time went: VS Code's own performance marks for this extension
 * (code/extHost/willFetchExtensionCode, didFetchExtensionCode (web only), willLoadExtensionCode,
 * didLoadExtensionCode), in ms after the probe's start. Both hosts keep them in
 * `globalThis.MonacoPerformanceMarks` with wall-clock (epoch ms) times.
 */
import * as vscode from 'vscode';
import { ACTIVATION_LINE } from './activationLine';

const EXTENSION_ID = 'pattern-analyst.pattern-analyst';

interface PerformanceMarks {
  getMarks(): { name: string; startTime: number }[];
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  const wasActive = ext.isActive;
  const startedAt = Date.now();
  const started = performance.now();
  await ext.activate();
  const activateMs = performance.now() - started;
  const perf = (globalThis as { MonacoPerformanceMarks?: PerformanceMarks }).MonacoPerformanceMarks;
  const marks = Object.fromEntries((perf?.getMarks() ?? [])
    .filter((m) => m.name.endsWith(`/${EXTENSION_ID}`) && m.startTime >= startedAt - 1)
    .map((m) => [m.name.slice(0, -EXTENSION_ID.length - 1).replace(/^code\/extHost\//, ''), m.startTime - startedAt]));
  console.log(`${ACTIVATION_LINE}${JSON.stringify({ activateMs, wasActive, web: typeof (globalThis as Record<string, unknown>).process === 'undefined', marks })}`);
}
