/**
 * `pattern-analyst lint` on realistic analyses: the same findings as the editor (the core run
 * in-process on the same text and models gives the expected lines), problem-matcher lines,
 * JSON, --max-severity and --rule deciding the exit code, a second model chosen by front matter,
 * globs and folders, and hostile model text printed inert.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../src/analysis/analyze';
import { loadModelSet, type ModelFile } from '../../../src/model/modelSet';
import { assertCliIsBuilt, cli, fixture, lines } from './cliHarness';

/** The problem-matcher pattern the README's CI recipe uses. */
const PROBLEM_LINE = /^(.+):(\d+):(\d+): (error|warning|information|hint): (.+) \[([a-z-]+)\]$/;

/** What the editor would show for a file: the core's findings at the settings' default levels, as CLI lines. */
function expectedLines(display: string, file: string, modelFiles: string[] = []): string[] {
  const models: ModelFile[] = modelFiles.map((f) => ({ origin: f, text: readFileSync(f, 'utf8') }));
  const analysis = analyzeText(readFileSync(file, 'utf8'), loadModelSet(models).catalog);
  assert.ok(analysis.isAnalysis, `${file} is an analysis`);
  return [...analysis.findings]
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((f) => `${display}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity}: ${f.message} [${f.rule}]`);
}

/** 1-based line and column of `needle` in a fixture. */
function whereIs(file: string, needle: string): string {
  const text = readFileSync(file, 'utf8');
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is in ${file}`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

interface LintJson {
  files: { file: string; analysis: boolean; pattern: string | null; findings: { line: number; column: number; endLine: number; endColumn: number; severity: string; rule: string; message: string }[] }[];
  summary: Record<string, number>;
  errors: string[];
}

describe('CLI: lint', () => {
  before(assertCliIsBuilt);

  it('a clean analysis: no output on stdout, a summary on stderr, exit 0', () => {
    const run = cli(['lint', 'bundled-only/clean.md']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, '1 file checked (1 analysis): 0 errors, 0 warnings, 0 information, 0 hints.\n');
  });

  it('an analysis with findings: the editor\'s findings as file:line:col lines, exit 1', () => {
    const run = cli(['lint', 'bundled-only/findings.md']);
    assert.equal(run.code, 1, run.stderr);
    const out = lines(run.stdout);
    assert.deepEqual(out, expectedLines('bundled-only/findings.md', fixture('bundled-only', 'findings.md')));
    for (const line of out) assert.match(line, PROBLEM_LINE);
    // The 72% utilisation misses >80%; the 140% retention cannot exist. Each at its value.
    const findings = fixture('bundled-only', 'findings.md');
    assert.ok(out.includes(`bundled-only/findings.md:${whereIs(findings, '72%')}: warning: GPU Utilization Rate: 72% — below the benchmark: >80% target for profitability [benchmark-miss]`), out.join('\n'));
    assert.ok(out.some((l) => l.startsWith(`bundled-only/findings.md:${whereIs(findings, '140%')}: warning: Customer Retention: 140% `) && l.endsWith('[impossible-value]')), out.join('\n'));
    assert.ok(out.some((l) => /: information: Section "Business Engineer Insight" .* \[missing-section\]$/.test(l)));
    assert.equal(lines(run.stderr).at(-1), '1 file checked (1 analysis): 0 errors, 2 warnings, 3 information, 0 hints.');
  });

  it('--format json: the same findings as data, 1-based positions, and the summary', () => {
    const run = cli(['lint', '--format', 'json', 'bundled-only/findings.md', 'bundled-only/notes.md']);
    assert.equal(run.code, 1);
    const data = JSON.parse(run.stdout) as LintJson;
    assert.deepEqual(data.files.map((f) => [f.file, f.analysis, f.pattern, f.findings.length]), [
      ['bundled-only/findings.md', true, 'ai-infrastructure', 5],
      ['bundled-only/notes.md', false, null, 0],
    ]);
    const miss = data.files[0].findings.find((f) => f.rule === 'benchmark-miss');
    assert.ok(miss);
    assert.equal(`${miss.line}:${miss.column}`, whereIs(fixture('bundled-only', 'findings.md'), '72%'));
    assert.equal(miss.endColumn - miss.column, '72%'.length);
    assert.deepEqual(data.summary, { files: 2, analyses: 1, error: 0, warning: 2, information: 3, hint: 0 });
    assert.deepEqual(data.errors, []);
  });

  const thresholds: [string[], number][] = [
    [[], 1],
    [['--max-severity', 'error'], 0],
    [['--max-severity', 'warning'], 1],
    [['--max-severity', 'information'], 1],
    [['--max-severity', 'none'], 0],
    [['--max-severity', 'error', '--rule', 'benchmark-miss=error'], 1],
    [['--rule', 'benchmark-miss=information', '--rule', 'impossible-value=off'], 0],
  ];
  for (const [options, code] of thresholds) {
    it(`findings (2 warnings, 3 information) with ${options.join(' ') || 'the defaults'}: exit ${code}`, () => {
      const run = cli(['lint', ...options, 'bundled-only/findings.md']);
      assert.equal(run.code, code, run.stdout + run.stderr);
      assert.ok(run.stdout.length > 0, 'the findings are printed whether or not they fail the run');
    });
  }

  it('--rule sets a rule\'s severity or turns it off, like the settings', () => {
    const run = cli(['lint', '--rule', 'impossible-value=off', '--rule', 'missing-section=hint', 'bundled-only/findings.md']);
    const out = lines(run.stdout);
    assert.ok(!out.some((l) => l.includes('[impossible-value]')), 'impossible-value is off');
    const sections = out.filter((l) => l.endsWith('[missing-section]'));
    assert.equal(sections.length, 3);
    assert.ok(sections.every((l) => l.includes(': hint: ')));
  });

  it('a file that is not an analysis (no pattern in front matter) gets no findings, whatever it says', () => {
    const run = cli(['lint', 'bundled-only/notes.md']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /1 file checked \(0 analyses\)/);
  });

  it('an unknown pattern in front matter is an error with a did-you-mean', () => {
    const run = cli(['lint', 'bundled-only/unknown-pattern.md']);
    assert.equal(run.code, 1);
    assert.deepEqual(lines(run.stdout), expectedLines('bundled-only/unknown-pattern.md', fixture('bundled-only', 'unknown-pattern.md')));
    assert.match(run.stdout, /: error: Unknown pattern "AI Infrastucture Platforms"\. Did you mean "ai-infrastructure".*\[unknown-pattern\]$/m);
  });

  it('a second model in the workspace checks the analyses that name it; the bundled model checks the others', () => {
    const cwd = fixture('second-model');
    const model = path.join(cwd, 'patterns', 'vertical-saas.pattern.json');
    const run = cli(['lint', '--format', 'json', 'analyses/**/*.md'], { cwd });
    assert.equal(run.code, 1, run.stderr);
    const data = JSON.parse(run.stdout) as LintJson;
    assert.deepEqual(data.files.map((f) => [f.file, f.pattern]), [['analyses/infra.md', 'ai-infrastructure'], ['analyses/saas-miss.md', 'vertical-saas']]);
    const text = cli(['lint', 'analyses/saas-miss.md'], { cwd });
    assert.deepEqual(lines(text.stdout), expectedLines('analyses/saas-miss.md', path.join(cwd, 'analyses', 'saas-miss.md'), [model]));
    assert.match(text.stdout, /^analyses\/saas-miss\.md:\d+:\d+: warning: Net Revenue Retention: 105% — below the benchmark: >120% for best-in-class vertical SaaS \[benchmark-miss\]$/m);
  });

  it('without the workspace model (another --models), the same analysis names an unknown pattern', () => {
    const cwd = fixture('second-model');
    const run = cli(['lint', '--models', fixture('duplicate-id', 'patterns', 'a-first.pattern.json'), 'analyses/saas-miss.md'], { cwd });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /error: Unknown pattern "vertical-saas".*\[unknown-pattern\]$/m);
  });

  it('a folder stands for the markdown files under it, in a stable order', () => {
    const run = cli(['lint', '--format', 'json', '--max-severity', 'none', 'second-model']);
    assert.equal(run.code, 0);
    const data = JSON.parse(run.stdout) as LintJson;
    assert.deepEqual(data.files.map((f) => f.file), ['second-model/analyses/infra.md', 'second-model/analyses/saas-miss.md']);
  });

  it('a readable file and a missing one: the findings of the first, the error of the second, exit 2', () => {
    const run = cli(['lint', 'bundled-only/findings.md', 'bundled-only/missing.md']);
    assert.equal(run.code, 2);
    assert.ok(lines(run.stdout).length === 5, run.stdout);
    assert.match(run.stderr, /^pattern-analyst: bundled-only\/missing\.md: no such file or folder$/m);
  });

  it('hostile model text in messages is printed inert: no control or bidi characters reach the terminal', () => {
    const run = cli(['lint', 'analysis.md'], { cwd: fixture('hostile') });
    assert.equal(run.code, 1);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    assert.match(run.stdout, /^analysis\.md:\d+:\d+: warning: Hostile Rate: 40% — below the benchmark: <script>alert\('benchmark'\)<\/script> >50% \\u\{202e\}evil\\u\{202c\} \[benchmark-miss\]$/m);
  });
});
