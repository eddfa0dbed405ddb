/**
 * Coverage of the peer set: which of the pattern's own companies have an analysis under it, which
 * have none yet (the editor offers New Analysis for each), and which subjects lie outside the set.
 */
import type { PatternIndex } from '../model/patternIndex';
import { bySubject, compareText, newestFirst, ofPattern, subjectName } from './subjects';
import type { IndexEntry, PeerCoverage } from './types';

/** One subject group ({@link bySubject}): the company it is, else the name it shows; how many analyses. */
export interface SubjectSummary {
  readonly companyId?: string;
  readonly name: string;
  readonly analyses: number;
}

export function peerCoverage(entries: readonly IndexEntry[], pattern: PatternIndex): PeerCoverage {
  const subjects: SubjectSummary[] = [];
  for (const g of bySubject(ofPattern(entries, pattern)).values()) {
    const companyId = g[0].companyId;
    // A subject outside the set is named as its newest analysis names it (as its matrix row is).
    subjects.push(companyId ? { companyId, name: '', analyses: g.length } : { name: subjectName(newestFirst(g)[0], pattern), analyses: g.length });
  }
  return coverageOf(subjects, pattern);
}

/**
 * The coverage of subject groups: a company's group holds exactly its analyses, so a live view that
 * keeps its groups (src/portfolio/liveViews.ts) need not regroup every analysis.
 */
export function coverageOf(subjects: Iterable<SubjectSummary>, pattern: PatternIndex): PeerCoverage {
  const counts = new Map<string, number>();
  const others: string[] = [];
  for (const s of subjects) {
    if (s.companyId) counts.set(s.companyId, (counts.get(s.companyId) ?? 0) + s.analyses);
    else others.push(s.name);
  }
  const covered: { companyId: string; name: string; analyses: number }[] = [];
  const missing: { companyId: string; name: string }[] = [];
  for (const c of pattern.model.companies) {
    const n = counts.get(c.id);
    if (n) covered.push({ companyId: c.id, name: c.name, analyses: n });
    else missing.push({ companyId: c.id, name: c.name });
  }
  return { covered, missing, others: others.sort(compareText) };
}
