/**
 * The scanner's words and symbols are written once (valueWords.ts) and everything it matches is
 * built from those lists: every listed unit, currency, qualifier and reference word is read as
 * the lists say, so adding one to a list is the whole change.
 */
import * as assert from 'node:assert/strict';
import { findValues } from '../../../src/analysis/values';
import {
  CURRENCY_CODES, CURRENCY_SIGNS, CURRENCY_WORDS, MULTIPLE_SIGNS, PERCENT_SIGNS, PERCENT_WORDS, QUALIFIER_PHRASES,
  QUALIFIER_SYMBOLS, REFERENCE_AFTER_WORDS, SCALE_LETTERS, SCALE_WORDS,
} from '../../../src/analysis/valueWords';

function only(text: string): ReturnType<typeof findValues>[number] {
  const found = findValues(text);
  assert.equal(found.length, 1, `one value in "${text}": ${JSON.stringify(found)}`);
  return found[0];
}

describe('value words: one list each, read as listed', () => {
  it('every percent sign and word', () => {
    for (const s of PERCENT_SIGNS) assert.equal(only(`72${s}`).value.kind, 'percent', s);
    for (const w of PERCENT_WORDS) assert.equal(only(`72 ${w}`).value.kind, 'percent', w);
  });

  it('every multiple sign, scale letter and scale word', () => {
    for (const s of MULTIPLE_SIGNS) assert.equal(only(`2.1${s}`).value.kind, 'multiple', s);
    for (const [letter, scale] of Object.entries(SCALE_LETTERS)) assert.equal(only(`$2${letter}`).value.low, 2 * scale, letter);
    for (const [word, scale] of Object.entries(SCALE_WORDS)) assert.equal(only(`$2 ${word}`).value.low, 2 * scale, word);
  });

  it('every currency sign, code and word, with its ISO code', () => {
    for (const [sign, code] of Object.entries(CURRENCY_SIGNS)) assert.equal(only(`${sign}2.10`).value.currency, code, sign);
    for (const code of CURRENCY_CODES) {
      assert.equal(only(`${code} 2.10`).value.currency, code);
      assert.equal(only(`2.10 ${code}`).value.currency, code);
    }
    for (const [word, code] of Object.entries(CURRENCY_WORDS)) assert.equal(only(`2.10 ${word}`).value.currency, code, word);
  });

  it('every qualifier phrase and symbol', () => {
    for (const [phrase, q] of QUALIFIER_PHRASES) assert.equal(only(`it was ${phrase} 72%`).value.qualifier, q, phrase);
    for (const [symbol, q] of QUALIFIER_SYMBOLS) assert.equal(only(`it was ${symbol}72%`).value.qualifier, q, symbol);
  });

  it('every reference word after a value makes it a reference', () => {
    for (const w of REFERENCE_AFTER_WORDS) assert.equal(only(`the 80% ${w} was met`).reference, true, w);
    assert.equal(only('the 80% of capacity was used').reference, false);
  });
});
