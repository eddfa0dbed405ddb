/**
 * Small helpers shared by the integration suites: the extension's API, fixture paths, a clean
 * editor area between tests, and a poll for things the editor does asynchronously.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PatternAnalystApi } from '../../../src/extension';

export const EXTENSION_ID = 'pattern-analyst.pattern-analyst';

/** The repository root (this file runs from out/test/integration/suite/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export function fixturePath(name: string): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', 'workspace', name);
}

/** Activates the extension under development and returns what `activate()` returned. */
export async function activateExtension(): Promise<PatternAnalystApi> {
  const ext = vscode.extensions.getExtension<PatternAnalystApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded (engines.vscode must accept VS Code ${vscode.version})`);
  const api = await ext.activate();
  assert.ok(api?.tree, 'activate() returns the API with the tree provider');
  return api;
}

/** Closes every editor without saving, so each test starts from an empty editor area. */
export async function closeAllEditors(): Promise<void> {
  // Reverting first: closing a changed editor would ask whether to save, and nobody answers.
  const openTabs = (): number => vscode.window.tabGroups.all.reduce((n, g) => n + g.tabs.length, 0);
  for (let i = 0; i < 20 && openTabs() > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Polls `probe` until it returns a value other than undefined (editor events land asynchronously). */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
