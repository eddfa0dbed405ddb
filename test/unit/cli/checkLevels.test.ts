/**
 * The CLI's --rule levels are the editor's settings: same rules, same defaults as package.json
 * declares, applied the same way (a level replaces the severity, `off` drops the finding).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding, RuleId } from '../../../src/analysis/types';
import { applyLevels, DEFAULT_LEVELS, parseRuleOption, RULE_SETTINGS } from '../../../src/cli/checkLevels';

const ROOT = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown; enum?: string[] }> } };
};

function finding(rule: RuleId, line: number, severity: Finding['severity'] = 'warning'): Finding {
  return { rule, severity, message: `${rule} at ${line}`, range: { start: { line, character: 0 }, end: { line, character: 3 } }, fixes: [] };
}

describe('CLI check levels', () => {
  it('every rule a setting controls has the setting\'s default and levels', () => {
    const props = manifest.contributes.configuration.properties;
    const checkSettings = Object.keys(props).filter((k) => k.startsWith('patternAnalyst.checks.') && props[k].enum);
    assert.deepEqual(Object.values(RULE_SETTINGS).sort(), checkSettings.sort(), 'the same rules as the settings');
    for (const [rule, setting] of Object.entries(RULE_SETTINGS)) {
      assert.equal(DEFAULT_LEVELS[rule as RuleId], props[setting].default, `${rule} defaults like ${setting}`);
      assert.deepEqual(props[setting].enum, ['off', 'error', 'warning', 'information', 'hint']);
    }
  });

  it('a level replaces the severity, off drops the rule, defaults apply to the rest; sorted by position', () => {
    const out = applyLevels(
      [finding('missing-section', 9, 'warning'), finding('benchmark-miss', 2), finding('near-miss-name', 5, 'warning'), finding('unknown-pattern', 1, 'warning')],
      { 'benchmark-miss': 'error', 'near-miss-name': 'off' },
    );
    assert.deepEqual(out.map((f) => [f.rule, f.severity, f.range.start.line]), [
      ['unknown-pattern', 'error', 1],
      ['benchmark-miss', 'error', 2],
      ['missing-section', 'information', 9],
    ]);
  });

  it('parses rule=level, and refuses front-matter (always shown, as in the editor)', () => {
    assert.deepEqual(parseRuleOption('benchmark-miss=off'), ['benchmark-miss', 'off']);
    assert.deepEqual(parseRuleOption(' near-miss-name = Error '), ['near-miss-name', 'error']);
    assert.throws(() => parseRuleOption('front-matter=off'), /always reported/);
    assert.throws(() => parseRuleOption('benchmark-miss'), /expects <rule>=<level>/);
  });
});
