/**
 * sortStable is the builtin sort it replaced for the lint's findings: the same order for any list,
 * equal items included (both are stable), below and above the length where it hands over.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { INSERTION_MAX, sortStable } from '../../../src/analysis/stableSort';
import { fuzzParameters } from '../../support/fuzz';

interface Item {
  readonly key: number;
  readonly id: number;
}

const byKey = (a: Item, b: Item): number => a.key - b.key;

describe('sortStable', () => {
  it('orders any list as Array.prototype.sort does, ties in their first order', () => {
    // Few distinct keys: many ties, so stability is what is tested.
    const list = fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 2 * INSERTION_MAX + 5 }).map((keys) => keys.map((key, id) => ({ key, id })));
    fc.assert(
      fc.property(list, (items) => {
        const expected = items.slice().sort(byKey);
        const copy = items.slice();
        const got = sortStable(copy, byKey);
        assert.equal(got, copy, 'sorts in place and returns the list');
        assert.deepEqual(got, expected);
      }),
      fuzzParameters(2000),
    );
  });

  it('sorts nearly ordered lists (the findings: each block in order, document-wide ones appended)', () => {
    const items: Item[] = [];
    for (let k = 0; k < 20; k++) items.push({ key: k, id: k });
    for (let k = 0; k < 8; k++) items.push({ key: (k * 7) % 20, id: 100 + k });
    assert.deepEqual(sortStable(items.slice(), byKey), items.slice().sort(byKey));
  });
});
