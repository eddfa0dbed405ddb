/**
 * The words before a value are found lazily (values.ts: one at a time, nearest first, only as far
 * as the qualifier and head need them). Held here to the plain reading it replaced: every word up
 * to the cap found first, then the qualifier phrase and the head read from that list.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { knownWord } from '../../../src/analysis/headWords';
import { CHANGE_WORDS, FILLER_WORDS, MONTHS, QUALIFIER_ENDINGS, QUALIFIER_LENGTHS, QUALIFIER_MAX_WORDS, QUALIFIER_PHRASES, QUALIFIER_SYMBOLS, REFERENCE_PAIRS, REFERENCE_WORDS, type Qualifier } from '../../../src/analysis/valueWords';
import { findValues } from '../../../src/analysis/values';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';

const PREFIX_WINDOW = 40;
const HEAD_WORDS = 4;

const isSeparator = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === ':' || c === '=';
const isLetter = (c: string): boolean => /\p{L}/u.test(c);

/** The plain scan: up to `n` words ending before `end` (not before `min`), nearest last, looked up. */
function wordsBefore(text: string, end: number, min: number, n: number): { words: string[]; starts: number[] } {
  const words: string[] = [];
  const starts: number[] = [];
  let k = end;
  while (words.length < n) {
    while (k > min && isSeparator(text[k - 1])) k--;
    const wEnd = k;
    if (k > min && text[k - 1] === '.') k--;
    const lettersEnd = k;
    while (k > min && isLetter(text[k - 1])) k--;
    if (k === lettersEnd) break;
    words.unshift(knownWord(text, k, wEnd));
    starts.unshift(k);
    if (k > min && !isSeparator(text[k - 1])) break;
  }
  return { words, starts };
}

interface Head {
  start: number;
  qualifier: Qualifier | undefined;
  change: boolean;
  reference: boolean;
}

/** What words[lo, hi) say about the value after them (as values.ts read them before). */
function head(words: readonly string[], lo: number, hi: number): { change: boolean; reference: boolean } {
  const last = hi > lo ? words[hi - 1] : '';
  const change = CHANGE_WORDS.has(last) || (last === 'of' && hi - 2 >= lo && words[hi - 2] === 'growth');
  let k = hi;
  while (k > lo && FILLER_WORDS.has(words[k - 1])) k--;
  const ref = k > lo ? words[k - 1] : '';
  const reference = REFERENCE_WORDS.has(ref) || ((ref === 'to' || ref === 'with') && k - lo >= 2 && REFERENCE_PAIRS.has(`${words[k - 2]} ${ref}`));
  return { change, reference };
}

/** The plain reading of the prefix of the number at `s` (no sign or currency before it). */
function plainPrefix(text: string, s: number, min: number): Head {
  let j = s;
  while (j > min && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
  const two = j - 2 >= min ? text.slice(j - 2, j) : '';
  const symbol = QUALIFIER_SYMBOLS.has(two) ? two : j - 1 >= min && QUALIFIER_SYMBOLS.has(text[j - 1]) ? text[j - 1] : '';
  if (symbol) {
    const start = j - symbol.length;
    const { words } = wordsBefore(text, start, Math.max(min, start - PREFIX_WINDOW), HEAD_WORDS);
    return { start, qualifier: QUALIFIER_SYMBOLS.get(symbol), ...head(words, 0, words.length) };
  }
  const window = Math.max(min, s - 2 * PREFIX_WINDOW);
  let { words, starts } = wordsBefore(text, s, window, HEAD_WORDS);
  let count = words.length;
  let lastWord = count > 0 ? words[count - 1] : undefined;
  if (count === HEAD_WORDS && lastWord !== undefined && QUALIFIER_ENDINGS.has(lastWord)) {
    ({ words, starts } = wordsBefore(text, s, window, QUALIFIER_MAX_WORDS + HEAD_WORDS));
    count = words.length;
    lastWord = words[count - 1];
  }
  for (const n of (lastWord !== undefined && QUALIFIER_LENGTHS.get(lastWord)) || []) {
    if (n > count) continue;
    const q = QUALIFIER_PHRASES.get(words.slice(count - n).join(' '));
    if (q) return { start: starts[count - n], qualifier: q, ...head(words, Math.max(0, count - n - HEAD_WORDS), count - n) };
  }
  return { start: s, qualifier: undefined, ...head(words, Math.max(0, count - HEAD_WORDS), count) };
}

/** Words of every list the head and qualifier read, in other cases, and others. */
const WORDS = [
  ...new Set([...QUALIFIER_PHRASES.keys(), ...REFERENCE_PAIRS].flatMap((p) => p.split(' '))),
  ...FILLER_WORDS, ...REFERENCE_WORDS, ...[...CHANGE_WORDS].slice(0, 8), ...[...MONTHS].slice(0, 4),
  // Whole phrases too: a head word behind a long qualifier is then often within reach.
  ...QUALIFIER_PHRASES.keys(), ...REFERENCE_PAIRS, 'growth of', 'is set at',
  'growth', 'of', 'from', 'between', 'Up', 'TO', 'About', 'Capacity', 'utilization', 'Q', 'é', 'x',
];
const JOINS = [' ', ' ', ' ', ' ', '  ', '\t', ': ', '=', ' = ', ', ', '(', '.', ''];
const BEFORE_NUMBER = ['', ' ', '~', ' ~', '>=', ' >= ', '≈', '<', ' ', ': '];

describe('value scanner: the words before a value, read lazily', () => {
  it('reads the qualifier, start, change and reference as the plain reading of every word up to the cap', function () {
    this.timeout(fuzzTimeout());
    const piece = fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...JOINS));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.constantFrom(...BEFORE_NUMBER), fc.nat(), (pieces, before, cut) => {
        const written = pieces.map(([w, j]) => w + j).join('') + before;
        // A number glued to a word or a decimal point is no number: a space keeps it one.
        const prefix = /[\p{L}.,_]$/u.test(written) ? `${written} ` : written;
        const text = `${prefix}72%`;
        const from = cut % (prefix.length + 1);
        const found = findValues(text, from);
        assert.equal(found.length, 1, JSON.stringify(text));
        const f = found[0];
        const want = plainPrefix(text, prefix.length, from);
        assert.deepEqual({ start: f.start, qualifier: f.value.qualifier, change: f.change, reference: f.reference }, want, JSON.stringify([text, from]));
      }),
      fuzzParameters(20_000),
    );
  });

  it('reads a head word behind a three-word qualifier', () => {
    const read = (s: string): unknown => findValues(s).map((f) => [f.value.text, f.value.qualifier, f.change, f.reference]);
    assert.deepEqual(read('The target is no less than 72%, growth of no more than 5%.'), [['no less than 72%', 'at-least', false, true], ['no more than 5%', 'at-most', true, false]]);
  });
});
