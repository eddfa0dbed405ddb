/**
 * `pattern-analyst render`: the export page of the shared renderer (the same function the
 * editor's Export to HTML calls, run in-process here for the expected page), to stdout or -o,
 * never over an existing file without --force, images embedded only from the analysis's folder,
 * and hostile model strings rendered as escaped text.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeText } from '../../../src/analysis/analyze';
import { loadModelSet } from '../../../src/model/modelSet';
import { exportDocumentPage } from '../../../src/render/exportDocument';
import { assertCliIsBuilt, assertNoStackTrace, cli, fixture, ROOT } from './cliHarness';

/** A 1×1 PNG: real PNG bytes, so the export's magic-number check accepts it. */
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The page the editor's export writes for this file (same function, same stylesheet, bundled model). */
async function editorPage(file: string): Promise<string> {
  const text = readFileSync(file, 'utf8');
  const css = readFileSync(path.join(ROOT, 'media', 'preview.css'), 'utf8');
  return exportDocumentPage(text, analyzeText(text, loadModelSet([]).catalog), { css, fallbackTitle: path.basename(file) });
}

describe('CLI: render', () => {
  let tmp: string;

  before(() => {
    assertCliIsBuilt();
    tmp = mkdtempSync(path.join(tmpdir(), 'pattern-analyst-render-'));
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('to stdout: the export page, exactly, exit 0', async () => {
    const run = cli(['render', 'bundled-only/findings.md']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, `${await editorPage(fixture('bundled-only', 'findings.md'))}\n`);
    assert.match(run.stdout, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(run.stdout, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;/);
    assert.doesNotMatch(run.stdout, /<script|<link |@import|https?:\/\/(?!www\.w3\.org)/i, 'self-contained: no script, no external reference');
    // The analysis shows: the benchmark miss of the 72% is in the page.
    assert.match(run.stdout, /72%/);
  });

  it('the title comes from the front matter', () => {
    const run = cli(['render', 'bundled-only/clean.md']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /<title>Lambda Labs through the AI Infrastructure lens<\/title>/);
  });

  it('-o writes the same page to a file and says so; an existing file is refused without --force', () => {
    const out = path.join(tmp, 'findings.html');
    const first = cli(['render', fixture('bundled-only', 'findings.md'), '-o', out], { cwd: tmp });
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, '');
    assert.equal(first.stderr, 'wrote findings.html\n');
    const written = readFileSync(out, 'utf8');
    assert.equal(`${written}\n`, cli(['render', 'bundled-only/findings.md']).stdout);

    writeFileSync(out, 'an older export, kept\n');
    const refused = cli(['render', fixture('bundled-only', 'findings.md'), '-o', 'findings.html'], { cwd: tmp });
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, 'pattern-analyst: findings.html already exists; pass --force to replace it\n');
    assert.equal(readFileSync(out, 'utf8'), 'an older export, kept\n', 'the existing file is untouched');

    const forced = cli(['render', fixture('bundled-only', 'findings.md'), '-o', 'findings.html', '--force'], { cwd: tmp });
    assert.equal(forced.code, 0);
    assert.equal(readFileSync(out, 'utf8'), written);
  });

  it('never writes over the analysis itself, even with --force', () => {
    const analysis = path.join(tmp, 'self.md');
    writeFileSync(analysis, '# Self\n');
    const run = cli(['render', 'self.md', '-o', 'self.md', '--force'], { cwd: tmp });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /that is the analysis itself/);
    assert.equal(readFileSync(analysis, 'utf8'), '# Self\n');
  });

  it('a missing, binary or unwritable target: one line, exit 2', () => {
    const binary = path.join(tmp, 'binary.md');
    writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));
    const cases: [string[], RegExp][] = [
      [['render', 'nope.md'], /^pattern-analyst: nope\.md: no such file or folder$/],
      [['render', 'binary.md'], /^pattern-analyst: binary\.md: is a binary file \(it contains NUL bytes\), not a markdown analysis$/],
      [['render', fixture('bundled-only', 'clean.md'), '-o', 'no/such/folder/out.html'], /^pattern-analyst: cannot write no\/such\/folder\/out\.html: no such file or folder$/],
    ];
    for (const [args, message] of cases) {
      const run = cli(args, { cwd: tmp });
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr.trim(), message);
      assertNoStackTrace(run);
    }
  });

  it('embeds images from the analysis folder only, like the editor\'s export', () => {
    const dir = path.join(tmp, 'with-images');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'chart.png'), PNG_1X1);
    writeFileSync(path.join(tmp, 'outside.png'), PNG_1X1);
    writeFileSync(path.join(dir, 'a.md'), '# Images\n\n![chart](chart.png)\n\n![outside](../outside.png)\n');
    const run = cli(['render', 'a.md'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal((run.stdout.match(/src="data:image\/png;base64,/g) ?? []).length, 1, 'only the image in the folder is embedded');
    assert.match(run.stdout, /image not embedded/);
  });

  it('a model with hostile strings: they are escaped text in the page, never markup', () => {
    const run = cli(['render', 'analysis.md'], { cwd: fixture('hostile') });
    assert.equal(run.code, 0, run.stderr);
    const html = run.stdout;
    assert.doesNotMatch(html, /<script|<iframe|<img\b(?![^>]*src="data:)/i, 'no script, frame or image tag from the model');
    assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+\s*=/i, 'no event-handler attribute on any tag');
    assert.doesNotMatch(html, /(?:href|src)\s*=\s*["']?\s*(?:javascript|command):/i, 'no script or command link');
    // The model's text is there, as text: the benchmark of the metric the analysis misses.
    assert.match(html, /&lt;script&gt;alert\(&#39;benchmark&#39;\)&lt;\/script&gt;/);
  });

  it('an invalid workspace model: the page still renders with the other models, the problem on stderr, exit 2', () => {
    const run = cli(['render', 'analysis.md'], { cwd: fixture('invalid-model') });
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^<!DOCTYPE html>/);
    assert.match(run.stderr, /^patterns\/broken\.pattern\.json:10:63: error: /m);
  });
});
