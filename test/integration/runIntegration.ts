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
import { getL10nPseudoLocalized } from '@vscode/l10n-dev';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { HOSTILE_KEY, HOSTILE_PREFIX, LOCALE, LOCALE_BUNDLE } from './localized/localeRun';

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

/**
 * The built extension as it ships (the files .vscodeignore keeps), in a temp folder, plus a
 * pseudo-locale bundle made from the generated bundle: translations are tested on a copy, so no
 * test file ever lands in the repository's l10n folder.
 */
function localizedCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pattern-analyst-l10n-'));
  for (const entry of ['package.json', 'package.nls.json', 'dist', 'media', 'schemas', 'patterns', 'snippets', 'l10n']) {
    cpSync(path.join(REPO_ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  const bundle = JSON.parse(readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
  const pseudo = getL10nPseudoLocalized(bundle) as Record<string, string>;
  pseudo[HOSTILE_KEY] = HOSTILE_PREFIX + pseudo[HOSTILE_KEY];
  writeFileSync(path.join(dir, 'l10n', LOCALE_BUNDLE), JSON.stringify(pseudo, null, 2));
  return dir;
}

async function run(options: Parameters<typeof runTests>[0]): Promise<number> {
  try {
    await runTests(options);
    return 0;
  } catch (err) {
    if (!(err instanceof TestRunFailedError)) console.error(`integration: could not run the tests: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

async function main(): Promise<number> {
  const exe = await chooseExecutable();
  if (exe.path === SHIM) chmodSync(SHIM, 0o755);
  console.log(`integration: running in ${exe.label}`);
  const code = await run({
    vscodeExecutablePath: exe.path,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: TESTS_MODULE,
    launchArgs: [WORKSPACE, '--disable-extensions'],
    extensionTestsEnv: { PATTERN_ANALYST_INTEGRATION: '1' },
  });

  // Second pass: the extension in a host whose display language is a pseudo locale. Only the
  // code-server shim can switch a host to a language without installing its language pack; a
  // grep that names no l10n test skips it.
  const grep = process.env.PATTERN_ANALYST_TEST_GREP;
  if (grep && !/l10n|locali[sz]|translat/i.test(grep)) return code;
  if (exe.path !== SHIM) {
    console.log(`integration: the ${LOCALE} run needs code-server (PATTERN_ANALYST_TEST_HOST=code-server); skipped in ${exe.label}`);
    return code;
  }
  console.log(`integration: running the localized suite with --locale ${LOCALE}`);
  const copy = localizedCopy();
  try {
    const localized = await run({
      vscodeExecutablePath: exe.path,
      extensionDevelopmentPath: copy,
      extensionTestsPath: TESTS_MODULE,
      launchArgs: [WORKSPACE, '--disable-extensions', `--locale=${LOCALE}`],
      extensionTestsEnv: { PATTERN_ANALYST_INTEGRATION: '1', PATTERN_ANALYST_INTEGRATION_SUITES: 'localized' },
    });
    return code || localized;
  } finally {
    rmSync(copy, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then((code) => process.exit(code));
