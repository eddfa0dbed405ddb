// The bundles, one per entry point; README "How it is built" says what each holds and why:
//   dist/extension.js   src/extension.ts + src/features/** (+ the small pure model/analysis/render
//                       modules they import): what activation loads, so it stays small.
//   dist/analysis.js    src/analysis/analysisBundle.ts: the analysis core, required on the first
//                       check of a document (src/features/core.ts).
//   dist/renderer.js    src/render/rendererBundle.ts: markdown-it and the renderer, required on the
//                       first preview or export (src/features/core.ts).
//   dist/portfolio.js   src/features/portfolio/portfolioFeature.ts: the workspace index and the
//                       portfolio panel, required when a portfolio surface is first shown (core.ts).
//   dist/indexWorker.js  the worker thread that walks the workspace folders and reads and checks
//                       the portfolio's warm-start cache (node host only), started by dist/portfolio.js.
//   dist/yaml.js        js-yaml, required on the first front matter (src/analysis/frontMatter.ts).
//   dist/cli.js         src/cli/main.ts: the command-line twin, everything inlined.
//   dist/web/extension.js  src/extension.ts for the web worker extension host (vscode.dev,
//                       github.dev, code-server): ONE file holding what dist/extension.js holds
//                       (webOneFile), no node built-ins, no PDF; package.json's `browser` entry.
//   dist/web/analysis.js, dist/web/renderer.js, dist/web/portfolio.js  the three lazily loaded
//                       bundles for the web worker host, each one file, read and evaluated on first
//                       use (src/features/platform/web.ts, loadOwnBundle.ts).
//   media/dist/*.js     src/webview/: the preview's and the portfolio panel's scripts (browser, esm).
//   media/dist/portfolio.css  src/webview/portfolio.css: media/preview.css and media/portfolio.css
//                       in one stylesheet, the portfolio webview's only one (one fetch, not two).
// Production builds are minified without sourcemaps; development builds keep sourcemaps for
// debugging. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateSnippets } from './scripts/generate-snippets.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// A production build starts from empty output folders, so no sourcemap of an earlier
// development build is left behind to be packaged.
if (production) {
  for (const dir of ['dist', 'media/dist']) rmSync(dir, { recursive: true, force: true });
}

/**
 * Every `import * as vscode from 'vscode'` became its own `__toESM(require("vscode"))`, a full
 * copy of the API object's members: 34 copies, a measurable share of activation in the bench's
 * profile. Routing the imports through one ES module that re-exports `vscode` copies it once.
 * @type {import('esbuild').Plugin}
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: 'export * from "vscode";', loader: 'js' }));
  },
};

/**
 * js-yaml (44 KB) is needed only once a document has front matter: in the extension it is
 * required from its own dist/yaml.js on first use (src/analysis/frontMatter.ts), not parsed at
 * every activation.
 * @type {import('esbuild').Plugin}
 */
const lazyYaml = {
  name: 'lazy-yaml',
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: './yaml.js', external: true }));
  },
};

/**
 * The web build of src/extension.ts. A web worker's `require` knows only 'vscode' (no sibling
 * files), so the node platform (src/features/platform/index.ts, which requires dist/analysis.js,
 * dist/renderer.js and dist/portfolio.js) becomes platform/web.ts, which reads their web twins
 * through loadOwnBundle.ts on first use; activation reads and compiles only this one file.
 * `./pdf.js` (src/pdf: child_process, fs) becomes a stub that says why there is no PDF here.
 * @type {import('esbuild').Plugin}
 */
const webOneFile = {
  name: 'web-one-file',
  setup(build) {
    const src = path.resolve('src');
    build.onResolve({ filter: /^\.\/pdf\.js$/ }, (args) =>
      path.join(args.resolveDir, args.path) === path.join(src, 'features', args.path) ? { path: path.join(src, 'features/pdf/noPrinterInTheBrowser.ts') } : undefined);
    const desktopPlatform = path.join(src, 'features/platform/index.ts');
    build.onResolve({ filter: /platform$/ }, (args) =>
      path.join(args.resolveDir, `${args.path}/index.ts`) === desktopPlatform ? { path: path.join(src, 'features/platform/web.ts') } : undefined);
  },
};

/**
 * dist/web/portfolio.js is editor code loaded into the running extension: it must reach the
 * analysis core, the renderer and the PDF stub through the SAME door as the rest (one loaded copy
 * of each, one extension URI), so src/features/core.ts stays out of it and is required by the name
 * src/features/platform/loadOwnBundle.ts hands it the activated extension's module under.
 * @type {import('esbuild').Plugin}
 */
const sharedCore = {
  name: 'shared-core',
  setup(build) {
    const core = path.resolve('src/features/core.ts');
    build.onResolve({ filter: /core$/ }, (args) =>
      path.join(args.resolveDir, `${args.path}.ts`) === core ? { path: 'pattern-analyst:features/core', external: true } : undefined);
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  // Prefer ES modules: jsonc-parser's UMD `main` hides requires that esbuild cannot bundle.
  mainFields: ['module', 'main'],
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // dist/analysis.js, dist/renderer.js and dist/portfolio.js are required on first use by
    // src/features/core.ts (the first check of a document; the first preview or export; the first
    // portfolio surface), not bundled in.
    // dist/pdf.js likewise, on the first Export to PDF.
    external: ['vscode', './renderer.js', './analysis.js', './portfolio.js', './pdf.js'],
    plugins: [vscodeOnce, lazyYaml],
  },
  {
    ...common,
    entryPoints: ['src/analysis/analysisBundle.ts'],
    outfile: 'dist/analysis.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [lazyYaml],
  },
  {
    // dist/portfolio.js: the workspace index, the Analyses view's rows, the portfolio panel and the
    // cross-analysis checks, loaded when a portfolio surface is first shown
    // (src/features/portfolio/index.ts), never at activation.
    ...common,
    entryPoints: ['src/features/portfolio/portfolioFeature.ts'],
    outfile: 'dist/portfolio.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Export Portfolio to PDF reaches dist/pdf.js through core.ts like Export to PDF (same module
    // instance from Node's cache); core.ts also names ./portfolio.js, never required from here.
    external: ['vscode', './renderer.js', './analysis.js', './portfolio.js', './pdf.js'],
    plugins: [vscodeOnce, lazyYaml],
  },
  {
    // dist/indexWorker.js: the worker thread that walks the workspace folders and reads and checks
    // the portfolio's warm-start cache (src/features/platform/indexWorker.ts), started by
    // dist/portfolio.js on the node host only (the web build does both on the host's thread).
    ...common,
    entryPoints: ['src/features/platform/indexWorker.ts'],
    outfile: 'dist/indexWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['js-yaml'],
    outfile: 'dist/yaml.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['src/render/rendererBundle.ts'],
    outfile: 'dist/renderer.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
];
targets.push({
  // dist/web/extension.js: package.json's `browser` entry (see webOneFile). Its metafile,
  // dist/web/extension.meta.json (not packaged), lets a unit test prove that nothing in it needs
  // node, and the bench say where its bytes go.
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/web/extension.js',
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  metafile: true,
  plugins: [vscodeOnce, webOneFile],
});
// The web worker host's lazily read files: CommonJS (loadOwnBundle.ts evaluates them as a module
// body), for the browser, with a metafile for the unit test that checks them for node built-ins.
const webLazyBundle = { ...common, platform: 'browser', format: 'cjs', target: 'es2022', metafile: true };
targets.push({
  // dist/web/renderer.js: the renderer core for the web worker host, self-contained (it requires
  // nothing), loaded on the first preview or export by src/features/platform/web.ts; never at
  // activation. Its metafile lets the same unit test check it for node built-ins.
  ...webLazyBundle,
  entryPoints: ['src/render/rendererBundle.ts'],
  outfile: 'dist/web/renderer.js',
});
targets.push({
  // dist/web/portfolio.js: the portfolio for the web worker host (the workspace index, the panel,
  // the cross-analysis check), read by src/features/platform/web.ts when a portfolio surface is
  // first shown. It requires only 'vscode' and core.ts, which the loader hands it (sharedCore).
  ...webLazyBundle,
  entryPoints: ['src/features/portfolio/portfolioFeature.ts'],
  outfile: 'dist/web/portfolio.js',
  external: ['vscode'],
  plugins: [vscodeOnce, sharedCore, webOneFile],
});
targets.push({
  // dist/web/analysis.js: the analysis core for the web worker host with js-yaml, jsonc-parser and
  // picomatch inside, self-contained like dist/web/renderer.js; read by src/features/platform/web.ts
  // when a feature first needs a check (src/features/core.ts's whenAnalysisCore), never at activation.
  ...webLazyBundle,
  entryPoints: ['src/analysis/analysisBundle.ts'],
  outfile: 'dist/web/analysis.js',
});
targets.push({
  ...common,
  entryPoints: ['src/pdf/pdfBundle.ts'],
  outfile: 'dist/pdf.js',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
});
if (existsSync('src/cli/main.ts')) {
  targets.push({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // ES module builds (chosen above) may read import.meta.url, which a CommonJS bundle lacks
    // (tinyglobby's fdir calls createRequire(import.meta.url)): give them this file's URL.
    banner: { js: '#!/usr/bin/env node\nvar __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { ...common.define, 'import.meta.url': '__importMetaUrl' },
  });
}
if (existsSync('src/webview/portfolio.ts')) {
  targets.push({
    ...common,
    entryPoints: ['src/webview/portfolio.ts'],
    outfile: 'media/dist/portfolio.js',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
  });
}
if (existsSync('src/webview/portfolio.css')) {
  targets.push({
    ...common,
    entryPoints: ['src/webview/portfolio.css'],
    outfile: 'media/dist/portfolio.css',
    loader: { '.css': 'css' },
  });
}
if (existsSync('src/webview/preview.ts')) {
  targets.push({
    ...common,
    entryPoints: ['src/webview/preview.ts'],
    outfile: 'media/dist/preview.js',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
  });
}

// The snippet file is generated from the bundled model (and committed: VS Code reads it at install).
await generateSnippets();

if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching', targets.map((t) => t.outfile).join(', '));
} else {
  const results = await Promise.all(targets.map((t) => esbuild.build(t)));
  results.forEach((result, i) => {
    if (!result.metafile) return;
    const outfile = /** @type {string} */ (targets[i].outfile);
    mkdirSync(path.dirname(outfile), { recursive: true });
    writeFileSync(outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(result.metafile));
  });
  // The CLI runs as `./dist/cli.js` too (its shebang), not only through npx or `node`.
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}
