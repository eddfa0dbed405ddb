/**
 * The rules over claims: `benchmark-miss` (a value that misses its metric's structured benchmark)
 * and `impossible-value` (outside the unit's possible range, or in the wrong unit). Both read the
 * claim's verdict, which `verdictFor` computed, through the verdict's own predicates: the finding says exactly what the hover and
 * the preview badge say. Borderline values and metrics with no numeric benchmark are not findings.
 */
import type { PatternIndex } from '../model/patternIndex';
import type { Finding, MetricClaim } from './types';
import { isImpossible, isMiss } from './verdict';
import * as unsited from './unsited';

export function valueFindings(index: PatternIndex, claims: readonly MetricClaim[]): Finding[] {
  const out: Finding[] = [];
  // Claims name few metrics many times: each name is looked up once.
  const names = new Map<string, string>();
  for (const c of claims) {
    let name = names.get(c.metricId);
    if (name === undefined) {
      name = index.metric(c.metricId)?.name ?? c.metricId;
      names.set(c.metricId, name);
    }
    if (isMiss(c.verdict)) {
      out.push(unsited.finding('benchmark-miss', 'warning', `${name}: ${c.verdict.message}`, c.valueRange));
    } else if (isImpossible(c.verdict)) {
      out.push(unsited.finding('impossible-value', 'warning', `${name}: ${c.verdict.message}`, c.valueRange));
    }
  }
  return out;
}
