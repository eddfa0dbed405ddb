/**
 * Property-based tests of the pattern-model loader: any text and any JSON value — including
 * mutations of the real bundled model at random paths and `__proto__` keys — give errors XOR a
 * model, never an exception; every error has a JSON path starting with `$` and an offset inside
 * the text; a loaded model survives a save-and-reload round trip and indexes without throwing.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadPatternModel, type LoadResult } from '../../../src/model/modelLoader';
import { PatternIndex } from '../../../src/model/patternIndex';
import { prototypesClean } from '../../support/analysisInvariants';
import { anyText } from '../../support/fuzzArbitraries';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';

const BUNDLED = readFileSync(path.resolve(__dirname, '../../../../patterns/ai-infrastructure.pattern.json'), 'utf8');

function assertWellFormed(text: string, result: LoadResult): void {
  assert.ok(Array.isArray(result.errors));
  assert.ok((result.model === undefined) !== (result.errors.length === 0), `errors XOR model: model=${!!result.model}, errors=${result.errors.length}`);
  for (const e of result.errors) {
    assert.ok(typeof e.path === 'string' && e.path.startsWith('$'), `path ${e.path}`);
    assert.ok(typeof e.message === 'string' && e.message.trim().length > 0, 'empty message');
    assert.doesNotMatch(e.message, /\[object Object\]|undefined(?!")/, e.message);
    if (e.offset !== undefined) assert.ok(Number.isInteger(e.offset) && e.offset >= 0 && e.offset <= text.length, `offset ${e.offset} of ${text.length}`);
  }
  assert.ok(prototypesClean(), 'a prototype was polluted');
  if (result.model) assert.doesNotThrow(() => new PatternIndex(result.model!));
}

/** A JSON path into the bundled model, and a value to put there. */
const pathSegment = fc.oneof(fc.constantFrom('metrics', 'companies', 'sections', 'source', 'unit', 'benchmark', 'aliases', 'name', 'id', 'kind', 'comparator', 'value', 'min', 'max', '__proto__', 'constructor', 'extra'), fc.nat({ max: 6 }));
const jsonValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('', ' ', 'x'.repeat(10_001), 'Not Valid', -1, 1e308, null, [], {}));

function setAt(root: unknown, segments: readonly (string | number)[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const copy: Record<string | number, unknown> = Array.isArray(root) ? [...root] as unknown as Record<number, unknown> : typeof root === 'object' && root !== null ? { ...(root as object) } : {};
  const [head, ...rest] = segments;
  Object.defineProperty(copy, head, { value: setAt((copy as Record<string | number, unknown>)[head], rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}

describe('fuzz: loadPatternModel', function () {
  this.timeout(fuzzTimeout());

  it('any text: errors XOR model, paths start with $, offsets inside the text', () => {
    fc.assert(fc.property(anyText, (text) => assertWellFormed(text, loadPatternModel(text))), fuzzParameters(500));
  });

  it('any JSON value, including __proto__ keys', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
      const text = JSON.stringify(value) ?? 'null';
      assertWellFormed(text, loadPatternModel(text));
    }), fuzzParameters(300));
  });

  it('the bundled model mutated at a random path', () => {
    const base = JSON.parse(BUNDLED) as unknown;
    fc.assert(fc.property(fc.array(pathSegment, { minLength: 1, maxLength: 4 }), jsonValue, (segments, value) => {
      const text = JSON.stringify(setAt(base, segments, value));
      assertWellFormed(text, loadPatternModel(text));
    }), fuzzParameters(400));
  });

  it('a loaded model round-trips: saved and loaded again it is the same model', () => {
    const base = JSON.parse(BUNDLED) as unknown;
    // Edits that usually keep the model valid: free text where the model holds free text.
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 80 });
    const edit = fc.oneof(
      fc.tuple(fc.constant<(string | number)[]>(['tagline']), text),
      fc.tuple(fc.nat({ max: 3 }).map((i) => ['metrics', i, 'benchmarkText']), text),
      fc.tuple(fc.nat({ max: 5 }).map((i) => ['companies', i, 'note']), text),
      fc.tuple(fc.nat({ max: 3 }).map((i) => ['strengths', i]), text),
      fc.tuple(fc.constant<(string | number)[]>(['sections', 0, 'paragraphs', 0]), text),
      fc.tuple(fc.nat({ max: 3 }).map((i) => ['metrics', i, 'unit', 'label']), text),
    );
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      const mutated = edits.reduce<unknown>((m, [segments, value]) => setAt(m, segments, value), base);
      const result = loadPatternModel(JSON.stringify(mutated));
      fc.pre(result.model !== undefined);
      const again = loadPatternModel(JSON.stringify(result.model));
      assert.deepEqual(again.errors, []);
      assert.deepEqual(again.model, result.model);
    }), fuzzParameters(100));
  });
});
