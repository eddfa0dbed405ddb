/**
 * `pattern-analyst lint` with a team config (`.pattern-analyst.jsonc`): the nearest file above
 * each analysis applies (levels, ignore globs, inline suppressions off), `--rule` wins over it,
 * and a broken file is reported at its line while the defaults keep working.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeText } from '../../../src/analysis/analyze';
import { loadModelSet } from '../../../src/model/modelSet';
import { assertCliIsBuilt, cli, fixture, lines } from './cliHarness';

interface LintJson {
  files: { file: string; findings: { line: number; severity: string; rule: string }[] }[];
}

function lint(args: string[]): { code: number | null; data: LintJson; stderr: string } {
  const run = cli(['lint', '--format', 'json', ...args]);
  return { code: run.code, data: JSON.parse(run.stdout) as LintJson, stderr: run.stderr };
}

/** rule:severity pairs of a file's findings. */
function kinds(data: LintJson, file: string): string[] {
  const f = data.files.find((x) => x.file === file);
  assert.ok(f, `${file} was linted`);
  return f.findings.map((x) => `${x.rule}:${x.severity}`);
}

describe('CLI: lint with a team config', () => {
  before(assertCliIsBuilt);

  it('the file\'s levels apply: misses are errors, missing sections are off', () => {
    const { code, data } = lint(['team-config/analysis.md']);
    assert.equal(code, 1);
    assert.deepEqual(kinds(data, 'team-config/analysis.md'), ['benchmark-miss:error', 'impossible-value:warning']);
  });

  it('without the file the same analysis has the defaults (the file made the difference)', () => {
    const { data } = lint(['bundled-only/findings.md']);
    const found = kinds(data, 'bundled-only/findings.md');
    assert.ok(found.includes('benchmark-miss:warning'));
    assert.ok(found.some((k) => k.startsWith('missing-section:')));
  });

  it('--rule wins over the file', () => {
    const { data } = lint(['--rule', 'benchmark-miss=hint', 'team-config/analysis.md']);
    assert.deepEqual(kinds(data, 'team-config/analysis.md'), ['benchmark-miss:hint', 'impossible-value:warning']);
  });

  it('ignore globs: files under drafts/ are not linted, even when named', () => {
    const { data } = lint(['team-config']);
    const files = data.files.map((f) => f.file).sort();
    assert.deepEqual(files, ['team-config/acknowledged.md', 'team-config/analysis.md', 'team-config/strict/analysis.md']);
  });

  it('the nearest file wins: a sub-folder\'s own config replaces the parent\'s', () => {
    const { data } = lint(['team-config/strict/analysis.md']);
    const found = kinds(data, 'team-config/strict/analysis.md');
    assert.ok(found.includes('benchmark-miss:warning'), 'the parent\'s "error" does not reach here');
    assert.ok(found.includes('impossible-value:hint'));
    assert.ok(found.some((k) => k.startsWith('missing-section:')), 'nor its "off"');
  });

  it('"inlineSuppressions": false shows acknowledged findings as if the comments were not there', () => {
    const { data } = lint(['team-config/acknowledged.md']);
    const expected = analyzeText(readFileSync(fixture('team-config', 'acknowledged.md'), 'utf8'), loadModelSet([]).catalog, { inlineSuppressions: false });
    assert.ok(expected.findings.some((f) => f.rule === 'benchmark-miss'));
    assert.ok(kinds(data, 'team-config/acknowledged.md').includes('benchmark-miss:error'));
    assert.ok(!kinds(data, 'team-config/acknowledged.md').some((k) => k.startsWith('unused-suppression')));
  });

  it('a broken file: reported at its line as a problem-matcher line, the checks keep working, exit 2', () => {
    const run = cli(['lint', 'broken-config/analysis.md']);
    assert.equal(run.code, 2);
    assert.ok(lines(run.stderr).some((l) => /^broken-config\/\.pattern-analyst\.jsonc:4:5: error: Not valid JSON with comments: CommaExpected\. \[config\]$/.test(l)), run.stderr);
    // What can be read still applies (the level before the missing comma); the rest keeps its default.
    assert.match(run.stdout, /: error: GPU Utilization Rate: 72%/);
    assert.match(run.stdout, /: warning: Customer Retention: 140%/);
  });
});
