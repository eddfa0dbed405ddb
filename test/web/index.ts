/**
 * The tests module of the web worker host run (`extensionTestsPath`): exports `run()`, like
 * test/integration/index.ts, but for the browser build of mocha. The suites are bundled in after
 * test/web/setup.ts by the runner's generated entry; this module only starts mocha and settles
 * when it is done (the workbench then calls `window.codeAutomationExit`).
 */
export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web integration test(s) failed.`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
