/**
 * The short verdict summary of the Analyses view ("2 misses · 1 meets"): counts of the stated
 * metrics' verdicts, worst first, so the row says at a glance how an analysis fares.
 */
import * as l10n from '@vscode/l10n';
import type { VerdictStatus } from '../../analysis/types';
import type { IndexEntry } from '../../portfolio/types';

/** Worst first: what an analyst must look at comes first in the summary. */
const ORDER: readonly VerdictStatus[] = ['impossible', 'wrong-unit', 'misses', 'borderline', 'meets', 'no-benchmark'];
/** "{0} misses": the count and the verdict's word in one translatable template. */
const COUNTED: Readonly<Record<VerdictStatus, (n: number) => string>> = {
  impossible: (n) => l10n.t('{0} impossible', n),
  'wrong-unit': (n) => l10n.t('{0} wrong unit', n),
  misses: (n) => l10n.t('{0} misses', n),
  borderline: (n) => l10n.t('{0} borderline', n),
  meets: (n) => l10n.t('{0} meets', n),
  'no-benchmark': (n) => l10n.t('{0} no benchmark', n),
};

/** "2 misses · 1 meets", over one or more analyses; "no values stated" when there is nothing to count. */
export function verdictSummary(entries: readonly IndexEntry[]): string {
  const counts = new Map<VerdictStatus, number>();
  for (const e of entries) for (const m of e.metrics) counts.set(m.verdict, (counts.get(m.verdict) ?? 0) + 1);
  const parts = ORDER.filter((v) => counts.has(v)).map((v) => COUNTED[v](counts.get(v) ?? 0));
  // A newer core could add a verdict: counted under its own name rather than dropped.
  for (const [v, n] of counts) if (!ORDER.includes(v)) parts.push(`${n} ${String(v)}`);
  return parts.length ? parts.join(' · ') : l10n.t('no values stated');
}
