/**
 * The warm-start cache of the workspace index, under the extension's storage: for each analysed
 * file its URI, size, modification time and entry, valid only for the model version it was
 * written with. A window reload then stats the files instead of reading and analysing them.
 *
 * Split into shards by a hash of the URI (`portfolio-index/<n>.ndjson`, one line per file after a
 * header line), so that a saved edit rewrites the one shard holding that file (about 1/64 of the
 * cache), not all of it: the single 19 MB file of 10,000 entries was written again two seconds
 * after every save. Each shard is written to a temporary file and renamed over the old one, and
 * is taken whole or not at all when read: a shard that is torn (fewer lines than its header
 * says), corrupt, of another version, or holds an entry of the wrong shape or in the wrong shard
 * is dropped, and its files are read again like on a cold start, silently (the cache only saves
 * time). Read, decoded and encoded between time slices: parsing megabytes at once would hold the
 * extension host's thread too long.
 */
import * as vscode from 'vscode';
import { contentHash } from '../../portfolio/contentHash';
import { TimeSlice } from './timeSlices';

export interface CachedFile<E> {
  readonly size: number;
  readonly mtime: number;
  /** undefined: the file was read and is not an analysis (worth remembering too). */
  readonly entry: E | undefined;
}

/** Whether a value read back from the cache is an entry of the file `key` (checked before it is trusted). */
export type EntryCheck<E> = (value: unknown, key: string) => value is E;

const FORMAT = 2;
const FOLDER = 'portfolio-index';
/** The single-file cache of format 1: removed by the first save. */
const LEGACY_FILE = 'portfolio-index.ndjson';
export const SHARDS = 64;
/** Shards being read while one is decoded. */
const READ_AHEAD = 3;

interface Header {
  readonly format: number;
  readonly version: string;
  readonly shard: number;
  /** Lines after the header: fewer means the shard was torn. */
  readonly count: number;
}

/** The shard a file's line lives in. */
export function shardOf(key: string): number {
  return Number.parseInt(contentHash(key), 36) % SHARDS;
}

export class IndexCache<E> {
  /** The version each shard on disk holds, as last read or written; absent: unknown or unusable. */
  private readonly onDisk = new Map<number, string>();
  private legacyRemoved = false;

  constructor(private readonly folder: vscode.Uri | undefined, private readonly isEntry: EntryCheck<E>) {}

  /** Where shard `n` is stored (tests reach it to tear or corrupt it). */
  shardFile(n: number): vscode.Uri | undefined {
    return this.folder && vscode.Uri.joinPath(this.folder, FOLDER, `${n}.ndjson`);
  }

  /** The cached files for `version`; empty when there is no cache, it is stale or unreadable. */
  async load(version: string, token?: vscode.CancellationToken): Promise<Map<string, CachedFile<E>>> {
    const result = new Map<string, CachedFile<E>>();
    this.onDisk.clear();
    if (!this.folder) return result;
    // A few shards read ahead of the one decoded: all 64 at once filled the I/O thread pool, and the
    // walk of the workspace (which the warm start also waits for) queued behind them.
    const reads: Promise<Uint8Array | undefined>[] = [];
    const readAhead = (upTo: number): void => {
      for (let n = reads.length; n < Math.min(upTo, SHARDS); n++) {
        const file = this.shardFile(n);
        reads.push(file ? Promise.resolve(vscode.workspace.fs.readFile(file)).then((b) => b, () => undefined) : Promise.resolve(undefined));
      }
    };
    const slice = new TimeSlice(token);
    for (let n = 0; n < SHARDS; n++) {
      readAhead(n + READ_AHEAD);
      const bytes = await reads[n];
      if (!bytes) continue;
      const files = await this.decodeShard(n, bytes, version, slice);
      if (!files) continue;
      for (const [key, file] of files) result.set(key, file);
      this.onDisk.set(n, version);
    }
    return result;
  }

  /** A shard's files, or undefined when any part of it is not as written for `version`. */
  private async decodeShard(n: number, bytes: Uint8Array, version: string, slice: TimeSlice): Promise<[string, CachedFile<E>][] | undefined> {
    let text = new TextDecoder().decode(bytes);
    // Invalid UTF-8 (a corrupt byte) became U+FFFD. The strict decoder is many times slower, so it
    // only tells a corrupt shard from one whose analyses have that character themselves.
    if (text.includes('\uFFFD')) {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return undefined;
      }
    }
    let start = text.indexOf('\n');
    if (start < 0) return undefined;
    let header: Partial<Header>;
    try {
      header = JSON.parse(text.slice(0, start)) as Partial<Header>;
    } catch {
      return undefined;
    }
    if (header?.format !== FORMAT || header.version !== version || header.shard !== n || typeof header.count !== 'number') return undefined;
    const files: [string, CachedFile<E>][] = [];
    while (start + 1 < text.length) {
      const end = text.indexOf('\n', start + 1);
      // A last line without its newline was cut short.
      if (end < 0) return undefined;
      const line = text.slice(start + 1, end);
      start = end;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        return undefined;
      }
      if (!Array.isArray(parsed) || parsed.length !== 4) return undefined;
      const [key, size, mtime, entry] = parsed as unknown[];
      if (typeof key !== 'string' || !isCount(size) || typeof mtime !== 'number' || !Number.isFinite(mtime) || shardOf(key) !== n) return undefined;
      if (entry !== null && !this.isEntry(entry, key)) return undefined;
      files.push([key, { size, mtime, entry: entry === null ? undefined : entry }]);
      if (slice.due) await slice.pause();
    }
    return files.length === header.count ? files : undefined;
  }

  /**
   * Writes the shards that hold a file of `changed` ('all': every shard), and every shard not
   * known to hold `version` already. `files` is every file the index holds (saved files only).
   * Failures are ignored (read-only storage): the shard is written again by the next save.
   */
  async save(version: string, files: ReadonlyMap<string, CachedFile<E>>, changed: ReadonlySet<string> | 'all', token?: vscode.CancellationToken): Promise<void> {
    if (!this.folder) return;
    const slice = new TimeSlice(token);
    const write = new Set<number>();
    for (let n = 0; n < SHARDS; n++) if (changed === 'all' || this.onDisk.get(n) !== version) write.add(n);
    if (changed !== 'all') for (const key of changed) write.add(shardOf(key));
    // Grouped first, each shard then encoded and written on its own: a whole cache's lines at once
    // were 17 MB of strings on the host's heap.
    const groups = new Map<number, [string, CachedFile<E>][]>([...write].map((n) => [n, []]));
    for (const [key, f] of files) {
      groups.get(shardOf(key))?.push([key, f]);
      if (slice.due) await slice.pause();
    }
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.folder, FOLDER));
    } catch {
      return;
    }
    const encoder = new TextEncoder();
    for (const [n, group] of groups) {
      const file = this.shardFile(n);
      if (!file) continue;
      this.onDisk.delete(n);
      const header: Header = { format: FORMAT, version, shard: n, count: group.length };
      const lines = [`${JSON.stringify(header)}\n`];
      for (const [key, f] of group) {
        lines.push(`${asciiJson([key, f.size, f.mtime, f.entry ?? null])}\n`);
        if (slice.due) await slice.pause();
      }
      const bytes = encoder.encode(lines.join(''));
      await slice.pause();
      const temporary = file.with({ path: `${file.path}.tmp` });
      try {
        // Renamed over the shard only once wholly written: a window closed mid-write leaves the old shard.
        await vscode.workspace.fs.writeFile(temporary, bytes);
        await vscode.workspace.fs.rename(temporary, file, { overwrite: true });
        this.onDisk.set(n, version);
      } catch {
        // Read-only storage: the next start indexes these files from the disk.
      }
    }
    if (!this.legacyRemoved) {
      this.legacyRemoved = true;
      await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(this.folder, LEGACY_FILE))).catch(() => undefined);
    }
  }
}

/**
 * JSON with every character above ASCII escaped (`—` as `\u2014`): an ASCII shard decodes and
 * parses about 40% faster than the same text with a few em dashes in each line (a UTF-16 string
 * for all of it otherwise), and the warm start does both for every entry.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
