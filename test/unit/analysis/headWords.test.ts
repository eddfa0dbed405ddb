/**
 * The words before a value, looked up without cutting them out of the text (headWords.ts), against
 * the plain reading: cut, lower-cased, and kept only when a list knows them.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { KNOWN_WORDS, knownWord, knownWordSlow, OTHER_WORD } from '../../../src/analysis/headWords';
import { CHANGE_WORDS, FILLER_WORDS, MONTHS, QUALIFIER_ENDINGS, QUALIFIER_PHRASES, REFERENCE_AFTER_FIRST_WORDS, REFERENCE_PAIRS, REFERENCE_WORDS, UNIT_WORDS } from '../../../src/analysis/valueWords';
import { findValues } from '../../../src/analysis/values';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';

/** Known words, pieces of them, in other cases, and letters whose lower case is unusual. */
const PIECES = [
  ...[...KNOWN_WORDS].slice(0, 40), 'about', 'ABOUT', 'Sept.', 'vs.', 'VS', 'up', 'Up', 'of', 'gro', 'wth', 'a', 'b', 'z', 'Z', '.',
  'K' /* Kelvin sign: lower-cases to "k" */, 'ſ', 'İ', 'ı', 'é', 'Σ', 'ß', 'x', '',
];

describe('head words: known words read in place', () => {
  it('answers as the plain reading on words made of known words\' pieces', function () {
    this.timeout(fuzzTimeout());
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }), fc.string({ maxLength: 3 }), (pieces, pad) => {
        const word = pieces.join('');
        const text = `${pad}${word}${pad}`;
        assert.equal(knownWord(text, pad.length, pad.length + word.length), knownWordSlow(text, pad.length, pad.length + word.length), JSON.stringify(word));
      }),
      fuzzParameters(20_000),
    );
  });

  it('answers as the plain reading on every known word in any case, and on arbitrary strings', () => {
    for (const w of KNOWN_WORDS) {
      for (const v of [w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1), `${w}s`, w.slice(0, -1)]) assert.equal(knownWord(v, 0, v.length), knownWordSlow(v, 0, v.length), v);
    }
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), (s) => assert.equal(knownWord(s, 0, s.length), knownWordSlow(s, 0, s.length))), fuzzParameters(5_000));
  });

  it('knows every word of the lists the scanner looks words up in', () => {
    for (const list of [CHANGE_WORDS, FILLER_WORDS, MONTHS, QUALIFIER_ENDINGS, REFERENCE_WORDS, UNIT_WORDS, REFERENCE_AFTER_FIRST_WORDS]) for (const w of list) assert.equal(knownWord(w, 0, w.length), w);
    for (const p of [...QUALIFIER_PHRASES.keys(), ...REFERENCE_PAIRS]) for (const w of p.split(' ')) assert.equal(knownWord(w, 0, w.length), w);
    assert.equal(knownWord('Capacity', 0, 8), OTHER_WORD);
  });

  it('leaves the plain word after a value deciding as before', () => {
    const read = (s: string): unknown => findValues(s).map((f) => [f.value.text, f.value.kind, f.reference]);
    // As main read them: a range and a currency word only in lower case, a unit word and a reference in any case.
    assert.deepEqual(read('It was 3.60 As older units, 2 MILLION, 70 TO 75%, 70 to 75%, 5 Percent, the 80% Target, 2.10 Dollars, 2.10 dollars.'), [
      ['3.60', 'number', false], ['2 MILLION', 'number', false], ['70', 'number', false], ['75%', 'percent', false], ['70 to 75%', 'percent', false],
      ['5 Percent', 'percent', false], ['80%', 'percent', true], ['2.10', 'number', false], ['2.10 dollars', 'currency', false],
    ]);
  });

  it('leaves what the words before a value say unchanged', () => {
    const read = (s: string): unknown => findValues(s).map((f) => [f.value.text, f.value.qualifier, f.change, f.reference]);
    assert.deepEqual(read('Utilization ROSE 5% to 72%, against the 80% TARGET, vs. 65% last year, Up To 90%, Sept. 30, compared With 70%, growth of 18%.'), [
      ['5%', undefined, true, false], ['72%', undefined, false, false], ['80%', undefined, false, true], ['65%', undefined, false, true],
      ['Up To 90%', 'at-most', false, false], ['70%', undefined, false, true], ['18%', undefined, true, false],
    ]);
  });
});
