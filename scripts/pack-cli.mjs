// Builds the installable command-line package: a staging folder (out/cli-package) holding only
// what the CLI needs — the self-contained dist/cli.js bundle (the core and the bundled pattern
// model inside), the preview stylesheet `render` inlines, a README and the licence — with
// cli-package/package.json at the extension's version, then `npm pack`s it. Prints the tarball's
// path. Run `npm run build:prod` (or `npm run build`) first; `npm run pack:cli` does.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stage = path.join(root, 'out', 'cli-package');
const outDir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'out');

const cli = path.join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');

rmSync(stage, { recursive: true, force: true });
mkdirSync(path.join(stage, 'dist'), { recursive: true });
mkdirSync(path.join(stage, 'media'), { recursive: true });
copyFileSync(cli, path.join(stage, 'dist', 'cli.js'));
copyFileSync(path.join(root, 'media', 'preview.css'), path.join(stage, 'media', 'preview.css'));
copyFileSync(path.join(root, 'cli-package', 'README.md'), path.join(stage, 'README.md'));
copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));

const manifest = JSON.parse(readFileSync(path.join(root, 'cli-package', 'package.json'), 'utf8'));
// The version and the project's links come from the extension's manifest: one place for each.
const extension = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
manifest.version = extension.version;
for (const key of ['repository', 'bugs', 'homepage']) manifest[key] = extension[key];
writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

mkdirSync(outDir, { recursive: true });
const out = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8' });
const [{ filename }] = JSON.parse(out);
process.stdout.write(`${path.join(outDir, filename)}\n`);
