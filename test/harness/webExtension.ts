/**
 * The extension as the web worker extension host gets it, for the tests and the bench. code-server
 * runs an extension in the browser's web worker host (what vscode.dev and github.dev run) only when
 * its manifest has a `browser` entry and NO `main`: with both it prefers its node host. So this
 * builds a copy of the extension folder whose package.json lacks `main`, holding what the .vsix
 * holds for the browser (dist/web/, media, snippets, schemas, patterns, the nls files), in a fresh
 * temp folder that `remove()` (or the process's exit) deletes. The node bundles are left out, so
 * the web host could not load them even by mistake.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './codeServer';

export interface WebExtension {
  /** The folder to load as `extensionDevelopmentPath`. */
  readonly path: string;
  remove(): void;
}

/** Folders and files the web variant needs at run time, beside the manifest. */
const COPIED = ['dist/web', 'media', 'snippets', 'schemas', 'patterns', 'l10n'];

export function prepareWebExtension(repoRoot = REPO_ROOT): WebExtension {
  const web = path.join(repoRoot, 'dist', 'web', 'extension.js');
  if (!existsSync(web)) throw new Error(`${path.relative(repoRoot, web)} is missing: run \`npm run build\` first`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pattern-analyst-web-'));
  const remove = (): void => {
    process.removeListener('exit', remove);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('exit', remove);
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  if (typeof manifest.browser !== 'string') throw new Error('package.json has no `browser` entry');
  delete manifest.main;
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const file of readdirSync(repoRoot).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f))) cpSync(path.join(repoRoot, file), path.join(dir, file));
  for (const entry of COPIED) {
    const from = path.join(repoRoot, entry);
    if (existsSync(from)) cpSync(from, path.join(dir, entry), { recursive: true });
  }
  return { path: dir, remove };
}
