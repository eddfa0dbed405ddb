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

/** Words and symbols before a number, read on a bounded slice that ends where the number starts. */
const PREFIX = new RegExp(
  '(?:(?<![\\p{L}])(?<qual>~|≈|∼|>=|<=|≥|≤|>|<|' +
    '(?:about|around|approximately|approx\\.?|roughly|circa|ca\\.|nearly|almost|just\\s+(?:over|above|under|below)|' +
    'over|above|more\\s+than|greater\\s+than|higher\\s+than|exceeding|in\\s+excess\\s+of|north\\s+of|upwards\\s+of|' +
    'under|below|less\\s+than|lower\\s+than|fewer\\s+than|south\\s+of|' +
    'at\\s+least|no\\s+less\\s+than|a\\s+minimum\\s+of|at\\s+most|up\\s+to|no\\s+more\\s+than|a\\s+maximum\\s+of)(?![\\p{L}]))' +
    `${SP}*)?` +
    '(?<sign1>(?<![\\p{L}\\p{N}])[-−])?' +
    `(?<cur>US\\$|\\$|€|£|(?<![\\p{L}])(?:USD|EUR|GBP)${SP}*)?` +
    '(?<sign2>[-−])?$',
  'iu',
);
const PREFIX_WINDOW = 40;
const CHANGE_BEFORE = /(?<![\p{L}])(?:grew|grow|grows|growing|growth\s+of|rose|rise|rises|rising|increased?|increases|increasing|up|down|fell|fall|falls|falling|declined?|declines|declining|decreased?|decreases|decreasing|jumped?|jumps|dropped?|drops|climbed?|climbs|improved?|improves|expanded?|expands|shrank|shrunk|contracted?|gained?|gains|lost|added|adds|by|changed?|slipped|slid|surged?|soared?|plunged?|grown|risen|fallen)\s+(?:by\s+)?$/iu;
const REFERENCE_BEFORE = /(?<![\p{L}])(?:targets?|benchmarks?|thresholds?|goals?|hurdles?|vs\.?|versus|against|compared\s+(?:to|with)|relative\s+to)\s*(?:of|is|at|was|:|=)?\s*(?:the|a|an|its)?\s*$/iu;
const REFERENCE_AFTER = new RegExp(`^${SP}*(?:\\)${SP}*)?(?:[-‐‑]${SP}*)?(?:targets?|benchmarks?|thresholds?|goals?|hurdles?|bar|mark|guideline|cut-?off|floor|ceiling|minimum|requirement|hurdle)(?![\\p{L}])`, 'iu');
const MONTH_BEFORE = /(?<![\p{L}])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/iu;
const FROM_BEFORE = /(?<![\p{L}])from\s*$/iu;
const BETWEEN_BEFORE = /(?<![\p{L}])between\s*$/iu;

const QUALIFIERS: ReadonlyArray<readonly [RegExp, Qualifier]> = [
  [/^(?:~|≈|∼|about|around|approximately|approx\.?|roughly|circa|ca\.)$/i, 'approx'],
  [/^(?:>=|≥|at\s+least|no\s+less\s+than|a\s+minimum\s+of)$/i, 'at-least'],
  [/^(?:<=|≤|at\s+most|up\s+to|no\s+more\s+than|a\s+maximum\s+of)$/i, 'at-most'],
  [/^(?:>|over|above|more\s+than|greater\s+than|higher\s+than|exceeding|in\s+excess\s+of|north\s+of|upwards\s+of|just\s+(?:over|above))$/i, 'over'],
  [/^(?:<|under|below|less\s+than|lower\s+than|fewer\s+than|south\s+of|nearly|almost|just\s+(?:under|below))$/i, 'under'],
];

const SCALES: Readonly<Record<string, number>> = {
  k: 1e3, K: 1e3, thousand: 1e3, M: 1e6, mn: 1e6, million: 1e6, B: 1e9, bn: 1e9, billion: 1e9, T: 1e12, trillion: 1e12,
};

const CURRENCY_CODES: Readonly<Record<string, string>> = {
  $: 'USD', US$: 'USD', USD: 'USD', dollar: 'USD', dollars: 'USD', '€': 'EUR', EUR: 'EUR', euro: 'EUR', euros: 'EUR', '£': 'GBP', GBP: 'GBP',
};

function qualifierOf(word: string | undefined): Qualifier | undefined {
  if (!word) return undefined;
  const w = word.replace(/\s+/g, ' ').trim();
  for (const [re, q] of QUALIFIERS) if (re.test(w)) return q;
  return undefined;
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function toNumber(digits: string): number {
  return Number(digits.replace(/,/g, ''));
}

/** Rounds away binary noise (0.72 * 100 = 72.00000000000001). */
function tidy(n: number): number {
  return Number(n.toPrecision(12));
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
  return { kind, ...(currency && { currency }), scale, end: p, plus };
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
    const found = readValueAt(text, m.index, m[0], from, to);
    if (!found) continue;
    if (found.skipTo > NUMBER.lastIndex) NUMBER.lastIndex = found.skipTo;
    if (found.value) out.push(found.value);
  }
  return out;
}

function readValueAt(text: string, s: number, digits: string, from: number, to: number): { value?: FoundValue; skipTo: number } | undefined {
  const e = s + digits.length;
  if (e > to) return undefined;
  // Dates (2025-09-30, 09/30/2025, 30.09.2025) and times (10:30) are not values: skip them whole.
  const date = sticky(DATE_TAIL, text, e);
  if (date && date.index + date[0].length <= to && !digits.includes('.')) return { skipTo: e + date[0].length };
  const next = text.charCodeAt(e);
  if ((next === 0x3a /* : */ || next === 0x2f /* / */) && /\d/.test(text.charAt(e + 1))) return { skipTo: e + 2 };
  if ((next === 0x2e || next === 0x2c) && /\d/.test(text.charAt(e + 1))) return { skipTo: e + 2 };

  const windowStart = Math.max(from, s - PREFIX_WINDOW);
  const before = text.slice(windowStart, s);
  const pre = PREFIX.exec(before);
  const groups = pre?.groups ?? {};
  const curText = groups.cur?.trim();
  const currency = curText ? CURRENCY_CODES[curText] : undefined;
  const negative = Boolean(groups.sign1 || groups.sign2);
  let qualifier = qualifierOf(groups.qual);
  let start = s - (pre ? pre[0].length : 0);
  // The qualifier's own text starts after any spaces the prefix regex swallowed before it.
  while (start < s && /\s/.test(text.charAt(start))) start++;

  const unit = readUnit(text, e, to, currency);
  if (!unit) return { skipTo: e };
  let low = toNumber(digits) * unit.scale * (negative ? -1 : 1);
  let high = low;
  let kind = unit.kind;
  let end = unit.end;
  let cur = unit.currency;
  if (unit.plus && !qualifier) qualifier = 'at-least';
  const head = text.slice(windowStart, start);
  let dropLowEnd = false;

  // A range: "70–75%", "70%-75%", "$2.10–$2.40", "70 to 75%", "between 70% and 75%". "from X to Y" is a movement: Y is the level.
  const sep = sticky(RANGE_DASH, text, unit.end) ?? sticky(RANGE_TO, text, unit.end);
  if (sep && !unit.plus) {
    const word = sep[1];
    const between = BETWEEN_BEFORE.test(head);
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
        const isMovement = word === 'to' && (FROM_BEFORE.test(head) || (bothUnits && CHANGE_BEFORE.test(head)));
        if (unit2 && sameKind && !(word === 'to' && isMovement)) {
          const v2 = toNumber(n2[0]) * (unit2.scale !== 1 ? unit2.scale : unit.scale) * (pre2?.[2] ? -1 : 1);
          if (kind === 'number') {
            kind = unit2.kind;
            cur = unit2.currency ?? cur;
            if (unit.scale === 1 && unit2.scale !== 1) low *= unit2.scale;
          }
          high = v2;
          if (high < low) [low, high] = [high, low];
          end = unit2.end;
        } else if (unit2 && word === 'to' && FROM_BEFORE.test(head)) {
          // "from 65% to 72%": only the second is the analyst's current figure.
          dropLowEnd = true;
        }
      }
    }
  }
  if (dropLowEnd) return { skipTo: e };

  const bare = kind === 'number';
  // A bare year (1900–2100) is a date, not a value; so is the day in "Sept 30".
  if (bare && !digits.includes('.') && !digits.includes(',') && !negative && !qualifier && unit.scale === 1) {
    const isYear = (n: number): boolean => Number.isInteger(n) && n >= 1900 && n <= 2100;
    if (isYear(low) && isYear(high)) return { skipTo: end };
    if (low === high && MONTH_BEFORE.test(head)) return { skipTo: end };
  }
  const written = text.slice(start, end);
  const after = text.slice(end, Math.min(to, end + 40));
  const value: StatedValue = {
    kind,
    low: tidy(low),
    high: tidy(high),
    ...(qualifier && { qualifier }),
    ...(kind === 'currency' && cur && { currency: cur }),
    text: written,
  };
  return {
    value: {
      value,
      start,
      end,
      bare,
      change: CHANGE_BEFORE.test(head),
      reference: REFERENCE_BEFORE.test(head) || REFERENCE_AFTER.test(after),
    },
    skipTo: end,
  };
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
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 4 });
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
