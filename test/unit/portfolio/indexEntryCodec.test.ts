/**
 * The warm-start cache's compact entry rows (src/portfolio/indexEntryCodec.ts): an entry written
 * as a row and read back is the entry the core built (the same fields in the same order, so it
 * serializes the same), for generated realistic analyses, the samples and odd entries (no
 * period, an unreadable one, qualifiers, currencies, no pattern); and the interner shares what
 * repeats without changing any entry.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildIndexEntry } from '../../../src/portfolio/indexEntry';
import { checkedRow, decodeChecked, decodeRow, encodeRow, EntryInterner, ShardStrings, smallInteger, StringTable } from '../../../src/portfolio/indexEntryCodec';
import { isIndexEntry } from '../../../src/portfolio/entryShape';
import type { IndexEntry } from '../../../src/portfolio/types';
import { generateAnalysis } from '../../support/analysisGenerator';
import { analysisText, catalog, sampleEntries } from './portfolioHelpers';
import { fuzzParameters } from '../../support/fuzz';

function entries(): IndexEntry[] {
  const cat = catalog();
  const out: IndexEntry[] = [...sampleEntries()];
  for (let seed = 1; seed <= 60; seed++) {
    const e = buildIndexEntry(`file:///w/generated-${seed}.md`, generateAnalysis({ seed }).text, cat);
    if (e) out.push(e);
  }
  const odd: [string, string][] = [
    ['No Period Co', ''], ['Unread Co', 'sometime soon'], ['FY Co', 'FY2026'], ['Day Co', '2026-09-30'], ['Half Co', 'H1 2026'],
  ];
  for (const [subject, period] of odd) {
    const text = analysisText(subject, period, '~72%', 'Revenue per GPU-hour was about $2.10 (est.), up from USD 1.90.');
    const e = buildIndexEntry(`file:///w/${subject}.md`, period ? text : text.replace(/^period: .*\n/m, ''), cat);
    if (e) out.push(e);
  }
  const unknown = buildIndexEntry('file:///w/unknown.md', '---\npattern: no-such-pattern\nsubject: X — “quoted” é\n---\n\nText.\n', cat);
  if (unknown) out.push(unknown);
  return out;
}

describe('warm-start cache rows (index entry codec)', () => {
  const all = entries();

  it('reads back every entry as written, field for field and in the same order', () => {
    assert.ok(all.length > 60, `${all.length} entries`);
    assert.ok(all.some((e) => e.period && !e.period.period), 'an unreadable period among them');
    assert.ok(all.some((e) => !e.period), 'an entry without a period');
    assert.ok(all.some((e) => e.metrics.some((m) => m.value.qualifier)), 'a qualified value');
    assert.ok(all.some((e) => e.metrics.some((m) => m.value.currency)), 'a currency');
    assert.ok(all.some((e) => !e.patternId), 'an unknown pattern');
    const table = new StringTable();
    const rows = all.map((e, i) => encodeRow(table, e.uri, 100 + i, 1_700_000_000_000.5 + i, e));
    // Through JSON, as the shard stores it.
    const strings = JSON.parse(JSON.stringify(table.strings)) as string[];
    const shared = new EntryInterner();
    rows.forEach((row, i) => {
      const back = JSON.parse(JSON.stringify(row)) as number[];
      const entry = decodeRow(back, new ShardStrings(strings), all[i].uri, shared);
      assert.deepEqual(entry, all[i], all[i].uri);
      assert.equal(JSON.stringify(entry), JSON.stringify(all[i]), `${all[i].uri}: same serialization`);
      const checked = decodeChecked(back, new ShardStrings(strings), isIndexEntry, new EntryInterner());
      assert.deepEqual(checked, { key: all[i].uri, size: 100 + i, mtime: 1_700_000_000_000.5 + i, entry: all[i] });
    });
    assert.deepEqual(decodeChecked([table.of('file:///w/readme.md'), 5, 6], new ShardStrings([...table.strings]), isIndexEntry, shared), { key: 'file:///w/readme.md', size: 5, mtime: 6, entry: undefined });
  });

  it('reads a number from a row as the same number, whatever it is (a small integer, -0, a fraction, a time, beyond 32 bits)', () => {
    for (const n of [0, -0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 1_700_000_000_000, 0.5, -2.25, 1e300, Infinity, -Infinity, NaN]) {
      assert.ok(Object.is(smallInteger(n), n), String(n));
      assert.ok(Object.is(smallInteger(new Float64Array([n])[0]), n), `${n} read from a Float64Array`);
    }
    fc.assert(fc.property(fc.double(), (n) => Object.is(smallInteger(n), n)), fuzzParameters(1000));
  });

  it('refuses a row whose numbers point outside the table or whose entry fails the shape check', () => {
    const table = new StringTable();
    const e = all.find((x) => x.metrics.length > 0 && x.period?.period);
    assert.ok(e);
    const row = encodeRow(table, e.uri, 1, 2, e);
    const strings = [...table.strings];
    // By the row's own checks (no entry check given), as the warm start reads it.
    const ok = (r: unknown[]): boolean => decodeChecked(r, new ShardStrings(strings), undefined, new EntryInterner()) !== undefined;
    assert.ok(ok(row));
    for (let i = 0; i < row.length; i++) {
      const r: unknown[] = [...row];
      r[i] = Number.NaN;
      assert.ok(!ok(r), `NaN at ${i}`);
      r[i] = '1';
      assert.ok(!ok(r), `a string at ${i}`);
    }
    // The key's index, the version's, the period's strings, a metric's id: out of the table.
    for (const i of [0, 4, 12, 19]) for (const bad of [strings.length, -1, 0.5]) assert.ok(!ok(row.map((n, j) => (j === i ? bad : n))), `${bad} at ${i}`);
    assert.ok(!ok([...row, 0]), 'a number left over');
    assert.ok(!ok(row.slice(0, -1)), 'a number missing');
    const verdictAt = strings.indexOf(e.metrics[0].verdict);
    assert.ok(!ok(row.map((n, i) => (i > 27 && n === verdictAt ? strings.indexOf(e.uri) : n))), 'a verdict that is not one');
    assert.ok(!ok(row.map((n, i) => (i === 3 ? 4096 : n))), 'flags no writer sets');
  });

  it('admits by its row checks alone exactly the rows whose entry the shape check admits (any flags, any string at any string place)', () => {
    const table = new StringTable();
    const rows = all.map((e, i) => encodeRow(table, e.uri, 100 + i, 1_700_000_000_000 + i, e));
    // Words of every enumerated field among the table's strings, so that a mutation can pick a right one or a wrong one.
    for (const w of ['day', 'quarter', 'percent', 'currency', 'approx', 'at-most', 'meets', 'wrong-unit', 'Meets', '']) table.of(w);
    const strings = [...table.strings];
    const entryRows = rows.filter((r) => r.length > 3);
    /** Where a row holds a string's index (the key's excepted: the key is the row's file). */
    const stringPlaces = (row: readonly number[]): number[] => {
      const places = [4, 5, 6, 7, 8, 9, 10, 12, 13, 19];
      for (let i = 0; i < row[26]; i++) places.push(27 + i);
      for (let m = 0, at = 28 + row[26]; m < row[27 + row[26]]; m++, at += 16) places.push(...[1, 2, 5, 6, 7, 8, 9, 14].map((k) => at + k));
      return places;
    };
    const flagPlaces = (row: readonly number[]): [number, number][] => {
      const out: [number, number][] = [[3, 2047]];
      for (let m = 0, at = 28 + row[26]; m < row[27 + row[26]]; m++, at += 16) out.push([at, 7]);
      return out;
    };
    const mutation = fc.record({
      row: fc.nat(entryRows.length - 1),
      strings: fc.array(fc.tuple(fc.nat(), fc.nat(strings.length - 1)), { maxLength: 4 }),
      flags: fc.array(fc.tuple(fc.nat(), fc.nat(2047)), { maxLength: 2 }),
    });
    fc.assert(fc.property(mutation, (m) => {
      const row = [...entryRows[m.row]];
      const places = stringPlaces(row);
      for (const [p, v] of m.strings) row[places[p % places.length]] = v;
      const flags = flagPlaces(row);
      for (const [p, v] of m.flags) {
        const [at, max] = flags[p % flags.length];
        row[at] = v % (max + 1);
      }
      const key = strings[row[0]];
      const byRows = decodeChecked(row, new ShardStrings(strings), undefined, new EntryInterner());
      const byShape = isIndexEntry(decodeRow(row, new ShardStrings(strings), key, new EntryInterner()), key);
      assert.equal(byRows !== undefined, byShape, JSON.stringify(row));
      // The worker's check (the rows' checks without building the entry) decides the same.
      assert.equal(checkedRow(row, strings) !== undefined, byShape, JSON.stringify(row));
      if (byRows) assert.deepEqual(byRows, decodeChecked(row, new ShardStrings(strings), isIndexEntry, new EntryInterner()));
    }), fuzzParameters(20_000));
  });

  it('shares periods, values, ranges, counts and coverage across entries without changing them', () => {
    const shared = new EntryInterner();
    const kept = all.map((e) => shared.entry(e));
    kept.forEach((k, i) => assert.deepEqual(k, all[i]));
    kept.forEach((k, i) => assert.equal(JSON.stringify(k), JSON.stringify(all[i])));
    const byLabel = new Map<string, unknown>();
    for (const k of kept) {
      const label = k.period?.period?.label;
      if (!label || !k.period) continue;
      if (byLabel.has(label)) assert.equal(k.period, byLabel.get(label), `one object for ${label}`);
      else byLabel.set(label, k.period);
    }
    const values = kept.flatMap((k) => k.metrics.map((m) => m.value));
    assert.ok(new Set(values).size < values.length, 'values that repeat are one object');
    const seventyTwo = values.filter((v) => v.text === '~72%');
    assert.ok(seventyTwo.length > 1 && seventyTwo.every((v) => v === seventyTwo[0]));
    // Same text, other numbers: not the same value.
    const a = shared.value('percent', 1, 1, 'x', undefined, undefined);
    assert.notEqual(shared.value('percent', 2, 2, 'x', undefined, undefined), a);
    assert.equal(shared.value('percent', 1, 1, 'x', undefined, undefined), a);
    assert.notEqual(shared.value('percent', 1, 1, 'x', 'approx', undefined), a);
  });

  it('decodes a row the same whether its range, period and coverage are met for the first time or found among those kept', () => {
    const table = new StringTable();
    const rows = all.map((e, i) => encodeRow(table, e.uri, 100 + i, 1_700_000_000_000 + i, e));
    const strings = new ShardStrings(JSON.parse(JSON.stringify(table.strings)) as string[]);
    const shared = new EntryInterner();
    // Every row twice with one interner: the second time, each part is one the first made.
    const first = rows.map((row, i) => decodeRow(row, strings, all[i].uri, shared) as IndexEntry);
    const second = rows.map((row, i) => decodeRow(row, strings, all[i].uri, shared) as IndexEntry);
    second.forEach((e, i) => {
      assert.equal(JSON.stringify(e), JSON.stringify(all[i]), all[i].uri);
      assert.equal(e.period, first[i].period, `${all[i].uri}: the period kept`);
      assert.equal(e.coverage, first[i].coverage, `${all[i].uri}: the coverage kept`);
      e.metrics.forEach((m, k) => assert.equal(m.range, first[i].metrics[k].range, `${all[i].uri}: the range kept`));
    });
    // Coverages of the same counts, other missing sections: each its own (the decoder compares the sections).
    const withCoverage = all.find((e) => e.coverage && e.coverage.missing.length > 0) as IndexEntry;
    const coverage = withCoverage.coverage as NonNullable<IndexEntry['coverage']>;
    const other: IndexEntry = { ...withCoverage, coverage: { ...coverage, missing: coverage.missing.map((m) => `${m}-other`) } };
    const own = new StringTable();
    const pair = [withCoverage, other].map((e) => decodeRow(encodeRow(own, e.uri, 1, 1, e), new ShardStrings([...own.strings]), e.uri, shared) as IndexEntry);
    assert.deepEqual(pair[0].coverage, coverage);
    assert.deepEqual(pair[1].coverage, other.coverage);
    // Periods of one written text read as different periods: each its own.
    const withPeriod = all.find((e) => e.period?.period) as IndexEntry;
    const period = withPeriod.period as NonNullable<IndexEntry['period']>;
    const moved: IndexEntry = { ...withPeriod, period: { written: period.written, period: { ...(period.period as NonNullable<typeof period.period>), end: (period.period?.end ?? 0) + 1 } } };
    const periods = [withPeriod, moved].map((e) => decodeRow(encodeRow(own, e.uri, 1, 1, e), new ShardStrings([...own.strings]), e.uri, shared) as IndexEntry);
    assert.equal(JSON.stringify(periods[0].period), JSON.stringify(period));
    assert.equal(JSON.stringify(periods[1].period), JSON.stringify(moved.period));
  });

  it('keeps one copy of each repeated field\'s string across shards\' tables, not a file\'s own key and version, and rows read the same', () => {
    const shared = new EntryInterner();
    const tables = [0, 1, 2].map(() => new StringTable());
    const rows = all.map((e, i) => encodeRow(tables[i % 3], e.uri, 100 + i, 1_700_000_000_000 + i, e));
    // Copies made the way a shard's table arrives (JSON.parse), not the writer's own strings.
    const read = tables.map((t) => JSON.parse(JSON.stringify(t.strings)) as string[]);
    const interned = read.map((strings) => shared.table(strings));
    rows.forEach((row, i) => assert.deepEqual(decodeRow(row, interned[i % 3], all[i].uri, shared), all[i]));
    interned.forEach((strings, t) => {
      assert.equal(strings.raw, read[t], 'replaced in place');
      assert.deepEqual(strings.raw, tables[t].strings, 'values and order unchanged');
    });
    const metricIds = all.flatMap((e) => e.metrics.map((m) => m.metricId));
    assert.ok(metricIds.length > 0 && metricIds.every((id) => shared.keeps(id)), 'metric ids kept');
    assert.ok(all.every((e) => e.period === undefined || shared.keeps(e.period.written)), 'periods kept');
    // Strings each file has its own of: interning them only grew the interner's map.
    assert.ok(all.every((e) => !shared.keeps(e.uri)), 'keys not kept');
    assert.ok(all.every((e) => !shared.keeps(e.version)), 'versions not kept');
  });
});
