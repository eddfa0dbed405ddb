/**
 * Reads the numbers an analyst writes ("72%", "~72 %", "70–75%", "over 90%", "$2.10/GPU-hour",
 * "USD 2.10", "2.1x", "-5%", "12,000") out of running text, with their offsets, and tells the
 * claim finder what kind of number each one is: a level ("72%"), a change ("grew 18%"), a
 * reference to a target ("the 80% target"), or a bare number. Dates, quarters and years are never
 * values. The words and symbols it knows are in valueWords.ts; writing values back out is
 * valueFormat.ts.
 *
 * A {@link ValueScanner} owns all the working state of a scan, so scans never share anything. Linear: the regexes are compiled once (their `lastIndex` is set before every use) and
 * every look-behind reads a bounded slice, so a 100,000-character line costs one pass.
 */
import { knownWord, OTHER_WORD } from './headWords';
import type { StatedValue } from './types';
import { tidy } from './valueFormat';
import * as words from './valueWords';
import type { Qualifier } from './valueWords';

// Local copies of what the scanner reads at every number: a module's import is a property load at
// each use in the CommonJS build, measurable at this rate.
const {
  CHANGE_WORDS, CURRENCY_CODE_LENGTH, CURRENCY_CODE_SET, CURRENCY_OF, CURRENCY_SIGNS, CURRENCY_SIGNS_LONGEST_FIRST,
  CURRENCY_SUFFIX, FILLER_WORDS, MONTHS, MULTIPLE, PER, PERCENT, PLUS, QUALIFIER_LENGTHS, QUALIFIER_MAX_WORDS,
  QUALIFIER_PHRASES, QUALIFIER_SYMBOLS, RANGE_DASH, RANGE_SECOND_START, RANGE_TO, REFERENCE_AFTER, REFERENCE_AFTER_FIRST_WORDS,
  REFERENCE_PAIRS, REFERENCE_WORDS, SCALE_LETTER, SCALE_WORD, SCALES, TWO_CHAR_QUALIFIER_END, UNIT_AFTER_SPACE, UNIT_WORDS,
} = words;
const CHAR_FLAGS = words.CHAR_FLAGS;
const UNIT_OPENERS = words.UNIT_OPENERS;
const INLINE_SPACE = words.CHAR.inlineSpace;
const MINUS = words.CHAR.minus;
const RANGE_DASH_CHAR = words.CHAR.rangeDash;
const QUALIFIER_SYMBOL = words.CHAR.qualifierSymbol;
const CURRENCY_SIGN_END = words.CHAR.currencySignEnd;
const GLUED_UNIT = words.CHAR.gluedUnit;
const REFERENCE_DASH = words.CHAR.referenceDash;

const TWO_CHAR_QUALIFIER_END_CODE = TWO_CHAR_QUALIFIER_END.charCodeAt(0);
/** 1 for the UTF-16 units a currency code ends with ("USD": "D"): no code is cut from the text before other characters. */
const CODE_END = new Uint8Array(0x10000);
for (const code of CURRENCY_CODE_SET) CODE_END[code.charCodeAt(code.length - 1)] = 1;

/** Whether the character with code `c` (NaN past the end: never) is in the class `flag` (valueWords' CHAR). */
function isChar(c: number, flag: number): boolean {
  // The comparison first: NaN (past the end) must never index the table (a slow generic lookup).
  return c < 0x10000 && (CHAR_FLAGS[c] & flag) !== 0;
}

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

/**
 * A number as written: thousands separators allowed, never inside a word, a version or a model
 * name (H100). {@link nextNumber} finds exactly what this expression finds, run globally, without
 * trying it at every position of the text and without a match array per number.
 */
export const NUMBER = /(?<![\p{L}\p{N}_.,'’/\\])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|(?<![\p{L}\p{N}_.,'’/\\])\.\d+/gu;
/** Letters and digits outside ASCII, for the look-behind of {@link NUMBER} (answers remembered per code unit). */
const OTHER_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const NUMBER_STICKY = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+/y;
/** What may stand right after a number without making it part of a word ("72%", "72,", "72)", "72 "). */
const AFTER_OK = /[^\p{L}\p{N}_]|$/uy;
/** The rest of a date after its first number: "-09-30", "/30/2025", ".09.2025". */
const DATE_TAIL = /[-/.]\d{1,2}[-/.]\d{1,4}/y;

/** How far before a value its qualifier and head words are looked for, in characters. */
const PREFIX_WINDOW = 40;
/** Words before a value (qualifier excluded) that can make it a change or a reference. */
const HEAD_WORDS = 4;

const LF = 0x0a;
const SPACE = 0x20;
const PERCENT_SIGN = 0x25; // %
const PLUS_SIGN = 0x2b; // +
const HYPHEN = 0x2d; // -
const DOT = 0x2e; // .
const SLASH = 0x2f; // /
const COLON = 0x3a; // :
const COMMA = 0x2c; // ,
const CLOSE_PAREN = 0x29; // )
const PIPE = 0x7c; // |
const SEMICOLON = 0x3b; // ;
const ASTERISK = 0x2a; // *
const EQUALS = 0x3d; // =
const UNDERSCORE = 0x5f; // _

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetterOrDigitCode(c: number): boolean {
  if (c < 128) return isDigitCode(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x5f;
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/** The end of the run of ASCII digits starting at `at`. */
function digitsEnd(text: string, at: number): number {
  let k = at;
  while (k < text.length && isDigitCode(text.charCodeAt(k))) k++;
  return k;
}

/** Whether the code point before `at` lets a number start there: not a letter, digit, "_", ".", ",", "'", "’", "/" or "\\". */
function mayStartNumberAfter(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  if (c < 128) return !(isLetterOrDigitCode(c) || c === DOT || c === COMMA || c === 0x27 || c === SLASH || c === 0x5c);
  if (c === 0x2019) return false;
  // The expression reads a code point: a surrogate pair before the number is one character.
  const cp = c >= 0xdc00 && c <= 0xdfff && at >= 2 ? text.codePointAt(at - 2) as number : c;
  return !OTHER_LETTER_OR_DIGIT.test(String.fromCodePoint(cp > 0xffff ? cp : c));
}

/**
 * The next number at or after `from` that starts before `to`, as the global {@link NUMBER} would
 * find it (the same start and end), or -1. Its end is left in `numberEnd`.
 */
export function nextNumber(text: string, from: number, to: number): number {
  const n = Math.min(to, text.length);
  for (let i = skipToDigitOrDot(text, from, n); i < n; i = skipToDigitOrDot(text, i + 1, n)) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) {
      const run = digitsEnd(text, i);
      if (!mayStartNumberAfter(text, i)) {
        // No number starts inside this run of digits, nor at a "." right after it.
        i = run - 1;
        continue;
      }
      let end = run;
      // "12,345,678": one to three digits, then groups of a comma and three digits.
      if (run - i <= 3) {
        let j = run;
        while (text.charCodeAt(j) === COMMA && isDigitCode(text.charCodeAt(j + 1)) && isDigitCode(text.charCodeAt(j + 2)) && isDigitCode(text.charCodeAt(j + 3))) j += 4;
        end = j;
      }
      if (text.charCodeAt(end) === DOT && isDigitCode(text.charCodeAt(end + 1))) end = digitsEnd(text, end + 1);
      numberEnd = end;
      return i;
    }
    if (c === DOT && isDigitCode(text.charCodeAt(i + 1)) && mayStartNumberAfter(text, i)) {
      numberEnd = digitsEnd(text, i + 1);
      return i;
    }
  }
  return -1;
}

/**
 * Text between numbers: no ASCII digit and no ".". Matched {@link SKIP_CHUNK} characters at most
 * per call, so a search that ends at `to` never reads far past it (a long paragraph is searched
 * sentence by sentence: an unbounded skip would read to its end from every sentence).
 */
const BETWEEN_NUMBERS = /[^0-9.]{0,64}/y;
const SKIP_CHUNK = 64;

/**
 * The first ASCII digit or "." at or after `from`, or a position at or past `n` when there is none
 * before `n`. Why: most of a sentence is not numbers, and the regex engine skips it several times
 * faster than a loop over its characters (which was the largest part of reading a sentence's values).
 */
function skipToDigitOrDot(text: string, from: number, n: number): number {
  let i = from;
  while (i < n) {
    BETWEEN_NUMBERS.lastIndex = i;
    BETWEEN_NUMBERS.test(text);
    const skipped = BETWEEN_NUMBERS.lastIndex - i;
    i += skipped;
    if (skipped < SKIP_CHUNK) break;
  }
  return i;
}

/** The end of the number {@link nextNumber} last found. */
let numberEnd = 0;

export function lastNumberEnd(): number {
  return numberEnd;
}

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /\p{L}/u.test(String.fromCharCode(c));
}

function isInlineSpaceCode(c: number): boolean {
  return isChar(c, INLINE_SPACE);
}

/** A space or the end of a line. */
function isSpaceCode(c: number): boolean {
  return c === LF || isChar(c, INLINE_SPACE);
}

/** Spaces, ":" and "=" separate the words before a value ("target: 80%", "goal = 80%"). */
function isWordSeparator(c: number): boolean {
  return isSpaceCode(c) || c === COLON || c === EQUALS;
}

/** Punctuation after which no unit can follow the number ("72,", "72)", "72|", "72;", "72*", "72."). */
function endsValue(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === COMMA || c === CLOSE_PAREN || c === PIPE || c === SEMICOLON || c === ASTERISK || (c === DOT && !isDigitCode(text.charCodeAt(at + 1)));
}

/** A four-digit number from 1900 to 2100, as written ("2026"), at `text[s, e)`: only such a number is cut out. */
function isYearAt(text: string, s: number, e: number): boolean {
  if (e - s !== 4 || !isDigitCode(text.charCodeAt(s + 1)) || !isDigitCode(text.charCodeAt(s + 2))) return false;
  const digits = text.slice(s, e);
  return digits >= '1900' && digits <= '2100';
}

/** Whether `text[s, e)` holds the character with code `c`. */
function holds(text: string, s: number, e: number, c: number): boolean {
  for (let k = s; k < e; k++) if (text.charCodeAt(k) === c) return true;
  return false;
}

/** A currency sign or a minus sign right before the number at `s`: "$2026" and "-2026" are amounts, not years. */
function amountSignBefore(text: string, s: number): boolean {
  const c = text.charCodeAt(s - 1);
  return isChar(c, CURRENCY_SIGN_END | MINUS);
}

/**
 * Anything after the number at `e` that could make it an amount or part of a word: a glued unit
 * ("2026%", "2026x", "2026+"), a letter or digit ("2026Q"), or a unit after a space ("2026 million").
 */
function unitOrWordAfter(text: string, e: number, to: number): boolean {
  if (e >= to) return false;
  const next = text.charCodeAt(e);
  if (Number.isNaN(next)) return false;
  if (isChar(next, GLUED_UNIT) || isLetterOrDigitCode(next)) return true;
  return isSpaceCode(next) && sticky(UNIT_AFTER_SPACE, text, e) !== null;
}

/** A minus sign at `at` that is not a hyphen inside a word ("-5%", not "Q3-5"). */
function signAt(text: string, at: number, min: number): boolean {
  if (at < min || !isChar(text.charCodeAt(at), MINUS)) return false;
  const before = text.charCodeAt(at - 1);
  return at === min || before === UNDERSCORE || !isLetterOrDigitCode(before);
}

/**
 * The word after one space at `at` ("72% in Q3" → "in"), lower-cased (OTHER_WORD when no list
 * knows it: headWords.ts), when it is plain ASCII
 * letters ending at an ASCII character or the end; else undefined (the expressions decide). Used
 * to skip the unit, range and reference expressions after a number, none of which can match a
 * plain word outside their own word lists.
 */
function plainWordAfter(text: string, at: number): string | undefined {
  // The unit, range and reference checks of one number ask about the same place (a bare number
  // and the end of its value are often one offset): the last answer is given again.
  if (at === wordAfterAt && text === wordAfterText) return wordAfter;
  const word = readPlainWordAfter(text, at);
  wordAfterText = text;
  wordAfterAt = at;
  wordAfter = word;
  return word;
}

/** The last {@link plainWordAfter} asked: the text (emptied when a scan ends), the offset and the answer. */
let wordAfterText = '';
let wordAfterAt = -1;
let wordAfter: string | undefined;

function readPlainWordAfter(text: string, at: number): string | undefined {
  if (text.charCodeAt(at) !== SPACE) return undefined;
  let k = at + 1;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
  }
  if (k === at + 1 || (k < text.length && text.charCodeAt(k) >= 128)) return undefined;
  // Only looked up in the lists and compared with "to" and "and": read in place (headWords.ts).
  return knownWord(text, at + 1, k);
}

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
  return toNumberAt(digits, 0, digits.length);
}

/** {@link toNumber} of `text[s, e)`, read in place (the number's text is cut only past 15 digits). */
function toNumberAt(text: string, s: number, e: number): number {
  let mantissa = 0;
  let count = 0;
  let decimals = -1;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      count++;
      if (decimals >= 0) decimals++;
    } else if (c === DOT) decimals = 0;
  }
  if (count <= 15) return decimals > 0 ? mantissa / EXACT_TENS[decimals] : mantissa;
  const digits = text.slice(s, e);
  return Number(digits.includes(',') ? digits.replace(/,/g, '') : digits);
}

/**
 * True when `tidy` would give the number back unchanged: read straight from at most 12 digits
 * (then toPrecision(12) writes those very digits back), so the call can be skipped.
 */
function tidyAlready(length: number, scale: number): boolean {
  return scale === 1 && length <= 12;
}

interface Unit {
  kind: StatedValue['kind'];
  currency?: string;
  scale: number;
  end: number;
  plus: boolean;
}

function noUnit(at: number, currencyBefore: string | undefined): Unit {
  return { kind: currencyBefore ? 'currency' : 'number', currency: currencyBefore, scale: 1, end: at, plus: false };
}

/**
 * False when no unit expression of {@link readUnit} can match at `at`: the character there opens
 * none, or it is an inline space and the first character after the spaces opens none (the end of
 * the text opens none). Reads the run of spaces once, as the expressions would.
 */
export function mayOpenUnit(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (!isChar(c, INLINE_SPACE)) return c < 0x10000 && (UNIT_OPENERS[c] & 1) !== 0;
  let k = at + 1;
  while (isChar(text.charCodeAt(k), INLINE_SPACE)) k++;
  const d = text.charCodeAt(k);
  return d < 0x10000 && (UNIT_OPENERS[d] & 2) !== 0;
}

/** Reads what follows a number: scale, %, x, currency code, "+", "/GPU-hour". */
function readUnit(text: string, at: number, limit: number, currencyBefore: string | undefined): Unit | undefined {
  const c = text.charCodeAt(at);
  // The common cases without a regex: "72%" and a bare number followed by punctuation or the end.
  if (c === PERCENT_SIGN && !currencyBefore && at + 1 <= limit) {
    const after = text.charCodeAt(at + 1);
    if (after !== PLUS_SIGN && (at + 1 >= limit || Number.isNaN(after) || !isLetterOrDigitCode(after))) return { kind: 'percent', scale: 1, end: at + 1, plus: false };
  }
  if (at >= limit || Number.isNaN(c) || endsValue(text, at)) return noUnit(at, currencyBefore);
  // "3.60 as older …": a plain word after one space that no unit starts (see UNIT_WORDS): none of the expressions below can match.
  if (c === SPACE) {
    const word = plainWordAfter(text, at);
    if (word !== undefined && !UNIT_WORDS.has(word)) return noUnit(at, currencyBefore);
  }
  // None of the unit expressions can match here (valueWords' UNIT_OPENERS): only the check that the number is not glued to a word remains.
  if (!mayOpenUnit(text, at)) return sticky(AFTER_OK, text, at) === null ? undefined : noUnit(at, currencyBefore);
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
    currency = CURRENCY_OF[m[1]] ?? CURRENCY_OF[m[1].toLowerCase()];
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
 * Every value written in `text[from, to)`, left to right: see {@link ValueScanner.findValues}.
 * For one-off reads; a caller scanning many texts (an analysis) keeps one scanner and reuses it.
 */
export function findValues(text: string, from = 0, to = text.length): FoundValue[] {
  return new ValueScanner().findValues(text, from, to);
}

/**
 * Reads the values of one text after another. Its fields are the working state of the current
 * scan: the text, the words before the current number, what they say about it (the prefix), and
 * where the search goes on. Nothing is shared between scanners; an analysis keeps one for all its
 * texts (one per text made its arrays most of a lint's garbage and slowed it down measurably).
 */
export class ValueScanner {
  private text = '';
  private from = 0;
  private to = 0;
  /** Up to QUALIFIER_MAX_WORDS + HEAD_WORDS words before the current number, nearest first: offsets, and the lower-cased text once read. */
  private readonly wordStart: number[] = [];
  private readonly wordEnd: number[] = [];
  private readonly wordText: (string | undefined)[] = [];
  /** The lazy word scan ({@link beginWords}): where it goes on, its bound, how many words it may find, how many it found, whether it ended. */
  private scanAt = 0;
  private scanMin = 0;
  private wordCap = 0;
  private wordCount = 0;
  private scanDone = false;

  /** The prefix of the current number: where the value starts (sign, currency, qualifier included)… */
  private start = 0;
  private qualifier: Qualifier | undefined = undefined;
  private currency: string | undefined = undefined;
  private negative = false;
  /** …and what the up to HEAD_WORDS words before it (qualifier excluded) say: see {@link readHead}. */
  private change = false;
  private reference = false;
  private month = false;
  private afterFrom = false;
  private afterBetween = false;

  /** Where the search for the next number goes on (-1: right after the current number). */
  private resumeAt = -1;

  /**
   * Every value written in `text[from, to)`, left to right. Years (1900–2100 with no unit), dates,
   * times, quarters ("Q3"), model names ("H100") and numbers glued to words are skipped. A range
   * ("70–75%", "70 to 75%", "between 70% and 75%") is one value; "from 65% to 72%" yields only 72%.
   */
  findValues(text: string, from = 0, to = text.length): FoundValue[] {
    const out: FoundValue[] = [];
    this.text = text;
    this.from = from;
    this.to = to;
    for (let at = nextNumber(text, from, to); at >= 0; ) {
      const end = numberEnd;
      this.resumeAt = -1;
      const found = this.readValueAt(at, end);
      if (found) out.push(found);
      at = nextNumber(text, Math.max(end, this.resumeAt), to);
    }
    this.end();
    return out;
  }

  /** Where the search for the next number of the current scan goes on (-1: the scan has ended). */
  private searchFrom = -1;

  /**
   * Starts a scan of `text[from, to)` read value by value with {@link next}: the values it gives
   * are exactly those of {@link findValues}, in order (held to it by a property test:
   * test/unit/analysis/sentenceValues.test.ts). Why: a sentence's claims usually need only
   * its first values, and reading the rest was a fair part of the lint (claims.ts reads lazily).
   * Each number is searched for only when the next value is asked for: the search after the last
   * value a sentence's claims take (to the sentence's end, most often for nothing) is not made.
   */
  begin(text: string, from = 0, to = text.length): void {
    this.text = text;
    this.from = from;
    this.to = to;
    this.searchFrom = from;
  }

  /** The next value of the scan {@link begin} started, or undefined when there is none left (the scan is then ended). */
  next(): FoundValue | undefined {
    while (this.searchFrom >= 0) {
      const at = nextNumber(this.text, this.searchFrom, this.to);
      if (at < 0) break;
      const end = numberEnd;
      this.resumeAt = -1;
      const found = this.readValueAt(at, end);
      this.searchFrom = Math.max(end, this.resumeAt);
      if (found) return found;
    }
    this.end();
    return undefined;
  }

  /** Ends the current scan early (or again): keeps no reference to the document. */
  end(): void {
    this.searchFrom = -1;
    this.text = '';
    wordAfterText = '';
    wordAfterAt = -1;
  }

  /** No value at this number; the search goes on at `at`. */
  private skip(at: number): undefined {
    this.resumeAt = at;
    return undefined;
  }

  /** Word `i` before the current number, nearest first, lower-cased; OTHER_WORD when no list knows it (headWords.ts). Only after {@link hasWord}(i). */
  private word(i: number): string {
    let w = this.wordText[i];
    if (w === undefined) {
      w = knownWord(this.text, this.wordStart[i], this.wordEnd[i]);
      this.wordText[i] = w;
    }
    return w;
  }

  /**
   * Starts a lazy scan for up to `cap` words ending before `end` (not before `min`), for
   * {@link hasWord} and {@link word}. Words are found one at a time, nearest first, when asked
   * for: most values are decided by the word right before them, and reading the four words a head
   * may need before every number was most of the value scanner's time. A scan that finds fewer
   * words stops earlier, nothing else, so the words found are those of a scan for all of them.
   */
  private beginWords(end: number, min: number, cap: number): void {
    this.scanAt = end;
    this.scanMin = min;
    this.wordCap = cap;
    this.wordCount = 0;
    this.scanDone = false;
  }

  /** Whether there is a word `i` (nearest first) within the cap: scans on as far as needed. */
  private hasWord(i: number): boolean {
    while (this.wordCount <= i && this.wordCount < this.wordCap && !this.scanDone) this.scanWord();
    return i < this.wordCount;
  }

  /**
   * Finds the next word back. Spaces, ":" and "=" separate words; any other punctuation ends the
   * scan (as does a place with no word).
   */
  private scanWord(): void {
    const { text, scanMin: min } = this;
    let k = this.scanAt;
    while (k > min && isWordSeparator(text.charCodeAt(k - 1))) k--;
    const wEnd = k;
    // A trailing dot belongs to abbreviations: "vs.", "approx.", "ca.".
    if (k > min && text.charCodeAt(k - 1) === DOT) k--;
    const lettersEnd = k;
    while (k > min && isLetterCode(text.charCodeAt(k - 1))) k--;
    if (k === lettersEnd) {
      this.scanDone = true;
      return;
    }
    const n = this.wordCount++;
    this.wordStart[n] = k;
    this.wordEnd[n] = wEnd;
    this.wordText[n] = undefined;
    this.scanAt = k;
    // Anything but a separator before the word ("Q3", "(about") ends the scan.
    if (k > min && !isWordSeparator(text.charCodeAt(k - 1))) this.scanDone = true;
  }

  /** Sign, currency and qualifier written before the number at `s`: "-", "$", "USD ", "~", "over", "at least". */
  private readPrefix(s: number): void {
    const { text, from: min } = this;
    let k = s;
    let negative = false;
    let currency: string | undefined;
    if (signAt(text, k - 1, min)) {
      negative = true;
      k--;
    }
    if (k - 1 >= min && isChar(text.charCodeAt(k - 1), CURRENCY_SIGN_END)) {
      for (const sign of CURRENCY_SIGNS_LONGEST_FIRST) {
        if (k - sign.length >= min && text.startsWith(sign, k - sign.length)) {
          currency = CURRENCY_SIGNS[sign];
          k -= sign.length;
          break;
        }
      }
    } else {
      // "USD 2.10": a code, then inline spaces.
      let j = k;
      while (j > min && isInlineSpaceCode(text.charCodeAt(j - 1))) j--;
      const codeStart = j - CURRENCY_CODE_LENGTH;
      // Cut and looked up only when the character before could end a code (most numbers follow a space after a word).
      const code = codeStart >= min && CODE_END[text.charCodeAt(j - 1) & 0xffff] === 1 ? text.slice(codeStart, j) : '';
      // No lookup for the usual '' (no code can end here).
      if (code !== '' && CURRENCY_CODE_SET.has(code) && (codeStart === min || !isLetterCode(text.charCodeAt(codeStart - 1)))) {
        currency = code;
        k = codeStart;
      }
    }
    if (!negative && currency && signAt(text, k - 1, min)) {
      negative = true;
      k--;
    }
    this.negative = negative;
    this.currency = currency;
    let j = k;
    while (j > min && isInlineSpaceCode(text.charCodeAt(j - 1))) j--;
    // Two-character symbols end in "=" (">=", "<="): no slice for the others.
    const two = j - 2 >= min && text.charCodeAt(j - 1) === TWO_CHAR_QUALIFIER_END_CODE ? text.slice(j - 2, j) : '';
    const symbol = two !== '' && QUALIFIER_SYMBOLS.has(two) ? two : j - 1 >= min && isChar(text.charCodeAt(j - 1), QUALIFIER_SYMBOL) ? text[j - 1] : '';
    if (symbol) {
      const start = j - symbol.length;
      this.beginWords(start, Math.max(min, start - PREFIX_WINDOW), HEAD_WORDS);
      this.start = start;
      this.qualifier = QUALIFIER_SYMBOLS.get(symbol);
      this.readHead(0);
      return;
    }
    // The head's words first: after a last word that ends no qualifier phrase (most values) they
    // are all that is read. Otherwise the same scan serves both the qualifier (the nearest words)
    // and the head (the words before it).
    this.beginWords(k, Math.max(min, k - 2 * PREFIX_WINDOW), HEAD_WORDS);
    const lastWord = this.hasWord(0) ? this.word(0) : undefined;
    // QUALIFIER_LENGTHS has a key for each of QUALIFIER_ENDINGS: one lookup, none for a word no list knows (most).
    const lengths = lastWord !== undefined && lastWord !== OTHER_WORD ? QUALIFIER_LENGTHS.get(lastWord) : undefined;
    if (lengths !== undefined) this.wordCap = QUALIFIER_MAX_WORDS + HEAD_WORDS;
    // Longest first: only the lengths of phrases that end in this word can be found.
    for (let t = 0; lengths !== undefined && t < lengths.length; t++) {
      const n = lengths[t];
      if (!this.hasWord(n - 1)) continue;
      let phrase = lastWord as string;
      for (let i = 1; i < n; i++) phrase = `${this.word(i)} ${phrase}`;
      const q = QUALIFIER_PHRASES.get(phrase);
      if (q) {
        this.start = this.wordStart[n - 1];
        this.qualifier = q;
        this.readHead(n);
        return;
      }
    }
    this.start = k;
    this.qualifier = undefined;
    this.readHead(0);
  }

  /** What the up to HEAD_WORDS words from word `base` on (nearest first), before a value, say about it. */
  private readHead(base: number): void {
    const top = base + HEAD_WORDS;
    const last = this.hasWord(base) ? this.word(base) : '';
    if (last === OTHER_WORD || last === '') {
      // No list holds the last word (or there is none): it is no change word, month, "from" or
      // "between", and no filler either, so it is also the reference word looked up below, and no
      // reference word. Answered without the lookups (most values follow such a word).
      this.change = false;
      this.reference = false;
      this.month = false;
      this.afterFrom = false;
      this.afterBetween = false;
      return;
    }
    this.change = CHANGE_WORDS.has(last) || (last === 'of' && base + 1 < top && this.hasWord(base + 1) && this.word(base + 1) === 'growth');
    let k = base;
    while (k < top && this.hasWord(k) && FILLER_WORDS.has(this.word(k))) k++;
    const ref = k < top && this.hasWord(k) ? this.word(k) : '';
    this.reference = REFERENCE_WORDS.has(ref) || ((ref === 'to' || ref === 'with') && k + 1 < top && this.hasWord(k + 1) && REFERENCE_PAIRS.has(`${this.word(k + 1)} ${ref}`));
    this.month = MONTHS.has(last) || (last.endsWith('.') && MONTHS.has(last.slice(0, -1)));
    this.afterFrom = last === 'from';
    this.afterBetween = last === 'between';
  }

  /** "the 80% target": a reference word right after the value ending at `end`. */
  private referenceAfter(end: number): boolean {
    const { text, to } = this;
    if (end >= to) return false;
    const c = text.charCodeAt(end);
    // Read only when a space, ")" or a dash follows, and then not for a plain word that starts no reference.
    if (!(c === CLOSE_PAREN || isChar(c, INLINE_SPACE | REFERENCE_DASH))) return false;
    const plain = c === SPACE ? plainWordAfter(text, end) : undefined;
    if (plain !== undefined && !REFERENCE_AFTER_FIRST_WORDS.has(plain)) return false;
    const r = sticky(REFERENCE_AFTER, text, end);
    return r !== null && end + r[0].length <= to;
  }

  /** The value whose number is `text[s, e)`, if it is one; sets {@link resumeAt}. Its digits are read in place. */
  private readValueAt(s: number, e: number): FoundValue | undefined {
    const { text, to } = this;
    if (e > to) return undefined;
    const next = text.charCodeAt(e);
    const digitAfter = isDigitCode(text.charCodeAt(e + 1));
    // Dates (2025-09-30, 09/30/2025, 30.09.2025) and times (10:30) are not values: skip them whole.
    if ((next === HYPHEN || next === SLASH || next === DOT) && digitAfter && !holds(text, s, e, DOT)) {
      const date = sticky(DATE_TAIL, text, e);
      if (date && date.index + date[0].length <= to) return this.skip(e + date[0].length);
    }
    if ((next === COLON || next === SLASH || next === DOT || next === COMMA) && digitAfter) return this.skip(e + 2);
    // A year with no unit ("Q3 2026", "in 2025") is a date: skipped before any other reading.
    if (isYearAt(text, s, e) && !amountSignBefore(text, s) && !unitOrWordAfter(text, e, to)) return this.skip(e);

    this.readPrefix(s);
    const { currency, negative, start } = this;
    let qualifier = this.qualifier;

    const unit = readUnit(text, e, to, currency);
    if (!unit) return this.skip(e);
    let low = toNumberAt(text, s, e) * unit.scale * (negative ? -1 : 1);
    let high = low;
    // Whether low and high are still numbers read straight from short digits (tidy leaves them as they are).
    let lowPlain = tidyAlready(e - s, unit.scale);
    let highPlain = lowPlain;
    let kind = unit.kind;
    let end = unit.end;
    let cur = unit.currency;
    if (unit.plus && !qualifier) qualifier = 'at-least';

    // A range: "70–75%", "70%-75%", "$2.10–$2.40", "70 to 75%", "between 70% and 75%". "from X to Y" is a movement: Y is the level.
    const afterUnit = text.charCodeAt(unit.end);
    const maySeparate = isChar(afterUnit, INLINE_SPACE | RANGE_DASH_CHAR);
    // A plain word other than "to" / "and" after one space starts no range.
    const plainAfter = afterUnit === SPACE ? plainWordAfter(text, unit.end) : undefined;
    const mayRange = maySeparate && (plainAfter === undefined || plainAfter === 'to' || plainAfter === 'and');
    const sep = mayRange ? sticky(RANGE_DASH, text, unit.end) ?? sticky(RANGE_TO, text, unit.end) : null;
    if (sep && !unit.plus) {
      const word = sep[1];
      if (word !== 'and' || this.afterBetween) {
        let p = sep.index + sep[0].length;
        const pre2 = sticky(RANGE_SECOND_START, text, p);
        const cur2 = pre2?.[1]?.trim();
        p += pre2 ? pre2[0].length : 0;
        const n2 = sticky(NUMBER_STICKY, text, p);
        if (n2 && p + n2[0].length <= to && !sticky(DATE_TAIL, text, p + n2[0].length)) {
          const unit2 = readUnit(text, p + n2[0].length, to, cur2 ? CURRENCY_OF[cur2] : undefined);
          const sameKind = unit2 && (unit2.kind === kind || kind === 'number' || unit2.kind === 'number');
          const bothUnits = unit.kind !== 'number' && unit2?.kind !== 'number';
          const isMovement = word === 'to' && (this.afterFrom || (bothUnits && this.change));
          if (unit2 && sameKind && !isMovement) {
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
            highPlain = tidyAlready(n2[0].length, scale2);
            if (high < low) {
              [low, high] = [high, low];
              [lowPlain, highPlain] = [highPlain, lowPlain];
            }
            end = unit2.end;
          } else if (unit2 && word === 'to' && this.afterFrom) {
            // "from 65% to 72%": only the second is the analyst's current figure.
            return this.skip(e);
          }
        }
      }
    }

    const bare = kind === 'number';
    // A bare year (1900–2100) is a date, not a value; so is the day in "Sept 30".
    if (bare && !holds(text, s, e, DOT) && !holds(text, s, e, COMMA) && !negative && !qualifier && unit.scale === 1) {
      const isYear = (n: number): boolean => Number.isInteger(n) && n >= 1900 && n <= 2100;
      if (isYear(low) && isYear(high)) return this.skip(end);
      if (low === high && this.month) return this.skip(end);
    }
    // Built field by field: optional keys are absent, not undefined (and spreads cost on hot paths).
    const value: { -readonly [K in keyof StatedValue]: StatedValue[K] } = { kind, low: lowPlain ? low : tidy(low), high: highPlain ? high : tidy(high), text: text.slice(start, end) };
    if (qualifier) value.qualifier = qualifier;
    if (kind === 'currency' && cur) value.currency = cur;
    this.resumeAt = end;
    return { value, start, end, bare, change: this.change, reference: this.reference || this.referenceAfter(end) };
  }
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
