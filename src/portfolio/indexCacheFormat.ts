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
import { checkedRow, decodeChecked, decodeRow, encodeRow, EntryInterner, ShardStrings, StringTable } from './indexEntryCodec';
import type { IndexEntry } from './types';

export { EntryInterner, ShardStrings } from './indexEntryCodec';

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
 * The text of shard `n` after its header (its table of strings and its files' lines) when every
 * line of it is as written for `version`, else undefined: the whole shard checked in one go (for
 * the worker, which has a thread of its own).
 */
export function checkedShardBody<E extends IndexEntry>(text: string, n: number, version: string, isEntry?: EntryCheck<E>): string | undefined {
  const header = shardHeader(text, n, version);
  if (!header) return undefined;
  const tableEnd = text.indexOf('\n', header.linesAt + 1);
  const table = tableEnd < 0 ? undefined : shardStrings(text.slice(header.linesAt + 1, tableEnd));
  if (!table) return undefined;
  // The entries are checked and dropped: their strings are not interned. Without an entry check
  // beyond the rows' own, no entry is built at all (the rows' checks decide: checkedRow).
  const strings = new ShardStrings(table);
  const shared = new EntryInterner();
  const sound = isEntry ? (line: string): boolean => shardLine(line, n, strings, isEntry, shared) !== undefined : (line: string): boolean => rowOfShard(line, n, table);
  let count = 0;
  for (let start = tableEnd; start + 1 < text.length; count++) {
    const end = text.indexOf('\n', start + 1);
    // A last line without its newline was cut short.
    if (end < 0 || !sound(text.slice(start + 1, end))) return undefined;
    start = end;
  }
  return count === header.count ? text.slice(header.linesAt + 1) : undefined;
}

/** Whether `line` is a sound row (checkedRow) of a file of shard `n`: shardLine's answer without decoding the entry. */
function rowOfShard(line: string, n: number, table: readonly string[]): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return false;
  }
  const row = checkedRow(parsed, table);
  return row !== undefined && shardOf(table[row[0]]) === n;
}

/**
 * The files of a shard body the worker has checked already (`checkedShardBody`'s answer), parsed,
 * not checked again: only ever called on such text, never on bytes from disk. One file at a
 * time, so that the caller can pause between them.
 */
export class TrustedShard<E extends IndexEntry> {
  private readonly strings: ShardStrings;
  private at: number;

  constructor(private readonly body: string, private readonly shared: EntryInterner) {
    const tableEnd = body.indexOf('\n');
    this.strings = shared.table(JSON.parse(body.slice(0, tableEnd)) as string[]);
    this.at = tableEnd;
  }

  /** The next file, or undefined at the end. */
  next(): ShardLine<E> | undefined {
    if (this.at + 1 >= this.body.length) return undefined;
    const end = this.body.indexOf('\n', this.at + 1);
    const row = JSON.parse(this.body.slice(this.at + 1, end)) as number[];
    this.at = end;
    const key = this.strings.raw[row[0]];
    return { key, size: row[1], mtime: row[2], entry: decodeRow(row, this.strings, key, this.shared) as E | undefined };
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
