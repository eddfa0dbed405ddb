/**
 * Runs the built CLI (`node dist/cli.js`) as a user would, on the fixtures in test/fixtures/cli,
 * and hands back its exit code, stdout and stderr. Refuses to run a stale build: the CLI tests
 * must test the code in src/, so `npm test` / `npm run test:unit` build first.
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../../..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

/** Runs `pattern-analyst <args>` in `cwd` (a fixture folder by default: the CLI's root). */
export function cli(args: readonly string[], options: { cwd?: string; uid?: number; gid?: number } = {}): CliRun {
  const spawnOptions: SpawnSyncOptions = { cwd: options.cwd ?? FIXTURES, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } };
  if (options.uid !== undefined) Object.assign(spawnOptions, { uid: options.uid, gid: options.gid ?? options.uid });
  const r = spawnSync(process.execPath, [CLI, ...args], spawnOptions);
  if (r.error) throw r.error;
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Lines of an output, without the trailing empty one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1));
}

/** A failure is one clear message, never a stack trace. */
export function assertNoStackTrace(run: CliRun): void {
  assert.doesNotMatch(run.stderr, /^\s+at .+\(.*:\d+:\d+\)$/m, `no stack trace:\n${run.stderr}`);
  assert.doesNotMatch(run.stderr, /node:internal|Error: /, `no raw error:\n${run.stderr}`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Fails with a clear message when dist/cli.js is missing or older than the sources it is built from. */
export function assertCliIsBuilt(): void {
  let built: number;
  try {
    built = statSync(CLI).mtimeMs;
  } catch {
    assert.fail(`${CLI} does not exist: run \`npm run build\` first (npm test and npm run test:unit do it)`);
  }
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), statSync(path.join(ROOT, 'package.json')).mtimeMs);
  assert.ok(built >= sources - 1000, `${CLI} is older than src/: run \`npm run build\` (npm test and npm run test:unit do it)`);
}
