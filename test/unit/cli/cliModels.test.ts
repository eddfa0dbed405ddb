/**
 * `pattern-analyst models`, and workspace models as `lint` meets them: the bundled model and the
 * analysts' models listed with their origin, a broken model or a duplicate id reported as
 * `file:line:col: error:` at the right place (exit 1 for models, 2 for lint) while the others
 * keep working, `__proto__` keys refused, and hostile strings printed inert.
 */
import * as assert from 'node:assert/strict';
import { assertNoStackTrace, cli, fixture, lines, assertCliIsBuilt } from './cliHarness';

interface ModelsJson {
  models: { id: string; name: string; origin: string; status: string; problems: { line: number; column: number; path: string; message: string }[] }[];
}

describe('CLI: pattern models', () => {
  before(assertCliIsBuilt);

  it('lists the bundled model and a second valid model, exit 0', () => {
    const run = cli(['models'], { cwd: fixture('second-model') });
    assert.equal(run.code, 0, run.stderr);
    const rows = lines(run.stdout).map((l) => l.split(/\s{2,}/));
    assert.deepEqual(rows, [
      ['ID', 'NAME', 'ORIGIN', 'STATUS'],
      ['ai-infrastructure', 'AI Infrastructure', 'bundled', 'ok'],
      ['vertical-saas', 'Vertical SaaS', 'patterns/vertical-saas.pattern.json', 'ok'],
    ]);
    assert.equal(run.stderr, '2 pattern models (2 in use).\n');
  });

  it('--format json gives the same list as data', () => {
    const run = cli(['models', '--format', 'json'], { cwd: fixture('second-model') });
    assert.equal(run.code, 0);
    const data = JSON.parse(run.stdout) as ModelsJson;
    assert.deepEqual(data.models.map((m) => [m.id, m.origin, m.status, m.problems.length]), [
      ['ai-infrastructure', 'bundled', 'ok', 0],
      ['vertical-saas', 'patterns/vertical-saas.pattern.json', 'ok', 0],
    ]);
  });

  it('--models names model files or folders explicitly, from anywhere', () => {
    const run = cli(['models', '--models', fixture('second-model', 'patterns', 'vertical-saas.pattern.json')], { cwd: fixture('bundled-only') });
    assert.equal(run.code, 0);
    // Outside the working folder, a file is named by its absolute path.
    const model = fixture('second-model', 'patterns', 'vertical-saas.pattern.json');
    assert.ok(lines(run.stdout).some((l) => l.split(/\s{2,}/).join('|') === `vertical-saas|Vertical SaaS|${model}|ok`), run.stdout);
  });

  it('an invalid model: its error at file:line:col, the bundled model still ok, exit 1', () => {
    const run = cli(['models'], { cwd: fixture('invalid-model') });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^ai-infrastructure\s+AI Infrastructure\s+bundled\s+ok$/m);
    assert.match(run.stdout, /^-\s+-\s+patterns\/broken\.pattern\.json\s+invalid \(1 problem\)$/m);
    // Line 10 of broken.pattern.json: the "unit" key of the first metric, which lacks "kind".
    assert.match(run.stdout, /^patterns\/broken\.pattern\.json:10:63: error: \$\.metrics\[0\]\.unit: missing required property "kind"$/m);
    assertNoStackTrace(run);
  });

  it('a duplicate id: an error on the second file\'s "id", the first one loaded, exit 1', () => {
    const run = cli(['models', '--format', 'json'], { cwd: fixture('duplicate-id') });
    assert.equal(run.code, 1);
    const data = JSON.parse(run.stdout) as ModelsJson;
    assert.deepEqual(data.models.map((m) => [m.name, m.status]), [
      ['AI Infrastructure', 'ok'], ['Marketplace', 'ok'], ['Another Marketplace', 'duplicate-id'],
    ]);
    const [problem] = data.models[2].problems;
    assert.deepEqual([problem.line, problem.column, problem.path], [3, 9, '$.id']);
    assert.match(problem.message, /duplicate pattern id "marketplace": already used by patterns\/a-first\.pattern\.json, so this model is not loaded/);
  });

  it('"__proto__" and "constructor" keys make a model invalid, each reported where it is', () => {
    const run = cli(['models'], { cwd: fixture('proto') });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^patterns\/proto\.pattern\.json:5:3: error: \$\.__proto__: unknown property "__proto__"/m);
    assert.match(run.stdout, /^patterns\/proto\.pattern\.json:6:3: error: \$\.constructor: unknown property "constructor"/m);
  });

  it('lint with an invalid workspace model: the model error on stderr, exit 2 (the bundled model still checks the file)', () => {
    const run = cli(['lint', 'analysis.md'], { cwd: fixture('invalid-model') });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^patterns\/broken\.pattern\.json:10:63: error: \$\.metrics\[0\]\.unit: missing required property "kind" \[pattern-model\]$/m);
    assert.match(run.stderr, /^1 file checked /m);
    assertNoStackTrace(run);
  });

  it('lint with a duplicate model id: the error on the second file, exit 2', () => {
    const run = cli(['lint', 'analysis.md'], { cwd: fixture('duplicate-id') });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^patterns\/b-second\.pattern\.json:3:9: error: \$\.id: duplicate pattern id "marketplace"/m);
  });

  it('hostile model strings are printed inert: terminal escape sequences shown, not sent', () => {
    const run = cli(['models'], { cwd: fixture('hostile') });
    assert.equal(run.code, 0);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(run.stdout + run.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, 'no control character reaches the terminal');
    assert.match(run.stdout, /Hostile <img src=x onerror=alert\('name'\)> \\u\{1b\}\[2J\\u\{1b\}\]0;pwned\\u\{7\} Pattern/);
  });
});
