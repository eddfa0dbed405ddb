/**
 * The tests module VS Code loads into the extension host (`--extensionTestsPath`): the standard
 * mocha runner, BDD style (`describe`/`it`, like the unit tests), over every compiled
 * `suite/**\/*.test.js`. Its `run()` settles when mocha is done; VS Code then exits (or, under
 * code-server, reports the code through `window.codeAutomationExit`).
 */
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

/** Test files under `suite/`, sorted so the order is the same on every machine. */
function testFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(root, f));
}

/**
 * Under code-server the host's console reaches the runner mixed with the workbench's own log
 * lines, in the same format. The shim sets PATTERN_ANALYST_CONSOLE_MARK; every console line of
 * this host then starts with it, so the shim forwards exactly the host's lines (mocha's report,
 * and anything the extension or a test prints). Without the variable nothing changes.
 */
function markConsole(): void {
  const mark = process.env.PATTERN_ANALYST_CONSOLE_MARK;
  if (!mark) return;
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    const original = console[level].bind(console);
    const marked = (...args: unknown[]): void => {
      if (typeof args[0] === 'string') original(mark + args[0], ...args.slice(1));
      else original(mark, ...args);
    };
    // The host's console forwarder defines these as accessors that ignore assignment.
    try {
      Object.defineProperty(console, level, { value: marked, configurable: true, writable: true });
    } catch {
      // Not redefinable: at least mocha's report (below) is marked.
    }
    if (level === 'log') Mocha.reporters.Base.consoleLog = marked;
  }
}

export function run(): Promise<void> {
  markConsole();
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    // The first test waits for activation and the first editor; generous for a busy 2-core machine.
    timeout: 30_000,
    slow: 5_000,
  });
  const grep = process.env.PATTERN_ANALYST_TEST_GREP;
  if (grep) mocha.grep(grep);
  // The locale run (runIntegration's second pass) loads only the suites written for a translated host.
  const suites = process.env.PATTERN_ANALYST_INTEGRATION_SUITES === 'localized' ? 'localized' : 'suite';
  for (const file of testFiles(path.resolve(__dirname, suites))) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    try {
      let passed = 0;
      let failed = 0;
      const runner = mocha.run((failures) => {
        // A plain summary line that scripts (and people skimming CI logs) can find.
        Mocha.reporters.Base.consoleLog(`integration: ${passed} passed, ${failed} failed`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
      runner.on('pass', () => passed++);
      runner.on('fail', () => failed++);
    } catch (err) {
      console.error(err);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
