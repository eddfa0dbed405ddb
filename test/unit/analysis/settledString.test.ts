/**
 * `settledString` (src/analysis/settledString.ts) only decides when V8 joins a concatenation's
 * pieces: the text it returns is the text it was given, for any text.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { settledString } from '../../../src/analysis/settledString';
import { fuzzParameters } from '../../support/fuzz';

describe('settledString', () => {
  it('returns the text it is given, built by concatenation or not', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const joined = `${a} — ${b}`;
        assert.equal(settledString(joined), `${a} — ${b}`);
        assert.equal(settledString(a), a);
      }),
      fuzzParameters(200),
    );
    assert.equal(settledString(''), '');
  });
});
