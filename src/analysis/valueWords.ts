/**
 * The words and symbols the value scanner (values.ts) and the value formatter (valueFormat.ts)
 * know, each written once. The scanner's regular expressions and its quick character and word
 * checks are all built from these lists when the module loads, so adding a word here (a currency,
 * a qualifier, a reference word) is the whole change.
 */
import type { StatedValue } from './types';

export type Qualifier = NonNullable<StatedValue['qualifier']>;

// ---- Characters --------------------------------------------------------------------------------

/** Spaces that may stand inside a value ("72 %", "USD 2.10"), besides the line's own end. */
export const INLINE_SPACES: readonly string[] = [' ', '\t', '\u00a0', '\u202f', '\u2007', '\u2009'];
/** Signs that make a number negative ("-5%", "−5%"). */
export const MINUS_SIGNS: readonly string[] = ['-', '−'];
/** Dashes between the ends of a range ("70–75%"); the minus signs count too. */
export const RANGE_DASHES: readonly string[] = ['-', '‐', '‑', '‒', '–', '—', '−'];
/** Words between the ends of a range ("70 to 75%"; "and" only after "between"). */
export const RANGE_WORDS: readonly string[] = ['to', 'and'];
/** Written right after a number: "10+ customers" means at least 10. */
export const AT_LEAST_SUFFIX = '+';

// ---- Units ---------------------------------------------------------------------------------------

export const PERCENT_SIGNS: readonly string[] = ['%', '％'];
/** Any case; a space inside stands for any inline space. */
export const PERCENT_WORDS: readonly string[] = ['percent', 'per cent', 'pct'];
/** Case matters ("X" is not a multiple). */
export const MULTIPLE_SIGNS: readonly string[] = ['x', '×'];

/** Scale letters, glued to the number ("2.1B"); case matters ("m" is not a million). */
export const SCALE_LETTERS: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, M: 1e6, mn: 1e6, B: 1e9, bn: 1e9, T: 1e12 };
/** Scale words, after a space ("2.1 billion"); any case. */
export const SCALE_WORDS: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Currency signs before the number ("$2.10", "US$2.10"), with their ISO code; the first sign of a code is the one written back. */
export const CURRENCY_SIGNS: Readonly<Record<string, string>> = { $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP' };
/** ISO 4217 codes, before ("USD 2.10") or after ("2.10 USD") the number. Always three capital letters. */
export const CURRENCY_CODES: readonly string[] = ['USD', 'EUR', 'GBP'];
/** Currency words after the number ("2.10 dollars"). */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = { dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR' };

// ---- Words around a value ---------------------------------------------------------------------------

/** Qualifier phrases (lower case, single spaces) before a number. */
export const QUALIFIER_PHRASES: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
  ...['about', 'around', 'approximately', 'approx', 'approx.', 'roughly', 'circa', 'ca.'].map((w) => [w, 'approx'] as const),
  ...['at least', 'no less than', 'a minimum of'].map((w) => [w, 'at-least'] as const),
  ...['at most', 'up to', 'no more than', 'a maximum of'].map((w) => [w, 'at-most'] as const),
  ...['over', 'above', 'more than', 'greater than', 'higher than', 'exceeding', 'in excess of', 'north of', 'upwards of', 'just over', 'just above'].map((w) => [w, 'over'] as const),
  ...['under', 'below', 'less than', 'lower than', 'fewer than', 'south of', 'nearly', 'almost', 'just under', 'just below'].map((w) => [w, 'under'] as const),
]);
/** Qualifier symbols before a number ("~72%", ">=80%"). */
export const QUALIFIER_SYMBOLS: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
  ['~', 'approx'], ['≈', 'approx'], ['∼', 'approx'], ['>', 'over'], ['<', 'under'], ['≥', 'at-least'], ['≤', 'at-most'], ['>=', 'at-least'], ['<=', 'at-most'],
]);
/** How a qualifier is written back ("~72%", "over 90%"). */
export const QUALIFIER_DISPLAY: Readonly<Record<Qualifier, string>> = {
  approx: '~', over: 'over ', under: 'under ', 'at-least': 'at least ', 'at-most': 'at most ',
};

/** Words after which a number is a movement, not a level ("grew 18%", "up 5%", "rose by 3%"). */
export const CHANGE_WORDS: ReadonlySet<string> = new Set([
  'grew', 'grow', 'grows', 'growing', 'grown', 'rose', 'rise', 'rises', 'rising', 'risen', 'increase', 'increased', 'increases', 'increasing',
  'up', 'down', 'fell', 'fall', 'falls', 'falling', 'fallen', 'decline', 'declined', 'declines', 'declining', 'decrease', 'decreased', 'decreases',
  'decreasing', 'jump', 'jumped', 'jumps', 'drop', 'dropped', 'drops', 'climb', 'climbed', 'climbs', 'improve', 'improved', 'improves', 'expand',
  'expanded', 'expands', 'shrank', 'shrunk', 'contract', 'contracted', 'gain', 'gained', 'gains', 'lost', 'added', 'adds', 'by', 'change', 'changed',
  'slipped', 'slid', 'surge', 'surged', 'soar', 'soared', 'plunge', 'plunged',
]);
/** Words before a number that make it a target or a comparison ("vs. 65%", "benchmark of 80%"). */
export const REFERENCE_WORDS: ReadonlySet<string> = new Set(['target', 'targets', 'benchmark', 'benchmarks', 'threshold', 'thresholds', 'goal', 'goals', 'hurdle', 'vs', 'vs.', 'versus', 'against']);
/** Two-word references before a number ("compared to 65%"). */
export const REFERENCE_PAIRS: ReadonlySet<string> = new Set(['compared to', 'compared with', 'relative to']);
/** Dashes that may join a number to a reference word after it ("80%-threshold"). */
export const REFERENCE_DASHES: readonly string[] = ['-', '‐', '‑'];
/** Words right after a number that make it a target ("the 80% target", "a 95% cut-off"); any case. */
export const REFERENCE_AFTER_WORDS: readonly string[] = [
  'target', 'targets', 'benchmark', 'benchmarks', 'threshold', 'thresholds', 'goal', 'goals', 'hurdle', 'hurdles', 'bar', 'mark',
  'guideline', 'cut-off', 'cutoff', 'floor', 'ceiling', 'minimum', 'requirement',
];
/** Little words between a reference word and its number: "target of the 80%", "benchmark is 80%". */
export const FILLER_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'of', 'is', 'at', 'was', 'set']);
/** A number after these is a day, not a value ("Sept 30"). */
export const MONTHS: ReadonlySet<string> = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

// ---- Built from the lists above -----------------------------------------------------------------

/** A literal outside a character class (in unicode mode only syntax characters may be escaped). */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A character class of these one-character strings. */
function classOf(chars: readonly string[]): string {
  return `[${chars.map((c) => c.replace(/[-\]\\^]/g, '\\$&')).join('')}]`;
}

/** Alternatives, longest first (so "US$" is tried before "$"). */
function anyOf(words: readonly string[], spaced = false): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => (spaced ? w.split(' ').map(escapeRegExp).join(SP) : escapeRegExp(w))).join('|');
}

/** One inline space, as a regex class. */
export const SP = `[${INLINE_SPACES.map((c) => (c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('')}]`;

/**
 * Character classes the scanner asks about at every value, as bit flags in one table indexed by
 * character code: one array read per question, where a Set lookup per character was measurably
 * slower on small documents.
 */
export const CHAR = {
  inlineSpace: 1,
  minus: 2,
  rangeDash: 4,
  /** One-character qualifier symbols ("~", ">"); the two-character ones (">=") all end in "=". */
  qualifierSymbol: 8,
  /** Last characters of the currency signs ("$" of "US$"): a quick no for every other character before a number. */
  currencySignEnd: 16,
  /** Characters a unit may start with, glued to a number ("72%", "2.1x", "10+"). */
  gluedUnit: 32,
  referenceDash: 64,
} as const;

function flagTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const mark = (chars: Iterable<string>, flag: number): void => {
    for (const c of chars) if (c.length === 1) table[c.charCodeAt(0)] |= flag;
  };
  mark(INLINE_SPACES, CHAR.inlineSpace);
  mark(MINUS_SIGNS, CHAR.minus);
  mark(RANGE_DASHES, CHAR.rangeDash);
  mark(QUALIFIER_SYMBOLS.keys(), CHAR.qualifierSymbol);
  mark(Object.keys(CURRENCY_SIGNS).map((s) => s[s.length - 1]), CHAR.currencySignEnd);
  mark([...PERCENT_SIGNS, ...MULTIPLE_SIGNS, AT_LEAST_SUFFIX], CHAR.gluedUnit);
  mark(REFERENCE_DASHES, CHAR.referenceDash);
  return table;
}

/** The CHAR flags of every UTF-16 code unit. */
export const CHAR_FLAGS: Readonly<Uint8Array> = flagTable();

export const TWO_CHAR_QUALIFIER_END = '=';
export const CURRENCY_SIGNS_LONGEST_FIRST: readonly string[] = Object.keys(CURRENCY_SIGNS).sort((a, b) => b.length - a.length);
export const CURRENCY_CODE_SET: ReadonlySet<string> = new Set(CURRENCY_CODES);
export const CURRENCY_CODE_LENGTH = 3;

/** The ISO code of any currency sign, code or word. */
export const CURRENCY_OF: Readonly<Record<string, string>> = {
  ...CURRENCY_SIGNS, ...Object.fromEntries(CURRENCY_CODES.map((c) => [c, c])), ...CURRENCY_WORDS,
};
/** The sign a currency is written back with ("USD" → "$"): its first one-character sign. */
export const CURRENCY_SYMBOL_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CURRENCY_SIGNS).filter(([sign]) => sign.length === 1).reverse().map(([sign, code]) => [code, sign]),
);
/** Every scale, letters and words. */
export const SCALES: Readonly<Record<string, number>> = { ...SCALE_LETTERS, ...SCALE_WORDS };

export const PERCENT = new RegExp(`${SP}*(?:${anyOf(PERCENT_SIGNS)}|(?:${anyOf(PERCENT_WORDS, true)})(?![\\p{L}]))`, 'iuy');
export const MULTIPLE = new RegExp(`(?:${anyOf(MULTIPLE_SIGNS)}|${SP}(?:${anyOf(MULTIPLE_SIGNS.filter((s) => !/\p{L}/u.test(s)))}))(?![\\p{L}\\p{N}])`, 'uy');
export const SCALE_LETTER = new RegExp(`(${anyOf(Object.keys(SCALE_LETTERS))})(?![\\p{L}\\p{N}])`, 'uy');
export const SCALE_WORD = new RegExp(`${SP}+(${anyOf(Object.keys(SCALE_WORDS))})(?![\\p{L}])`, 'iuy');
export const CURRENCY_SUFFIX = new RegExp(`${SP}*(${anyOf([...CURRENCY_CODES, ...Object.keys(CURRENCY_WORDS)])})(?![\\p{L}])`, 'uy');
export const PLUS = new RegExp(`${escapeRegExp(AT_LEAST_SUFFIX)}(?![\\p{N}])`, 'uy');
/** "/GPU-hour", " per GPU-hour", "/hr": kept in the value's text for currency values. */
export const PER = new RegExp(`(?:${SP}*/${SP}*|${SP}+per${SP}+)([\\p{L}][\\p{L}\\p{N}]*(?:(?:-|${SP})(?:hours?|hrs?|h)(?![\\p{L}]))?)`, 'iuy');
export const RANGE_DASH = new RegExp(`${SP}*${classOf(RANGE_DASHES)}${SP}*`, 'uy');
export const RANGE_TO = new RegExp(`${SP}+(${anyOf(RANGE_WORDS)})${SP}+`, 'uy');
/** What may open the second end of a range: a currency sign or code, then a minus sign. */
export const RANGE_SECOND_START = new RegExp(`(?:(${anyOf(Object.keys(CURRENCY_SIGNS))}|(?:${anyOf(CURRENCY_CODES)})[ \\u00a0]?))?(${classOf(MINUS_SIGNS)})?`, 'uy');
/** "the 80% target", "(80%) benchmark", "80%-threshold". */
export const REFERENCE_AFTER = new RegExp(`${SP}*(?:\\)${SP}*)?(?:${classOf(REFERENCE_DASHES)}${SP}*)?(?:${anyOf(REFERENCE_AFTER_WORDS)})(?![\\p{L}])`, 'iuy');
/** A unit word or sign after a space: "2025 million" is an amount, "Q3 2025 revenue" a year. */
export const UNIT_AFTER_SPACE = new RegExp(`[ \\u00a0]*(?:${anyOf([...PERCENT_SIGNS, ...PERCENT_WORDS, ...Object.keys(SCALES), ...CURRENCY_CODES, ...Object.keys(CURRENCY_WORDS)])})`, 'uy');

/** The first run of ASCII letters of a word, lower-cased: what the scanner's quick word check reads ("cut" of "cut-off"). */
function firstLetters(word: string): string {
  return /^[a-z]*/i.exec(word)![0].toLowerCase();
}

/** Every plain word that may start a unit after a number and a space (scale, percent, currency, "per"). */
export const UNIT_WORDS: ReadonlySet<string> = new Set(
  [...PERCENT_WORDS, ...Object.keys(SCALE_WORDS), ...CURRENCY_CODES, ...Object.keys(CURRENCY_WORDS), 'per'].map(firstLetters).filter(Boolean),
);
/** Every plain word that may start a reference after a number ("cut" for "cut-off"). */
export const REFERENCE_AFTER_FIRST_WORDS: ReadonlySet<string> = new Set(REFERENCE_AFTER_WORDS.map(firstLetters));
/** Last words of the qualifier phrases: a number after any other word has no qualifier (no phrase to build). */
export const QUALIFIER_ENDINGS: ReadonlySet<string> = new Set([...QUALIFIER_PHRASES.keys()].map((p) => p.slice(p.lastIndexOf(' ') + 1)));
/**
 * For each last word of a qualifier phrase, the lengths in words of the phrases it ends, longest
 * first: after "to" only "up to" is tried, not "to" alone or a three-word phrase. Why: "to" and
 * "of" come before many numbers, and each try builds a phrase string.
 */
export const QUALIFIER_LENGTHS: ReadonlyMap<string, readonly number[]> = (() => {
  const lengths = new Map<string, number[]>();
  for (const phrase of QUALIFIER_PHRASES.keys()) {
    const words = phrase.split(' ');
    const last = words[words.length - 1];
    const list = lengths.get(last) ?? [];
    if (!list.includes(words.length)) list.push(words.length);
    lengths.set(last, list);
  }
  for (const list of lengths.values()) list.sort((a, b) => b - a);
  return lengths;
})();
/** The longest qualifier phrase, in words. */
export const QUALIFIER_MAX_WORDS = Math.max(...[...QUALIFIER_PHRASES.keys()].map((p) => p.split(' ').length));

/**
 * Where a unit may start after a number, for the scanner's quick "no unit here": 1 for the
 * characters that may open one of the unit expressions right after the number (SCALE_LETTER,
 * SCALE_WORD, PERCENT, MULTIPLE, CURRENCY_SUFFIX, PLUS, PER: an inline space, a sign, or the first
 * letter of a word), 2 for those that may come first after inline spaces (a sign, or the first letter
 * of a unit word). Why: a number followed by a dash ("92–95%", "10-K"), a bracket ("[^15]") or a
 * space and a parenthesis ("$3.92 (see") tried all seven expressions, each a call into the regex
 * engine, to find no unit. Built from the lists: letters of the case-insensitive words in every case
 * the expressions accept (ASCII case, and the Kelvin sign and long s, which fold to "k" and "s").
 */
export const UNIT_OPENERS: Readonly<Uint8Array> = (() => {
  const table = new Uint8Array(0x10000);
  const AT = 1;
  const AFTER_SPACE = 2;
  const folds = (c: string): string[] => [c, c.toLowerCase(), c.toUpperCase(), ...(/^[kK]$/.test(c) ? ['\u212a'] : []), ...(/^[sS]$/.test(c) ? ['\u017f'] : [])];
  const mark = (firsts: Iterable<string>, flag: number, anyCase: boolean): void => {
    for (const first of firsts) for (const c of anyCase ? folds(first) : [first]) table[c.charCodeAt(0)] |= flag;
  };
  const firstsOf = (words: Iterable<string>): string[] => [...words].map((w) => w[0]);
  // Every expression but SCALE_LETTER and PLUS may start with inline spaces.
  mark(INLINE_SPACES, AT, false);
  // At the number: a scale letter (case kept), a percent sign or word (any case), a multiple sign, a
  // currency code or word (case kept), "+", and the "/" of a per-unit.
  mark(firstsOf(Object.keys(SCALE_LETTERS)), AT, false);
  mark([...PERCENT_SIGNS, ...firstsOf(PERCENT_WORDS)], AT | AFTER_SPACE, true);
  mark(MULTIPLE_SIGNS, AT, false);
  mark(MULTIPLE_SIGNS.filter((s) => !/\p{L}/u.test(s)), AFTER_SPACE, false);
  mark(firstsOf([...CURRENCY_CODES, ...Object.keys(CURRENCY_WORDS)]), AT | AFTER_SPACE, false);
  mark([AT_LEAST_SUFFIX], AT, false);
  mark(['/'], AT | AFTER_SPACE, false);
  // After spaces only: a scale word (any case) and "per" (any case).
  mark(firstsOf(Object.keys(SCALE_WORDS)), AFTER_SPACE, true);
  mark(['p'], AFTER_SPACE, true);
  return table;
})();
