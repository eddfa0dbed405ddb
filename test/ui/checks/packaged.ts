/**
 * The extension as users install it: `npm run package` (the production, minified bundle, packed
 * by vsce) in a copy of the source tree, the .vsix installed into a fresh extensions folder with
 * code-server's `--install-extension`, and a workbench on samples/ with no extension under
 * development, so only the installed copy can answer. The tree, the Problems panel and a hover
 * card must all work. Screenshot: test-results/ui/packaged.png.
 *
 * Why a copy: packaging rewrites dist/ with the production build, which must not replace the
 * development build (and its sourcemaps) in the working tree; the copy also guarantees the .vsix
 * is built now, from the current sources, never a stale one. Everything lives under the OS temp
 * folder and is removed afterwards.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../harness/codeServer';
import { hoverText, openFile, openPatternAnalyst, setSideBarWidth, tempDir, type UiCheck } from '../uiCheck';
import { assertBundledPatternTree } from './patternTree';

const SAMPLES = path.join(REPO_ROOT, 'samples');
const ANALYSIS = 'coreweave-ai-infrastructure.md';

/** Not copied: installed or generated (a fresh build writes dist/ and media/dist/ itself), or results. */
const NOT_COPIED = new Set(['node_modules', '.git', 'out', 'dist', path.join('media', 'dist'), 'test-results', '.tmp', '.vscode-test']);

function npmRun(script: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('npm', ['run', script], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`npm run ${script} failed in ${cwd}: ${err.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Runs the project's own `npm run package` in a temp copy of the source tree and returns the new .vsix. */
async function packageExtension(workDir: string): Promise<string> {
  const copy = path.join(workDir, 'source');
  cpSync(REPO_ROOT, copy, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(REPO_ROOT, src);
      return !NOT_COPIED.has(rel) && !rel.endsWith('.vsix');
    },
  });
  // The build tools come from the working tree's node_modules; vsce runs with --no-dependencies,
  // so the link adds nothing to the package (and it is removed right after).
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  try {
    await npmRun('package', copy);
  } finally {
    unlinkSync(path.join(copy, 'node_modules'));
  }
  const built = readdirSync(copy).filter((f) => f.endsWith('.vsix'));
  assert.equal(built.length, 1, `npm run package wrote one .vsix in the copy (found ${JSON.stringify(built)})`);
  return path.join(copy, built[0]);
}

export const check: UiCheck = {
  name: 'Packaged .vsix, installed as users install it, activates and works',
  async ownWorkbench() {
    const work = tempDir('vsix');
    try {
      const vsix = await packageExtension(work.path);
      return {
        // No extensionDevelopmentPath: the installed copy is the only Pattern Analyst there is;
        // the extensions VS Code ships stay enabled.
        options: { folder: SAMPLES, installExtensions: [vsix] },
        dispose: () => work.remove(),
      };
    } catch (err) {
      work.remove();
      throw err;
    }
  },
  async run({ page, workbench, screenshot, log, repoRoot }) {
    assert.doesNotMatch(workbench.url, /payload=/, 'the workbench loads no extension under development');
    const installed = readdirSync(workbench.server.extensionsDir).filter((d) => d.startsWith('pattern-analyst.pattern-analyst-'));
    assert.equal(installed.length, 1, `one installed Pattern Analyst in the extensions folder (found ${JSON.stringify(installed)})`);
    const bundle = path.join(workbench.server.extensionsDir, installed[0], 'dist', 'extension.js');
    assert.ok(existsSync(bundle), 'the installed extension has dist/extension.js');
    const code = readFileSync(bundle, 'utf8');
    // The sourcemap comment, not the word: the bundle's own code may name it (webviewAssets/inlineAssets.ts strips it from inlined scripts).
    assert.doesNotMatch(code, /^\/\/[#@] sourceMappingURL=/m, 'the installed bundle is a production build (no sourcemap comment)');
    assert.ok(!existsSync(`${bundle}.map`), 'the installed extension ships no dist/extension.js.map');
    // Minified: long lines (a development build averages about 40 characters a line).
    const lines = code.split('\n').length;
    assert.ok(code.length / lines > 500, `the installed bundle is minified (${lines} lines for ${code.length} characters)`);
    log(`installed ${installed[0]}: dist/extension.js ${Math.round(statSync(bundle).size / 1024)} KB in ${lines} line(s), no sourcemap`);
    // Every bundle the extension loads on first use (read from its own require calls) shipped too,
    // and the generated l10n bundle the manifest's "l10n" points at.
    const loaded = [...new Set([...code.matchAll(/require\(["']\.\/([\w-]+\.js)["']\)/g)].map((m) => m[1]))];
    assert.ok(loaded.length >= 4, `the bundle loads its lazy bundles by require (found ${JSON.stringify(loaded)})`);
    for (const file of loaded) assert.ok(existsSync(path.join(path.dirname(bundle), file)), `the installed extension has dist/${file}, which dist/extension.js requires`);
    // Likewise the browser entry's lazily read bundles (src/features/platform/web.ts names them).
    const root = path.join(workbench.server.extensionsDir, installed[0]);
    const web = readFileSync(path.join(root, 'dist', 'web', 'extension.js'), 'utf8');
    const webLoaded = [...new Set([...web.matchAll(/["'](dist\/web\/[\w-]+\.js)["']/g)].map((m) => m[1]))];
    assert.ok(webLoaded.length >= 3, `the web bundle reads its lazy bundles by path (found ${JSON.stringify(webLoaded)})`);
    for (const file of webLoaded) assert.ok(existsSync(path.join(root, file)), `the installed extension has ${file}, which dist/web/extension.js reads`);
    assert.ok(existsSync(path.join(workbench.server.extensionsDir, installed[0], 'l10n', 'bundle.l10n.json')), 'the installed extension has l10n/bundle.l10n.json');

    await openPatternAnalyst(page);
    await setSideBarWidth(page, 440);
    const rows = await assertBundledPatternTree(page);
    log(`tree: ${rows.length} rows, sections in order, GPU Utilization Rate: ${rows.find((r) => r.name === 'GPU Utilization Rate')?.description}`);

    await openFile(page, ANALYSIS);
    await page.locator('.monaco-editor .view-lines span', { hasText: 'GPU Utilization Rate' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });

    // The Problems panel, opened from the status bar as a user would.
    await page.locator('.part.statusbar .statusbar-item[id="status.problems"] a, .part.statusbar .statusbar-item[id="status.problems"]').first().click();
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: /72%/ }).first();
    await problem.waitFor({ timeout: 15_000 });
    const problemText = (await problem.innerText()).replace(/\s+/g, ' ').trim();
    log(`Problems: ${problemText}`);
    assert.match(problemText, /GPU Utilization Rate/);
    assert.match(problemText, />80% target for profitability/);
    assert.match(problemText, /Pattern Analyst/, 'the diagnostic names its source');

    // Clicking the problem brings its line into view (the panel took the editor's lower half).
    await problem.click();
    await page.locator('.editor-group-container.active .monaco-editor .view-lines span', { hasText: 'GPU Utilization Rate' }).first().waitFor({ timeout: 10_000 });
    const card = await hoverText(page, 'GPU Utilization Rate');
    const benchmark = (await page.locator('.monaco-hover:not(.hidden)', { hasText: 'Benchmark' }).first().innerText().catch(() => card)).trim();
    log(`hover: ${benchmark.split('\n').filter(Boolean).slice(0, 3).join(' | ')}`);
    assert.match(benchmark, /Benchmark \(source, verbatim\): >80% target for profitability/);

    const shot = await screenshot('packaged');
    log(`screenshot: ${path.relative(repoRoot, shot)}`);
  },
};
