/**
 * The warm-start cache of the workspace index, under the extension's storage: for each analysed
 * file its URI, size, modification time and entry, valid only for the model version it was
 * written with. A window reload then stats the files instead of reading and analysing them.
 *
 * Split into shards by a hash of the URI (`portfolio-index/<n>.ndjson`: a header line, a table of
 * strings, one line per file), so that a saved edit rewrites the one shard holding that file (about 1/64 of the
 * cache), not all of it: the single 19 MB file of 10,000 entries was written again two seconds
 * after every save. Each shard is written to a temporary file and renamed over the old one, and
 * is taken whole or not at all when read: a shard that is torn (fewer lines than its header
 * says), corrupt, of another version, or holds an entry of the wrong shape or in the wrong shard
 * is dropped, and its files are read again like on a cold start, silently (the cache only saves
 * time). Read, decoded and encoded between time slices: parsing megabytes at once would hold the
 * extension host's thread too long. On the node host a worker thread reads, decodes and checks the
 * shards from the last down (platform.checkShardsOffThread) and the host only decodes the rows of
 * the sound ones, as the worker parsed them: the reading and checking were most of a warm start on
 * the host's thread. The
 * host checks the first shards itself meanwhile (it sat idle waiting for the worker to boot); both
 * sides check the same way. The format and its checks are src/portfolio/indexCacheFormat.ts, shared by both.
 */
import * as vscode from 'vscode';
import { EntryInterner, SHARDS, type PooledShard, ShardWriter, shardHeader, shardLine, shardOf, shardStrings, shardText, TrustedShard, type EntryCheck } from '../../portfolio/indexCacheFormat';
import type { IndexEntry } from '../../portfolio/types';
import type { ShardReader } from '../platform/platform';
import { KEEPING_SLICE_MS, TimeSlice } from './timeSlices';

export { SHARDS, shardOf, type EntryCheck } from '../../portfolio/indexCacheFormat';

export interface CachedFile<E> {
  readonly size: number;
  readonly mtime: number;
  /** undefined: the file was read and is not an analysis (worth remembering too). */
  readonly entry: E | undefined;
}

const FOLDER = 'portfolio-index';
/** The single-file cache of format 1: removed by the first save. */
const LEGACY_FILE = 'portfolio-index.ndjson';
/** Shards being read while one is decoded. */
const READ_AHEAD = 3;

/** Reads and checks the shards at these paths off the host's thread (the node host's worker). */
export type OffThreadShards = (files: readonly string[], version: string) => ShardReader;

export class IndexCache<E extends IndexEntry> {
  /** The version each shard on disk holds, as last read or written; absent: unknown or unusable. */
  private readonly onDisk = new Map<number, string>();
  private legacyRemoved = false;

  /**
   * `offThread`: where the shards can be read and checked in a worker (the node host, for entries
   * that worker checks: the portfolio's). Without it, or for storage not on the local disk, this
   * thread does it between time slices. `isEntry`: a check of each decoded entry beyond the rows'
   * own (undefined: none; the rows' checks admit exactly the entries entryShape.ts does).
   */
  constructor(private readonly folder: vscode.Uri | undefined, private readonly isEntry: EntryCheck<E> | undefined, private readonly offThread?: OffThreadShards) {}

  /** Where shard `n` is stored (tests reach it to tear or corrupt it). */
  shardFile(n: number): vscode.Uri | undefined {
    return this.folder && vscode.Uri.joinPath(this.folder, FOLDER, `${n}.ndjson`);
  }

  /** The cached files for `version`; empty when there is no cache, it is stale or unreadable. */
  async load(version: string, token?: vscode.CancellationToken, shared = new EntryInterner()): Promise<Map<string, CachedFile<E>>> {
    const result = new Map<string, CachedFile<E>>();
    this.onDisk.clear();
    if (!this.folder) return result;
    const slice = new TimeSlice(token, KEEPING_SLICE_MS);
    const files = Array.from({ length: SHARDS }, (_, n) => this.shardFile(n));
    const add = async (n: number, lines: Promise<[string, CachedFile<E>][] | undefined> | undefined): Promise<void> => {
      const sound = await lines;
      if (!sound) return;
      for (const [key, file] of sound) result.set(key, file);
      this.onDisk.set(n, version);
    };
    if (this.offThread && this.folder.scheme === 'file') {
      // Shared with the worker: its shards come checked (decoded here only), the others are checked here.
      const reader = this.offThread(files.map((f) => f?.fsPath ?? ''), version);
      try {
        for (let take = await reader.next(); take; take = await reader.next()) {
          if ('shard' in take) {
            await this.parseChecked(take.shard, slice, result, shared);
            this.onDisk.set(take.n, version);
          } else if ('bytes' in take) await add(take.n, this.decodeShard(take.n, take.bytes, version, slice, shared));
        }
      } finally {
        reader.dispose();
      }
      return result;
    }
    // A few shards read ahead of the one decoded: all 64 at once filled the I/O thread pool, and the
    // walk of the workspace (which the warm start also waits for) queued behind them.
    const reads = new Map<number, Promise<Uint8Array | undefined>>();
    const readAhead = (from: number): void => {
      for (let n = from; n < Math.min(from + READ_AHEAD, SHARDS); n++) {
        const file = files[n];
        if (!reads.has(n)) reads.set(n, file ? Promise.resolve(vscode.workspace.fs.readFile(file)).then((b) => b, () => undefined) : Promise.resolve(undefined));
      }
    };
    for (let n = 0; n < SHARDS; n++) {
      readAhead(n);
      const bytes = await reads.get(n);
      await add(n, bytes && this.decodeShard(n, bytes, version, slice, shared));
    }
    return result;
  }

  /**
   * The files of a shard the worker has checked (rows from the worker, not from the disk), into
   * `files`: each decoded file is the cached file itself (no copy of 10,000 of them for the young
   * generation's collector to move).
   */
  private async parseChecked(checked: PooledShard, slice: TimeSlice, files: Map<string, CachedFile<E>>, shared: EntryInterner): Promise<void> {
    const shard = new TrustedShard<E>(checked, shared);
    for (let file = shard.next(); file; file = shard.next()) {
      files.set(file.key, file);
      if (slice.due) await slice.pause();
    }
  }

  /** A shard's files, or undefined when any part of it is not as written for `version`. */
  private async decodeShard(n: number, bytes: Uint8Array, version: string, slice: TimeSlice, shared: EntryInterner): Promise<[string, CachedFile<E>][] | undefined> {
    const text = shardText(bytes);
    const header = text === undefined ? undefined : shardHeader(text, n, version);
    if (text === undefined || !header) return undefined;
    const tableEnd = text.indexOf('\n', header.linesAt + 1);
    const table = tableEnd < 0 ? undefined : shardStrings(text.slice(header.linesAt + 1, tableEnd));
    if (!table) return undefined;
    const strings = shared.table(table);
    const files: [string, CachedFile<E>][] = [];
    for (let start = tableEnd; start + 1 < text.length;) {
      const end = text.indexOf('\n', start + 1);
      // A last line without its newline was cut short.
      if (end < 0) return undefined;
      const line = shardLine(text.slice(start + 1, end), n, strings, this.isEntry, shared);
      if (!line) return undefined;
      files.push([line.key, line]);
      start = end;
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
    const groups = new Map<number, { key: string; size: number; mtime: number; entry: E | undefined }[]>([...write].map((n) => [n, []]));
    for (const [key, f] of files) {
      groups.get(shardOf(key))?.push({ key, size: f.size, mtime: f.mtime, entry: f.entry });
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
      const writer = new ShardWriter<E>();
      for (const f of group) {
        writer.add(f);
        if (slice.due) await slice.pause();
      }
      const bytes = encoder.encode(writer.text(n, version));
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
