/**
 * The words around a number, as the value scanner (values.ts) reads them: lower-cased, and only
 * ever looked up in valueWords' lists or compared with a few literal words (the words before it,
 * and the plain word after it that decides whether a unit, a range or a reference may follow). So a word no list
 * knows can stand as {@link OTHER_WORD} without being cut from the text and lower-cased. Why: the
 * scanner reads up to four words before every number of a sentence with a metric name, and most
 * are no list's ("capacity", "reached"); cutting each (a string, then its lower-case copy, then its
 * hash for the lookups) was a measurable part of reading a value. Known words are walked through a
 * table letter by letter and come back as one shared string. test/unit/analysis/headWords.test.ts
 * holds {@link knownWord} to the plain cut-and-lower-case reading.
 */
import { CHANGE_WORDS, FILLER_WORDS, MONTHS, QUALIFIER_PHRASES, REFERENCE_AFTER_FIRST_WORDS, REFERENCE_PAIRS, REFERENCE_WORDS, UNIT_WORDS } from './valueWords';

/** Any word no list knows: in no list, and in no phrase (a phrase built with it matches none). */
export const OTHER_WORD = '\u0000';

/** The words values.ts compares literally, besides its lists: keep in step with readHead and readValueAt. */
export const LITERAL_WORDS: readonly string[] = ['of', 'growth', 'to', 'with', 'from', 'between', 'and'];

/** Every word a lookup of the scanner can find. */
export const KNOWN_WORDS: ReadonlySet<string> = new Set([
  ...CHANGE_WORDS, ...FILLER_WORDS, ...REFERENCE_WORDS, ...MONTHS, ...[...MONTHS].map((m) => `${m}.`),
  ...[...QUALIFIER_PHRASES.keys(), ...REFERENCE_PAIRS].flatMap((p) => p.split(' ')),
  ...UNIT_WORDS, ...REFERENCE_AFTER_FIRST_WORDS, ...LITERAL_WORDS,
]);

/** Letters a-z (either case) are 0-25, "." is 26; anything else has no place in the table. */
const SYMBOLS = 27;
const ROOT = 1;

function symbolOf(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  return c === 0x2e ? 26 : -1;
}

/** next[state * SYMBOLS + symbol]: the state after a letter (0: no known word goes on so); wordAt[state]: the word ending there. */
const { next, wordAt } = ((): { next: Int32Array; wordAt: (string | undefined)[] } => {
  const edges: number[][] = [[], []];
  const ends: (string | undefined)[] = [undefined, undefined];
  for (const word of KNOWN_WORDS) {
    let state = ROOT;
    for (let k = 0; k < word.length; k++) {
      const sym = symbolOf(word.charCodeAt(k));
      if (sym < 0 || (word.charCodeAt(k) < 0x61 && word[k] !== '.')) throw new Error(`value word not lower-case a-z and ".": ${word}`);
      let to = edges[state][sym];
      if (to === undefined) {
        to = edges.length;
        edges.push([]);
        ends.push(undefined);
        edges[state][sym] = to;
      }
      state = to;
    }
    ends[state] = word;
  }
  const table = new Int32Array(edges.length * SYMBOLS);
  edges.forEach((row, state) => row.forEach((to, sym) => (table[state * SYMBOLS + sym] = to)));
  return { next: table, wordAt: ends };
})();

/** The plain reading: the word cut and lower-cased, when a list knows it. */
export function knownWordSlow(text: string, start: number, end: number): string {
  const w = text.slice(start, end).toLowerCase();
  return KNOWN_WORDS.has(w) ? w : OTHER_WORD;
}

/** `text[start, end)` lower-cased when {@link KNOWN_WORDS} holds it, else {@link OTHER_WORD}. */
export function knownWord(text: string, start: number, end: number): string {
  let state = ROOT;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    // Outside ASCII, lower-casing may change lengths or give ASCII letters ("K", the Kelvin sign): read plainly.
    if (c >= 128) return knownWordSlow(text, start, end);
    const sym = symbolOf(c);
    if (sym < 0) return knownWordSlow(text, start, end);
    state = next[state * SYMBOLS + sym];
    // No known word starts so; ASCII lower-cases letter by letter, so nothing after can make one.
    if (state === 0) return OTHER_WORD;
  }
  return wordAt[state] ?? OTHER_WORD;
}
