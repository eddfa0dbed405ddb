/**
 * Periods as analysts write them — `Q3 2026`, `2026-Q3`, `3Q26`, `Q3 FY2026`, `FY2026`, `H1 2026`,
 * `2026`, `September 2026`, `2026-09-30` — read into comparable {@link Period}s. Anything else is
 * kept as written and never guessed: a wrong period would put a value in the wrong column.
 * Each form is one anchored regular expression over a string of bounded length: linear.
 */
import type { ParsedPeriod, Period, PeriodKind } from './types';

/** The forms understood, for the hint on an unreadable period. */
export const UNDERSTOOD_PERIOD_FORMS: readonly string[] = ['Q3 2026', '2026-Q3', '3Q26', 'Q3 FY2026', 'FY2026', 'H1 2026', 'FY2026 H1', '2026', 'September 2026', '2026-09-30'];

/** Longer text is not a period (and is not scanned). */
const MAX_PERIOD_CHARS = 40;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A 4-digit year, or 2 digits after FY / in 3Q26 (20xx). */
function year(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

const DAY_MS = 86_400_000;

function dayNumber(y: number, monthIndex: number, day: number): number {
  return Math.round(Date.UTC(y, monthIndex, day) / DAY_MS);
}

/** Last day of month `monthIndex` (0-based), as a day number. */
function monthEnd(y: number, monthIndex: number): number {
  return dayNumber(y, monthIndex + 1, 1) - 1;
}

function make(kind: PeriodKind, fiscal: boolean, y: number, part?: number): Period {
  const fy = fiscal ? 'FY' : '';
  switch (kind) {
    case 'quarter': {
      const q = part ?? 1;
      return { kind, fiscal, year: y, part: q, start: dayNumber(y, (q - 1) * 3, 1), end: monthEnd(y, q * 3 - 1), label: `Q${q} ${fy}${y}` };
    }
    case 'half': {
      const h = part ?? 1;
      return { kind, fiscal, year: y, part: h, start: dayNumber(y, (h - 1) * 6, 1), end: monthEnd(y, h * 6 - 1), label: `H${h} ${fy}${y}` };
    }
    case 'month': {
      const m = part ?? 1;
      const name = MONTHS[m - 1];
      return { kind, fiscal, year: y, part: m, start: dayNumber(y, m - 1, 1), end: monthEnd(y, m - 1), label: `${name[0].toUpperCase()}${name.slice(1)} ${y}` };
    }
    case 'year':
      return { kind, fiscal, year: y, start: dayNumber(y, 0, 1), end: monthEnd(y, 11), label: fiscal ? `FY${y}` : String(y) };
    case 'day':
      throw new Error('days are made by dayPeriod');
  }
}

function dayPeriod(y: number, m: number, d: number): Period | undefined {
  const n = dayNumber(y, m - 1, d);
  // Date.UTC rolls 2026-02-31 over to March: such a date does not exist.
  const back = new Date(n * DAY_MS);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  const label = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { kind: 'day', fiscal: false, year: y, part: n - dayNumber(y, 0, 1) + 1, start: n, end: n, label };
}

const Y4 = '((?:19|20)\\d\\d)';
const FY = '(FY\\s*-?\\s*)?';
const FORMS: readonly { re: RegExp; read: (m: RegExpExecArray) => Period | undefined }[] = [
  // Q3 2026, Q3 FY2026, Q3-2026, Q3 FY26
  { re: new RegExp(`^Q([1-4])[\\s\\-/]*(?:${FY}${Y4}|(FY\\s*-?\\s*)(\\d\\d))$`, 'i'), read: (m) => make('quarter', !!(m[2] || m[4]), year(m[3] ?? m[5]), Number(m[1])) },
  // 2026-Q3, 2026 Q3, FY2026 Q3
  { re: new RegExp(`^${FY}${Y4}[\\s\\-/]*Q([1-4])$`, 'i'), read: (m) => make('quarter', !!m[1], year(m[2]), Number(m[3])) },
  // 3Q26, 3Q 2026, 3QFY26
  { re: /^([1-4])Q\s*(FY\s*)?(\d\d|(?:19|20)\d\d)$/i, read: (m) => make('quarter', !!m[2], year(m[3]), Number(m[1])) },
  // H1 2026, H1 FY2026, 1H26
  { re: new RegExp(`^H([12])[\\s\\-/]*(?:${FY}${Y4}|(FY\\s*-?\\s*)(\\d\\d))$`, 'i'), read: (m) => make('half', !!(m[2] || m[4]), year(m[3] ?? m[5]), Number(m[1])) },
  { re: /^([12])H\s*(FY\s*)?(\d\d|(?:19|20)\d\d)$/i, read: (m) => make('half', !!m[2], year(m[3]), Number(m[1])) },
  // 2026 H1, FY2026 H1, 2026-H1
  { re: new RegExp(`^${FY}${Y4}[\\s\\-/]*H([12])$`, 'i'), read: (m) => make('half', !!m[1], year(m[2]), Number(m[3])) },
  // FY2026, FY26, FY 2026
  { re: /^FY\s*-?\s*(\d\d|(?:19|20)\d\d)$/i, read: (m) => make('year', true, year(m[1])) },
  // 2026
  { re: new RegExp(`^${Y4}$`), read: (m) => make('year', false, year(m[1])) },
  // 2026-09-30
  { re: new RegExp(`^${Y4}-(\\d\\d)-(\\d\\d)$`), read: (m) => dayPeriod(year(m[1]), Number(m[2]), Number(m[3])) },
  // 2026-09 (ISO month)
  { re: new RegExp(`^${Y4}-(0[1-9]|1[0-2])$`), read: (m) => make('month', false, year(m[1]), Number(m[2])) },
  // September 2026, Sep 2026, Sept. 2026
  { re: new RegExp(`^([a-z]{3,9})\\.?,?\\s+${Y4}$`, 'i'), read: (m) => monthOf(m[1], m[2]) },
];

function monthOf(name: string, y: string): Period | undefined {
  const lower = name.toLowerCase();
  let i = MONTH_NAMES.indexOf(lower);
  if (i < 0 && lower.length >= 3) i = MONTH_NAMES.findIndex((full) => full.startsWith(lower) || (lower === 'sept' && full === 'september'));
  return i < 0 ? undefined : make('month', false, year(y), i + 1);
}

/**
 * Reads a front-matter period. Undefined when there is no value at all; `{ written }` without a
 * `period` when the text is not one of the understood forms (see {@link UNDERSTOOD_PERIOD_FORMS}).
 * YAML may hand over a number (`period: 2026`) or a Date (`period: 2026-09-30`): both are read.
 */
export function parsePeriod(value: unknown): ParsedPeriod | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const written = value.toISOString().slice(0, 10);
    const period = dayPeriod(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return period ? { written, period } : { written };
  }
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const written = String(value).trim();
  if (written === '') return undefined;
  const period = readPeriod(written);
  return period ? { written, period } : { written };
}

/** The period a text is, or undefined. */
export function readPeriod(text: string): Period | undefined {
  if (text.length > MAX_PERIOD_CHARS) return undefined;
  const t = text.trim().replace(/\s+/g, ' ');
  for (const form of FORMS) {
    const m = form.re.exec(t);
    if (m) return form.read(m);
  }
  return undefined;
}

/** Orders periods by their last day; of two that end on the same day the shorter comes first (Q4 2026, then FY2026). */
export function comparePeriods(a: Period, b: Period): number {
  return a.end - b.end || b.start - a.start || Number(a.fiscal) - Number(b.fiscal);
}

/** True when two periods are the same span and calendar (Q3 2026 and 2026-Q3; not Q3 FY2026). */
export function samePeriod(a: Period, b: Period): boolean {
  return a.start === b.start && a.end === b.end && a.fiscal === b.fiscal;
}

/** A stable key for grouping by period: the label of a readable one, else the text as written. */
export function periodKey(p: ParsedPeriod | undefined): string {
  return p?.period ? `${p.period.fiscal ? 'f' : 'c'}:${p.period.start}-${p.period.end}` : `?:${p?.written ?? ''}`;
}

/** The hint for an unreadable period: what was written and which forms are understood. */
export function periodHint(written: string): string {
  return `Period "${written}" is not a form Pattern Analyst reads, so the portfolio lists it as written and cannot place it among quarters. Understood forms: ${UNDERSTOOD_PERIOD_FORMS.join(', ')}.`;
}
