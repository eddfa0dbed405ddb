/**
 * nameKey and nameKeyMatchCase answer plain ASCII names without the full normalisation (a fast
 * path): whatever the text, they must give exactly what the full normalisation gives — typography
 * folded, separators collapsed to one space, trimmed (and lower-cased for nameKey).
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { foldTypography, nameKey, nameKeyMatchCase } from '../../../src/model/names';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';

/** The keys as the model defines them, with no shortcut. */
const SEPARATORS = /[\s\u00a0\u202f\u2007\u2060-]+/g;
const fullKey = (text: string): string => foldTypography(text).toLowerCase().replace(SEPARATORS, ' ').trim();
const fullKeyMatchCase = (text: string): string => foldTypography(text).replace(SEPARATORS, ' ').trim();

describe('nameKey: the same keys with and without the plain-ASCII shortcut', () => {
  it('keeps plain names as they are (lower-cased for nameKey)', () => {
    assert.strictEqual(nameKey('GPU Utilization Rate'), 'gpu utilization rate');
    assert.strictEqual(nameKeyMatchCase('Together AI'), 'Together AI');
    assert.strictEqual(nameKey(''), '');
  });

  it('still collapses, trims and folds where the text needs it', () => {
    assert.strictEqual(nameKey(' GPU  utilization '), 'gpu utilization');
    assert.strictEqual(nameKey('GPU-hour'), 'gpu hour');
    assert.strictEqual(nameKey('GPU\thour'), 'gpu hour');
    assert.strictEqual(nameKey('GPU\u00a0Hour'), 'gpu hour');
    assert.strictEqual(nameKeyMatchCase('Lambda\u2019s  Labs '), "Lambda's Labs");
    assert.strictEqual(nameKey('x '), 'x');
    assert.strictEqual(nameKey(' '), '');
  });

  it('agrees with the full normalisation on random texts', function () {
    this.timeout(fuzzTimeout());
    const piece = fc.oneof(
      fc.constantFrom('GPU', 'hour', 'Rate', 'a', 'Z', ' ', '  ', '-', '\t', '\n', '\r', '\u000b', '\u00a0', '\u2011', '\u2019', '\u212a', 'é', 'İ', '😀', '_', '.', ':'),
      fc.string({ maxLength: 3 }),
      fc.string({ unit: 'binary', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        assert.strictEqual(nameKey(text), fullKey(text));
        assert.strictEqual(nameKeyMatchCase(text), fullKeyMatchCase(text));
      }),
      fuzzParameters(5_000),
    );
  });
});
