#!/usr/bin/env node
/**
 * A stand-in for the VS Code executable that `@vscode/test-electron`'s `runTests()` launches, for
 * machines that cannot download VS Code: it takes the same arguments and runs the tests in a
 * real VS Code extension host served by code-server, with headless Chromium as the window.
 *
 * Understood: `--extensionDevelopmentPath=`, `--extensionTestsPath=`, `--disable-extensions`,
 * `--locale=` (the display language, see CodeServerOptions.locale) and one folder (or workspace file) to open. Electron-only flags (`--no-sandbox`,
 * `--user-data-dir=`, ...) are ignored: code-server gets its own private folders.
 * The extension host's console (mocha's reporter) goes to stdout; the exit code is the one the
 * workbench reports through `window.codeAutomationExit` when the tests module's `run()` settles.
 */
import { randomBytes } from 'node:crypto';
import { forwardExtensionHostConsole } from '../harness/browser';
import { withWorkbench } from '../harness/workbench';

interface ShimArgs {
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  disableExtensions: boolean;
  locale?: string;
  folder?: string;
}

export function parseArgs(argv: readonly string[]): ShimArgs {
  const out: ShimArgs = { disableExtensions: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--extensionDevelopmentPath':
        out.extensionDevelopmentPath = value();
        break;
      case '--extensionTestsPath':
        out.extensionTestsPath = value();
        break;
      case '--disable-extensions':
        out.disableExtensions = true;
        break;
      case '--locale':
        out.locale = value();
        break;
      default:
        if (!arg.startsWith('-')) out.folder = arg;
        // Anything else is an Electron or desktop-only flag: nothing to do in code-server.
    }
  }
  return out;
}

/** Starts every console line of the extension host; random so no workbench line can carry it by chance. */
const CONSOLE_MARK = `\u2063pa-${randomBytes(4).toString('hex')}\u2063`;

/**
 * How long one whole test run may take before the shim gives up (a hung host must not hang CI;
 * a hung test is caught sooner by mocha's own per-test timeout). It bounds the WHOLE suite: at
 * 5 minutes, a full run of ~140 tests on a 2-core machine under a neighbour's load (load 7-13)
 * was cut off in its last suites although every test was passing.
 */
const RUN_TIMEOUT_MS = Number(process.env.PATTERN_ANALYST_TEST_TIMEOUT_MS ?? 15 * 60_000);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionTestsPath || !args.folder) {
    console.error('code-server shim: need --extensionTestsPath=<module> and a folder to open');
    return 2;
  }
  let resolveExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (resolveExit = resolve));
  let settled = false;
  const settle = (code: number): void => {
    if (settled) return;
    settled = true;
    resolveExit(code);
  };
  /** Ends the run with an error, unless it has already ended (teardown disconnects everything). */
  const abort = (message: string): void => {
    if (settled) return;
    console.error(`code-server shim: ${message}`);
    settle(1);
  };
  let flushConsole: () => Promise<void> = async () => undefined;
  return withWorkbench(
    {
      folder: args.folder,
      extensionDevelopmentPath: args.extensionDevelopmentPath,
      extensionTestsPath: args.extensionTestsPath,
      disableExtensions: args.disableExtensions,
      ...(args.locale ? { locale: args.locale } : {}),
      // The tests module marks the host's console lines with it (see test/integration/index.ts).
      env: { PATTERN_ANALYST_CONSOLE_MARK: CONSOLE_MARK },
      waitForWorkbench: false,
      beforeLoad: async (page) => {
        await page.exposeFunction('codeAutomationExit', (code: number) => settle(Number(code) || 0));
        flushConsole = forwardExtensionHostConsole(
          page,
          CONSOLE_MARK,
          (line) => process.stdout.write(`${line}\n`),
          (line) => process.stderr.write(`${line}\n`),
        );
        page.on('pageerror', (err) => process.stderr.write(`[workbench] ${err.message}\n`));
      },
    },
    async (wb) => {
      // A crashed browser or server would otherwise leave the run waiting for the timeout.
      wb.browser.on('disconnected', () => abort('the browser went away before the tests finished'));
      void wb.server.exited.then((code) => abort(`code-server exited (code ${code}) before the tests finished\n${wb.server.recentErrors()}`));
      const timer = setTimeout(() => abort(`no result from the extension host after ${RUN_TIMEOUT_MS / 1000} s; giving up`), RUN_TIMEOUT_MS);
      const code = await exitCode;
      clearTimeout(timer);
      await flushConsole();
      return code;
    },
  );
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`code-server shim: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
