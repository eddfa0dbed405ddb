/**
 * The on-disk format of the workspace index's warm-start cache (src/features/portfolio/indexCache.ts):
 * 64 shards chosen by a hash of the file's URI, each a header line and one JSON line per file,
 * `[uri, size, mtime, entry | null]`. Here without the editor, so that the same checks run in
 * the extension host and in the worker that reads the shards off the host's thread
 * (src/features/platform/indexWorker.ts), and in unit tests.
 *
 * A shard is taken whole or not at all: torn (fewer lines than its header says), corrupt bytes,
 * another format or version, a line of the wrong shape, an entry that fails the entry check, or a
 * file that belongs to another shard: the whole shard is refused and its files are read again.
 */
import { contentHash } from './contentHash';

export const FORMAT = 2;
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

/** The shard a file's line lives in. */
export function shardOf(key: string): number {
  return Number.parseInt(contentHash(key), 36) % SHARDS;
}

/** A shard's bytes as text; undefined when they are not valid UTF-8 (a corrupt byte). */
export function shardText(bytes: Uint8Array): string | undefined {
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

/** One line of shard `n` (without its newline), checked; undefined when anything in it is not as written. */
export function shardLine<E>(line: string, n: number, isEntry: EntryCheck<E>): ShardLine<E> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return undefined;
  const [key, size, mtime, entry] = parsed as unknown[];
  if (typeof key !== 'string' || !isCount(size) || typeof mtime !== 'number' || !Number.isFinite(mtime) || shardOf(key) !== n) return undefined;
  if (entry !== null && !isEntry(entry, key)) return undefined;
  return { key, size, mtime, entry: entry === null ? undefined : entry };
}

/**
 * The text of shard `n` after its header when every line of it is as written for `version`, else
 * undefined: the whole shard checked in one go (for the worker, which has a thread of its own).
 */
export function checkedShardBody<E>(text: string, n: number, version: string, isEntry: EntryCheck<E>): string | undefined {
  const header = shardHeader(text, n, version);
  if (!header) return undefined;
  let count = 0;
  for (let start = header.linesAt; start + 1 < text.length; count++) {
    const end = text.indexOf('\n', start + 1);
    // A last line without its newline was cut short.
    if (end < 0 || !shardLine(text.slice(start + 1, end), n, isEntry)) return undefined;
    start = end;
  }
  return count === header.count ? text.slice(header.linesAt + 1) : undefined;
}

/**
 * A line of a shard the worker has checked already (its `body`, split at newlines): parsed, not
 * checked again. Only ever called on text that passed `checkedShardBody`, never on bytes from disk.
 */
export function trustedLine<E>(line: string): ShardLine<E> {
  const [key, size, mtime, entry] = JSON.parse(line) as [string, number, number, E | null];
  return { key, size, mtime, entry: entry ?? undefined };
}

/** The header line of shard `n` (with its newline). */
export function headerLine(n: number, version: string, count: number): string {
  const header: ShardHeader = { format: FORMAT, version, shard: n, count };
  return `${JSON.stringify(header)}\n`;
}

/**
 * A file's line (with its newline): JSON with every character above ASCII escaped (`—` as
 * `\u2014`): an ASCII shard decodes and parses about 40% faster than the same text with a few em
 * dashes in each line (a UTF-16 string for all of it otherwise), and the warm start does both for
 * every entry.
 */
export function fileLine(key: string, size: number, mtime: number, entry: unknown): string {
  return `${JSON.stringify([key, size, mtime, entry ?? null]).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
