/**
 * Coverage of the peer set: which of the pattern's own companies have an analysis under it, which
 * have none yet (the editor offers New Analysis for each), and which subjects lie outside the set.
 */
import type { PatternIndex } from '../model/patternIndex';
import { bySubject, ofPattern, subjectName } from './subjects';
import type { IndexEntry, PeerCoverage } from './types';

export function peerCoverage(entries: readonly IndexEntry[], pattern: PatternIndex): PeerCoverage {
  const mine = ofPattern(entries, pattern);
  const counts = new Map<string, number>();
  for (const e of mine) if (e.companyId) counts.set(e.companyId, (counts.get(e.companyId) ?? 0) + 1);
  const covered: { companyId: string; name: string; analyses: number }[] = [];
  const missing: { companyId: string; name: string }[] = [];
  for (const c of pattern.model.companies) {
    const n = counts.get(c.id);
    if (n) covered.push({ companyId: c.id, name: c.name, analyses: n });
    else missing.push({ companyId: c.id, name: c.name });
  }
  const others = [...bySubject(mine.filter((e) => !e.companyId)).values()].map((g) => subjectName(g[0], pattern)).sort((a, b) => a.localeCompare(b));
  return { covered, missing, others };
}
