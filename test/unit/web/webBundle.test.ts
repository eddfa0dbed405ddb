/**
 * The web bundles (dist/web/extension.js, package.json's `browser` entry, and the analysis core,
 * the renderer core and the portfolio it loads on first use) must run in a web worker: no node
 * built-in module, no `require` of anything but what its loader gives it ('vscode' for the
 * extension, from the worker; only the shared modules of src/features/platform/loadOwnBundle.ts for
 * a lazily evaluated one), and none of our own sources in them using node's globals. Read
 * from what the build wrote: each bundle and its esbuild metafile (dist/web/*.meta.json, esbuild.mjs).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * Every file the web worker host loads: the extension itself at activation, and the bundles it
 * reads and evaluates on first use (src/features/platform/loadOwnBundle.ts). `imports`: what each
 * may require at run time ('vscode' for the extension; for a lazily evaluated bundle, only what
 * platform/web.ts hands it: nothing for the two cores, 'vscode' and core.ts for the portfolio).
 */
const WEB_BUNDLES = [
  { file: 'dist/web/extension.js', imports: ['vscode'] },
  { file: 'dist/web/analysis.js', imports: [] },
  { file: 'dist/web/renderer.js', imports: [] },
  { file: 'dist/web/portfolio.js', imports: ['vscode', 'pattern-analyst:features/core'] },
] as const;

interface ImportRecord {
  readonly path: string;
  readonly kind: string;
  readonly external?: boolean;
}
interface Metafile {
  readonly inputs: Record<string, { readonly imports: readonly ImportRecord[] }>;
  readonly outputs: Record<string, { readonly imports: readonly ImportRecord[]; readonly inputs: Record<string, unknown> }>;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNodeBuiltin = (specifier: string): boolean => NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]) || specifier.startsWith('node:');

/** Code without its comments (rough, but our sources keep comments on their own lines or after code). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Node-only globals and calls, as our own TypeScript would write them. */
const NODE_ONLY = /\bprocess\.\w+|\bBuffer\.\w+|\bsetImmediate\(|\b__dirname\b|\b__filename\b|\brequire\(\s*['"](?!\.\/(?:analysis|renderer|portfolio|pdf)\.js['"]|js-yaml['"])/;

for (const { file, imports } of WEB_BUNDLES) {
  describe(`Web bundle (${file})`, () => {
    let meta: Metafile;
    let bundle: string;

    before(() => {
      const metaFile = path.join(ROOT, file.replace(/\.js$/, '.meta.json'));
      assert.ok(existsSync(path.join(ROOT, file)) && existsSync(metaFile), `${file} and its metafile are built (npm run build)`);
      meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Metafile;
      bundle = readFileSync(path.join(ROOT, file), 'utf8');
    });

    it(`imports nothing at run time but ${JSON.stringify(imports)}`, () => {
      const output = meta.outputs[file];
      assert.ok(output, `the metafile describes ${file}`);
      assert.deepEqual([...new Set(output.imports.map((i) => i.path))].sort(), [...imports].sort());
      const requires = [...bundle.matchAll(/\brequire\(\s*["'`]([^"'`]*)["'`]\s*\)/g)].map((m) => m[1]);
      assert.deepEqual([...new Set(requires)].sort(), [...imports].sort(), 'every require() left in the file');
    });

    it('holds no node built-in module, not even one a package disabled for the browser', () => {
      const builtins = Object.entries(meta.inputs).flatMap(([input, record]) =>
        record.imports.filter((i) => isNodeBuiltin(i.path) || i.path.startsWith('(disabled):')).map((i) => `${input} imports ${i.path}`));
      assert.deepEqual(builtins, []);
      const disabled = Object.keys(meta.inputs).filter((input) => input.startsWith('(disabled):') || isNodeBuiltin(input));
      assert.deepEqual(disabled, []);
    });

    it("leaves out the desktop-only code: src/pdf, src/cli and node's side of the platform seam", () => {
      const ours = Object.keys(meta.inputs).filter((f) => f.startsWith('src/'));
      assert.deepEqual(ours.filter((f) => f.startsWith('src/pdf/') || f.startsWith('src/cli/') || f === 'src/features/platform/index.ts'), []);
    });

    it("none of our sources in it uses node's globals (process, Buffer, setImmediate, __dirname) or requires a file", () => {
      const offenders = Object.keys(meta.inputs)
        .filter((f) => f.startsWith('src/'))
        .flatMap((input) => {
          const code = withoutComments(readFileSync(path.join(ROOT, input), 'utf8'));
          const found = NODE_ONLY.exec(code);
          return found ? [`${input}: ${found[0]}`] : [];
        });
      assert.deepEqual(offenders, []);
    });
  });
}

describe('Web bundles: what goes where', () => {
  const inputsOf = (file: string): string[] => {
    const meta = JSON.parse(readFileSync(path.join(ROOT, file.replace(/\.js$/, '.meta.json')), 'utf8')) as Metafile;
    return Object.keys(meta.outputs[file]?.inputs ?? {});
  };

  it('the extension holds the web platform and leaves the analysis core, the YAML reader, markdown-it and the portfolio to their own files', () => {
    const extension = inputsOf('dist/web/extension.js');
    assert.ok(extension.includes('src/features/platform/web.ts'), 'the web platform is in');
    const lazy = (f: string): boolean =>
      ['src/analysis/analysisBundle.ts', 'src/render/rendererBundle.ts', 'src/features/portfolio/portfolioFeature.ts'].includes(f) ||
      /^node_modules\/(markdown-it|entities|js-yaml|picomatch)\//.test(f);
    assert.deepEqual(extension.filter(lazy), []);
    const analysis = inputsOf('dist/web/analysis.js');
    assert.ok(analysis.includes('src/analysis/analysisBundle.ts') && analysis.some((f) => f.startsWith('node_modules/js-yaml/')), 'the analysis core, with js-yaml, is in its own file');
    const renderer = inputsOf('dist/web/renderer.js');
    assert.ok(renderer.includes('src/render/rendererBundle.ts'), 'the renderer is in its own file');
    assert.ok(renderer.some((f) => f.startsWith('node_modules/markdown-it/')), 'with markdown-it');
    const portfolio = inputsOf('dist/web/portfolio.js');
    assert.ok(portfolio.includes('src/features/portfolio/portfolioFeature.ts'), 'the portfolio is in its own file');
    assert.ok(!portfolio.includes('src/features/core.ts'), "without a core.ts of its own: it shares the extension's");
    // The index reads texts with the analysis core it loads (analysis.js), not a second copy of it.
    assert.deepEqual(portfolio.filter((f) => ['src/analysis/analyze.ts', 'src/analysis/claims.ts', 'src/analysis/frontMatter.ts'].includes(f) || f.startsWith('node_modules/js-yaml/')), [], 'no copy of the analysis core');
  });
});
