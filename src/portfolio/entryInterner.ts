/**
 * Shares what repeats across the index entries read back from the warm-start cache: a workspace of
 * 10,000 analyses names the same few metrics, sources, patterns, authors and periods thousands of
 * times, and JSON.parse makes a string or object of its own for every one of them. Those copies
 * were about a quarter of the 28 MB the warm start left on the extension host's heap, and the
 * garbage collector copies every byte of it out of the young generation (its pauses were the warm
 * start's longest tasks). Here each entry, just parsed, keeps its own values' first copy in the
 * tables and otherwise takes the shared one; the parsed duplicates die young, which costs the
 * collector nothing.
 *
 * In place: an entry keeps its object shape (V8 hidden class), and nothing but the caller holds it
 * yet. Only values equal in every field the views read are shared (a key made of all of them).
 * One interner per load: its tables are dropped with it, so no string outlives the entries using it.
 */
import type { IndexEntry, IndexedCoverage, ParsedPeriod } from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class EntryInterner {
  private readonly strings = new Map<string, string>();
  private readonly objects = new Map<string, object>();

  /** `entry`, freshly parsed and not yet seen by anyone else, its repeated parts shared; `uri` is its key (the same text as entry.uri). */
  intern(entry: IndexEntry, uri: string): IndexEntry {
    const e = entry as Mutable<IndexEntry>;
    // The line's key and the entry's uri were two copies of one text.
    e.uri = uri;
    if (e.patternWritten !== undefined) e.patternWritten = this.string(e.patternWritten);
    if (e.patternId !== undefined) e.patternId = this.string(e.patternId);
    if (e.subject !== undefined) e.subject = this.string(e.subject);
    if (e.companyId !== undefined) e.companyId = this.string(e.companyId);
    if (e.author !== undefined) e.author = this.string(e.author);
    if (e.title !== undefined) e.title = this.string(e.title);
    if (e.period !== undefined) e.period = this.object(periodKey(e.period), e.period);
    if (e.coverage !== undefined) e.coverage = this.object(coverageKey(e.coverage), e.coverage);
    const f = e.findings;
    e.findings = this.object(`${f.error},${f.warning},${f.information},${f.hint}`, f);
    for (const metric of e.metrics) {
      const m = metric as Mutable<typeof metric>;
      m.metricId = this.string(m.metricId);
      if (m.source !== undefined) m.source = this.string(m.source);
    }
    return entry;
  }

  private string(s: string): string {
    const shared = this.strings.get(s);
    if (shared !== undefined) return shared;
    this.strings.set(s, s);
    return s;
  }

  private object<T extends object>(key: string, value: T): T {
    const shared = this.objects.get(key);
    if (shared !== undefined) return shared as T;
    this.objects.set(key, value);
    return value;
  }
}

/** Every field of a period, unambiguously (JSON): two periods with one key are equal where it is read. */
function periodKey(p: ParsedPeriod): string {
  const r = p.period;
  return JSON.stringify(['p', p.written, r?.kind, r?.fiscal, r?.year, r?.part, r?.start, r?.end, r?.label]);
}

function coverageKey(c: IndexedCoverage): string {
  return JSON.stringify(['c', c.present, c.total, c.missing]);
}
