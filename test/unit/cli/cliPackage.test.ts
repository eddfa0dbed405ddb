/**
 * The installable command line: `scripts/pack-cli.mjs` packs only what the CLI needs, the tarball
 * installs into an empty project without the registry (it has no dependencies), and
 * `npx pattern-analyst lint` there reports exactly what the repository's build reports on the
 * same sample analyses.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertCliIsBuilt, cli, ROOT } from './cliHarness';

describe('CLI: the installable package', function () {
  // npm pack and npm install take seconds on a busy machine; nothing here is timed.
  this.timeout(180_000);
  let scratch: string;
  let tarball: string;

  before(() => {
    assertCliIsBuilt();
    scratch = mkdtempSync(path.join(tmpdir(), 'pattern-analyst-cli-package-'));
    tarball = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'pack-cli.mjs'), path.join(scratch, 'pack')], { encoding: 'utf8' }).trim();
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('holds only what the CLI needs, at the extension\'s version, with no dependencies', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepEqual(files, ['package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/media/preview.css', 'package/package.json']);
    const manifest = JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as { version: string; bin: Record<string, string>; dependencies?: unknown };
    assert.equal(manifest.version, (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    assert.deepEqual(manifest.bin, { 'pattern-analyst': 'dist/cli.js' });
    assert.equal(manifest.dependencies, undefined);
  });

  it('installs offline into an empty project, where npx pattern-analyst lint reports what the repository\'s build reports', () => {
    const project = path.join(scratch, 'project');
    cpSync(path.join(ROOT, 'samples'), path.join(project, 'samples'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), '{ "name": "scratch-analyses", "private": true }\n');
    const npm = (args: string[]): ReturnType<typeof spawnSync> => spawnSync('npm', args, { cwd: project, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
    const install = npm(['install', '--save-dev', '--offline', tarball]);
    assert.equal(install.status, 0, String(install.stderr));

    const installed = spawnSync('npx', ['--offline', '--no-install', 'pattern-analyst', 'lint', '--max-severity', 'none', 'samples'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    assert.equal(installed.status, 0, String(installed.stderr));
    const fromRepo = cli(['lint', '--max-severity', 'none', 'samples'], { cwd: project });
    assert.equal(fromRepo.code, 0, fromRepo.stderr);
    assert.ok(installed.stdout.length > 0, 'the samples have findings');
    assert.equal(installed.stdout, fromRepo.stdout);
    assert.equal(installed.stderr, fromRepo.stderr);

    const rendered = spawnSync('npx', ['--offline', '--no-install', 'pattern-analyst', 'render', 'samples/coreweave-ai-infrastructure.md'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    assert.equal(rendered.status, 0, String(rendered.stderr));
    assert.match(rendered.stdout, /<style[^>]*>[\s\S]*\.pa-badge/, 'render finds its stylesheet in the package');
  });
});
