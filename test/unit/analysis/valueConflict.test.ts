/**
 * The decimals of a stated number, counted without writing it out for the usual value, against
 * the count from its written form (valueConflict.ts: decimals / decimalsWritten).
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { decimals, decimalsWritten } from '../../../src/analysis/valueConflict';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';

function same(n: number): void {
  assert.equal(decimals(n), decimalsWritten(n), String(n));
}

describe('conflicting values: decimals of a number', () => {
  it('counts as the written form for numbers written with a few decimals, scaled and negated', function () {
    this.timeout(fuzzTimeout());
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom(1, 100, 0.01, 1e3, 1e-6), (k, d, scale) => {
        const n = k / 10 ** d;
        same(n);
        same(n * scale);
        same(Number(`${k}e-${d}`));
      }),
      fuzzParameters(20_000),
    );
  });

  it('counts as the written form for any double', function () {
    this.timeout(fuzzTimeout());
    fc.assert(fc.property(fc.double(), (n) => same(n)), fuzzParameters(20_000));
  });

  it('counts as the written form at the edges', () => {
    for (const n of [0.1, 0.2, 0.3, 0.1 + 0.2, 72.4, 0.72 * 100, 2.1, 1e-6, 1.5e-6, 1e-7, 99999999999.9, 9999999999.9, 1e21 + 0.5, -0.05, 0.000123, 1 / 3, NaN, Infinity, -Infinity, -0, 5e-324, Number.MAX_VALUE]) same(n);
    assert.equal(decimals(72.4), 1);
    assert.equal(decimals(0.1 + 0.2), 1);
    assert.equal(decimals(2.125), 3);
  });
});
