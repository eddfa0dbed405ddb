/**
 * Symbolic links planted next to an analysis, through the CLI as CI runs it on a pull request:
 * `render` never embeds a file whose real location is outside the document's folder (a file link,
 * a folder link, a text file named .gif that starts with "GIF89a"), never writes through a link
 * (with or without --force) and never replaces the analysis under another name; `lint <folder>`
 * never leaves the folder through a link and never loops. Nothing outside is read or written.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FRONT } from '../../support/hostileInputs';
import { GIF_1X1, PNG_1X1 } from '../../support/tinyImages';
import { assertCliIsBuilt, assertNoStackTrace, CLI, type CliRun } from '../cli/cliHarness';

function run(args: readonly string[], cwd: string): CliRun & { seconds: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  const result = { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  assertNoStackTrace(result);
  return result;
}

describe('hostile file system: symbolic links around an analysis (CLI)', function () {
  this.timeout(60_000);
  let home = '';
  let docs = '';
  let outside = '';

  beforeEach(() => {
    assertCliIsBuilt();
    home = mkdtempSync(path.join(os.tmpdir(), 'pa-hostile-fs-'));
    docs = path.join(home, 'repo', 'docs');
    outside = path.join(home, 'outside');
    mkdirSync(docs, { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'private.png'), PNG_1X1);
    writeFileSync(path.join(outside, 'secret.txt'), 'GIF89a TOP SECRET API_KEY=hunter2\n');
    writeFileSync(path.join(outside, 'deep.png'), PNG_1X1);
    writeFileSync(path.join(docs, 'inside.png'), PNG_1X1);
    writeFileSync(path.join(docs, 'inside.gif'), GIF_1X1);
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('render embeds the images inside the folder and none that a link carries outside', () => {
    symlinkSync('../../outside/private.png', path.join(docs, 'logo.png'));
    symlinkSync('../../outside/secret.txt', path.join(docs, 'chart.gif'));
    symlinkSync('../../outside', path.join(docs, 'sub'));
    symlinkSync('inside.png', path.join(docs, 'alias.png'));
    writeFileSync(path.join(docs, 'a.md'), `${FRONT}![logo](logo.png)\n\n![chart](chart.gif)\n\n![deep](sub/deep.png)\n\n![inside](inside.png)\n\n![gif](inside.gif)\n\n![alias](alias.png)\n`);
    const r = run(['render', 'docs/a.md', '-o', 'out.html'], path.join(home, 'repo'));
    assert.equal(r.code, 0, r.stderr);
    const page = readFileSync(path.join(home, 'repo', 'out.html'), 'utf8');
    const embedded = [...page.matchAll(/<img src="data:image\/(\w+);base64,[^"]*" alt="([^"]*)"/g)].map((m) => m[2]);
    assert.deepEqual(embedded.sort(), ['alias', 'gif', 'inside'], 'a link inside the folder is fine; links out are not');
    assert.ok(!page.includes(Buffer.from('GIF89a TOP SECRET').toString('base64').slice(0, 16)), 'the secret text is not in the page');
    for (const alt of ['logo', 'chart', 'deep']) assert.match(page, new RegExp(`\\[image: ${alt} — image not embedded`), alt);
  });

  it('render refuses to write through a link, even with --force, and leaves the linked file as it was', () => {
    const victim = path.join(outside, '.bashrc');
    writeFileSync(victim, 'export PATH=/usr/bin\n');
    symlinkSync(victim, path.join(docs, 'report.html'));
    writeFileSync(path.join(docs, 'a.md'), `${FRONT}Text.\n`);
    for (const args of [['-o', 'report.html', '--force'], ['-o', 'report.html']]) {
      const r = run(['render', 'a.md', ...args], docs);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, args.includes('--force') ? /report\.html: is a symbolic link; render never writes through a link/ : /report\.html: is a symbolic link|already exists/);
    }
    assert.equal(readFileSync(victim, 'utf8'), 'export PATH=/usr/bin\n');
  });

  it('render refuses an output that is the analysis under another name (a link to it), and replaces a real file with --force', () => {
    writeFileSync(path.join(docs, 'a.md'), `${FRONT}Text.\n`);
    symlinkSync('a.md', path.join(docs, 'alink.md'));
    const r = run(['render', 'a.md', '-o', 'alink.md', '--force'], docs);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /-o alink\.md: that is the analysis itself/);
    assert.equal(readFileSync(path.join(docs, 'a.md'), 'utf8'), `${FRONT}Text.\n`);
    const viaFolder = run(['render', 'a.md', '-o', '../docs/./a.md', '--force'], docs);
    assert.equal(viaFolder.code, 2);
    writeFileSync(path.join(docs, 'old.html'), 'old');
    const forced = run(['render', 'a.md', '-o', 'old.html', '--force'], docs);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(path.join(docs, 'old.html'), 'utf8'), /<!DOCTYPE html>/i);
  });

  it('lint of a folder does not follow a link out of it, nor loop on one that points up', () => {
    const repo = path.join(home, 'repo');
    writeFileSync(path.join(outside, 'elsewhere.md'), `${FRONT}Outside.\n`);
    writeFileSync(path.join(docs, 'a.md'), `${FRONT}Inside.\n`);
    symlinkSync('..', path.join(docs, 'up'));
    symlinkSync('../../outside', path.join(docs, 'out'));
    symlinkSync('../../outside/elsewhere.md', path.join(docs, 'linked.md'));
    const r = run(['lint', '.', '--format', 'json'], repo);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.ok(r.seconds < 20, `took ${r.seconds.toFixed(1)} s`);
    const files = (JSON.parse(r.stdout) as { files: { file: string }[] }).files.map((f) => f.file);
    assert.deepEqual(files, ['docs/a.md']);
  });
});
