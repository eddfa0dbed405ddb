/**
 * `pattern-analyst portfolio` on the sample portfolio: the JSON and CSV carry the same values as
 * the core's index of the same files (parity), the HTML page is self-contained and inert, text is
 * a table; -o never overwrites without --force; bad --as-of and no analyses are clear errors.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { bundledIndex } from '../../../src/model/bundledModel';
import { portfolioMatrix } from '../../../src/portfolio/matrix';
import { EXPORT_CSP } from '../../../src/render/exportPage';
import { sampleEntries } from '../portfolio/portfolioHelpers';
import { assertInert } from '../render/inertHtml';
import { assertCliIsBuilt, assertNoStackTrace, cli, ROOT } from './cliHarness';

interface JsonCell { value: string; verdict: string; period: string; file: string; line: number }
interface JsonReport { subjects: { subject: string; values: Record<string, JsonCell> }[]; peers: { missing: string[] }; conflicts: { file: string; line: number; other: { file: string } }[] }

describe('CLI: portfolio', () => {
  let tmp: string;
  before(() => {
    assertCliIsBuilt();
    tmp = mkdtempSync(path.join(tmpdir(), 'pattern-analyst-portfolio-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('--format json: every cell as the core\'s matrix of the same files has it; the conflict fails the run (exit 1)', () => {
    const run = cli(['portfolio', 'samples', '--format', 'json'], { cwd: ROOT });
    assert.equal(run.code, 1, run.stderr);
    const json = JSON.parse(run.stdout) as JsonReport;
    const matrix = portfolioMatrix(sampleEntries(), bundledIndex());
    assert.deepEqual(json.subjects.map((s) => s.subject), matrix.rows.map((r) => r.subject));
    let cells = 0;
    for (const [i, row] of matrix.rows.entries()) {
      for (const [j, cell] of row.cells.entries()) {
        const got = json.subjects[i].values[matrix.columns[j].metricId];
        if (!cell) {
          assert.equal(got, undefined);
          continue;
        }
        cells++;
        assert.deepEqual(
          { value: got.value, verdict: got.verdict, period: got.period, file: got.file, line: got.line },
          { value: cell.value.text, verdict: cell.verdict, period: cell.period?.written, file: path.relative(ROOT, cell.location.uri), line: cell.location.range.start.line + 1 },
        );
      }
    }
    assert.equal(cells, 20);
    assert.deepEqual(json.peers.missing, ['Together AI']);
    assert.deepEqual(json.conflicts.map((c) => `${c.file}→${c.other.file}`), ['samples/checks-showcase.md→samples/coreweave-ai-infrastructure.md', 'samples/coreweave-ai-infrastructure.md→samples/checks-showcase.md']);
  });

  it('--format csv: a header and one row per subject with value, verdict, period, file and line', () => {
    const run = cli(['portfolio', 'samples/portfolio', '--format', 'csv'], { cwd: ROOT });
    assert.equal(run.code, 0, run.stderr);
    const rows = run.stdout.trimEnd().split('\r\n').map((l) => l.split(','));
    assert.deepEqual(rows[0].slice(0, 6), ['Subject', 'GPU Utilization Rate', 'GPU Utilization Rate verdict', 'GPU Utilization Rate period', 'GPU Utilization Rate file', 'GPU Utilization Rate line']);
    const lambda = rows.find((r) => r[0] === 'Lambda Labs');
    assert.deepEqual(lambda?.slice(1, 6), ['76%', 'misses', 'Q3 2026', 'samples/portfolio/lambda-labs-q3-2026.md', '25']);
    assert.equal(rows.length, 1 + 5);
  });

  it('--as-of picks each subject\'s value as of that period; text is a table', () => {
    const run = cli(['portfolio', 'samples/portfolio', '--as-of', '2026-Q1'], { cwd: ROOT });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^AI Infrastructure as of Q1 2026: 5 subjects/);
    assert.match(run.stdout, /\nLambda Labs +70% ✗ misses \(Q1 2026\)/);
    assert.match(run.stdout, /no analysis yet: Together AI/);
  });

  it('--format html -o: a self-contained, inert page with the matrix and the charts; refuses to overwrite without --force', () => {
    const out = path.join(tmp, 'portfolio.html');
    const run = cli(['portfolio', 'samples', '--format', 'html', '-o', out], { cwd: ROOT });
    assert.equal(run.code, 1, run.stderr);
    const page = readFileSync(out, 'utf8');
    assert.ok(page.includes(`content="${EXPORT_CSP}"`));
    assert.doesNotMatch(page, /<script|<link|<iframe/i);
    const body = /<main class="pa-content">([\s\S]*)<\/main>/.exec(page)?.[1] ?? '';
    assertInert(body, 'portfolio page');
    assert.match(body, /<table class="pa-scorecard-table pa-matrix">/);
    assert.equal(body.match(/<svg class="pa-chart pa-bullet/g)?.length, 20, 'a bullet chart per stated cell');
    assert.equal(body.match(/<section class="pa-trend"/g)?.length, 4, 'small multiples per metric');
    writeFileSync(out, 'keep me');
    const again = cli(['portfolio', 'samples', '--format', 'html', '-o', out], { cwd: ROOT });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists; pass --force/);
    assert.equal(readFileSync(out, 'utf8'), 'keep me');
    assert.equal(cli(['portfolio', 'samples', '--format', 'html', '-o', out, '--force'], { cwd: ROOT }).code, 1);
    assert.notEqual(readFileSync(out, 'utf8'), 'keep me');
  });

  it('usage errors: an unreadable --as-of lists the forms, a bad --format, no analyses', () => {
    const asOf = cli(['portfolio', 'samples', '--as-of', 'next quarter'], { cwd: ROOT });
    assert.equal(asOf.code, 2);
    assert.match(asOf.stderr, /--as-of "next quarter" is not a period; write one of: Q3 2026, 2026-Q3, 3Q26/);
    const format = cli(['portfolio', 'samples', '--format', 'xml'], { cwd: ROOT });
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format must be text, json, csv, html or pdf, not "xml"/);
    writeFileSync(path.join(tmp, 'notes.md'), '# Notes\n');
    const none = cli(['portfolio', path.join(tmp, 'notes.md')], { cwd: ROOT });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no analysis of a known pattern among 1 file/);
    for (const r of [asOf, format, none]) assertNoStackTrace(r);
  });
});
