/**
 * Check levels, the one module the editor's settings and the CLI's --rule both go through: the
 * same rules and defaults as package.json declares, applied the same way (a level replaces the
 * severity, `off` drops the finding, front matter is always shown).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyLevels, CHECK_LEVELS, DEFAULT_LEVELS, levelsFrom, levelsToRun, RULE_SETTINGS, SETTINGS_SECTION } from '../../../src/analysis/checkLevels';
import type { Finding, RuleId } from '../../../src/analysis/types';
import { parseRuleOption } from '../../../src/cli/ruleOption';

const ROOT = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown; enum?: string[] }> } };
};

function finding(rule: RuleId, line: number, severity: Finding['severity'] = 'warning'): Finding {
  return { rule, severity, message: `${rule} at ${line}`, range: { start: { line, character: 0 }, end: { line, character: 3 } }, fixes: [] };
}

describe('check levels', () => {
  it('every rule a setting controls has the setting\'s default and levels', () => {
    const props = manifest.contributes.configuration.properties;
    const checkSettings = Object.keys(props).filter((k) => k.startsWith(`${SETTINGS_SECTION}.checks.`) && props[k].enum);
    assert.deepEqual(Object.values(RULE_SETTINGS).map((k) => `${SETTINGS_SECTION}.${k}`).sort(), checkSettings.sort(), 'the same rules as the settings');
    for (const [rule, key] of Object.entries(RULE_SETTINGS)) {
      const setting = `${SETTINGS_SECTION}.${key}`;
      assert.equal(DEFAULT_LEVELS[rule as RuleId], props[setting].default, `${rule} defaults like ${setting}`);
      assert.deepEqual(props[setting].enum, [...CHECK_LEVELS]);
    }
  });

  it('a level replaces the severity, off drops the rule, defaults apply to the rest; order kept', () => {
    const out = applyLevels(
      [finding('missing-section', 9, 'warning'), finding('benchmark-miss', 2), finding('near-miss-name', 5, 'warning'), finding('unknown-pattern', 1, 'warning')],
      { 'benchmark-miss': 'error', 'near-miss-name': 'off' },
    );
    assert.deepEqual(out.map((f) => [f.rule, f.severity, f.range.start.line]), [
      ['missing-section', 'information', 9],
      ['benchmark-miss', 'error', 2],
      ['unknown-pattern', 'error', 1],
    ]);
  });

  it('levels from configured values: a level is taken, anything else falls back to the default, front matter is fixed', () => {
    const configured: Record<string, unknown> = {
      'checks.benchmarkMiss': 'off',
      'checks.impossibleValue': 'Error', // settings are exact: not a level
      'checks.missingSection': 42,
      'checks.nearMissName': 'warning',
      'checks.frontMatter': 'off', // no such setting
    };
    const levels = levelsFrom((key) => configured[key]);
    // The two valid values are taken; every other rule keeps its default.
    assert.deepEqual(levels, { ...DEFAULT_LEVELS, 'benchmark-miss': 'off', 'near-miss-name': 'warning' });
    assert.equal(levels['impossible-value'], DEFAULT_LEVELS['impossible-value']);
    assert.equal(levels['front-matter'], 'warning');
  });

  it('levels to run: a rule is off only when every set of levels leaves it off (an unnamed rule at its default)', () => {
    const off = (levels: Record<RuleId, unknown>): string[] => Object.keys(levels).filter((r) => levels[r as RuleId] === 'off').sort();
    assert.deepEqual(off(levelsToRun(DEFAULT_LEVELS)), ['period-mismatch', 'unsourced-value']);
    assert.deepEqual(off(levelsToRun(DEFAULT_LEVELS, { 'unsourced-value': 'hint', 'benchmark-miss': 'off' })), ['period-mismatch']);
    assert.deepEqual(off(levelsToRun({ 'benchmark-miss': 'off' }, { 'benchmark-miss': 'off', 'missing-section': 'off' })), ['benchmark-miss', 'period-mismatch', 'unsourced-value']);
    assert.deepEqual(off(levelsToRun({ 'benchmark-miss': 'off' }, { 'benchmark-miss': 'error' })), ['period-mismatch', 'unsourced-value']);
    assert.equal(levelsToRun({ 'period-mismatch': 'off' }, { 'period-mismatch': 'hint' })['period-mismatch'], 'hint');
    assert.deepEqual(Object.keys(levelsToRun()).sort(), Object.keys(DEFAULT_LEVELS).sort(), 'every rule named');
  });

  it('the editor\'s levels and the CLI\'s --rule give the same findings', () => {
    const findings = [finding('benchmark-miss', 1), finding('near-miss-name', 2), finding('front-matter', 3)];
    const editor = applyLevels(findings, levelsFrom((key) => ({ 'checks.benchmarkMiss': 'error', 'checks.nearMissName': 'off' })[key]));
    const cli = applyLevels(findings, Object.fromEntries(['benchmark-miss=ERROR', 'near-miss-name=off'].map(parseRuleOption)));
    assert.deepEqual(cli, editor);
    assert.deepEqual(editor.map((f) => [f.rule, f.severity]), [['benchmark-miss', 'error'], ['front-matter', 'warning']]);
  });

  it('--rule parses rule=level, and refuses front-matter (always shown, as in the editor)', () => {
    assert.deepEqual(parseRuleOption('benchmark-miss=off'), ['benchmark-miss', 'off']);
    assert.deepEqual(parseRuleOption(' near-miss-name = Error '), ['near-miss-name', 'error']);
    assert.throws(() => parseRuleOption('front-matter=off'), /always reported/);
    assert.throws(() => parseRuleOption('benchmark-miss'), /expects <rule>=<level>/);
    assert.throws(() => parseRuleOption('benchmark-miss=loud'), /unknown level "loud"; levels: off, error, warning, information, hint/);
    assert.throws(() => parseRuleOption('no-such=off'), /unknown rule "no-such"/);
  });
});
