/**
 * An index entry as the warm-start cache stores it (src/portfolio/indexCacheFormat.ts): a flat
 * array of numbers, every string an index into its shard's table of strings. Read back, the
 * entries of a shard share one copy of each string (metric ids, verdicts, sources, authors,
 * periods repeat thousands of times across 10,000 entries; as JSON, every entry had a copy of
 * each), the entry's `uri` is its key, and the objects are made by this code's literals rather
 * than by JSON.parse: fewer, smaller allocations for the extension host's collector, which was
 * a third of a warm start's work on its thread.
 *
 * Decoding comes in two kinds: `decodeChecked` for bytes from the disk (every index in range,
 * every count within the row, the row used exactly, then the entry shape check), and the trusted
 * `decodeRow` for rows that passed it already (the worker thread checks, the host builds).
 */
import type { TextPosition, TextRange } from '../analysis/types';
import type { IndexedCoverage, IndexedMetric, IndexEntry, ParsedPeriod, Period, ValueSummary } from './types';
import { PERIOD_KINDS, QUALIFIERS, VALUE_KINDS, VERDICTS } from './entryShape';

/** Which optional fields an entry has (bit flags in the row's fourth number). */
const PATTERN_WRITTEN = 1;
const PATTERN_ID = 2;
const SUBJECT = 4;
const COMPANY = 8;
const AUTHOR = 16;
const TITLE = 32;
const PERIOD_LINE = 64;
const PERIOD = 128;
const READ_PERIOD = 256;
const PART = 512;
const COVERAGE = 1024;
const ENTRY_FLAGS = 2047;
/** Which optional fields a metric has. */
const QUALIFIER = 1;
const CURRENCY = 2;
const SOURCE = 4;
const METRIC_FLAGS = 7;
/** Most distinct parts of one kind an interner keeps. */
const MAX_SHARED = 100_000;
/** Most coverages with the same counts the decoder compares a row's with (coveragesOf). */
const MAX_SAME_COUNTS = 32;
/** Numbers per metric in a row. */
const METRIC_WIDTH = 16;
/** The enumerated fields' words, for the row check (entryShape.ts's lists). */
const PERIOD_KIND = new Set<string>(PERIOD_KINDS);
const VALUE_KIND = new Set<string>(VALUE_KINDS);
const QUALIFIER_WORD = new Set<string>(QUALIFIERS);
const VERDICT = new Set<string>(VERDICTS);

/** Strings to table indexes, for the writer of one shard. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly at = new Map<string, number>();

  of(s: string): number {
    let i = this.at.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.at.set(s, i);
    }
    return i;
  }
}

/** The row of a file: its key, size and time, then its entry when it has one. */
export function encodeRow(table: StringTable, key: string, size: number, mtime: number, entry: IndexEntry | undefined): number[] {
  const row = [table.of(key), size, mtime];
  if (!entry) return row;
  const s = (v: string | undefined): number => (v === undefined ? 0 : table.of(v));
  const p = entry.period?.period;
  const flags = (entry.patternWritten !== undefined ? PATTERN_WRITTEN : 0) | (entry.patternId !== undefined ? PATTERN_ID : 0) | (entry.subject !== undefined ? SUBJECT : 0)
    | (entry.companyId !== undefined ? COMPANY : 0) | (entry.author !== undefined ? AUTHOR : 0) | (entry.title !== undefined ? TITLE : 0)
    | (entry.periodLine !== undefined ? PERIOD_LINE : 0) | (entry.period ? PERIOD : 0) | (p ? READ_PERIOD : 0) | (p?.part !== undefined ? PART : 0)
    | (entry.coverage ? COVERAGE : 0);
  row.push(flags, s(entry.version), s(entry.patternWritten), s(entry.patternId), s(entry.subject), s(entry.companyId), s(entry.author), s(entry.title), entry.periodLine ?? 0);
  row.push(s(entry.period?.written), s(p?.kind), p?.fiscal ? 1 : 0, p?.year ?? 0, p?.part ?? 0, p?.start ?? 0, p?.end ?? 0, s(p?.label));
  const f = entry.findings;
  row.push(f.error, f.warning, f.information, f.hint);
  const missing = entry.coverage?.missing ?? [];
  row.push(entry.coverage?.present ?? 0, entry.coverage?.total ?? 0, missing.length, ...missing.map(s));
  row.push(entry.metrics.length);
  for (const m of entry.metrics) {
    const v = m.value;
    const mFlags = (v.qualifier !== undefined ? QUALIFIER : 0) | (v.currency !== undefined ? CURRENCY : 0) | (m.source !== undefined ? SOURCE : 0);
    row.push(mFlags, s(m.metricId), s(v.kind), v.low, v.high, s(v.text), s(v.qualifier), s(v.currency), s(m.verdict), s(m.verdictMessage));
    row.push(m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character, s(m.source), m.mentions);
  }
  return row;
}

/**
 * A shard's table of strings as rows are decoded from it. `text(i)`: a string of a field that
 * repeats across entries (metric ids, verdicts, sources, periods, titles), the load's one copy of
 * it (interned on its first use in the shard, when an interner is given). `raw`: the strings as
 * read, for the fields each file has its own of (its key and its version, a hash of its text):
 * interning those only filled the interner's map with 18,000 strings that never recur (their
 * lookups, and the map's growth, were most of the interning's time).
 */
export class ShardStrings {
  private readonly done: Uint8Array | undefined;

  constructor(readonly raw: string[], private readonly shared?: EntryInterner) {
    this.done = shared && new Uint8Array(raw.length);
  }

  text(i: number): string {
    const done = this.done;
    if (done && done[i] === 0) {
      done[i] = 1;
      this.raw[i] = (this.shared as EntryInterner).text(this.raw[i]);
    }
    return this.raw[i];
  }
}

/**
 * The strings of every shard the worker thread has sent in one load, each once, numbered in the
 * order the worker first met them (StringNumbering): a shard from the worker names its table's
 * strings by those numbers, and only the strings new to this load travel with it. The 64 shards'
 * tables are 75,000 strings (3.4 MB of the cache's 5.8), most of them the same metric ids,
 * verdict messages and sources in every shard; the host parsed each table and looked each
 * string up in the interner, shard after shard (a quarter of its decoding). Here each distinct
 * string is interned once, on its first use as a repeated field, like ShardStrings.text.
 */
export class StringPool {
  private readonly raw: string[] = [];
  private done = new Uint8Array(1024);
  private internedBy: EntryInterner | undefined;

  /** The strings the worker sent with a shard (each new to the load), numbered after those before. */
  add(fresh: readonly string[]): void {
    for (const s of fresh) this.raw.push(s);
  }

  /** A shard's table of strings, given as the pool's numbers of its strings. */
  table(ids: Int32Array, shared: EntryInterner): ShardStrings {
    if (this.internedBy !== shared) {
      this.internedBy = shared;
      this.done = new Uint8Array(Math.max(1024, this.raw.length));
    }
    const raw = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) raw[i] = this.raw[ids[i]];
    return new PooledStrings(raw, ids, this);
  }

  /** String `id`, interned on its first call (the interner `table` was last given). */
  text(id: number): string {
    if (id >= this.done.length) {
      const grown = new Uint8Array(Math.max(2 * this.done.length, id + 1));
      grown.set(this.done);
      this.done = grown;
    }
    if (this.done[id] === 0) {
      this.done[id] = 1;
      this.raw[id] = (this.internedBy as EntryInterner).text(this.raw[id]);
    }
    return this.raw[id];
  }
}

/** A shard's table as numbers into a StringPool: a repeated field's string is the pool's one copy. */
class PooledStrings extends ShardStrings {
  constructor(raw: string[], private readonly ids: Int32Array, private readonly pool: StringPool) {
    super(raw);
  }

  override text(i: number): string {
    return this.pool.text(this.ids[i]);
  }
}

/** The worker's side of a StringPool: each shard's strings as numbers, and which of them are new. */
export class StringNumbering {
  private readonly ids = new Map<string, number>();

  number(strings: readonly string[]): { readonly ids: Int32Array; readonly fresh: string[] } {
    const ids = new Int32Array(strings.length);
    const fresh: string[] = [];
    for (let i = 0; i < strings.length; i++) {
      let id = this.ids.get(strings[i]);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(strings[i], id);
        fresh.push(strings[i]);
      }
      ids[i] = id;
    }
    return { ids, fresh };
  }
}

/**
 * The entry of a row that passed `decodeChecked` (no checks here: the worker made them): the row as
 * parsed, or the worker's copy of it in a Float64Array (the same numbers: JSON's are doubles).
 */
export function decodeRow(row: ArrayLike<number>, table: ShardStrings, key: string, shared: EntryInterner, from = 0, length = row.length - from): IndexEntry | undefined {
  // `from`, `length`: the row inside a shard's rows (no view made of each of 10,000 rows).
  if (length === 3) return undefined;
  const o = from;
  const flags = row[o + 3];
  let at = o + 20;
  const findings = shared.findings(row[at], row[at + 1], row[at + 2], row[at + 3]);
  at += 4;
  const present = row[at];
  const total = row[at + 1];
  const missingCount = row[at + 2];
  at += 3;
  const missingAt = at;
  at += missingCount;
  const metricCount = row[at++];
  // Made at its length, not grown by push (room for 17 metrics from the first: 136 bytes of
  // elements for the ~3 of an entry, kept, and copied by each young-generation collection).
  const metrics = new Array<IndexedMetric>(metricCount);
  for (let i = 0; i < metricCount; i++, at += METRIC_WIDTH) metrics[i] = metricOf(row, at, table, shared);
  // Built field by field in the order indexEntryOf writes them: equal entries serialize equally.
  // The version (a hash of the file's text) is the file's own, like its key: read as it is, not interned.
  const entry: { -readonly [K in keyof IndexEntry]: IndexEntry[K] } = { uri: key, version: table.raw[row[o + 4]] } as IndexEntry;
  if (flags & PATTERN_WRITTEN) entry.patternWritten = table.text(row[o + 5]);
  if (flags & PATTERN_ID) entry.patternId = table.text(row[o + 6]);
  if (flags & SUBJECT) entry.subject = table.text(row[o + 7]);
  if (flags & COMPANY) entry.companyId = table.text(row[o + 8]);
  if (flags & PERIOD) entry.period = flags & READ_PERIOD ? periodOf(row, o, flags, table, shared) : shared.period(table.text(row[o + 12]), undefined);
  if (flags & PERIOD_LINE) entry.periodLine = smallInteger(row[o + 11]);
  if (flags & AUTHOR) entry.author = table.text(row[o + 9]);
  if (flags & TITLE) entry.title = table.text(row[o + 10]);
  entry.metrics = metrics;
  if (flags & COVERAGE) entry.coverage = coverageOf(row, present, total, missingAt, missingCount, table, shared);
  entry.findings = findings;
  return entry;
}

/**
 * The coverage of a row, the load's one object for it: compared with those of the same counts
 * before any object is made (10,000 entries state about sixty; a list of missing sections and a
 * key string per entry were for the collector).
 */
function coverageOf(row: ArrayLike<number>, present: number, total: number, at: number, count: number, table: ShardStrings, shared: EntryInterner): IndexedCoverage {
  const candidates = shared.coveragesOf(present, total, count);
  if (candidates) {
    for (const c of candidates) {
      let i = 0;
      while (i < count && c.missing[i] === table.text(row[at + i])) i++;
      if (i === count) return c;
    }
  }
  const missing: string[] = [];
  for (let i = 0; i < count; i++) missing.push(table.text(row[at + i]));
  return shared.coverage(present, total, missing);
}

/** A read period, the load's one object for it: looked up by its fields before any object is made (10,000 entries state about ten). */
function periodOf(row: ArrayLike<number>, o: number, flags: number, table: ShardStrings, shared: EntryInterner): ParsedPeriod {
  const written = table.text(row[o + 12]);
  const kind = table.text(row[o + 13]) as Period['kind'];
  const fiscal = row[o + 14] === 1;
  const year = row[o + 15];
  const part = flags & PART ? row[o + 16] : undefined;
  const start = row[o + 17];
  const end = row[o + 18];
  const label = table.text(row[o + 19]);
  return shared.sharedPeriod(written, kind, fiscal, year, part, start, end, label)
    ?? shared.period(written, part !== undefined ? { kind, fiscal, year, part, start, end, label } : { kind, fiscal, year, start, end, label });
}

function metricOf(row: ArrayLike<number>, at: number, table: ShardStrings, shared: EntryInterner): IndexedMetric {
  const flags = row[at];
  const value = shared.value(
    table.text(row[at + 2]) as ValueSummary['kind'], row[at + 3], row[at + 4], table.text(row[at + 5]),
    flags & QUALIFIER ? (table.text(row[at + 6]) as ValueSummary['qualifier']) : undefined, flags & CURRENCY ? table.text(row[at + 7]) : undefined,
  );
  const range = shared.range(row[at + 10], row[at + 11], row[at + 12], row[at + 13]);
  const metricId = table.text(row[at + 1]);
  const verdict = table.text(row[at + 8]) as IndexedMetric['verdict'];
  const verdictMessage = table.text(row[at + 9]);
  return flags & SOURCE
    ? { metricId, value, verdict, verdictMessage, range, source: table.text(row[at + 14]), mentions: smallInteger(row[at + 15]) }
    : { metricId, value, verdict, verdictMessage, range, mentions: smallInteger(row[at + 15]) };
}

/**
 * `n` as V8 keeps a small integer: unboxed (a "Smi"), whenever it is one. A number read from a
 * Float64Array (the worker's rows) is a heap number, and an object's field once given one keeps
 * each of its numbers in a heap object of its own: four more objects per entry (its size, its
 * period line, each metric's mentions) for the young-generation collector to copy while a warm
 * start decodes 10,000 entries (its pauses are that start's longest tasks). The same number
 * (-0 and the rest as they are).
 */
export function smallInteger(n: number): number {
  return (n | 0) === n && (n !== 0 || 1 / n > 0) ? n | 0 : n;
}

/**
 * One object for each distinct period, value, text range, finding count and coverage across the
 * entries of a load (and of the index that keeps them): 10,000 entries state a few thousand
 * distinct values and ranges, ten periods, and were about 200,000 objects, each copied by the
 * young-generation collector (its pauses were the warm start's longest tasks) and kept on the
 * heap. Entries are read-only data (the types say so), so sharing is invisible to their readers.
 * Keys are numbers where the parts are small integers; anything else is simply not shared, nor is
 * anything once a table holds {@link MAX_SHARED} (an index kept current for a long session).
 */
export class EntryInterner {
  private readonly positions = new Map<number, TextPosition>();
  private readonly ranges = new Map<number, Map<number, TextRange>>();
  private readonly values = new Map<string, ValueSummary[]>();
  private readonly periods = new Map<string, ParsedPeriod[]>();
  private readonly counts = new Map<number, IndexEntry['findings']>();
  private readonly coverages = new Map<string, IndexedCoverage>();
  /** The same coverages by their counts alone (coverageKey), for the decoder to find one without a key string. */
  private readonly coveragesByCounts = new Map<number, IndexedCoverage[]>();
  private readonly texts = new Map<string, string>();
  private rangeCount = 0;

  /**
   * A shard's table of strings, its repeated fields' strings each the one copy this load holds
   * (ShardStrings.text): of the 75,000 strings in the 64 tables of a warm start, the 57,000 of
   * repeated fields (metric ids, verdict messages, sources, periods) are 6,200 distinct,
   * and each copy kept was one more object for the young-generation collector to copy, whose
   * pauses were the warm start's longest tasks.
   */
  table(strings: string[]): ShardStrings {
    return new ShardStrings(strings, this);
  }

  /** The one copy of `s` (`s` itself the first time, or once the table is full). */
  text(s: string): string {
    const found = this.texts.get(s);
    if (found !== undefined) return found;
    if (this.texts.size < MAX_SHARED) this.texts.set(s, s);
    return s;
  }

  /** Whether `s` is among the strings kept (tests: a file's own strings are not). */
  keeps(s: string): boolean {
    return this.texts.has(s);
  }

  findings(error: number, warning: number, information: number, hint: number): IndexEntry['findings'] {
    const key = small(error, 8192) && small(warning, 8192) && small(information, 8192) && small(hint, 8192) ? ((error * 8192 + warning) * 8192 + information) * 8192 + hint : -1;
    let found = key < 0 ? undefined : this.counts.get(key);
    if (!found) {
      found = { error, warning, information, hint };
      if (key >= 0 && this.counts.size < MAX_SHARED) this.counts.set(key, found);
    }
    return found;
  }

  coverage(present: number, total: number, missing: readonly string[]): IndexedCoverage {
    const key = `${present}/${total}/${missing.join('\u0000')}`;
    let found = this.coverages.get(key);
    if (!found) {
      found = { present, total, missing };
      if (this.coverages.size < MAX_SHARED) {
        this.coverages.set(key, found);
        const counts = coverageKey(present, total, missing.length);
        if (counts >= 0) {
          let same = this.coveragesByCounts.get(counts);
          if (!same) this.coveragesByCounts.set(counts, (same = []));
          if (same.length < MAX_SAME_COUNTS) same.push(found);
        }
      }
    }
    return found;
  }

  /** The coverages kept with these counts (the row's decoder compares their missing sections). */
  coveragesOf(present: number, total: number, missing: number): readonly IndexedCoverage[] | undefined {
    const counts = coverageKey(present, total, missing);
    return counts < 0 ? undefined : this.coveragesByCounts.get(counts);
  }

  period(written: string, period: Period | undefined): ParsedPeriod {
    let same = this.periods.get(written);
    if (same) {
      for (const p of same) if (p.period === undefined ? period === undefined : period !== undefined && samePeriod(p.period, period)) return p;
    }
    const made: ParsedPeriod = period ? { written, period } : { written };
    if (!same && this.periods.size < MAX_SHARED) this.periods.set(written, (same = []));
    if (same && same.length < 8) same.push(made);
    return made;
  }

  /** The read period with these fields when one is kept already (period() keeps it), else undefined. */
  sharedPeriod(written: string, kind: Period['kind'], fiscal: boolean, year: number, part: number | undefined, start: number, end: number, label: string): ParsedPeriod | undefined {
    const same = this.periods.get(written);
    if (!same) return undefined;
    for (const p of same) {
      const q = p.period;
      if (q && q.kind === kind && q.fiscal === fiscal && q.year === year && q.part === part && q.start === start && q.end === end && q.label === label) return p;
    }
    return undefined;
  }

  value(kind: ValueSummary['kind'], low: number, high: number, text: string, qualifier: ValueSummary['qualifier'], currency: string | undefined): ValueSummary {
    let same = this.values.get(text);
    // A loop, not find(): a closure per metric decoded (30,000 on a warm start) for the collector.
    if (same) {
      for (const v of same) if (v.kind === kind && Object.is(v.low, low) && Object.is(v.high, high) && v.qualifier === qualifier && v.currency === currency) return v;
    }
    const made: { -readonly [K in keyof ValueSummary]: ValueSummary[K] } = { kind, low, high, text };
    if (qualifier !== undefined) made.qualifier = qualifier;
    if (currency !== undefined) made.currency = currency;
    if (!same && this.values.size < MAX_SHARED) this.values.set(text, (same = []));
    if (same && same.length < 8) same.push(made);
    return made;
  }

  range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): TextRange {
    const a = positionKey(startLine, startCharacter);
    const b = positionKey(endLine, endCharacter);
    let byEnd = a < 0 || b < 0 ? undefined : this.ranges.get(a);
    // The range first: a range met before has its positions already (two lookups fewer per metric decoded).
    const found = byEnd?.get(b);
    if (found) return found;
    if (!byEnd && a >= 0 && b >= 0 && this.rangeCount < MAX_SHARED) this.ranges.set(a, (byEnd = new Map()));
    const made = { start: this.position(startLine, startCharacter), end: this.position(endLine, endCharacter) };
    if (byEnd && this.rangeCount < MAX_SHARED) {
      byEnd.set(b, made);
      this.rangeCount++;
    }
    return made;
  }

  private position(line: number, character: number): TextPosition {
    const key = positionKey(line, character);
    let found = key < 0 ? undefined : this.positions.get(key);
    if (!found) {
      found = { line, character };
      if (key >= 0 && this.positions.size < MAX_SHARED) this.positions.set(key, found);
    }
    return found;
  }

  /** `entry` with its parts shared (an entry the core just built, before the index keeps it). */
  entry(entry: IndexEntry): IndexEntry {
    const c = entry.coverage;
    const f = entry.findings;
    return {
      ...entry,
      ...(entry.period && { period: this.period(entry.period.written, entry.period.period) }),
      metrics: entry.metrics.map((m) => ({
        ...m,
        value: this.value(m.value.kind, m.value.low, m.value.high, m.value.text, m.value.qualifier, m.value.currency),
        range: this.range(m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character),
      })),
      ...(c && { coverage: this.coverage(c.present, c.total, c.missing) }),
      findings: this.findings(f.error, f.warning, f.information, f.hint),
    };
  }
}

/** A number for a coverage's counts (present, total, missing below 4096), -1 otherwise (found by its key string only). */
function coverageKey(present: number, total: number, missing: number): number {
  return small(present, 4096) && small(total, 4096) && small(missing, 4096) ? (present * 4096 + total) * 4096 + missing : -1;
}

function small(n: number, below: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < below;
}

/** A number for a position of a line below 2^31 and a column below 2^16; -1 otherwise (not shared). */
function positionKey(line: number, character: number): number {
  return small(line, 2 ** 31) && small(character, 65536) ? line * 65536 + character : -1;
}

function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.fiscal === b.fiscal && a.year === b.year && a.part === b.part && a.start === b.start && a.end === b.end && a.label === b.label;
}

/**
 * A row read from the disk, checked: undefined unless it is a row `encodeRow` could have written
 * (numbers only, every string index in the table, every count within the row, nothing left over,
 * every enumerated field one of its words), and its entry passes `isEntry` when one is given.
 *
 * The row checks alone make every entry `isIndexEntry` (entryShape.ts) accepts and no other:
 * decodeRow puts table strings where strings go, the row's finite numbers where numbers go, and
 * the words checked here where words go (held equal to `isIndexEntry` of the decoded entry by a
 * property test). So the warm start does not walk each of 10,000 decoded entries again with the
 * generic shape check (a tenth of the host's checking, and of the worker's).
 */
export function decodeChecked(
  value: unknown,
  table: ShardStrings,
  isEntry: ((v: unknown, key: string) => v is IndexEntry) | undefined,
  shared: EntryInterner,
): { key: string; size: number; mtime: number; entry: IndexEntry | undefined } | undefined {
  const nums = checkedRow(value, table.raw);
  if (!nums) return undefined;
  const key = table.raw[nums[0]];
  if (nums.length === 3) return { key, size: nums[1], mtime: nums[2], entry: undefined };
  const entry = decodeRow(nums, table, key, shared);
  return !entry || (isEntry && !isEntry(entry, key)) ? undefined : { key, size: nums[1], mtime: nums[2], entry };
}

/**
 * `value` as a row when it passes decodeChecked's row checks (its key is `strings[row[0]]`), else
 * undefined: the checks without the entry. The worker thread checks the shards the host then
 * decodes, and building each entry only to drop it was about half of its checking (10,000
 * entries of objects for its collector); the row checks alone decide (see decodeChecked).
 */
export function checkedRow(value: unknown, strings: readonly string[]): number[] | undefined {
  if (!Array.isArray(value) || value.length < 3) return undefined;
  const row = value as unknown[];
  for (const n of row) if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
  const nums = row as number[];
  const isIndex = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < strings.length;
  const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
  if (!isIndex(nums[0]) || !isCount(nums[1])) return undefined;
  if (nums.length === 3) return nums;
  if (nums.length < 28) return undefined;
  const flags = nums[3];
  if (!Number.isInteger(flags) || flags < 0 || flags > ENTRY_FLAGS) return undefined;
  for (const i of ENTRY_STRINGS) if (!isIndex(nums[i])) return undefined;
  if (flags & PERIOD && flags & READ_PERIOD && !PERIOD_KIND.has(strings[nums[13]])) return undefined;
  const missingCount = nums[26];
  if (!isCount(missingCount) || 27 + missingCount >= nums.length) return undefined;
  for (let i = 0; i < missingCount; i++) if (!isIndex(nums[27 + i])) return undefined;
  const metricsAt = 27 + missingCount;
  const metricCount = nums[metricsAt];
  if (!isCount(metricCount) || nums.length !== metricsAt + 1 + metricCount * METRIC_WIDTH) return undefined;
  for (let m = 0, at = metricsAt + 1; m < metricCount; m++, at += METRIC_WIDTH) {
    const mFlags = nums[at];
    if (!Number.isInteger(mFlags) || mFlags < 0 || mFlags > METRIC_FLAGS) return undefined;
    for (const i of METRIC_STRINGS) if (!isIndex(nums[at + i])) return undefined;
    if (!VALUE_KIND.has(strings[nums[at + 2]]) || !VERDICT.has(strings[nums[at + 8]])) return undefined;
    if (mFlags & QUALIFIER && !QUALIFIER_WORD.has(strings[nums[at + 6]])) return undefined;
  }
  return nums;
}

/** The positions of an entry's string indexes in its row, and of a metric's in its part. */
const ENTRY_STRINGS = [4, 5, 6, 7, 8, 9, 10, 12, 13, 19];
const METRIC_STRINGS = [1, 2, 5, 6, 7, 8, 9, 14];
