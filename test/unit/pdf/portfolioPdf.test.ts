/**
 * `pattern-analyst portfolio --format pdf`: the sample portfolio (samples/ and samples/portfolio/)
 * printed by the real browser, read back as a reader sees it (pdftotext, pdfinfo): every subject,
 * the matrix values, the running header with pattern and period, on the chosen paper. Its
 * arguments: -o required, PDF options for a PDF only.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseCommandLine } from '../../../src/cli/args';
import { CliError } from '../../../src/cli/cliIo';
import { HELP } from '../../../src/cli/help';
import { bundledIndex } from '../../../src/model/bundledModel';
import { portfolioMatrix } from '../../../src/portfolio/matrix';
import { sampleEntries } from '../portfolio/portfolioHelpers';
import { pdfInfo, pdfPages, PT_PER_IN, runCli, testBrowser, type CliRun } from '../../support/pdfTools';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

const cli = (args: readonly string[], cwd: string): Promise<CliRun> => runCli(CLI, args, cwd);

const fails = (argv: string[], message: RegExp): void => assert.throws(() => parseCommandLine(argv), (e: unknown) => e instanceof CliError && message.test(e.message));

describe('pattern-analyst portfolio --format pdf', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'pa-portfolio-pdf-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the sample portfolio on Letter: every subject, the matrix values and the running header with pattern and period', async () => {
    const browser = testBrowser();
    const samples = path.join(ROOT, 'samples');
    const run = await cli(['portfolio', samples, '--format', 'pdf', '--page-size', 'letter', '--browser', browser, '-o', 'portfolio.pdf'], dir);
    // The samples hold one conflicting value on purpose: exit 1, and the PDF is written all the same.
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /printing \(Letter\) with .*\nwrote portfolio\.pdf/);
    const file = path.join(dir, 'portfolio.pdf');
    const info = pdfInfo(file);
    assert.ok(Math.abs(info.width - 8.5 * PT_PER_IN) < 1 && Math.abs(info.height - 11 * PT_PER_IN) < 1, `Letter, got ${info.width} x ${info.height}`);

    const matrix = portfolioMatrix(sampleEntries(), bundledIndex());
    const pages = pdfPages(file);
    const text = pages.join(' ');
    assert.ok(matrix.rows.length >= 5, `the samples' subjects (${matrix.rows.length})`);
    for (const row of matrix.rows) assert.ok(text.includes(row.subject), `subject ${row.subject} is printed`);
    const values = matrix.rows.flatMap((r) => r.cells.flatMap((c) => (c ? [c.value.text.trim()] : [])));
    assert.ok(values.length > 0);
    for (const v of values) assert.ok(text.includes(v), `matrix value ${v} is printed`);

    const latest = matrix.periods[matrix.periods.length - 1];
    const header = `Portfolio · ${matrix.patternName} · as of ${latest.label}`;
    assert.ok(pages.length >= 2, `several pages (${pages.length})`);
    assert.ok(!pages[0].startsWith(header), 'the first page opens with the title, not the running header');
    for (const [i, page] of pages.slice(1).entries()) {
      assert.ok(page.startsWith(header), `page ${i + 2} opens with "${header}": ${page.slice(0, 80)}`);
      assert.ok(page.endsWith(`Page ${i + 2} of ${pages.length}`), `page ${i + 2} is numbered: …${page.slice(-40)}`);
    }
  });

  it('--as-of names that period in the header; an existing file or a link is refused and nothing is printed', async () => {
    const browser = testBrowser();
    const samples = path.join(ROOT, 'samples', 'portfolio');
    const run = await cli(['portfolio', samples, '--format', 'pdf', '--as-of', 'Q1 2026', '--browser', browser, '-o', 'q1.pdf'], dir);
    assert.equal(run.code, 0, run.stderr);
    const pages = pdfPages(path.join(dir, 'q1.pdf'));
    assert.ok(pages.length >= 2 && pages[1].startsWith('Portfolio · AI Infrastructure · as of Q1 2026'), pages[1]?.slice(0, 80));

    const again = await cli(['portfolio', samples, '--format', 'pdf', '--browser', browser, '-o', 'q1.pdf'], dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /q1\.pdf already exists; pass --force to replace it/);
    assert.doesNotMatch(again.stderr, /printing/);

    writeFileSync(path.join(dir, 'elsewhere.txt'), 'keep');
    symlinkSync(path.join(dir, 'elsewhere.txt'), path.join(dir, 'link.pdf'));
    const link = await cli(['portfolio', samples, '--format', 'pdf', '--force', '--browser', browser, '-o', 'link.pdf'], dir);
    assert.equal(link.code, 2);
    assert.match(link.stderr, /link\.pdf: is a symbolic link/);
  });

  it('a missing browser: what to install or set, and no file', async () => {
    const run = await cli(['portfolio', path.join(ROOT, 'samples', 'portfolio'), '--format', 'pdf', '--browser', '/nowhere/chrome', '-o', 'out.pdf'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^pattern-analyst: The browser "\/nowhere\/chrome" set to print PDFs is not an executable file\. Set patternAnalyst\.pdf\.browserPath \(CLI: --browser\)/);
    assert.equal(existsSync(path.join(dir, 'out.pdf')), false);
  });

  it('arguments: -o required, paper and browser for a PDF only, in the help', () => {
    const parsed = parseCommandLine(['portfolio', 'samples', '--format', 'pdf', '-o', 'p.pdf', '--page-size', 'Letter', '--browser', '/opt/chrome']);
    assert.deepEqual(parsed, { kind: 'portfolio', inputs: ['samples'], format: 'pdf', force: false, models: [], pageSize: 'letter', browser: '/opt/chrome', output: 'p.pdf' });
    fails(['portfolio', 'samples', '--format', 'pdf'], /--format pdf needs -o <file\.pdf>/);
    fails(['portfolio', 'samples', '--format', 'csv', '--page-size', 'a4'], /--page-size applies to --format pdf only/);
    fails(['portfolio', 'samples', '--format', 'pdf', '-o', 'p.pdf', '--page-size', 'legal'], /--page-size must be a4 or letter, not "legal"/);
    assert.match(HELP.portfolio, /--format text\|json\|csv\|html\|pdf/);
    assert.match(HELP.main, /portfolio <files\|folders\|globs\.\.\.> --format pdf -o out\.pdf/);
  });
});
