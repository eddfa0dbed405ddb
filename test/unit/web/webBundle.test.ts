/**
 * The web bundle (dist/web/extension.js, package.json's `browser` entry) must run in a web worker:
 * no node built-in module, no `require` of anything but 'vscode' (the worker's require knows
 * nothing else), and none of our own sources in it using node's globals. Read from what the build
 * wrote: the bundle itself and its esbuild metafile (dist/web/extension.meta.json, esbuild.mjs).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'web', 'extension.js');
const META = path.join(ROOT, 'dist', 'web', 'extension.meta.json');

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

describe('Web bundle (dist/web/extension.js)', () => {
  let meta: Metafile;
  let bundle: string;

  before(() => {
    assert.ok(existsSync(BUNDLE) && existsSync(META), 'dist/web/extension.js and its metafile are built (npm run build)');
    meta = JSON.parse(readFileSync(META, 'utf8')) as Metafile;
    bundle = readFileSync(BUNDLE, 'utf8');
  });

  it("imports nothing at run time but 'vscode'", () => {
    const output = meta.outputs['dist/web/extension.js'];
    assert.ok(output, 'the metafile describes dist/web/extension.js');
    assert.deepEqual(output.imports.map((i) => i.path), ['vscode']);
    const requires = [...bundle.matchAll(/\brequire\(\s*["'`]([^"'`]*)["'`]\s*\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(requires)], ['vscode'], 'every require() left in the file');
  });

  it('holds no node built-in module, not even one a package disabled for the browser', () => {
    const builtins = Object.entries(meta.inputs).flatMap(([file, input]) =>
      input.imports.filter((i) => isNodeBuiltin(i.path) || i.path.startsWith('(disabled):')).map((i) => `${file} imports ${i.path}`));
    assert.deepEqual(builtins, []);
    const disabled = Object.keys(meta.inputs).filter((file) => file.startsWith('(disabled):') || isNodeBuiltin(file));
    assert.deepEqual(disabled, []);
  });

  it("leaves out the desktop-only code: src/pdf, src/cli and node's side of the platform seam", () => {
    const ours = Object.keys(meta.inputs).filter((f) => f.startsWith('src/'));
    assert.ok(ours.includes('src/features/platform/web.ts'), 'the web platform is in');
    assert.ok(ours.includes('src/analysis/analysisBundle.ts') && ours.includes('src/render/rendererBundle.ts'), 'the cores are inlined');
    assert.deepEqual(ours.filter((f) => f.startsWith('src/pdf/') || f.startsWith('src/cli/') || f === 'src/features/platform/index.ts'), []);
  });

  it("none of our sources in it uses node's globals (process, Buffer, setImmediate, __dirname) or requires a file", () => {
    const offenders = Object.keys(meta.inputs)
      .filter((f) => f.startsWith('src/'))
      .flatMap((file) => {
        const code = withoutComments(readFileSync(path.join(ROOT, file), 'utf8'));
        const found = NODE_ONLY.exec(code);
        return found ? [`${file}: ${found[0]}`] : [];
      });
    assert.deepEqual(offenders, []);
  });
});
