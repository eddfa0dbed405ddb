/**
 * The team config file's core: what a team writes is read (levels, options, models, ignore,
 * inlineSuppressions), every mistake is reported at its line and column while the rest still
 * applies, precedence is defaults < settings < file < --rule, and the JSON schema contributed for
 * completion and hover accepts what the parser accepts (and knows the same rules).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { configurableRules, DEFAULT_LEVELS } from '../../../src/analysis/checkLevels';
import { RULE_INFO } from '../../../src/analysis/ruleInfo';
import { effectiveLevels, isIgnored, parseTeamConfig } from '../../../src/analysis/teamConfig';

const ROOT = path.resolve(__dirname, '../../../..');
const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'pattern-analyst-config.schema.json'), 'utf8')) as { properties: { rules: { properties: Record<string, { markdownDescription: string; default: string }> } } };

const TEAM = `{
  // The team's conventions for Q3 notes
  "rules": {
    "benchmark-miss": "error",
    "missing-section": "off",
    "near-miss-name": { "level": "information", "caseSensitive": false },
  },
  "models": ["patterns"],
  "ignore": ["drafts/**"],
  "inlineSuppressions": false
}`;

describe('team config: parsing', () => {
  it('reads a team\'s file with comments and trailing commas', () => {
    const { config, problems } = parseTeamConfig(TEAM);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules, { 'benchmark-miss': 'error', 'missing-section': 'off', 'near-miss-name': 'information' });
    assert.deepEqual(Object.entries(config.ruleOptions['near-miss-name'] ?? {}), [['caseSensitive', false]]);
    assert.deepEqual(config.models, ['patterns']);
    assert.deepEqual(config.ignore, ['drafts/**']);
    assert.equal(config.inlineSuppressions, false);
  });

  it('a syntax error is reported at its line and column; nothing crashes', () => {
    const { problems } = parseTeamConfig('{\n  "rules": {\n    "benchmark-miss": "error"\n    "missing-section": "off"\n  }\n}');
    assert.ok(problems.length > 0);
    assert.equal(problems[0].line, 3);
    assert.equal(problems[0].character, 4);
    assert.match(problems[0].message, /Not valid JSON with comments: CommaExpected/);
  });

  it('wrong values are reported where they are written, and the valid part still applies', () => {
    const text = '{\n  "rules": {\n    "benchmark-miss": "loud",\n    "benchmark-mis": "off",\n    "impossible-value": "error"\n  },\n  "ignore": "drafts",\n  "colour": 1\n}';
    const { config, problems } = parseTeamConfig(text);
    assert.deepEqual(config.rules, { 'impossible-value': 'error' });
    assert.deepEqual(problems.map((p) => [p.line + 1, p.message.split(';')[0]]), [
      [3, '"loud" is not a level for benchmark-miss'],
      [4, 'Unknown rule "benchmark-mis"'],
      [7, '"ignore" must be a list of strings.'],
      [8, 'Unknown setting "colour"'],
    ]);
  });

  it('front-matter cannot be configured (broken front matter is always shown)', () => {
    const { config, problems } = parseTeamConfig('{ "rules": { "front-matter": "off" } }');
    assert.deepEqual(config.rules, {});
    assert.match(problems[0].message, /Unknown rule "front-matter"/);
  });

  it('an empty file, a list, or text that is not JSON: one problem, the defaults', () => {
    for (const text of ['', '[]', 'rules: off']) {
      const { config, problems } = parseTeamConfig(text);
      assert.deepEqual(config.rules, {}, text);
      assert.ok(problems.length >= 1, text);
    }
  });

  it('an object level without "level" is reported', () => {
    const { problems } = parseTeamConfig('{ "rules": { "benchmark-miss": { "reason": "x" } } }');
    assert.match(problems[0].message, /benchmark-miss needs a "level"/);
  });

  it('options cannot reach an object\'s prototype', () => {
    const { config } = parseTeamConfig('{ "rules": { "near-miss-name": { "level": "hint", "__proto__": { "polluted": true } } } }');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const options = config.ruleOptions['near-miss-name'] ?? {};
    assert.equal(Object.getPrototypeOf(options), null);
    assert.ok(Object.hasOwn(options, '__proto__'), 'kept as an ordinary option name');
  });
});

describe('team config: precedence and ignore', () => {
  it('defaults < a person\'s settings < the team\'s file < --rule', () => {
    const { config } = parseTeamConfig(TEAM);
    const personal = { ...DEFAULT_LEVELS, 'benchmark-miss': 'hint' as const, 'impossible-value': 'error' as const };
    const editor = effectiveLevels(personal, config);
    assert.equal(editor['benchmark-miss'], 'error', 'the file wins over the setting');
    assert.equal(editor['impossible-value'], 'error', 'a setting the file does not name stays');
    assert.equal(editor['unknown-pattern'], 'error', 'defaults for the rest');
    const cli = effectiveLevels({}, config, { 'benchmark-miss': 'warning' });
    assert.equal(cli['benchmark-miss'], 'warning', '--rule wins over the file');
    assert.equal(cli['missing-section'], 'off');
  });

  it('ignore globs match paths relative to the config\'s folder', () => {
    const { config } = parseTeamConfig('{ "ignore": ["drafts/**", "**/*.wip.md"] }');
    assert.equal(isIgnored(config, 'drafts/q3.md'), true);
    assert.equal(isIgnored(config, 'drafts/deep/q3.md'), true);
    assert.equal(isIgnored(config, 'notes/q3.wip.md'), true);
    assert.equal(isIgnored(config, 'notes/q3.md'), false);
    assert.equal(isIgnored(config, '../drafts/q3.md'), false, 'never outside its folder');
  });
});

describe('team config: the JSON schema', () => {
  it('knows exactly the configurable rules, with their defaults and the core\'s descriptions', () => {
    const props = SCHEMA.properties.rules.properties;
    assert.deepEqual(Object.keys(props).sort(), [...configurableRules()].sort());
    for (const rule of configurableRules()) {
      assert.equal(props[rule].default, DEFAULT_LEVELS[rule], rule);
      assert.ok(props[rule].markdownDescription.startsWith(RULE_INFO[rule].summary), rule);
    }
  });

  it('accepts the team example and rejects what the parser reports', () => {
    const validate = new Ajv({ strict: false }).compile(SCHEMA);
    assert.ok(validate(JSON.parse(TEAM.replace(/\/\/.*\n/, '').replace(/,\s*}/g, '}'))), JSON.stringify(validate.errors));
    assert.equal(validate({ rules: { 'benchmark-miss': 'loud' } }), false);
    assert.equal(validate({ rules: { 'benchmark-mis': 'off' } }), false);
    assert.equal(validate({ colour: 1 }), false);
  });
});
