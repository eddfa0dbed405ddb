/**
 * Hostile inputs through the command line (the built dist/cli.js, spawned as a user or CI runs
 * it): `lint` and `render` on every hostile document, `models` and `lint --models` on every
 * hostile model. The CLI answers with an exit code of 0, 1 (findings) or 2 (a clear one-line
 * message, e.g. "is a binary file"), never a stack trace; rendered pages carry nothing that runs
 * or loads; an image path that climbs out of the document's folder is never embedded.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dangersIn } from '../../support/htmlSafety';
import { FRONT, hostileDocuments, hostileModels } from '../../support/hostileInputs';
import { assertCliIsBuilt, assertNoStackTrace, CLI } from '../cli/cliHarness';

/** The smallest valid PNG (1×1), so an embedded image would really be embedded. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: readonly string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

describe('hostile inputs: the CLI', function () {
  // The 10 MB document states a conflicting figure ~180,000 times: its JSON report is ~76 MB.
  this.timeout(150_000);
  let home = '';

  before(() => {
    assertCliIsBuilt();
    home = mkdtempSync(path.join(os.tmpdir(), 'pa-hostile-cli-'));
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  for (const input of hostileDocuments()) {
    it(`lint and render: ${input.name}`, () => {
      const dir = path.join(home, slug(input.name));
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'analysis.md'), input.make());
      const lint = run(['lint', 'analysis.md', '--format', 'json'], dir);
      assertNoStackTrace(lint);
      assert.ok(lint.code === 0 || lint.code === 1 || lint.code === 2, `exit ${lint.code}`);
      if (lint.code === 2) {
        // Refused: one clear line naming the file and why.
        assert.match(lint.stderr, /analysis\.md: .*(binary|too large|cannot be read)/i, lint.stderr);
      } else {
        assert.doesNotThrow(() => JSON.parse(lint.stdout), 'lint --format json prints JSON');
      }
      const render = run(['render', 'analysis.md', '-o', 'out.html', '--force'], dir);
      assertNoStackTrace(render);
      if (render.code === 0) {
        const page = readFileSync(path.join(dir, 'out.html'), 'utf8');
        const main = /<main class="pa-content">([\s\S]*)<\/main>/.exec(page)?.[1] ?? '';
        assert.deepEqual(dangersIn(main).slice(0, 3), []);
        assert.doesNotMatch(page, /<script/i);
      } else {
        assert.equal(render.code, 2, `render exit ${render.code}: ${render.stderr}`);
        assert.match(render.stderr, /analysis\.md: /, render.stderr);
      }
    });
  }

  it('render never embeds an image from outside the document\'s folder, in any spelling, but does embed one inside', () => {
    const top = path.join(home, 'traversal');
    const docs = path.join(top, 'docs');
    mkdirSync(docs, { recursive: true });
    writeFileSync(path.join(top, 'secret.png'), PNG);
    writeFileSync(path.join(docs, 'inside.png'), PNG);
    const refs = ['../secret.png', '..%2fsecret.png', '%2e%2e/secret.png', '..\\secret.png', '%2e%2e%5csecret.png', 'sub/../../secret.png', path.join(top, 'secret.png'), `file://${path.join(top, 'secret.png')}`];
    writeFileSync(path.join(docs, 'analysis.md'), `${FRONT}${refs.map((r, i) => `![leak ${i}](${r})`).join('\n\n')}\n\n![inside](inside.png)\n`);
    const r = run(['render', 'analysis.md', '-o', 'out.html', '--force'], docs);
    assert.equal(r.code, 0, r.stderr);
    const page = readFileSync(path.join(docs, 'out.html'), 'utf8');
    const embedded = page.split('data:image/png;base64,').length - 1;
    assert.equal(embedded, 1, 'exactly one image embedded: the one inside the folder');
    assert.match(page, /alt="inside"/);
    for (let i = 0; i < refs.length; i++) assert.doesNotMatch(page, new RegExp(`<img[^>]*alt="leak ${i}"`), `image ${refs[i]} was shown`);
  });

  for (const input of hostileModels()) {
    it(`models and lint --models: ${input.name}`, () => {
      const dir = path.join(home, `model-${slug(input.name)}`);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'hostile.pattern.json'), input.make());
      writeFileSync(path.join(dir, 'analysis.md'), `${FRONT}GPU utilization was 72%.\n`);
      const models = run(['models', '--models', 'hostile.pattern.json'], dir);
      assertNoStackTrace(models);
      assert.ok(models.code === 0 || models.code === 1, `models exit ${models.code}: ${models.stderr}`);
      if (models.code === 1) assert.match(models.stdout + models.stderr, /hostile\.pattern\.json:\d+:\d+: error: /);
      const lint = run(['lint', 'analysis.md', '--models', 'hostile.pattern.json'], dir);
      assertNoStackTrace(lint);
      assert.ok(lint.code === 0 || lint.code === 1 || lint.code === 2, `lint exit ${lint.code}`);
      // A model never turns into markup or a command in the CLI's plain-text output either.
      assert.ok(!lint.stdout.includes('\u001b]8;;command:'), 'no terminal hyperlink to a command');
    });
  }
});
