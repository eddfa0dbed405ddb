/**
 * Reads the numbers an analyst writes ("72%", "~72 %", "70–75%", "over 90%", "$2.10/GPU-hour",
 * "USD 2.10", "2.1x", "-5%", "12,000") out of running text, with their offsets, and tells the
 * claim finder what kind of number each one is: a level ("72%"), a change ("grew 18%"), a
 * reference to a target ("the 80% target"), or a bare number. Dates, quarters and years are never
 * values. Pure and linear: each regex is compiled once and every look-behind reads a bounded slice,
 * so a 100,000-character line costs one pass.
 */
import type { StatedValue } from './types';

/** A value found in a text, with its offsets and what the words around it make of it. */
export interface FoundValue {
  readonly value: StatedValue;
  /** Offsets of the value in the scanned text (qualifier and currency included). */
  readonly start: number;
  readonly end: number;
  /** A plain number: no %, no currency, no "x" (e.g. "0.72", "12,000"). */
  readonly bare: boolean;
  /** Written as a movement ("grew 18%", "up 5%", "rose by 3%"), not as a level. */
  readonly change: boolean;
  /** A target or comparison ("the 80% target", "vs. 65% last year"), not the analyst's own figure. */
  readonly reference: boolean;
}

type Qualifier = NonNullable<StatedValue['qualifier']>;

const SP = '[ \\t\\u00a0\\u202f\\u2007\\u2009]';

/** A number as written: thousands separators allowed, never inside a word, a version or a model name (H100). */
const NUMBER = /(?<![\p{L}\p{N}_.,'’/\\])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|(?<![\p{L}\p{N}_.,'’/\\])\.\d+/gu;
const NUMBER_STICKY = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+/y;
const PERCENT = new RegExp(`${SP}*(?:%|％|percent(?![\\p{L}])|per${SP}cent(?![\\p{L}])|pct(?![\\p{L}]))`, 'iuy');
const MULTIPLE = new RegExp(`(?:x|×|${SP}×)(?![\\p{L}\\p{N}])`, 'uy');
const SCALE_LETTER = /(k|K|M|B|bn|mn|T)(?![\p{L}\p{N}])/uy;
const SCALE_WORD = new RegExp(`${SP}+(thousand|million|billion|trillion)(?![\\p{L}])`, 'iuy');
const CURRENCY_SUFFIX = new RegExp(`${SP}*(USD|EUR|GBP|dollars?|euros?)(?![\\p{L}])`, 'uy');
const PLUS = /\+(?![\p{N}])/uy;
/** "/GPU-hour", " per GPU-hour", "/hr": kept in the value's text for currency values. */
const PER = new RegExp(`(?:${SP}*/${SP}*|${SP}+per${SP}+)([\\p{L}][\\p{L}\\p{N}]*(?:(?:-|${SP})(?:hours?|hrs?|h)(?![\\p{L}]))?)`, 'iuy');
const RANGE_DASH = new RegExp(`${SP}*[-‐‑‒–—−]${SP}*`, 'uy');
const RANGE_TO = new RegExp(`${SP}+(to|and)${SP}+`, 'uy');
/** What may stand right after a number without making it part of a word ("72%", "72,", "72)", "72 "). */
const AFTER_OK = /[^\p{L}\p{N}_]|$/uy;
const DATE_TAIL = /[-/.]\d{1,2}[-/.]\d{1,4}/y;

/** Qualifier phrases (lower case, single spaces) before a number. */
const QUALIFIER_PHRASES: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
  ...['about', 'around', 'approximately', 'approx', 'approx.', 'roughly', 'circa', 'ca.'].map((w) => [w, 'approx'] as const),
  ...['at least', 'no less than', 'a minimum of'].map((w) => [w, 'at-least'] as const),
  ...['at most', 'up to', 'no more than', 'a maximum of'].map((w) => [w, 'at-most'] as const),
  ...['over', 'above', 'more than', 'greater than', 'higher than', 'exceeding', 'in excess of', 'north of', 'upwards of', 'just over', 'just above'].map((w) => [w, 'over'] as const),
  ...['under', 'below', 'less than', 'lower than', 'fewer than', 'south of', 'nearly', 'almost', 'just under', 'just below'].map((w) => [w, 'under'] as const),
]);
/** Last words of the qualifier phrases: a number after any other word has no qualifier (no phrase to build). */
const QUALIFIER_ENDINGS: ReadonlySet<string> = new Set([...QUALIFIER_PHRASES.keys()].map((p) => p.slice(p.lastIndexOf(' ') + 1)));
const QUALIFIER_SYMBOLS: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
  ['~', 'approx'], ['≈', 'approx'], ['∼', 'approx'], ['>', 'over'], ['<', 'under'], ['≥', 'at-least'], ['≤', 'at-most'], ['>=', 'at-least'], ['<=', 'at-most'],
]);
/** The one-character keys of QUALIFIER_SYMBOLS, by code (no string or map lookup per value). */
function isQualifierSymbol(c: number): boolean {
  return c === 0x7e || c === 0x2248 || c === 0x223c || c === 0x3e || c === 0x3c || c === 0x2265 || c === 0x2264;
}
/** Words after which a number is a movement, not a level ("grew 18%", "up 5%", "rose by 3%"). */
const CHANGE_WORDS = new Set([
  'grew', 'grow', 'grows', 'growing', 'grown', 'rose', 'rise', 'rises', 'rising', 'risen', 'increase', 'increased', 'increases', 'increasing',
  'up', 'down', 'fell', 'fall', 'falls', 'falling', 'fallen', 'decline', 'declined', 'declines', 'declining', 'decrease', 'decreased', 'decreases',
  'decreasing', 'jump', 'jumped', 'jumps', 'drop', 'dropped', 'drops', 'climb', 'climbed', 'climbs', 'improve', 'improved', 'improves', 'expand',
  'expanded', 'expands', 'shrank', 'shrunk', 'contract', 'contracted', 'gain', 'gained', 'gains', 'lost', 'added', 'adds', 'by', 'change', 'changed',
  'slipped', 'slid', 'surge', 'surged', 'soar', 'soared', 'plunge', 'plunged',
]);
/** Words after which a number is a target or a comparison ("the 80% target" is caught after the number). */
const REFERENCE_WORDS = new Set(['target', 'targets', 'benchmark', 'benchmarks', 'threshold', 'thresholds', 'goal', 'goals', 'hurdle', 'vs', 'vs.', 'versus', 'against']);
const REFERENCE_PAIRS = new Set(['compared to', 'compared with', 'relative to']);
/** Little words between a reference word and its number: "target of the 80%", "benchmark is 80%". */
const FILLER_WORDS = new Set(['the', 'a', 'an', 'its', 'of', 'is', 'at', 'was', 'set']);
const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const PREFIX_WINDOW = 40;
const REFERENCE_AFTER = new RegExp(`${SP}*(?:\\)${SP}*)?(?:[-‐‑]${SP}*)?(?:targets?|benchmarks?|thresholds?|goals?|hurdles?|bar|mark|guideline|cut-?off|floor|ceiling|minimum|requirement)(?![\\p{L}])`, 'iuy');

/** Words (lower case) that may start a unit after a number and a space: scale, percent, currency, "per". */
const UNIT_WORDS: ReadonlySet<string> = new Set(['thousand', 'million', 'billion', 'trillion', 'percent', 'per', 'pct', 'usd', 'eur', 'gbp', 'dollar', 'dollars', 'euro', 'euros']);
/** First words of REFERENCE_AFTER's alternatives ("cut" for "cut-off"). */
const REFERENCE_AFTER_WORDS: ReadonlySet<string> = new Set([
  'target', 'targets', 'benchmark', 'benchmarks', 'threshold', 'thresholds', 'goal', 'goals', 'hurdle', 'hurdles', 'bar', 'mark',
  'guideline', 'cut', 'cutoff', 'floor', 'ceiling', 'minimum', 'requirement',
]);

/**
 * The word after one space at `at` ("72% in Q3" → "in"), lower-cased, when it is plain ASCII
 * letters ending at an ASCII character or the end; else undefined (the expressions decide). Used
 * to skip the unit, range and reference expressions after a number, none of which can match a
 * plain word outside their own word lists.
 */
function plainWordAfter(text: string, at: number): string | undefined {
  if (text.charCodeAt(at) !== 0x20) return undefined;
  let k = at + 1;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
  }
  if (k === at + 1 || (k < text.length && text.charCodeAt(k) >= 128)) return undefined;
  return text.slice(at + 1, k).toLowerCase();
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetterOrDigitCode(c: number): boolean {
  if (c < 128) return isDigitCode(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x5f;
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

function isLetter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /\p{L}/u.test(c);
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\u202f' || c === '\u2007' || c === '\u2009' || c === '\n';
}

/**
 * Scratch for {@link wordsBefore}: one value is read at a time, so these arrays serve every call.
 * Words are found as offsets and cut (lower-cased) only when read: most values need one or two.
 */
const WORD_START: number[] = [];
const WORD_END: number[] = [];
const WORD_TEXT: (string | undefined)[] = [];
let wordsOf = '';

/** Word `i` of the last {@link wordsBefore} scan, lower-cased. */
function word(i: number): string {
  let w = WORD_TEXT[i];
  if (w === undefined) {
    w = wordsOf.slice(WORD_START[i], WORD_END[i]).toLowerCase();
    WORD_TEXT[i] = w;
  }
  return w;
}

/**
 * Finds up to `n` words ending before `end` (not before `min`), nearest last, for {@link word}
 * (offsets in {@link WORD_START}); returns how many. Spaces, ":" and "=" separate words; any other
 * punctuation ends the scan.
 */
function wordsBefore(text: string, end: number, min: number, n: number): number {
  let count = 0;
  let k = end;
  while (count < n) {
    while (k > min && (isSpace(text[k - 1]) || text[k - 1] === ':' || text[k - 1] === '=')) k--;
    const wordEnd = k;
    // A trailing dot belongs to abbreviations: "vs.", "approx.", "ca.".
    if (k > min && text[k - 1] === '.') k--;
    const lettersEnd = k;
    while (k > min && isLetter(text[k - 1])) k--;
    if (k === lettersEnd) break;
    WORD_START[count] = k;
    WORD_END[count] = wordEnd;
    count++;
    // Anything but a separator before the word ("Q3", "(about") ends the scan.
    if (k > min && !isSpace(text[k - 1]) && text[k - 1] !== ':' && text[k - 1] !== '=') break;
  }
  // Nearest last.
  for (let i = 0, j = count - 1; i < j; i++, j--) {
    const s = WORD_START[i];
    WORD_START[i] = WORD_START[j];
    WORD_START[j] = s;
    const e = WORD_END[i];
    WORD_END[i] = WORD_END[j];
    WORD_END[j] = e;
  }
  for (let i = 0; i < count; i++) WORD_TEXT[i] = undefined;
  wordsOf = text;
  return count;
}

/** What is written before a value: where it starts, and what the words before it make of it. */
interface Prefix {
  start: number;
  qualifier: Qualifier | undefined;
  currency: string | undefined;
  negative: boolean;
  /** From the up to 4 words before the value (qualifier excluded): see {@link readHead}. */
  change: boolean;
  reference: boolean;
  month: boolean;
  from: boolean;
  between: boolean;
}

const HEAD_WORDS = 4;

/** A minus sign at `at` that is not a hyphen inside a word ("-5%", not "Q3-5"). */
function signAt(text: string, at: number, min: number): boolean {
  if (at < min) return false;
  const c = text[at];
  return (c === '-' || c === '−') && (at === min || !/[\p{L}\p{N}]/u.test(text[at - 1]));
}

/** Scratch result of {@link readPrefix} (read at once by the caller, before the next value). */
const PREFIX: Prefix = { start: 0, qualifier: undefined, currency: undefined, negative: false, change: false, reference: false, month: false, from: false, between: false };

/** Sign, currency and qualifier written before the number at `s`: "-", "$", "USD ", "~", "over", "at least". */
function readPrefix(text: string, s: number, min: number): Prefix {
  let k = s;
  let negative = false;
  let currency: string | undefined;
  if (signAt(text, k - 1, min)) {
    negative = true;
    k--;
  }
  if (k - 3 >= min && text.startsWith('US$', k - 3)) {
    currency = 'USD';
    k -= 3;
  } else if (k - 1 >= min && (text[k - 1] === '$' || text[k - 1] === '€' || text[k - 1] === '£')) {
    currency = CURRENCY_CODES[text[k - 1]];
    k--;
  } else {
    let j = k;
    while (j > min && isSpace(text[j - 1]) && text[j - 1] !== '\n') j--;
    const code = j - 3 >= min ? text.slice(j - 3, j) : '';
    if ((code === 'USD' || code === 'EUR' || code === 'GBP') && (j - 3 === min || !isLetter(text[j - 4]))) {
      currency = code;
      k = j - 3;
    }
  }
  if (!negative && currency && signAt(text, k - 1, min)) {
    negative = true;
    k--;
  }
  const out = PREFIX;
  out.negative = negative;
  out.currency = currency;
  let j = k;
  while (j > min && (text[j - 1] === ' ' || text[j - 1] === '\t' || text[j - 1] === '\u00a0' || text[j - 1] === '\u202f')) j--;
  // Two-character symbols end in "=" (">=", "<="): no slice for the others.
  const two = j - 2 >= min && text.charCodeAt(j - 1) === 0x3d ? text.slice(j - 2, j) : '';
  const symbol = QUALIFIER_SYMBOLS.get(two) ? two : j - 1 >= min && isQualifierSymbol(text.charCodeAt(j - 1)) ? text[j - 1] : '';
  if (symbol) {
    const start = j - symbol.length;
    const count = wordsBefore(text, start, Math.max(min, start - PREFIX_WINDOW), HEAD_WORDS);
    out.start = start;
    out.qualifier = QUALIFIER_SYMBOLS.get(symbol);
    readHead(out, 0, count);
    return out;
  }
  // One scan serves both the qualifier (the last 1–3 words) and the head (the words before it).
  const count = wordsBefore(text, k, Math.max(min, k - 2 * PREFIX_WINDOW), 3 + HEAD_WORDS);
  const lastWord = count > 0 ? word(count - 1) : undefined;
  for (let n = lastWord !== undefined && QUALIFIER_ENDINGS.has(lastWord) ? Math.min(3, count) : 0; n >= 1; n--) {
    let phrase = lastWord as string;
    for (let i = count - 2; i >= count - n; i--) phrase = `${word(i)} ${phrase}`;
    const q = QUALIFIER_PHRASES.get(phrase);
    if (q) {
      out.start = WORD_START[count - n];
      out.qualifier = q;
      readHead(out, Math.max(0, count - n - HEAD_WORDS), count - n);
      return out;
    }
  }
  out.start = k;
  out.qualifier = undefined;
  readHead(out, Math.max(0, count - HEAD_WORDS), count);
  return out;
}

/** What the words `lo` to `hi` (exclusive) of the last scan, before a value, say about it, into `out`. */
function readHead(out: Prefix, lo: number, hi: number): void {
  const last = hi > lo ? word(hi - 1) : '';
  out.change = CHANGE_WORDS.has(last) || (last === 'of' && hi - 2 >= lo && word(hi - 2) === 'growth');
  let k = hi;
  while (k > lo && FILLER_WORDS.has(word(k - 1))) k--;
  const ref = k > lo ? word(k - 1) : '';
  out.reference = REFERENCE_WORDS.has(ref) || ((ref === 'to' || ref === 'with') && k - lo >= 2 && REFERENCE_PAIRS.has(`${word(k - 2)} ${ref}`));
  out.month = MONTHS.has(last) || (last.endsWith('.') && MONTHS.has(last.slice(0, -1)));
  out.from = last === 'from';
  out.between = last === 'between';
}

const SCALES: Readonly<Record<string, number>> = {
  k: 1e3, K: 1e3, thousand: 1e3, M: 1e6, mn: 1e6, million: 1e6, B: 1e9, bn: 1e9, billion: 1e9, T: 1e12, trillion: 1e12,
};

const CURRENCY_CODES: Readonly<Record<string, string>> = {
  $: 'USD', US$: 'USD', USD: 'USD', dollar: 'USD', dollars: 'USD', '€': 'EUR', EUR: 'EUR', euro: 'EUR', euros: 'EUR', '£': 'GBP', GBP: 'GBP',
};

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Powers of ten that are exact doubles (10^0 … 10^22). */
const EXACT_TENS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number a run of digits (thousands commas, one decimal point) writes. Up to 15 digits the
 * integer of all digits is exact and so is the power of ten, so one division gives the correctly
 * rounded double — exactly what Number() gives, without parsing a string (Clinger's fast path).
 */
function toNumber(digits: string): number {
  let mantissa = 0;
  let count = 0;
  let decimals = -1;
  for (let k = 0; k < digits.length; k++) {
    const c = digits.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      count++;
      if (decimals >= 0) decimals++;
    } else if (c === 0x2e) decimals = 0;
  }
  if (count <= 15) return decimals > 0 ? mantissa / EXACT_TENS[decimals] : mantissa;
  return Number(digits.includes(',') ? digits.replace(/,/g, '') : digits);
}

/**
 * True when `tidy` would give the number back unchanged: read straight from at most 12 digits
 * (then toPrecision(12) writes those very digits back), so the call can be skipped.
 */
function tidyAlready(digits: string, scale: number): boolean {
  return scale === 1 && digits.length <= 12;
}

/** Rounds away binary noise (0.72 * 100 = 72.00000000000001). */
function tidy(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toPrecision(12));
}

interface Unit {
  kind: StatedValue['kind'];
  currency?: string;
  scale: number;
  end: number;
  plus: boolean;
}

/** Reads what follows a number: scale, %, x, currency code, "+", "/GPU-hour". */
function readUnit(text: string, at: number, limit: number, currencyBefore: string | undefined): Unit | undefined {
  const c = text.charCodeAt(at);
  // The common cases without a regex: "72%" and a bare number followed by punctuation or the end.
  if (c === 0x25 /* % */ && !currencyBefore && at + 1 <= limit) {
    const after = text.charCodeAt(at + 1);
    if (after !== 0x2b /* + */ && (at + 1 >= limit || Number.isNaN(after) || !isLetterOrDigitCode(after))) return { kind: 'percent', scale: 1, end: at + 1, plus: false };
  }
  if (at >= limit || Number.isNaN(c) || c === 0x2c || c === 0x29 || c === 0x7c || c === 0x3b || c === 0x2a || (c === 0x2e && !isDigitCode(text.charCodeAt(at + 1)))) {
    return { kind: currencyBefore ? 'currency' : 'number', currency: currencyBefore, scale: 1, end: at, plus: false };
  }
  // "3.60 as older …": a plain word after one space that no unit starts (see UNIT_WORDS): none of the expressions below can match.
  if (c === 0x20) {
    const word = plainWordAfter(text, at);
    if (word !== undefined && !UNIT_WORDS.has(word)) return { kind: currencyBefore ? 'currency' : 'number', currency: currencyBefore, scale: 1, end: at, plus: false };
  }
  let p = at;
  let scale = 1;
  let kind: StatedValue['kind'] = currencyBefore ? 'currency' : 'number';
  let currency = currencyBefore;
  let m = sticky(SCALE_LETTER, text, p) ?? sticky(SCALE_WORD, text, p);
  if (m && m.index + m[0].length <= limit) {
    scale = SCALES[m[1]] ?? SCALES[m[1].toLowerCase()] ?? 1;
    p = m.index + m[0].length;
  }
  if ((m = sticky(PERCENT, text, p)) && m.index + m[0].length <= limit && kind === 'number' && scale === 1) {
    kind = 'percent';
    p += m[0].length;
  } else if ((m = sticky(MULTIPLE, text, p)) && m.index + m[0].length <= limit && kind === 'number' && scale === 1) {
    kind = 'multiple';
    p += m[0].length;
  } else if (kind === 'number' && (m = sticky(CURRENCY_SUFFIX, text, p)) && m.index + m[0].length <= limit) {
    kind = 'currency';
    currency = CURRENCY_CODES[m[1]] ?? CURRENCY_CODES[m[1].toLowerCase()];
    p += m[0].length;
  }
  let plus = false;
  if ((m = sticky(PLUS, text, p)) && p + 1 <= limit) {
    plus = true;
    p += 1;
  }
  if (kind === 'currency' && (m = sticky(PER, text, p)) && m.index + m[0].length <= limit) p += m[0].length;
  // "72nd", "3D", "5G": a number glued to letters is not a value.
  if (sticky(AFTER_OK, text, p) === null && p < limit) return undefined;
  return { kind, currency, scale, end: p, plus };
}

/**
 * Every value written in `text[from, to)`, left to right. Years (1900–2100 with no unit), dates,
 * times, quarters ("Q3"), model names ("H100") and numbers glued to words are skipped. A range
 * ("70–75%", "70 to 75%", "between 70% and 75%") is one value; "from 65% to 72%" yields only 72%.
 */
export function findValues(text: string, from = 0, to = text.length): FoundValue[] {
  const out: FoundValue[] = [];
  NUMBER.lastIndex = from;
  for (let m = NUMBER.exec(text); m && m.index < to; m = NUMBER.exec(text)) {
    skipTo = -1;
    const found = readValueAt(text, m.index, m[0], from, to);
    if (skipTo > NUMBER.lastIndex) NUMBER.lastIndex = skipTo;
    if (found) out.push(found);
  }
  return out;
}

/** Where the search goes on after {@link readValueAt} (set by it; -1: where the number ended). */
let skipTo = -1;

function skip(to: number): undefined {
  skipTo = to;
  return undefined;
}

/** The value whose number `digits` starts at `s`, if it is one; sets {@link skipTo}. */
function readValueAt(text: string, s: number, digits: string, from: number, to: number): FoundValue | undefined {
  const e = s + digits.length;
  if (e > to) return undefined;
  const next = text.charCodeAt(e);
  const digitAfter = isDigitCode(text.charCodeAt(e + 1));
  // Dates (2025-09-30, 09/30/2025, 30.09.2025) and times (10:30) are not values: skip them whole.
  if ((next === 0x2d || next === 0x2f || next === 0x2e) && digitAfter && !digits.includes('.')) {
    const date = sticky(DATE_TAIL, text, e);
    if (date && date.index + date[0].length <= to) return skip(e + date[0].length);
  }
  if ((next === 0x3a /* : */ || next === 0x2f /* / */ || next === 0x2e || next === 0x2c) && digitAfter) return skip(e + 2);
  // A year with no unit ("Q3 2026", "in 2025") is a date: skipped before any other reading.
  if (digits.length === 4 && isDigitCode(digits.charCodeAt(1)) && isDigitCode(digits.charCodeAt(2)) && digits >= '1900' && digits <= '2100') {
    const before = text.charCodeAt(s - 1);
    const plain = !(before === 0x24 || before === 0x20ac || before === 0xa3 || before === 0x2d || before === 0x2212);
    if (plain && (Number.isNaN(next) || e >= to || (next !== 0x25 && next !== 0x78 && next !== 0xd7 && next !== 0x2b && !isLetterOrDigitCode(next) && !(isSpace(text[e]) && /^[ \u00a0]*(?:%|percent|pct|[kKMBT]|bn|mn|thousand|million|billion|USD|EUR|GBP|dollar)/u.test(text.slice(e, e + 12)))))) {
      return skip(e);
    }
  }

  const pre = readPrefix(text, s, from);
  const currency = pre.currency;
  const negative = pre.negative;
  let qualifier = pre.qualifier;
  const start = pre.start;
  // `pre` is scratch the next value reuses: read before the next readPrefix (none happens in this call).
  const head = pre;

  const unit = readUnit(text, e, to, currency);
  if (!unit) return skip(e);
  let low = toNumber(digits) * unit.scale * (negative ? -1 : 1);
  let high = low;
  // Whether low and high are still numbers read straight from short digits (tidy leaves them as they are).
  let lowPlain = tidyAlready(digits, unit.scale);
  let highPlain = lowPlain;
  let kind = unit.kind;
  let end = unit.end;
  let cur = unit.currency;
  if (unit.plus && !qualifier) qualifier = 'at-least';
  let dropLowEnd = false;

  // A range: "70–75%", "70%-75%", "$2.10–$2.40", "70 to 75%", "between 70% and 75%". "from X to Y" is a movement: Y is the level.
  const afterUnit = text.charCodeAt(unit.end);
  const maySeparate = afterUnit === 0x20 || afterUnit === 0x09 || afterUnit === 0xa0 || afterUnit === 0x202f || afterUnit === 0x2d || (afterUnit >= 0x2010 && afterUnit <= 0x2014) || afterUnit === 0x2212;
  // A plain word other than "to" / "and" after one space starts no range.
  const plainAfter = afterUnit === 0x20 ? plainWordAfter(text, unit.end) : undefined;
  const mayRange = maySeparate && (plainAfter === undefined || plainAfter === 'to' || plainAfter === 'and');
  const sep = mayRange ? sticky(RANGE_DASH, text, unit.end) ?? sticky(RANGE_TO, text, unit.end) : null;
  if (sep && !unit.plus) {
    const word = sep[1];
    const between = head.between;
    if (word !== 'and' || between) {
      let p = sep.index + sep[0].length;
      const pre2 = /^(?:(US\$|\$|€|£|(?:USD|EUR|GBP)[ \u00a0]?))?([-−])?/u.exec(text.slice(p, p + 6));
      const cur2 = pre2?.[1]?.trim();
      p += pre2 ? pre2[0].length : 0;
      const n2 = sticky(NUMBER_STICKY, text, p);
      if (n2 && p + n2[0].length <= to && !sticky(DATE_TAIL, text, p + n2[0].length)) {
        const unit2 = readUnit(text, p + n2[0].length, to, cur2 ? CURRENCY_CODES[cur2] : undefined);
        const sameKind = unit2 && (unit2.kind === kind || kind === 'number' || unit2.kind === 'number');
        const bothUnits = unit.kind !== 'number' && unit2?.kind !== 'number';
        const isMovement = word === 'to' && (head.from || (bothUnits && head.change));
        if (unit2 && sameKind && !(word === 'to' && isMovement)) {
          const scale2 = unit2.scale !== 1 ? unit2.scale : unit.scale;
          const v2 = toNumber(n2[0]) * scale2 * (pre2?.[2] ? -1 : 1);
          if (kind === 'number') {
            kind = unit2.kind;
            cur = unit2.currency ?? cur;
            if (unit.scale === 1 && unit2.scale !== 1) {
              low *= unit2.scale;
              lowPlain = false;
            }
          }
          high = v2;
          highPlain = tidyAlready(n2[0], scale2);
          if (high < low) {
            [low, high] = [high, low];
            [lowPlain, highPlain] = [highPlain, lowPlain];
          }
          end = unit2.end;
        } else if (unit2 && word === 'to' && head.from) {
          // "from 65% to 72%": only the second is the analyst's current figure.
          dropLowEnd = true;
        }
      }
    }
  }
  if (dropLowEnd) return skip(e);

  const bare = kind === 'number';
  // A bare year (1900–2100) is a date, not a value; so is the day in "Sept 30".
  if (bare && !digits.includes('.') && !digits.includes(',') && !negative && !qualifier && unit.scale === 1) {
    const isYear = (n: number): boolean => Number.isInteger(n) && n >= 1900 && n <= 2100;
    if (isYear(low) && isYear(high)) return skip(end);
    if (low === high && head.month) return skip(end);
  }
  const written = text.slice(start, end);
  // "the 80% target": a reference word right after the value (read only when a letter or ")" can follow).
  let refAfter = false;
  const c2 = text.charCodeAt(end);
  const plainRef = c2 === 0x20 ? plainWordAfter(text, end) : undefined;
  if (end < to && (c2 === 0x20 || c2 === 0xa0 || c2 === 0x29 || c2 === 0x2d) && (plainRef === undefined || REFERENCE_AFTER_WORDS.has(plainRef))) {
    REFERENCE_AFTER.lastIndex = end;
    const r = REFERENCE_AFTER.exec(text);
    refAfter = r !== null && end + r[0].length <= to;
  }
  // Built field by field: optional keys are absent, not undefined (and spreads cost on hot paths).
  const value: { -readonly [K in keyof StatedValue]: StatedValue[K] } = { kind, low: lowPlain ? low : tidy(low), high: highPlain ? high : tidy(high), text: written };
  if (qualifier) value.qualifier = qualifier;
  if (kind === 'currency' && cur) value.currency = cur;
  skipTo = end;
  return { value, start, end, bare, change: head.change, reference: head.reference || refAfter };
}

/**
 * The value a whole string states, e.g. a table cell ("**~72 %**", "$2.10/GPU-hour", "70–75%"),
 * or undefined when the string is not just one value. Markdown emphasis around it is allowed.
 */
export function parseStatedValue(text: string): StatedValue | undefined {
  const trimmed = text.replace(/^[\s*_`]+|[\s*_`]+$/gu, '');
  if (!trimmed) return undefined;
  const found = findValues(trimmed);
  if (found.length !== 1) return undefined;
  const f = found[0];
  if (f.start !== 0 || f.end !== trimmed.length) return undefined;
  return f.value;
}

/**
 * "0.72" read as 72% for a percent metric. Only a bare decimal below 1 written as 0.xx (or .xx)
 * counts; "72" or "1.5" are not fractions.
 */
export function asPercentFraction(value: StatedValue): StatedValue | undefined {
  if (value.kind !== 'number') return undefined;
  if (!/(?:^|[^\d.,])0?\.\d+$/u.test(value.text.trim())) return undefined;
  if (Math.abs(value.low) >= 1 || Math.abs(value.high) >= 1) return undefined;
  return { ...value, kind: 'percent', low: tidy(value.low * 100), high: tidy(value.high * 100) };
}

const SYMBOLS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£' };

function formatNumber(n: number): string {
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  const sign = n < 0 ? '-' : '';
  const [int, frac] = String(Math.abs(tidy(n))).split('.');
  // toLocaleString is slow and locale-dependent; thousands separators by hand.
  const grouped = int.length > 3 && !int.includes('e') ? int.replace(/\B(?=(\d{3})+$)/g, ',') : int;
  return sign + grouped + (frac ? `.${frac.slice(0, 4)}` : '');
}

/** A number in a unit, written the way the model's benchmarks are: "72%", "$2.10", "2.1x". */
export function formatAmount(n: number, kind: StatedValue['kind'], currency?: string): string {
  switch (kind) {
    case 'percent': return `${formatNumber(n)}%`;
    case 'multiple': return `${formatNumber(n)}x`;
    case 'currency': {
      const sym = SYMBOLS[currency ?? 'USD'];
      const amount = Math.abs(n) < 1000 && !Number.isInteger(n) ? Math.abs(n).toFixed(2) : formatNumber(Math.abs(n));
      const sign = n < 0 ? '-' : '';
      return sym ? `${sign}${sym}${amount}` : `${sign}${amount} ${currency}`;
    }
    default: return formatNumber(n);
  }
}

const QUALIFIER_WORDS: Readonly<Record<Qualifier, string>> = {
  approx: '~', over: 'over ', under: 'under ', 'at-least': 'at least ', 'at-most': 'at most ',
};

/** A normalised rendering of a stated value: "~72%", "70–75%", "over 90%", "$2.10". */
export function formatStatedValue(value: StatedValue): string {
  const q = value.qualifier ? QUALIFIER_WORDS[value.qualifier] : '';
  if (value.low === value.high) return q + formatAmount(value.low, value.kind, value.currency);
  const lo = formatAmount(value.low, value.kind, value.currency);
  const hi = formatAmount(value.high, value.kind, value.currency);
  // "70–75%" rather than "70%–75%".
  const loShort = value.kind === 'percent' || value.kind === 'multiple' ? formatNumber(value.low) : lo;
  return `${q}${loShort}–${hi}`;
}
