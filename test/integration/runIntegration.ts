/**
 * Entry point of the integration tier (`npm run test:integration`): runs the mocha suites of
 * test/integration/suite inside a real VS Code extension host, on the fixture workspace, through
 * `@vscode/test-electron`'s `runTests`.
 *
 * Which VS Code:
 *   1. `VSCODE_EXECUTABLE` when set (a desktop VS Code already on the machine);
 *   2. a downloaded desktop VS Code, when the machine can reach the download server and has a
 *      display to show it on (or PATTERN_ANALYST_TEST_HOST=desktop);
 *   3. otherwise (offline machines, CI containers) code-server through `codeServerShim`, which
 *      accepts the same arguments. PATTERN_ANALYST_TEST_HOST=code-server forces this.
 * The choice is made in a couple of seconds at most: a DNS lookup, no long network timeouts.
 */
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { chmodSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const TESTS_MODULE = path.join(__dirname, 'index');
const SHIM = path.join(__dirname, 'codeServerShim.js');

async function canReach(host: string, ms: number): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref());
  return Promise.race([lookup(host).then(() => true, () => false), timeout]);
}

/** The executable to hand to runTests, or undefined to let it download VS Code. */
async function chooseExecutable(): Promise<{ path?: string; label: string }> {
  if (process.env.VSCODE_EXECUTABLE) return { path: process.env.VSCODE_EXECUTABLE, label: `VS Code at ${process.env.VSCODE_EXECUTABLE}` };
  const forced = process.env.PATTERN_ANALYST_TEST_HOST;
  const codeServer = { path: SHIM, label: 'code-server (VS Code 1.100.3 in headless Chromium)' };
  if (forced === 'code-server') return codeServer;
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (forced === 'desktop' || (hasDisplay && (await canReach('update.code.visualstudio.com', 2000)))) {
    return { label: 'downloaded desktop VS Code' };
  }
  return codeServer;
}

async function main(): Promise<number> {
  const exe = await chooseExecutable();
  if (exe.path === SHIM) chmodSync(SHIM, 0o755);
  console.log(`integration: running in ${exe.label}`);
  try {
    await runTests({
      vscodeExecutablePath: exe.path,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: TESTS_MODULE,
      launchArgs: [WORKSPACE, '--disable-extensions'],
      extensionTestsEnv: { PATTERN_ANALYST_INTEGRATION: '1' },
    });
    return 0;
  } catch (err) {
    if (!(err instanceof TestRunFailedError)) console.error(`integration: could not run the tests: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
