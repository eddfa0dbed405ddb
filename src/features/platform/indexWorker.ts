/**
 * The worker thread of the workspace index's start (dist/indexWorker.js, node host only; started
 * by offThread.ts), for the two jobs that were most of a warm start's work on the extension host's
 * thread, now done beside it. ONE worker takes both jobs of a start, as messages: two workers
 * booting at once on a two-core machine took their boot time from the host and from each other.
 * - 'shards': read the warm-start cache's shards, decode them and check every entry's shape
 *   (src/portfolio/indexCacheFormat.ts: its rows' checks admit exactly the entries entryShape.ts
 *   does; the same checks the host runs on the shards it takes).
 *   The host takes shards from the first up while this worker boots and works, this worker from
 *   the last down; each side claims a shard in the shared `claims` array before reading it
 *   (compare-and-swap), so every shard is taken once, and the host is never idle waiting for this
 *   thread to start. Posts { id, n, fresh, ids, rows } for a sound shard it claimed (its rows, every line
 *   checked, their buffer moved to the host, not copied; its table as numbers into the job's
 *   strings, with the strings the host has not been sent yet) and { id, n } for one that is missing or refused (torn, corrupt, tampered,
 *   stale); stops at the first shard the host claimed (everything below it is the host's).
 * - 'walk': list a folder's markdown files with their sizes and times (diskWalk.ts: no link
 *   followed, excluded folders not entered). Posts one { id, files } message (no files: the folder
 *   could not be walked) with the files packed as columns: a message of 10,000 small objects
 *   costs the host more to receive than the names as one string.
 * A job that throws posts { id, failed: true } (the host does that job itself). The host
 * terminates the worker once no job of it is left, and cancels a job with { cancel: id }.
 */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { checkedShard, shardText, StringNumbering } from '../../portfolio/indexCacheFormat';
import { excludeMatcher } from '../portfolio/excludeMatcher';
import { PATH_SEPARATOR, walkMarkdownFiles } from './diskWalk';

/** A shard's slot in the claims array: nobody's yet, the host's, or this worker's. */
export const FREE = 0;
export const HOST = 1;
export const WORKER = 2;

export interface ShardJob {
  readonly job: 'shards';
  readonly id: number;
  readonly files: readonly string[];
  readonly version: string;
  /** An Int32Array's buffer, one slot per shard (FREE, HOST, WORKER), shared with the host. */
  readonly claims: SharedArrayBuffer;
}

export interface WalkJob {
  readonly job: 'walk';
  readonly id: number;
  readonly folder: string;
  /** The exclusion globs of the folder (exclusions.ts's excludeGlobs). */
  readonly globs: readonly string[];
}

export interface Cancel {
  readonly cancel: number;
}

export type ToWorker = ShardJob | WalkJob | Cancel;

export interface ShardAnswer {
  readonly id: number;
  readonly n: number;
  /**
   * The shard's rows (checkedShard), every line checked, and its table of strings as numbers into
   * the job's StringPool; absent: the shard is not to be used.
   */
  readonly ids?: Int32Array;
  readonly rows?: Float64Array;
  /** The table's strings new to the job, in their numbers' order (added to the pool as they arrive, in the order sent). */
  readonly fresh?: readonly string[];
}

export interface WalkAnswer {
  readonly id: number;
  /** Undefined: the folder could not be walked. */
  readonly files?: {
    /** The relative paths, separated by NUL: the one character no file name can hold (a newline can). */
    readonly relative: string;
    /** Per file: size, modification time; NaN for a link. */
    readonly stats: Float64Array;
  };
}

export interface JobFailed {
  readonly id: number;
  readonly failed: true;
}

export type FromWorker = ShardAnswer | WalkAnswer | JobFailed;

/** Shards claimed and read ahead of the one being checked (the reads overlap the checks). */
const READ_AHEAD = 2;

const cancelled = new Set<number>();
/** Walks under way: shards wait for them (the host cannot walk cheaply, but it can check shards). */
const walks = new Set<Promise<void>>();

function post(answer: FromWorker, transfer?: ArrayBuffer[]): void {
  parentPort?.postMessage(answer, transfer);
}

async function shards(job: ShardJob): Promise<void> {
  // The walk first: the index waits for it, and the host takes the first shards meanwhile.
  while (walks.size) await Promise.all(walks);
  const claims = new Int32Array(job.claims);
  // The strings of this job's shards, numbered across them: each string is sent once.
  const numbering = new StringNumbering();
  const claim = (n: number): boolean => Atomics.compareExchange(claims, n, FREE, WORKER) === FREE;
  const reading: { n: number; bytes: Promise<Buffer | undefined> }[] = [];
  let next = job.files.length - 1;
  // Claimed downward while the host claims upward: the first shard the host has is where they met.
  const readAhead = (): void => {
    while (next >= 0 && reading.length <= READ_AHEAD) {
      if (!claim(next)) {
        next = -1;
        return;
      }
      reading.push({ n: next, bytes: readFile(job.files[next]).catch(() => undefined) });
      next--;
    }
  };
  readAhead();
  for (let r = reading.shift(); r; r = reading.shift()) {
    readAhead();
    const bytes = await r.bytes;
    if (cancelled.has(job.id)) return;
    const text = bytes && shardText(bytes);
    const shard = text === undefined ? undefined : checkedShard(text, r.n, job.version);
    if (shard) {
      const { ids, fresh } = numbering.number(shard.strings);
      post({ id: job.id, n: r.n, fresh, ids, rows: shard.rows }, [ids.buffer as ArrayBuffer, shard.rows.buffer as ArrayBuffer]);
    } else post({ id: job.id, n: r.n });
  }
}

async function walk(job: WalkJob): Promise<void> {
  const matchers = job.globs.map(excludeMatcher);
  const found = await walkMarkdownFiles(job.folder, { excluded: (relative) => matchers.some((m) => m(relative)), cancelled: () => cancelled.has(job.id) });
  if (cancelled.has(job.id)) return;
  if (!found) {
    post({ id: job.id });
    return;
  }
  const stats = new Float64Array(found.length * 2);
  found.forEach((f, i) => {
    stats[2 * i] = f.link ? Number.NaN : (f.size ?? 0);
    stats[2 * i + 1] = f.link ? Number.NaN : (f.mtime ?? 0);
  });
  post({ id: job.id, files: { relative: found.map((f) => f.relative).join(PATH_SEPARATOR), stats } }, [stats.buffer]);
}

parentPort?.on('message', (message: ToWorker) => {
  if ('cancel' in message) {
    cancelled.add(message.cancel);
    return;
  }
  const run = (message.job === 'walk' ? walk(message) : shards(message)).catch(() => post({ id: message.id, failed: true }));
  if (message.job === 'walk') {
    walks.add(run);
    void run.finally(() => walks.delete(run));
  }
});
