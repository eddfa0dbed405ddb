/**
 * Grouping analyses by subject and choosing among them by period: shared by the matrix, the trends
 * and peer coverage, so "CoreWeave" and "Coreweave" (or "Azure" and "Microsoft Azure") are one row
 * everywhere.
 */
import { nameKey } from '../model/names';
import type { PatternIndex } from '../model/patternIndex';
import { comparePeriods } from './periods';
import type { IndexEntry, MatrixColumn } from './types';

/**
 * Names and paths in the portfolio's orders: the same order as `a.localeCompare(b)`, from one
 * collator made once (localeCompare sets one up per call: milliseconds per thousand comparisons).
 */
export const compareText = new Intl.Collator().compare;

/** Shown for an analysis whose front matter names no subject. */
export const NO_SUBJECT = '(no subject)';

/** The grouping key of an entry's subject: the pattern company it names, else its name folded. */
export function subjectKey(entry: IndexEntry): string {
  return entry.companyId ? `company:${entry.companyId}` : `name:${nameKey(entry.subject ?? NO_SUBJECT)}`;
}

/** The name a subject group shows: the company's canonical name, else the subject as written. */
export function subjectName(entry: IndexEntry, pattern: PatternIndex): string {
  if (entry.companyId) {
    const c = pattern.model.companies.find((x) => x.id === entry.companyId);
    if (c) return c.name;
  }
  return entry.subject ?? NO_SUBJECT;
}

/** The entries of `pattern` only. */
export function ofPattern(entries: readonly IndexEntry[], pattern: PatternIndex): IndexEntry[] {
  return entries.filter((e) => e.patternId === pattern.model.id);
}

/** Entries grouped by subject key, in first-seen order. */
export function bySubject(entries: readonly IndexEntry[]): Map<string, IndexEntry[]> {
  const groups = new Map<string, IndexEntry[]>();
  for (const e of entries) {
    const k = subjectKey(e);
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  return groups;
}

/**
 * Entries newest first: dated ones by period (latest first), then undated ones. Two analyses of
 * the same period: the one with fewer errors and warnings first (a draft full of wrong units
 * should not speak for the subject), then by uri, so the order never depends on the order files
 * were found in.
 */
export function newestFirst(entries: readonly IndexEntry[]): IndexEntry[] {
  const problems = (e: IndexEntry): number => e.findings.error + e.findings.warning;
  const tie = (a: IndexEntry, b: IndexEntry): number => problems(a) - problems(b) || compareText(a.uri, b.uri);
  return [...entries].sort((a, b) => {
    const pa = a.period?.period;
    const pb = b.period?.period;
    if (pa && pb) return comparePeriods(pb, pa) || tie(a, b);
    if (pa || pb) return pa ? -1 : 1;
    return tie(a, b);
  });
}

/** The pattern's metrics as matrix columns. */
export function columnsOf(pattern: PatternIndex): MatrixColumn[] {
  return pattern.model.metrics.map((m) => ({
    metricId: m.id,
    name: m.name,
    benchmarkText: m.benchmarkText,
    ...(m.benchmark && { benchmark: m.benchmark }),
    unit: m.unit,
  }));
}
