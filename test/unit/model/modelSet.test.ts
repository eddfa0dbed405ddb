/**
 * Loading analysts' models beside the bundled one: a valid second model joins the catalog, a
 * broken one becomes problems at the right line and column while the others keep working, a
 * duplicate id is refused on the second file's `id`, keys like `__proto__` change nothing, and
 * the order (hence which file is "second") does not depend on the order files were found in.
 */
import * as assert from 'node:assert/strict';
import { bundledIndex } from '../../../src/model/bundledModel';
import { formatModelProblem, loadModelSet, MAX_PROBLEMS_PER_FILE, type ModelFile } from '../../../src/model/modelSet';
import { newModelSkeleton } from '../../../src/model/modelSkeleton';

/** A small valid model, as an analyst would write it. */
function validModel(id: string, name: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    schemaVersion: 1,
    id,
    name,
    sections: [
      { id: 'the-pattern', kind: 'prose', title: 'The Pattern', paragraphs: ['What it is.'] },
      { id: 'key-metrics', kind: 'metrics', title: 'Key Metrics' },
    ],
    metrics: [{ id: 'net-revenue-retention', name: 'Net Revenue Retention', benchmarkText: '>120%', benchmark: { comparator: '>', value: 120 }, unit: { kind: 'percent', label: '%', min: 0 } }],
    ...extra,
  }, null, 2);
}

/** The 1-based line and column of the first occurrence of `needle` in `text`. */
function whereIs(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('loadModelSet (analysts\' models beside the bundled one)', () => {
  it('adds a valid second model after the bundled one; the catalog finds it by id and by name', () => {
    const set = loadModelSet([{ origin: 'patterns/vertical-saas.pattern.json', text: validModel('vertical-saas', 'Vertical SaaS') }]);
    assert.deepEqual(set.catalog.indexes.map((i) => i.model.id), ['ai-infrastructure', 'vertical-saas']);
    assert.equal(set.catalog.find('Vertical SaaS')?.model.id, 'vertical-saas');
    assert.equal(set.catalog.find('vertical-saas')?.model.metrics[0].name, 'Net Revenue Retention');
    assert.deepEqual(set.files.map((f) => f.status), ['ok']);
    assert.deepEqual(set.problems, []);
    assert.equal(set.entries.length, 1);
    assert.equal(set.entries[0].bundled, false);
  });

  it('a broken model becomes problems at its line and column; the bundled and the other models still load', () => {
    const broken = '{\n  "schemaVersion": 1,\n  "id": "Broken Id",\n  "name": "Broken",\n  "sections": []\n}\n';
    const set = loadModelSet([
      { origin: 'patterns/broken.pattern.json', text: broken },
      { origin: 'patterns/good.pattern.json', text: validModel('good', 'Good Pattern') },
    ]);
    assert.deepEqual(set.catalog.indexes.map((i) => i.model.id), ['ai-infrastructure', 'good']);
    const brokenFile = set.files.find((f) => f.origin === 'patterns/broken.pattern.json');
    assert.equal(brokenFile?.status, 'invalid');
    const idProblem = set.problems.find((p) => p.path === '$.id');
    assert.ok(idProblem, 'the bad id is reported');
    // The loader points value errors at their key: the "id" key is underlined whole.
    const at = whereIs(broken, '"id"');
    assert.deepEqual(idProblem.range.start, { line: at.line - 1, character: at.column - 1 });
    assert.equal(idProblem.range.end.character - idProblem.range.start.character, '"id"'.length);
    assert.match(idProblem.message, /^\$\.id: .*not valid.*lower-case/);
    assert.equal(formatModelProblem(idProblem), `patterns/broken.pattern.json:${at.line}:${at.column}: error: ${idProblem.message}`);
    assert.ok(set.problems.some((p) => p.path === '$.sections' && /at least one section/.test(p.message)));
  });

  it('a JSON syntax error is reported where it is', () => {
    const text = '{\n  "schemaVersion": 1,\n  "id": "x",\n  "name": "X"\n  "sections": []\n}\n';
    const set = loadModelSet([{ origin: 'm.pattern.json', text }]);
    assert.equal(set.files[0].status, 'invalid');
    const p = set.problems[0];
    assert.match(p.message, /^invalid JSON: CommaExpected$/);
    const at = whereIs(text, '"sections"');
    assert.deepEqual(p.range.start, { line: at.line - 1, character: at.column - 1 });
  });

  it('an unknown key is underlined at the key, not at its value', () => {
    const text = validModel('with-typo', 'With Typo', { strenghts: ['typo'] });
    const set = loadModelSet([{ origin: 'm.pattern.json', text }]);
    const p = set.problems.find((q) => q.path === '$.strenghts');
    assert.ok(p);
    const at = whereIs(text, '"strenghts"');
    assert.deepEqual(p.range.start, { line: at.line - 1, character: at.column - 1 });
    assert.match(p.message, /unknown property "strenghts"/);
  });

  it('a second model with an id already used is refused with an error on its "id"; the first one stays', () => {
    const first = validModel('marketplace', 'Marketplace');
    const second = validModel('marketplace', 'Another Marketplace');
    // Found in reverse order: the result must not depend on it.
    const set = loadModelSet([
      { origin: 'patterns/b-second.pattern.json', text: second },
      { origin: 'patterns/a-first.pattern.json', text: first },
    ]);
    assert.deepEqual(set.catalog.indexes.map((i) => i.model.name), ['AI Infrastructure', 'Marketplace']);
    assert.deepEqual(set.files.map((f) => [f.origin, f.status]), [['patterns/a-first.pattern.json', 'ok'], ['patterns/b-second.pattern.json', 'duplicate-id']]);
    assert.equal(set.problems.length, 1);
    const p = set.problems[0];
    assert.equal(p.origin, 'patterns/b-second.pattern.json');
    assert.equal(p.path, '$.id');
    assert.equal(p.message, '$.id: duplicate pattern id "marketplace": already used by patterns/a-first.pattern.json, so this model is not loaded; give it an id of its own');
    const at = whereIs(second, '"marketplace"');
    assert.deepEqual(p.range.start, { line: at.line - 1, character: at.column - 1 });
  });

  it('a model using the bundled model\'s id never replaces it', () => {
    const set = loadModelSet([{ origin: 'patterns/mine.pattern.json', text: validModel('ai-infrastructure', 'My AI Infrastructure') }]);
    assert.equal(set.catalog.indexes.length, 1);
    assert.equal(set.catalog.find('ai-infrastructure'), bundledIndex());
    assert.match(set.problems[0].message, /already used by the bundled model \(which is never replaced\)/);
  });

  it('an exact copy of the bundled model (kept in a repository) is skipped quietly', () => {
    const copy = JSON.stringify({ $schema: '../schemas/pattern-model.schema.json', ...bundledIndex().model }, null, 2);
    const set = loadModelSet([{ origin: 'patterns/ai-infrastructure.pattern.json', text: copy }]);
    assert.deepEqual(set.files.map((f) => f.status), ['same-as-loaded']);
    assert.deepEqual(set.problems, []);
    assert.equal(set.catalog.indexes.length, 1);
  });

  it('"__proto__" and "constructor" keys are refused as unknown and reach no prototype', () => {
    const text = '{"schemaVersion":1,"id":"proto","name":"Proto","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},'
      + '"sections":[{"id":"s","kind":"prose","title":"S","__proto__":{"isAdmin":true}}]}';
    const set = loadModelSet([{ origin: 'proto.pattern.json', text }]);
    assert.equal(set.files[0].status, 'invalid');
    const paths = set.problems.map((p) => p.path).sort();
    assert.deepEqual(paths, ['$.__proto__', '$.constructor', '$.sections[0].__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    assert.equal(set.catalog.indexes.length, 1);
  });

  it('NUL bytes (a binary file named *.pattern.json) are a problem, not a crash', () => {
    const set = loadModelSet([{ origin: 'image.pattern.json', text: '\u0089PNG\r\n\u001a\n\u0000\u0000' }]);
    assert.match(set.problems[0].message, /binary/);
  });

  it('a file with thousands of problems reports a bounded number, saying how many more', () => {
    const metrics = Array.from({ length: 400 }, (_, i) => ({ id: `m${i}`, name: `M${i}`, benchmarkText: 'x', unit: { kind: 'percent' } }));
    const text = JSON.stringify({ schemaVersion: 1, id: 'many', name: 'Many', sections: [{ id: 'k', kind: 'metrics', title: 'K' }], metrics });
    const set = loadModelSet([{ origin: 'many.pattern.json', text }]);
    assert.equal(set.problems.length, MAX_PROBLEMS_PER_FILE + 1);
    assert.match(set.problems[MAX_PROBLEMS_PER_FILE].message, /^300 more problems not shown/);
  });

  it('the same file listed twice loads once', () => {
    const f: ModelFile = { origin: 'p.pattern.json', text: validModel('p', 'P') };
    const set = loadModelSet([f, f]);
    assert.equal(set.files.length, 1);
    assert.deepEqual(set.problems, []);
  });

  it('the New Pattern Model skeleton loads as it is written', () => {
    const set = loadModelSet([{ origin: 'new.pattern.json', text: newModelSkeleton('Vertical AI Agents') }]);
    assert.deepEqual(set.problems, []);
    assert.equal(set.catalog.find('Vertical AI Agents')?.model.id, 'vertical-ai-agents');
  });
});
