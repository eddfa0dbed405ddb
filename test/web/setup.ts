/**
 * First module of the web test bundle (test/web/runWebIntegration.ts builds it with esbuild for
 * the browser): mocha's browser build, set up before the suites' `describe` calls run, with a
 * reporter that prints through `console.log`, which the workbench forwards to the page console.
 * The web worker has no `process.env`: the console mark and the grep arrive as build-time defines.
 */
import 'mocha/mocha.js';

declare const __PA_CONSOLE_MARK__: string;
declare const __PA_TEST_GREP__: string;

/** One line of the report, marked so the runner tells it from the workbench's own log lines. */
export function report(line: string): void {
  console.log(`${__PA_CONSOLE_MARK__}${line}`);
}

/** A small spec-like reporter: mocha's own spec reporter writes through a `process.stdout` shim the worker lacks. */
class ConsoleReporter {
  passed = 0;
  failed = 0;

  constructor(runner: Mocha.Runner) {
    let depth = 0;
    runner.on('suite', (suite) => {
      if (suite.title) report(`${'  '.repeat(depth)}${suite.title}`);
      depth++;
    });
    runner.on('suite end', () => depth--);
    runner.on('pass', (test) => {
      this.passed++;
      report(`${'  '.repeat(depth)}✔ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on('fail', (test, err: Error) => {
      this.failed++;
      report(`${'  '.repeat(depth)}✘ ${test.title}\n${err.stack ?? err.message}`);
    });
    runner.on('end', () => report(`integration (web worker host): ${this.passed} passed, ${this.failed} failed`));
  }
}

mocha.setup({
  ui: 'bdd',
  reporter: ConsoleReporter as unknown as Mocha.ReporterConstructor,
  // The first test waits for activation and the first editor; generous for a busy 2-core machine.
  timeout: 30_000,
  ...(__PA_TEST_GREP__ ? { grep: __PA_TEST_GREP__ } : {}),
});
