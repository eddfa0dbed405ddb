/**
 * Whether a value read back from outside (the editor's warm-start cache on disk) has the shape of
 * an {@link IndexEntry}: every field the portfolio's views read, of the type they read it as. A
 * cache file can be torn, corrupted or written by someone else; an entry that fails this check is
 * dropped and its file read again, so a bad cache costs time, never a crash or a wrong view.
 */
import type { IndexEntry } from './types';

type Check = (v: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isBoolean: Check = (v) => typeof v === 'boolean';
const oneOf = (...values: readonly string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const arrayOf = (item: Check): Check => (v) => Array.isArray(v) && v.every(item);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object whose `required` fields pass their checks and whose `optional` ones do when present. */
function shape(required: Readonly<Record<string, Check>>, optional: Readonly<Record<string, Check>> = {}): Check {
  // Listed once: the check runs on every metric of 10,000 entries in a warm start.
  const must = Object.entries(required);
  const may = Object.entries(optional);
  return (v) => {
    if (!isObject(v)) return false;
    for (const [key, check] of must) if (!check(v[key])) return false;
    for (const [key, check] of may) if (v[key] !== undefined && !check(v[key])) return false;
    return true;
  };
}

/** The words an entry's enumerated fields may hold (the cache's row check, indexEntryCodec.ts, tests the same lists). */
export const PERIOD_KINDS = ['day', 'month', 'quarter', 'half', 'year'] as const;
export const VALUE_KINDS = ['percent', 'currency', 'number', 'multiple'] as const;
export const QUALIFIERS = ['approx', 'over', 'under', 'at-least', 'at-most'] as const;
export const VERDICTS = ['meets', 'misses', 'borderline', 'no-benchmark', 'impossible', 'wrong-unit'] as const;

const position = shape({ line: isNumber, character: isNumber });
const range = shape({ start: position, end: position });

const period = shape(
  { kind: oneOf(...PERIOD_KINDS), fiscal: isBoolean, year: isNumber, start: isNumber, end: isNumber, label: isString },
  { part: isNumber },
);

const value = shape(
  { kind: oneOf(...VALUE_KINDS), low: isNumber, high: isNumber, text: isString },
  { qualifier: oneOf(...QUALIFIERS), currency: isString },
);

const metric = shape(
  {
    metricId: isString,
    value,
    verdict: oneOf(...VERDICTS),
    verdictMessage: isString,
    range,
    mentions: isNumber,
  },
  { source: isString },
);

const entry = shape(
  {
    uri: isString,
    version: isString,
    metrics: arrayOf(metric),
    findings: shape({ error: isNumber, warning: isNumber, information: isNumber, hint: isNumber }),
  },
  {
    patternWritten: isString,
    patternId: isString,
    subject: isString,
    companyId: isString,
    period: shape({ written: isString }, { period }),
    author: isString,
    title: isString,
    coverage: shape({ present: isNumber, total: isNumber, missing: arrayOf(isString) }),
    periodLine: isNumber,
  },
);

/** True when `v` can be used as the index entry of `uri`. */
export function isIndexEntry(v: unknown, uri: string): v is IndexEntry {
  return entry(v) && (v as { uri: unknown }).uri === uri;
}
