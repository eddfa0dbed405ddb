/**
 * The web tier (`npm run test:web`): the web suites (test/web/suite) in the web worker extension
 * host, what vscode.dev and github.dev run. `@vscode/test-web` would download VS Code, which these
 * machines cannot; code-server 4.100.3 runs the same host for an extension whose manifest has a
 * `browser` entry and no `main` (test/harness/webExtension.ts builds that variant). The suites
 * and mocha's browser build are bundled into one CommonJS file for the browser, since the worker's
 * `require` knows only 'vscode'; the worker has no `process.env`, so the console mark and
 * PATTERN_ANALYST_TEST_GREP are compiled in. Ends with `integration (web worker host): N passed,
 * N failed` and the exit code the workbench reports through `window.codeAutomationExit`.
 */
import * as esbuild from 'esbuild';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { forwardExtensionHostConsole } from '../harness/browser';
import { REPO_ROOT } from '../harness/codeServer';
import { prepareWebExtension } from '../harness/webExtension';
import { withWorkbench } from '../harness/workbench';

const SOURCES = path.join(REPO_ROOT, 'test', 'web');
const WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const RUN_TIMEOUT_MS = Number(process.env.PATTERN_ANALYST_TEST_TIMEOUT_MS ?? 3 * 60_000);

/** Bundles setup, every suite (sorted, so the order is the same everywhere) and `run()` into `outfile`. */
export async function bundleWebTests(outfile: string, mark: string, grep: string): Promise<void> {
  const suites = readdirSync(path.join(SOURCES, 'suite')).filter((f) => f.endsWith('.test.ts')).sort();
  const contents = ["import './setup';", ...suites.map((f) => `import './suite/${f.replace(/\.ts$/, '')}';`), "export { run } from './index';"].join('\n');
  await esbuild.build({
    stdin: { contents, resolveDir: SOURCES, sourcefile: 'web-tests-entry.ts', loader: 'ts' },
    bundle: true,
    outfile,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    logLevel: 'warning',
    define: { __PA_CONSOLE_MARK__: JSON.stringify(mark), __PA_TEST_GREP__: JSON.stringify(grep) },
  });
}

async function main(): Promise<number> {
  const mark = `\u2063pa-web-${randomBytes(4).toString('hex')}\u2063`;
  const extension = prepareWebExtension();
  try {
    const testsModule = path.join(extension.path, 'test', 'index.js');
    await bundleWebTests(testsModule, mark, process.env.PATTERN_ANALYST_TEST_GREP ?? '');
    console.log('integration (web worker host): code-server 1.100.3, extension from its browser entry (manifest without main)');
    let settle: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (settle = resolve));
    let flush: () => Promise<void> = async () => undefined;
    let workerStarted = false;
    return await withWorkbench(
      {
        folder: WORKSPACE,
        extensionDevelopmentPath: extension.path,
        extensionTestsPath: testsModule.replace(/\.js$/, ''),
        disableExtensions: true,
        waitForWorkbench: false,
        beforeLoad: async (page) => {
          await page.exposeFunction('codeAutomationExit', (code: number) => settle(Number(code) || 0));
          flush = forwardExtensionHostConsole(page, mark, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
          page.on('console', (msg) => {
            if (/web worker extension host is started/i.test(msg.text())) workerStarted = true;
          });
          page.on('pageerror', (err) => process.stderr.write(`[workbench] ${err.message}\n`));
        },
      },
      async (wb) => {
        wb.browser.on('disconnected', () => settle(1));
        const timer = setTimeout(() => {
          console.error(`integration (web worker host): no result after ${RUN_TIMEOUT_MS / 1000} s; giving up`);
          settle(1);
        }, RUN_TIMEOUT_MS);
        const code = await exitCode;
        clearTimeout(timer);
        await flush();
        if (!workerStarted) console.log('integration (web worker host): note: the page never said the web worker extension host started');
        return code;
      },
    );
  } finally {
    extension.remove();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`integration (web worker host): could not run: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
