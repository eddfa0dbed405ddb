/**
 * The UI tier (`npm run test:ui`): the real workbench in headless Chromium with the extension
 * under development loaded (no tests module) on the `samples/` workspace, and every check of
 * test/ui/checks/ run against it in order, one workbench for all. A failing check saves a
 * screenshot (test-results/ui/<check>-failure.png) and the run goes on with the next one.
 * Ends with a plain `ui: N passed, N failed` line; exit code 1 when any check failed.
 *
 * `PATTERN_ANALYST_UI_CHECK=<text>` runs only the checks whose file or name contains <text>.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../harness/codeServer';
import { withWorkbench } from '../harness/workbench';
import { saveScreenshot, type UiCheck, type UiCheckContext } from './uiCheck';

const WORKSPACE = path.join(REPO_ROOT, 'samples');
const CHECK_TIMEOUT_MS = 60_000;

function loadChecks(): { file: string; check: UiCheck }[] {
  const dir = path.join(__dirname, 'checks');
  const filter = process.env.PATTERN_ANALYST_UI_CHECK?.toLowerCase();
  const out: { file: string; check: UiCheck }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
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

async function main(): Promise<number> {
  const checks = loadChecks();
  let passed = 0;
  let failed = 0;
  console.log(`ui: ${checks.length} check(s) on ${path.relative(REPO_ROOT, WORKSPACE)}/ in code-server + headless Chromium`);
  await withWorkbench(
    // No disableExtensions: the private extensions folder is empty anyway, and the flag shows a
    // "extensions are temporarily disabled" notification over the screenshots.
    { folder: WORKSPACE, extensionDevelopmentPath: REPO_ROOT },
    async (workbench) => {
      const { page } = workbench;
      page.on('pageerror', (err) => console.error(`  [page error] ${err.message}`));
      for (const { file, check } of checks) {
        const started = Date.now();
        const ctx: UiCheckContext = {
          page,
          workbench,
          repoRoot: REPO_ROOT,
          workspace: WORKSPACE,
          screenshot: (name) => saveScreenshot(page, REPO_ROOT, name),
          log: (message) => console.log(`      ${message}`),
        };
        try {
          await withTimeout(check.run(ctx), CHECK_TIMEOUT_MS, check.name);
          passed++;
          console.log(`  ✔ ${check.name} (${file}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
        } catch (err) {
          failed++;
          console.log(`  ✘ ${check.name} (${file})`);
          console.log(`      ${(err instanceof Error ? (err.stack ?? err.message) : String(err)).split('\n').join('\n      ')}`);
          const shot = await saveScreenshot(page, REPO_ROOT, `${slug(check.name)}-failure`).catch(() => undefined);
          if (shot) console.log(`      screenshot: ${path.relative(REPO_ROOT, shot)}`);
        }
        // Leave no palette, hover or menu open for the next check.
        await page.keyboard.press('Escape').catch(() => undefined);
      }
    },
  );
  console.log(`ui: ${passed} passed, ${failed} failed`);
  return failed > 0 || checks.length === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`ui: could not run the checks: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
