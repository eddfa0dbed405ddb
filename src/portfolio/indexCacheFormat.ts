/**
 * The on-disk format of the workspace index's warm-start cache (src/features/portfolio/indexCache.ts):
 * 64 shards chosen by a hash of the file's URI, each a header line, a line with the shard's table
 * of strings (a JSON array), and one line per file: a JSON array of numbers, its URI, size and
 * modification time, then its entry (src/portfolio/indexEntryCodec.ts), every string an index into
 * the table. Here without the editor, so that the same checks run in the extension host and in
 * the worker that reads the shards off the host's thread (src/features/platform/indexWorker.ts),
 * and in unit tests.
 *
 * Format 3: format 2 was a JSON object per file (19 MB for 10,000 entries, every repeated string
 * and every object parsed anew; a third of the warm start's thread time went to collecting them).
 *
 * A shard is taken whole or not at all: too large, torn (fewer lines than its header says),
 * corrupt bytes, another format or version, a table or a line of the wrong shape, an entry that
 * fails the entry check, or a file that belongs to another shard: the whole shard is refused and
 * its files are read again.
 */
import { contentHashNumber } from './contentHash';
import { checkedRow, decodeChecked, decodeRow, encodeRow, EntryInterner, ShardStrings, smallInteger, StringPool, StringTable } from './indexEntryCodec';
import type { IndexEntry } from './types';

export { EntryInterner, ShardStrings, StringNumbering, StringPool } from './indexEntryCodec';

export const FORMAT = 3;
/** A shard larger than this is not read (10,000 entries are about 6 MB in all, 100 KB a shard). */
export const MAX_SHARD_BYTES = 64 * 1024 * 1024;
export const SHARDS = 64;

export interface ShardHeader {
  readonly format: number;
  readonly version: string;
  readonly shard: number;
  /** Lines after the header: fewer means the shard was torn. */
  readonly count: number;
}

/** Whether a value read back from the cache is an entry of the file `key` (checked before it is trusted). */
export type EntryCheck<E> = (value: unknown, key: string) => value is E;

export interface ShardLine<E> {
  readonly key: string;
  readonly size: number;
  readonly mtime: number;
  /** undefined: the file was read and is not an analysis. */
  readonly entry: E | undefined;
}

/**
 * The shard a file's line lives in: its key's contentHash read as a number, modulo SHARDS (the
 * number itself, not its base-36 text parsed back: held equal to that by a unit test).
 */
export function shardOf(key: string): number {
  return contentHashNumber(key) % SHARDS;
}

/** A shard's bytes as text; undefined when they are not valid UTF-8 (a corrupt byte) or too many. */
export function shardText(bytes: Uint8Array): string | undefined {
  if (bytes.length > MAX_SHARD_BYTES) return undefined;
  const text = new TextDecoder().decode(bytes);
  // Invalid UTF-8 (a corrupt byte) became U+FFFD. The strict decoder is many times slower, so it
  // only tells a corrupt shard from one whose analyses have that character themselves.
  if (!text.includes('\uFFFD')) return text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The header of shard `n`, when it is a shard of this format and `version`, and where its lines
 * start (the index of the newline before the first); undefined otherwise.
 */
export function shardHeader(text: string, n: number, version: string): { readonly count: number; readonly linesAt: number } | undefined {
  const end = text.indexOf('\n');
  if (end < 0) return undefined;
  let header: Partial<ShardHeader>;
  try {
    header = JSON.parse(text.slice(0, end)) as Partial<ShardHeader>;
  } catch {
    return undefined;
  }
  if (header?.format !== FORMAT || header.version !== version || header.shard !== n || !isCount(header.count)) return undefined;
  return { count: header.count, linesAt: end };
}

/** The table of strings of a shard (its second line), or undefined when it is not an array of strings. */
export function shardStrings(line: string): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  return Array.isArray(parsed) && parsed.every((s) => typeof s === 'string') ? (parsed as string[]) : undefined;
}

/**
 * One file's line of shard `n` (without its newline), checked; undefined when anything in it is not
 * as written. `isEntry`: a check of the decoded entry beyond the row's own (decodeChecked), which
 * already admit exactly the entries `isIndexEntry` does.
 */
export function shardLine<E extends IndexEntry>(line: string, n: number, strings: ShardStrings, isEntry: EntryCheck<E> | undefined, shared: EntryInterner): ShardLine<E> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  const file = decodeChecked(parsed, strings, isEntry as EntryCheck<IndexEntry> | undefined, shared);
  if (!file || shardOf(file.key) !== n) return undefined;
  return file as ShardLine<E>;
}

/**
 * A shard every line of which is as written (checkedShard's answer): its table of strings, and its
 * files' rows, each its length then its numbers, one after another. The worker thread sends the
 * rows to the host (their buffer moved, not copied), and the table as numbers into the load's
 * StringPool: the host then decodes the rows the worker parsed and checked without parsing each
 * line's JSON again (it did so for 10,000 lines, and left each line's array to its collector).
 */
export interface CheckedShard {
  readonly strings: string[];
  readonly rows: Float64Array;
}

/** A checked shard as the host gets it from the worker: its table as numbers into `pool`, its rows. */
export interface PooledShard {
  readonly pool: StringPool;
  readonly ids: Int32Array;
  readonly rows: Float64Array;
}

/**
 * Shard `n`'s table and rows when every line of it is as written for `version`, else undefined:
 * the whole shard checked in one go (for the worker, which has a thread of its own). `isEntry`: a
 * check of each decoded entry beyond the rows' own; without it, no entry is built at all (the
 * rows' checks decide: checkedRow, held equal to the shape check of the decoded entry).
 */
export function checkedShard<E extends IndexEntry>(text: string, n: number, version: string, isEntry?: EntryCheck<E>): CheckedShard | undefined {
  const header = shardHeader(text, n, version);
  if (!header) return undefined;
  const tableEnd = text.indexOf('\n', header.linesAt + 1);
  const table = tableEnd < 0 ? undefined : shardStrings(text.slice(header.linesAt + 1, tableEnd));
  if (!table) return undefined;
  // The entries are checked and dropped: their strings are not interned.
  const strings = new ShardStrings(table);
  const shared = new EntryInterner();
  const rows: number[][] = [];
  let numbers = 0;
  for (let start = tableEnd; start + 1 < text.length;) {
    const end = text.indexOf('\n', start + 1);
    // A last line without its newline was cut short.
    if (end < 0) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.slice(start + 1, end));
    } catch {
      return undefined;
    }
    const row = checkedRow(parsed, table);
    if (!row || shardOf(table[row[0]]) !== n) return undefined;
    if (isEntry && !decodeChecked(row, strings, isEntry as EntryCheck<IndexEntry>, shared)) return undefined;
    rows.push(row);
    numbers += row.length + 1;
    start = end;
  }
  if (rows.length !== header.count) return undefined;
  const packed = new Float64Array(numbers);
  let at = 0;
  for (const row of rows) {
    packed[at++] = row.length;
    packed.set(row, at);
    at += row.length;
  }
  return { strings: table, rows: packed };
}

/**
 * The files of a shard the worker has checked already (`checkedShard`'s answer), decoded, not
 * checked again: only ever called on such shards, never on bytes from disk. One file at a time,
 * so that the caller can pause between them.
 */
export class TrustedShard<E extends IndexEntry> {
  private readonly strings: ShardStrings;
  private at = 0;

  constructor(private readonly shard: PooledShard, private readonly shared: EntryInterner) {
    this.strings = shard.pool.table(shard.ids, shared);
  }

  /** The next file, or undefined at the end. */
  next(): ShardLine<E> | undefined {
    const rows = this.shard.rows;
    if (this.at >= rows.length) return undefined;
    const length = rows[this.at];
    const from = this.at + 1;
    this.at = from + length;
    const key = this.strings.raw[rows[from]];
    return { key, size: smallInteger(rows[from + 1]), mtime: rows[from + 2], entry: decodeRow(rows, this.strings, key, this.shared, from, length) as E | undefined };
  }
}

/** A file of a shard, for `shardBody`. */
export interface ShardFile<E> {
  readonly key: string;
  readonly size: number;
  readonly mtime: number;
  readonly entry: E | undefined;
}

/**
 * Shard `n`'s text, a file at a time (the caller pauses between them): its header, its table of
 * strings and its files' lines, as ASCII: every character above it escaped in the JSON (`—` as
 * `\u2014`), since an ASCII shard decodes and parses about 40% faster than the same text with a
 * few em dashes (a UTF-16 string for all of it otherwise).
 */
export class ShardWriter<E extends IndexEntry> {
  private readonly table = new StringTable();
  private readonly rows: string[] = [];

  add(file: ShardFile<E>): void {
    this.rows.push(`${JSON.stringify(encodeRow(this.table, file.key, file.size, file.mtime, file.entry))}\n`);
  }

  text(n: number, version: string): string {
    return `${headerLine(n, version, this.rows.length)}${ascii(JSON.stringify(this.table.strings))}\n${this.rows.join('')}`;
  }
}

/** The header line of shard `n` (with its newline). */
export function headerLine(n: number, version: string, count: number): string {
  const header: ShardHeader = { format: FORMAT, version, shard: n, count };
  return `${JSON.stringify(header)}\n`;
}

function ascii(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
