/**
 * The loader turns every broken model into clear errors — a JSON path such as `$.metrics[1].name`,
 * a reason a person can act on, and an offset into the file for squiggles — and never throws,
 * whatever it is given.
 */
import * as assert from 'assert';
import { lineColumnOf, loadPatternModel, type LoadResult } from '../../../src/model/modelLoader';
import type { ModelError } from '../../../src/model/types';
import { bundledModelText, minimalModelJson, mutatedModelText } from './modelFixtures';

/** Asserts the load failed with an error at `path` whose message matches `reason`; returns that error. */
function expectError(result: LoadResult, path: string, reason: RegExp): ModelError {
  assert.strictEqual(result.model, undefined, 'a broken model must not load');
  const error = result.errors.find((e) => e.path === path && reason.test(e.message));
  assert.ok(error, `no error at ${path} matching ${reason}; got:\n${result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  return error;
}

function load(change: (model: any) => void): { text: string; result: LoadResult } { // eslint-disable-line @typescript-eslint/no-explicit-any
  const text = mutatedModelText(change);
  return { text, result: loadPatternModel(text) };
}

describe('loadPatternModel: the bundled model', () => {
  it('loads with no errors, keeping exactly the known fields', () => {
    const result = loadPatternModel(bundledModelText());
    assert.deepStrictEqual(result.errors, []);
    assert.ok(result.model);
    assert.strictEqual(result.model.id, 'ai-infrastructure');
    assert.strictEqual(result.model.number, 17);
    assert.ok(!('$schema' in result.model), 'the $schema hint is not model data');
  });

  it('accepts a byte-order mark and CRLF line ends (files saved on Windows)', () => {
    const result = loadPatternModel('\uFEFF' + bundledModelText().replace(/\n/g, '\r\n'));
    assert.deepStrictEqual(result.errors, []);
  });

  it('fills optional lists with empty ones and alias strings with matchCase false', () => {
    const result = loadPatternModel(JSON.stringify({ ...minimalModelJson(), aliases: ['Mini'] }));
    assert.ok(result.model, JSON.stringify(result.errors));
    assert.deepStrictEqual(result.model.aliases, [{ text: 'Mini', matchCase: false }]);
    assert.deepStrictEqual([result.model.metrics, result.model.companies, result.model.strengths, result.model.weaknesses], [[], [], [], []]);
    assert.deepStrictEqual(result.model.source, { headerLines: [] });
    assert.deepStrictEqual(result.model.sections[0].aliases, []);
  });
});

describe('loadPatternModel: syntax errors', () => {
  it('reports a syntax error with its offset, line and column', () => {
    const text = '{\n  "schemaVersion": 1,\n  "id": "x",,\n  "name": "X"\n}';
    const result = loadPatternModel(text);
    assert.strictEqual(result.model, undefined);
    const [first] = result.errors;
    assert.strictEqual(first.path, '$');
    assert.match(first.message, /^invalid JSON: /);
    assert.strictEqual(first.offset, text.indexOf(',,') + 1);
    assert.deepStrictEqual(lineColumnOf(text, first.offset ?? -1), { line: 3, column: 13 });
  });

  it('reports an unterminated file, a trailing comma, comments and an empty file', () => {
    for (const [text, reason] of [
      ['{"schemaVersion": 1, "id": "x"', /invalid JSON/],
      ['{"schemaVersion": 1,}', /invalid JSON/],
      ['// a comment\n{}', /invalid JSON/],
      ['', /invalid JSON: .*empty|invalid JSON/],
      ['   \n  ', /invalid JSON/],
    ] as const) {
      const result = loadPatternModel(text);
      assert.strictEqual(result.model, undefined, JSON.stringify(text));
      assert.ok(result.errors.length > 0 && result.errors.every((e) => e.path === '$' && reason.test(e.message)), `${JSON.stringify(text)}: ${JSON.stringify(result.errors)}`);
    }
  });

  it('keeps offsets true to the file when it starts with a byte-order mark', () => {
    const text = '\uFEFF{\n  "schemaVersion": 1,\n  "id": "x",,\n  "name": "X"\n}';
    const [first] = loadPatternModel(text).errors;
    assert.strictEqual(first.offset, text.indexOf(',,') + 1);
    const withBom = '\uFEFF' + mutatedModelText((m) => { m.name = 7; });
    const typeError = expectError(loadPatternModel(withBom), '$.name', /expected a string/);
    assert.ok(withBom.slice(typeError.offset).startsWith('"name": 7'), withBom.slice(typeError.offset, (typeError.offset ?? 0) + 20));
  });

  it('reports a file with NUL bytes as binary, at the first NUL', () => {
    const text = bundledModelText().replace('"AI Infrastructure"', '"AI\u0000Infrastructure"');
    const error = expectError(loadPatternModel(text), '$', /NUL bytes/);
    assert.strictEqual(error.offset, text.indexOf('\u0000'));
  });
});

describe('loadPatternModel: structural errors, each with a JSON path and a reason', () => {
  it('missing required fields, at the object that lacks them', () => {
    let { result } = load((m) => { delete m.name; });
    expectError(result, '$', /missing required property "name"/);
    ({ result } = load((m) => { delete m.metrics[1].name; }));
    expectError(result, '$.metrics[1]', /missing required property "name"/);
    ({ result } = load((m) => { delete m.companies[0].note; }));
    expectError(result, '$.companies[0]', /missing required property "note"/);
    ({ result } = load((m) => { delete m.metrics[0].benchmark.value; }));
    expectError(result, '$.metrics[0].benchmark', /missing required property "value"/);
    ({ result } = load((m) => { delete m.metrics[2].unit; }));
    expectError(result, '$.metrics[2]', /missing required property "unit"/);
    ({ result } = load((m) => { delete m.schemaVersion; }));
    expectError(result, '$', /missing required property "schemaVersion"/);
  });

  it('wrong types, saying what was expected and what was found', () => {
    const cases: [(m: any) => void, string, RegExp][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
      [(m) => { m.metrics[1].name = 42; }, '$.metrics[1].name', /expected a string, found number 42/],
      [(m) => { m.metrics = {}; }, '$.metrics', /expected an array, found an object/],
      [(m) => { m.companies[3] = 'CoreWeave'; }, '$.companies[3]', /expected an object, found string "CoreWeave"/],
      [(m) => { m.metrics[0].benchmark.value = '80'; }, '$.metrics[0].benchmark.value', /expected a number, found string "80"/],
      [(m) => { m.number = 17.5; }, '$.number', /whole number/],
      [(m) => { m.number = '17'; }, '$.number', /expected a number/],
      [(m) => { m.strengths[2] = null; }, '$.strengths[2]', /expected a string, found null/],
      [(m) => { m.companies[5].aliases[0].matchCase = 'yes'; }, '$.companies[5].aliases[0].matchCase', /expected true or false/],
      [(m) => { m.companies[0].aliases = ['Amazon Web Services', 7]; }, '$.companies[0].aliases[1]', /expected an object, found number 7/],
      [(m) => { m.source = ['FourWeekMBA']; }, '$.source', /expected an object, found an array/],
    ];
    for (const [change, path, reason] of cases) expectError(load(change).result, path, reason);
  });

  it('values outside their allowed sets, listing the allowed ones', () => {
    expectError(load((m) => { m.metrics[0].benchmark.comparator = '=>'; }).result, '$.metrics[0].benchmark.comparator', /expected one of ">", ">=", "<", "<=", found string "=>"/);
    expectError(load((m) => { m.metrics[0].unit.kind = 'ratio'; }).result, '$.metrics[0].unit.kind', /expected one of "percent", "currency", "number", "multiple"/);
    expectError(load((m) => { m.sections[0].kind = 'list'; }).result, '$.sections[0].kind', /expected one of "prose", "metrics", "companies", "strengthsWeaknesses"/);
    expectError(load((m) => { m.metrics[0].extensionNote.direction = 'up'; }).result, '$.metrics[0].extensionNote.direction', /expected one of "higher", "lower"/);
    expectError(load((m) => { m.metrics[1].unit.currency = 'usd'; }).result, '$.metrics[1].unit.currency', /three-letter ISO code/);
    expectError(load((m) => { delete m.metrics[1].unit.currency; }).result, '$.metrics[1].unit', /currency unit needs "currency"/);
    expectError(load((m) => { m.source.url = 'javascript:alert(1)'; }).result, '$.source.url', /http\(s\) address/);
  });

  it('unsupported schemaVersion', () => {
    expectError(load((m) => { m.schemaVersion = 2; }).result, '$.schemaVersion', /unsupported schemaVersion number 2; .* reads schemaVersion 1/);
    expectError(load((m) => { m.schemaVersion = '1'; }).result, '$.schemaVersion', /unsupported schemaVersion string "1"/);
  });

  it('unknown properties, at the property, listing the allowed ones', () => {
    const { text, result } = load((m) => { m.color = 'blue'; });
    const error = expectError(result, '$.color', /unknown property "color" \(allowed: .*schemaVersion.*\)/);
    assert.ok(text.slice(error.offset).startsWith('"color"'), 'the offset points at the property name');
    expectError(load((m) => { m.metrics[2].target = 95; }).result, '$.metrics[2].target', /unknown property "target"/);
    expectError(load((m) => { m.metrics[0].benchmark.unit = '%'; }).result, '$.metrics[0].benchmark.unit', /unknown property "unit"/);
    expectError(load((m) => { m.source.date = '2025'; }).result, '$.source.date', /unknown property/);
    expectError(load((m) => { m.companies[5].aliases[0].fuzzy = true; }).result, '$.companies[5].aliases[0].fuzzy', /unknown property/);
    expectError(load((m) => { m['Key Metrics'] = []; }).result, '$["Key Metrics"]', /unknown property "Key Metrics"/);
  });

  it('reports __proto__ and constructor keys as unknown, and they never reach Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const text = bundledModelText()
      .replace('"schemaVersion": 1,', '"schemaVersion": 1, "__proto__": { "polluted": true, "isAdmin": true },')
      .replace('"id": "aws",', '"id": "aws", "constructor": { "prototype": { "polluted": true } },');
    const result = loadPatternModel(text);
    expectError(result, '$.__proto__', /unknown property "__proto__"/);
    expectError(result, '$.companies[0].constructor', /unknown property "constructor"/);
    const probe: Record<string, unknown> = {};
    assert.strictEqual(probe.polluted, undefined);
    assert.strictEqual(probe.isAdmin, undefined);
    assert.deepStrictEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before);
    // The same keys inside an otherwise valid place (a nested unknown object) are refused as well.
    const nested = loadPatternModel(mutatedModelText((m) => { m.metrics[0].extensionNote = JSON.parse('{"__proto__": {"direction": "lower"}}'); }));
    expectError(nested, '$.metrics[0].extensionNote.__proto__', /unknown property/);
  });

  it('duplicate ids within a list, pointing at the first one', () => {
    const { text, result } = load((m) => { m.metrics[3].id = 'gpu-utilization-rate'; });
    const error = expectError(result, '$.metrics[3].id', /duplicate id "gpu-utilization-rate" \(also at \$\.metrics\[0\]\.id\)/);
    // Errors about a property's value point at the property, where an editor puts the squiggle.
    assert.ok(text.slice(error.offset).startsWith('"id": "gpu-utilization-rate"'), text.slice(error.offset, (error.offset ?? 0) + 30));
    assert.ok((error.offset ?? 0) > text.indexOf('"capacity-growth-rate"') - 40, 'the offset is at the fourth metric, not the first');
    expectError(load((m) => { m.sections[5].id = 'the-pattern'; }).result, '$.sections[5].id', /duplicate id/);
    expectError(load((m) => { m.companies[1].id = 'aws'; }).result, '$.companies[1].id', /duplicate id "aws"/);
  });

  it('the same name or alias for two entities, whatever the case, spacing or hyphens', () => {
    expectError(load((m) => { m.companies[3].aliases = ['Retention']; }).result, '$.companies[3].aliases[0]', /"Retention" already names metric "customer-retention"/);
    expectError(load((m) => { m.metrics[3].aliases.push('GPU-Utilization'); }).result, '$.metrics[3].aliases[5]', /already names metric "gpu-utilization-rate"/);
    expectError(load((m) => { m.companies[2].name = 'aws'; }).result, '$.companies[2].name', /already names company "aws"/);
    // Typographic dashes are the same name to the index, so they are the same name here too.
    expectError(load((m) => { m.metrics[3].aliases.push('revenue per GPU\u2013hour'); }).result, '$.metrics[3].aliases[5]', /already names metric "revenue-per-gpu-hour"/);
  });

  it('a section title that is also a metric or company name (lookups would be ambiguous)', () => {
    expectError(load((m) => { m.sections[4].title = 'Customer Retention'; }).result, '$.metrics[2].name', /"Customer Retention" already names section "ai-transformation"/);
    expectError(load((m) => { m.sections[0].aliases = ['AWS']; }).result, '$.companies[0].name', /already names section "the-pattern"/);
  });

  it('list sections: one of each kind, present when their list is not empty', () => {
    expectError(load((m) => { m.sections[4].kind = 'metrics'; delete m.sections[4].paragraphs; }).result, '$.sections[4].kind', /only one section may have kind "metrics"/);
    expectError(load((m) => { m.sections.splice(1, 1); }).result, '$.sections', /lists metrics but no section has kind "metrics"/);
    expectError(load((m) => { m.sections.splice(2, 1); }).result, '$.sections', /lists companies but no section has kind "companies"/);
    expectError(load((m) => { m.sections.splice(3, 1); }).result, '$.sections', /strengths or weaknesses but no section/);
    expectError(load((m) => { m.sections = []; }).result, '$.sections', /at least one section/);
  });

  it('unit bounds that exclude every value', () => {
    expectError(load((m) => { m.metrics[0].unit.min = 100; m.metrics[0].unit.max = 0; }).result, '$.metrics[0].unit.max', /max \(0\) is below min \(100\)/);
  });

  it('bad ids, with the rule for a good one', () => {
    for (const bad of ['GPU-Utilization', 'gpu_utilization', 'gpu--utilization', '-gpu', 'gpu-', 'gpu utilization', 'gpü']) {
      expectError(load((m) => { m.metrics[0].id = bad; }).result, '$.metrics[0].id', /is not valid: use lower-case letters, digits and single hyphens/);
    }
    expectError(load((m) => { m.id = 'AI Infrastructure'; }).result, '$.id', /is not valid/);
  });

  it('empty and blank strings', () => {
    expectError(load((m) => { m.name = ''; }).result, '$.name', /must not be empty/);
    expectError(load((m) => { m.companies[4].note = '   \n\t'; }).result, '$.companies[4].note', /must not be empty/);
    expectError(load((m) => { m.sections[0].paragraphs[1] = '\u00a0'; }).result, '$.sections[0].paragraphs[1]', /must not be empty/);
    expectError(load((m) => { m.metrics[0].aliases[0] = ''; }).result, '$.metrics[0].aliases[0]', /must not be empty/);
    expectError(load((m) => { m.companies[5].aliases[0].text = ' '; }).result, '$.companies[5].aliases[0].text', /must not be empty/);
  });

  it('a NUL character written as an escape inside a string', () => {
    expectError(load((m) => { m.companies[0].note = 'Largest\u0000cloud'; }).result, '$.companies[0].note', /NUL/);
  });

  it('a huge string, with its length and the limit', () => {
    const { result } = load((m) => { m.sections[0].paragraphs[0] = 'x'.repeat(10_001); });
    expectError(result, '$.sections[0].paragraphs[0]', /is 10001 characters long; the limit is 10000/);
    assert.ok(loadPatternModel(mutatedModelText((m) => { m.sections[0].paragraphs[0] = 'x'.repeat(10_000); })).model, '10000 characters are allowed');
  });

  it('counts characters, not UTF-16 units, like the schema does (10000 emoji are allowed)', () => {
    const result = loadPatternModel(mutatedModelText((m) => { m.sections[0].paragraphs[0] = '\u{1F680}'.repeat(10_000); }));
    assert.deepStrictEqual(result.errors, []);
    expectError(loadPatternModel(mutatedModelText((m) => { m.sections[0].paragraphs[0] = '\u{1F680}'.repeat(10_001); })),
      '$.sections[0].paragraphs[0]', /is 10001 characters long/);
  });

  it('a pattern number that is not a positive whole number', () => {
    expectError(load((m) => { m.number = 0; }).result, '$.number', /positive whole number|at least 1/);
    expectError(load((m) => { m.number = -17; }).result, '$.number', /positive whole number|at least 1/);
  });

  it('a number too large for JSON to represent, with a readable reason', () => {
    const text = bundledModelText().replace('"value": 80', '"value": 1e999');
    const error = expectError(loadPatternModel(text), '$.metrics[0].benchmark.value', /expected a (finite )?number/);
    assert.doesNotMatch(error.message, /null/, 'Infinity must not be described as null');
  });

  it('reports many problems at once, each with an offset inside the file', () => {
    const { text, result } = load((m) => {
      m.metrics[0].name = 1;
      m.companies[2].id = 'Google Cloud';
      m.sections[1].extra = true;
    });
    assert.ok(result.errors.length >= 3, JSON.stringify(result.errors));
    for (const e of result.errors) {
      assert.ok(e.offset !== undefined && e.offset >= 0 && e.offset < text.length, `${e.path}: offset ${e.offset}`);
      assert.ok(e.message.length > 10 && !/undefined|\[object Object\]/.test(e.message), e.message);
    }
  });
});

describe('loadPatternModel: never throws', () => {
  const odd: [string, string][] = [
    ['null', 'null'], ['an array', '[]'], ['a string', '"x"'], ['a number', '42'], ['true', 'true'], ['an empty object', '{}'],
    ['deeply nested arrays', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['deeply nested objects', '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)],
    ['unbalanced nesting', '['.repeat(100_000)],
    ['a lone surrogate', '{"schemaVersion":1,"id":"x","name":"\\ud800","sections":[]}'],
    ['a huge array', `{"schemaVersion":1,"id":"x","name":"X","sections":[],"strengths":[${'1,'.repeat(100_000)}1]}`],
    ['binary noise', Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
  ];
  for (const [what, text] of odd) {
    it(`returns errors, not an exception, for ${what}`, () => {
      let result: LoadResult | undefined;
      assert.doesNotThrow(() => { result = loadPatternModel(text); });
      assert.ok(result);
      assert.strictEqual(result.model, undefined);
      assert.ok(result.errors.length > 0);
      for (const e of result.errors) assert.ok(typeof e.path === 'string' && e.path.startsWith('$') && e.message.length > 0);
    });
  }

  it('caps the number of errors it reports for a hopeless file', () => {
    const result = loadPatternModel('{' + '"a" 1 '.repeat(10_000) + '}');
    assert.ok(result.errors.length > 0 && result.errors.length <= 50, `${result.errors.length} errors`);
  });

  it('reports every bad value of a long list, each at its own index (loadModelSet caps what is shown)', () => {
    const result = loadPatternModel(mutatedModelText((m) => { m.strengths = Array.from({ length: 5000 }, (_, i) => i); }));
    assert.strictEqual(result.errors.length, 5000);
    assert.strictEqual(result.errors[4999].path, '$.strengths[4999]');
  });

  it('names the root problem for non-object JSON', () => {
    expectError(loadPatternModel('null'), '$', /expected an object, found null/);
    expectError(loadPatternModel('[]'), '$', /expected an object, found an array/);
    expectError(loadPatternModel('"x"'), '$', /expected an object, found string "x"/);
  });

  it('refuses a value that is not text at all', () => {
    for (const v of [undefined, null, 42, {}, Buffer.from('{}')]) {
      const result = loadPatternModel(v as unknown as string);
      assert.deepStrictEqual(result.errors.map((e) => e.path), ['$']);
    }
  });
});
