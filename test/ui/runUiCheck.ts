/**
 * The UI tier (`npm run test:ui`): the real workbench in headless Chromium with the extension
 * under development loaded (no tests module) on the `samples/` workspace, and every check of
 * test/ui/checks/ run against it in the order of test/ui/checkOrder.ts, one workbench for all. Checks that declare a
 * workbench of their own (`ownWorkbench`: the installed .vsix, workspace trust on) run after
 * them, each in the workbench it asked for. A failing check saves a screenshot
 * (test-results/ui/<check>-failure.png) and the run goes on with the next one.
 * Ends with a plain `ui: N passed, N failed` line; exit code 1 when any check failed.
 *
 * `PATTERN_ANALYST_UI_CHECK=<text>` runs only the checks whose file or name contains <text>.
 */
import * as path from 'node:path';
import { REPO_ROOT } from '../harness/codeServer';
import { withWorkbench, type Workbench } from '../harness/workbench';
import { UI_CHECK_ORDER } from './checkOrder';
import { saveScreenshot, type OwnWorkbench, type UiCheck, type UiCheckContext } from './uiCheck';

const WORKSPACE = path.join(REPO_ROOT, 'samples');
const CHECK_TIMEOUT_MS = 60_000;
/** A check with its own workbench also builds what it needs and starts code-server and Chromium. */
const OWN_WORKBENCH_TIMEOUT_MS = 150_000;

interface LoadedCheck {
  readonly file: string;
  readonly check: UiCheck;
}

function loadChecks(): LoadedCheck[] {
  const dir = path.join(__dirname, 'checks');
  const filter = process.env.PATTERN_ANALYST_UI_CHECK?.toLowerCase();
  const out: LoadedCheck[] = [];
  for (const name of UI_CHECK_ORDER) {
    const file = `${name}.js`;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file)) as { check?: UiCheck; checks?: UiCheck[] };
    const found = [...(mod.check ? [mod.check] : []), ...(mod.checks ?? [])];
    if (found.length === 0) throw new Error(`test/ui/checks/${file} exports no \`check\` or \`checks\``);
    for (const check of found) {
      if (!filter || file.toLowerCase().includes(filter) || check.name.toLowerCase().includes(filter)) out.push({ file, check });
    }
  }
  return out;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

class Tally {
  passed = 0;
  failed = 0;

  pass({ file, check }: LoadedCheck, started: number, note = ''): void {
    this.passed++;
    console.log(`  ✔ ${check.name} (${file}, ${seconds(started)}${note})`);
  }

  /** Reports a failure, with a screenshot of the page when there is one to take. */
  async fail({ file, check }: LoadedCheck, err: unknown, workbench: Workbench | undefined): Promise<void> {
    this.failed++;
    console.log(`  ✘ ${check.name} (${file})`);
    console.log(`      ${(err instanceof Error ? (err.stack ?? err.message) : String(err)).split('\n').join('\n      ')}`);
    if (!workbench) return;
    const shot = await saveScreenshot(workbench.page, REPO_ROOT, `${slug(check.name)}-failure`).catch(() => undefined);
    if (shot) console.log(`      screenshot: ${path.relative(REPO_ROOT, shot)}`);
  }
}

function contextFor(workbench: Workbench, workspace: string): UiCheckContext {
  return {
    page: workbench.page,
    workbench,
    repoRoot: REPO_ROOT,
    workspace,
    screenshot: (name) => saveScreenshot(workbench.page, REPO_ROOT, name),
    log: (message) => console.log(`      ${message}`),
  };
}

function reportPageErrors(workbench: Workbench): void {
  workbench.page.on('pageerror', (err) => console.error(`  [page error] ${err.message}`));
}

/** The ordinary checks, one after another in the one workbench on samples/. */
async function runShared(checks: readonly LoadedCheck[], tally: Tally): Promise<void> {
  await withWorkbench(
    // No disableExtensions: the private extensions folder is empty anyway, and the flag shows a
    // "extensions are temporarily disabled" notification over the screenshots.
    { folder: WORKSPACE, extensionDevelopmentPath: REPO_ROOT },
    async (workbench) => {
      reportPageErrors(workbench);
      for (const loaded of checks) {
        const started = Date.now();
        try {
          await withTimeout(loaded.check.run(contextFor(workbench, WORKSPACE)), CHECK_TIMEOUT_MS, loaded.check.name);
          tally.pass(loaded, started);
        } catch (err) {
          await tally.fail(loaded, err, workbench);
        }
        // Leave no palette, hover or menu open for the next check.
        await workbench.page.keyboard.press('Escape').catch(() => undefined);
      }
    },
  );
}

/** One check in the workbench it asked for: set up, open, run, close, clean up, whatever fails. */
async function runOwn(loaded: LoadedCheck, setUp: () => Promise<OwnWorkbench>, tally: Tally): Promise<void> {
  const started = Date.now();
  let own: OwnWorkbench | undefined;
  let opened: Workbench | undefined;
  let ready = started;
  let failed = false;
  try {
    await withTimeout(
      (async () => {
        own = await setUp();
        const folder = own.options.folder;
        await withWorkbench(own.options, async (workbench) => {
          opened = workbench;
          ready = Date.now();
          reportPageErrors(workbench);
          try {
            await loaded.check.run(contextFor(workbench, folder));
          } catch (err) {
            // Report (and screenshot) while the page is still open: withWorkbench closes it next.
            failed = true;
            await tally.fail(loaded, err, workbench);
          }
        });
      })(),
      OWN_WORKBENCH_TIMEOUT_MS,
      loaded.check.name,
    );
    if (!failed) tally.pass(loaded, started, `, ${((ready - started) / 1000).toFixed(1)} s of it to set up its own workbench`);
  } catch (err) {
    // Setup or start-up failed, or the time ran out (the workbench may still be open for a screenshot).
    if (!failed) await tally.fail(loaded, err, opened);
  } finally {
    await opened?.close();
    await own?.dispose?.();
  }
}

async function main(): Promise<number> {
  const checks = loadChecks();
  const shared = checks.filter((c) => !c.check.ownWorkbench);
  const own = checks.filter((c) => c.check.ownWorkbench);
  const tally = new Tally();
  console.log(
    `ui: ${checks.length} check(s) in code-server + headless Chromium: ${shared.length} on ${path.relative(REPO_ROOT, WORKSPACE)}/ in one workbench` +
      (own.length ? `, ${own.length} in a workbench of their own` : ''),
  );
  if (shared.length) await runShared(shared, tally);
  for (const loaded of own) {
    if (loaded.check.ownWorkbench) await runOwn(loaded, loaded.check.ownWorkbench, tally);
  }
  console.log(`ui: ${tally.passed} passed, ${tally.failed} failed`);
  return tally.failed > 0 || checks.length === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`ui: could not run the checks: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
