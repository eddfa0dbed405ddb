/**
 * Coverage of the peer set: which of the pattern's own companies have an analysis under it, which
 * have none yet (the editor offers New Analysis for each), and which subjects lie outside the set.
 */
import type { PatternIndex } from '../model/patternIndex';
import { bySubject, newestFirst, ofPattern, subjectName } from './subjects';
import type { IndexEntry, PeerCoverage } from './types';

export function peerCoverage(entries: readonly IndexEntry[], pattern: PatternIndex): PeerCoverage {
  return coverageOfGroups(bySubject(ofPattern(entries, pattern)).values(), pattern);
}

/**
 * The coverage of subject groups ({@link bySubject}) of one pattern: a company's group holds
 * exactly its analyses, so a live view that keeps its groups need not regroup every analysis.
 * A subject outside the set is named as its newest analysis names it (as its matrix row is).
 */
export function coverageOfGroups(groups: Iterable<readonly IndexEntry[]>, pattern: PatternIndex): PeerCoverage {
  const counts = new Map<string, number>();
  const others: string[] = [];
  for (const g of groups) {
    if (g.length === 0) continue;
    const companyId = g[0].companyId;
    if (companyId) counts.set(companyId, (counts.get(companyId) ?? 0) + g.length);
    else others.push(subjectName(newestFirst(g)[0], pattern));
  }
  const covered: { companyId: string; name: string; analyses: number }[] = [];
  const missing: { companyId: string; name: string }[] = [];
  for (const c of pattern.model.companies) {
    const n = counts.get(c.id);
    if (n) covered.push({ companyId: c.id, name: c.name, analyses: n });
    else missing.push({ companyId: c.id, name: c.name });
  }
  return { covered, missing, others: others.sort((a, b) => a.localeCompare(b)) };
}
