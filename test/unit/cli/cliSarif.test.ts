/**
 * `pattern-analyst lint --format sarif`: the log is valid against the official SARIF 2.1.0 JSON
 * schema (as shipped in the npm registry by Microsoft's @microsoft/jest-sarif, checked with ajv,
 * never fetched at test time), every rule has its description and help, results carry the
 * editor's regions, and findings an inline suppression hides are reported as suppressed with the
 * comment's reason.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { assertCliIsBuilt, cli, fixture, ROOT } from './cliHarness';

const SCHEMA = path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function validate(log: unknown): void {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as object;
  // The official schema's language pattern has a stray `]` that only non-unicode regexps accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // Formats checked too: artifact URIs must be URI references, times date-times.
  addFormats(ajv);
  const check = ajv.compile(schema);
  assert.ok(check(log), `valid SARIF 2.1.0:\n${ajv.errorsText(check.errors, { separator: '\n' })}`);
}

function sarif(args: string[]): { code: number | null; log: Sarif.Log; stderr: string } {
  const run = cli(['lint', '--format', 'sarif', ...args]);
  return { code: run.code, log: JSON.parse(run.stdout) as Sarif.Log, stderr: run.stderr };
}

/** 1-based line and column of `needle` in a fixture. */
function whereIs(file: string, needle: string): { startLine: number; startColumn: number } {
  const text = readFileSync(file, 'utf8');
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { startLine: before.length, startColumn: before[before.length - 1].length + 1 };
}

describe('CLI: lint --format sarif', () => {
  before(assertCliIsBuilt);

  it('the schema validator rejects a broken log (so a pass below means something)', () => {
    assert.throws(() => validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ message: {} }] }] }), /valid SARIF/);
  });

  it('findings: a valid log with the rules\' descriptions and help, results at the values, the same exit code as text', () => {
    const { code, log } = sarif(['bundled-only/findings.md', 'bundled-only/clean.md']);
    assert.equal(code, 1);
    validate(log);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'pattern-analyst');
    const rules = run.tool.driver.rules ?? [];
    const miss = rules.find((r) => r.id === 'benchmark-miss');
    assert.match(miss?.shortDescription?.text ?? '', /misses the benchmark/);
    assert.match(miss?.help?.markdown ?? '', /pattern-analyst-disable-next-line benchmark-miss/);
    for (const r of rules) assert.ok(r.fullDescription?.text && r.help?.text, `${r.id} has a description and help`);

    const results = run.results ?? [];
    const value = results.find((r) => r.ruleId === 'benchmark-miss');
    assert.ok(value);
    assert.equal(value.level, 'warning');
    assert.equal(value.message.text, 'GPU Utilization Rate: 72% — below the benchmark: >80% target for profitability');
    assert.equal(rules[value.ruleIndex ?? -1].id, 'benchmark-miss');
    const loc = value.locations?.[0].physicalLocation;
    assert.equal(loc?.artifactLocation?.uri, 'bundled-only/findings.md');
    assert.deepEqual(loc?.region, { ...whereIs(fixture('bundled-only', 'findings.md'), '72%'), endLine: whereIs(fixture('bundled-only', 'findings.md'), '72%').startLine, endColumn: whereIs(fixture('bundled-only', 'findings.md'), '72%').startColumn + 3 });
    assert.ok(results.every((r) => r.suppressions === undefined), 'nothing is suppressed in this file');
    assert.ok(results.every((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri === 'bundled-only/findings.md'), 'the clean file has no results');
  });

  it('acknowledged findings: reported as suppressed in source, with the reason; the rest as usual', () => {
    const { code, log } = sarif(['acknowledged/analysis.md']);
    validate(log);
    const results = log.runs[0].results ?? [];
    const miss = results.find((r) => r.ruleId === 'benchmark-miss');
    assert.deepEqual(miss?.suppressions?.map((s) => [s.kind, s.justification]), [['inSource', 'ramp-up quarter: the point of this note']]);
    const missing = results.filter((r) => r.ruleId === 'missing-section');
    assert.ok(missing.length > 0 && missing.every((r) => r.suppressions?.[0].justification === 'a one-page note, not a full analysis'));
    const impossible = results.find((r) => r.ruleId === 'impossible-value');
    assert.ok(impossible && impossible.suppressions === undefined, 'the unacknowledged impossible value is a plain result');
    assert.equal(code, 1, 'the unacknowledged warning still fails the run');
  });

  it('an unreadable input makes the invocation unsuccessful, with a notification; still valid', () => {
    const { code, log } = sarif(['no-such-file.md']);
    assert.equal(code, 2);
    validate(log);
    assert.equal(log.runs[0].invocations?.[0].executionSuccessful, false);
    assert.match(log.runs[0].invocations?.[0].toolExecutionNotifications?.[0].message.text ?? '', /no-such-file\.md/);
  });

  it('--format sarif is for lint only', () => {
    const run = cli(['models', '--format', 'sarif']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /sarif is for lint/);
  });
});
