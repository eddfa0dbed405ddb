/**
 * The quick verb test of inflectedMentions.ts is written out by hand for speed; it must answer
 * exactly as the expression derived from VERB_FORMS (the test it replaced) on every text: the words
 * in any letter case, glued to other words, cut short, with typographic or non-ASCII letters around.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { ANY_VERB, VERB_FORMS, VERB_WORDS, verbTest } from '../../../src/analysis/inflectedMentions';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';

/** The test before it was written out: every verb form of VERB_FORMS, one space for `\s+`, ignoring case. */
const REFERENCE = new RegExp(Object.values(VERB_FORMS).join('|').replace(/\\s\+/g, ' '), 'i');

/** Pieces of the verb forms and their neighbours, so random texts often come close to one. */
const PIECES = [
  'gr', 'GR', 'Gr', 'ew', 'EW', 'ow', 'OW', 's', 'S', 'n', 'N', 'ing', 'ING', 'th', 'has ', 'have ', 'grown', 'Grew', 'growth',
  'expand', 'EXPAND', 'ed', 'es', 'ion', 'increas', 'Increas', 'e', 'declin', 'Declin', ' ', '\n', '-', 'x', 'é', 'İ', 'ı', 'ſ', 'K', '\u00a0',
];

describe('inflected mentions: the quick verb test', () => {
  it('answers as the expression derived from VERB_FORMS on texts made of the verbs\' pieces', function () {
    this.timeout(fuzzTimeout());
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(ANY_VERB.test(text), REFERENCE.test(text), JSON.stringify(text));
      }),
      fuzzParameters(2_000),
    );
  });

  it('answers as the derived expression on arbitrary text', function () {
    this.timeout(fuzzTimeout());
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        assert.equal(ANY_VERB.test(text), REFERENCE.test(text), JSON.stringify(text));
      }),
      fuzzParameters(500),
    );
  });

  it('finds every verb form in any letter case, and nothing in the nouns alone', () => {
    for (const word of ['grew', 'grows', 'grown', 'growing', 'has grown', 'expanded', 'expands', 'expanding', 'increased', 'increases', 'increasing', 'declined', 'declines', 'declining']) {
      assert.ok(ANY_VERB.test(`Capacity ${word} 18%`), word);
      assert.ok(ANY_VERB.test(word.toUpperCase()), word.toUpperCase());
    }
    for (const text of ['capacity growth of 18%', 'fleet expansion', 'an increase', 'a decline', 'gro wth', 'expan ded']) assert.ok(!ANY_VERB.test(text), text);
  });
});

describe('inflected mentions: the quick test of some verbs', () => {
  const kinds = Object.keys(VERB_FORMS);
  /** Subsets of the verb kinds, as an index's names may use them. */
  const subsets = kinds.flatMap((_, i) => kinds.slice(i).map((__, j) => kinds.slice(i, i + j + 1)));

  it('VERB_WORDS names the same words as VERB_FORMS, kind by kind', () => {
    assert.deepEqual(Object.keys(VERB_WORDS).sort(), kinds.slice().sort());
  });

  it('answers as the expression derived from the same VERB_FORMS entries, for every subset', function () {
    this.timeout(fuzzTimeout());
    fc.assert(
      fc.property(fc.constantFrom(...subsets), fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (subset, pieces) => {
        const text = pieces.join('');
        const reference = new RegExp(subset.map((k) => VERB_FORMS[k]).join('|').replace(/\\s\+/g, ' '), 'i');
        assert.equal(verbTest(subset).test(text), reference.test(text), `${subset} ${JSON.stringify(text)}`);
      }),
      fuzzParameters(4_000),
    );
  });
});
