/**
 * Loads a compiled module of the extension that may not exist yet on this branch (the bench is
 * built while other parts land), so a missing part shows as SKIP with a reason instead of
 * breaking the whole bench.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const load = createRequire(__filename);

/** The compiled tree (out/), this file being out/test/bench/optionalModule.js. */
export const OUT_ROOT = path.resolve(__dirname, '..', '..');
/** The repository root. */
export const REPO_ROOT = path.resolve(OUT_ROOT, '..');

/** `fromOut` is a path inside out/ without `.js`, e.g. 'src/render/documentRenderer'. */
export function optionalModule<T>(fromOut: string): T | undefined {
  const file = path.join(OUT_ROOT, `${fromOut}.js`);
  return existsSync(file) ? (load(file) as T) : undefined;
}

/** A package the project depends on (CommonJS or, on Node 20.19+, ESM through require). */
export function loadPackage<T>(name: string): T {
  return load(name) as T;
}
