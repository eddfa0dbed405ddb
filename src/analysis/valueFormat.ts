/**
 * Writing values back out, the way the model's benchmarks are written: "72%", "$2.10", "2.1x",
 * "~72%", "70–75%", "over 90%". Verdict messages use it, so every surface shows a value the same
 * normalised way. Reading values is values.ts; the words and symbols both use are valueWords.ts.
 */
import type { StatedValue } from './types';
import { CURRENCY_SYMBOL_OF, QUALIFIER_DISPLAY } from './valueWords';

/** Rounds away binary noise (0.72 * 100 = 72.00000000000001). */
export function tidy(n: number): number {
  return Number.isInteger(n) || hasFewDigits(n) ? n : tidySlow(n);
}

/** What {@link tidy} means: an integer as it is, any other number rounded to 12 significant digits. */
export function tidySlow(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toPrecision(12));
}

/**
 * True when the shortest decimal that reads back as `n` (what String gives) has at most 12
 * significant digits: such an `n` is already its own rounding to 12 digits (that decimal is within
 * half a binary unit of `n`, far nearer than any other 12-digit decimal, and reads back as `n`).
 * Why: toPrecision costs several times String, and nearly every value an analyst writes ("92.4")
 * is such a number; tidy runs for every decimal value read and every verdict written.
 * test/unit/analysis/values.test.ts holds tidy to tidySlow.
 */
function hasFewDigits(n: number): boolean {
  return fewDigits(String(n));
}

/** {@link hasFewDigits} of a number already written by String. */
function fewDigits(s: string): boolean {
  let digits = 0;
  let leading = true;
  for (let k = s.charCodeAt(0) === 0x2d ? 1 : 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x2e) continue;
    // An exponent ("1e-7"), "NaN" or "Infinity": the slow path decides.
    if (c < 0x30 || c > 0x39) return false;
    if (leading && c === 0x30) continue;
    leading = false;
    digits++;
  }
  return digits <= 12;
}

/**
 * A number as the model's benchmarks write it: thousands grouped, at most four decimals. The same
 * string as {@link formatNumberSlow}, with String called once for the usual value: a verdict is
 * written for every claim, and writing "92.4" (tidy's String, then String again, a split array)
 * was most of writing a verdict. When String's own digits are few, tidy leaves the number as it
 * is, so those digits, without the sign, are what String(|tidy(n)|) gives.
 */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  const written = String(n);
  if (Number.isInteger(n) || !fewDigits(written)) return formatNumberSlow(n);
  const digits = n < 0 ? written.slice(1) : written;
  const dot = digits.indexOf('.');
  // Three digits or fewer before the point and four or fewer after: nothing to group or cut.
  if (dot >= 0 && dot <= 3 && digits.length - dot <= 5) return written;
  return formatNumberSlow(n);
}

/** What {@link formatNumber} means: test/unit/analysis/values.test.ts holds the two to the same strings. */
export function formatNumberSlow(n: number): string {
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
      const sym = CURRENCY_SYMBOL_OF[currency ?? 'USD'];
      const amount = Math.abs(n) < 1000 && !Number.isInteger(n) ? Math.abs(n).toFixed(2) : formatNumber(Math.abs(n));
      const sign = n < 0 ? '-' : '';
      return sym ? `${sign}${sym}${amount}` : `${sign}${amount} ${currency}`;
    }
    default: return formatNumber(n);
  }
}

/** A normalised rendering of a stated value: "~72%", "70–75%", "over 90%", "$2.10". */
export function formatStatedValue(value: StatedValue): string {
  const q = value.qualifier ? QUALIFIER_DISPLAY[value.qualifier] : '';
  if (value.low === value.high) return q + formatAmount(value.low, value.kind, value.currency);
  const hi = formatAmount(value.high, value.kind, value.currency);
  // "70–75%" rather than "70%–75%" (the low end with its unit is written only when it is shown).
  const loShort = value.kind === 'percent' || value.kind === 'multiple' ? formatNumber(value.low) : formatAmount(value.low, value.kind, value.currency);
  return `${q}${loShort}–${hi}`;
}

/** Powers of ten a plain percentage's decimals divide by (exact doubles). */
const TENS = [1, 10, 100, 1000, 10000];

/**
 * {@link formatStatedValue} of `value`, given as the analyst's own text when that is already the
 * same string: a plain percentage ("72%", "92.4%") written with no sign, space or qualifier, no
 * leading zero, at most three digits before the point and one to four after it, the last not 0.
 * Why: writing a decimal back out (String of a double, then the "%" joined on) was most of judging
 * a value, once for every claim, and most claims are such percentages. The text's digits are read
 * and checked to give the value's number exactly; a decimal of so few digits is then the shortest
 * one that reads back as that number, which is what String, and so formatNumber, writes.
 * test/unit/analysis/values.test.ts holds the two to the same strings.
 */
export function formatStatedValueAsWritten(value: StatedValue): string {
  if (value.kind === 'percent' && value.qualifier === undefined && value.low === value.high && isPlainPercent(value.text, value.low)) return value.text;
  return formatStatedValue(value);
}

/** Whether `text` is `n` written as a plain percentage (see {@link formatStatedValueAsWritten}). */
function isPlainPercent(text: string, n: number): boolean {
  const last = text.length - 1;
  if (last < 1 || last > 8 || text.charCodeAt(last) !== 0x25) return false;
  let mantissa = 0;
  let k = 0;
  for (; k < last; k++) {
    const d = text.charCodeAt(k) - 0x30;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
  }
  // One to three digits before the point, no leading zero but a lone "0".
  if (k === 0 || k > 3 || (k > 1 && text.charCodeAt(0) === 0x30)) return false;
  let decimals = 0;
  if (k < last) {
    if (text.charCodeAt(k) !== 0x2e) return false;
    for (k++; k < last; k++) {
      const d = text.charCodeAt(k) - 0x30;
      if (d < 0 || d > 9) return false;
      mantissa = mantissa * 10 + d;
      decimals++;
    }
    if (decimals === 0 || decimals > 4 || text.charCodeAt(last - 1) === 0x30) return false;
  }
  // At most seven digits: the integer and the power of ten are exact, so one division is the correctly rounded number.
  return mantissa / TENS[decimals] === n;
}
