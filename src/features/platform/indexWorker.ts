/**
 * The worker thread of the workspace index's start (dist/indexWorker.js, node host only; started
 * by offThread.ts), for the two jobs that were most of a warm start's work on the extension host's
 * thread, now done beside it:
 * - 'shards': read the warm-start cache's shards, decode them and check every entry's shape
 *   (src/portfolio/indexCacheFormat.ts, the same checks the host runs where there is no worker).
 *   Posts, in shard order, { n, body } for a sound shard (its text after the header, every line
 *   checked) and { n } for one that is missing or refused (torn, corrupt, tampered, stale).
 * - 'walk': list a folder's markdown files with their sizes and times (diskWalk.ts: no link
 *   followed, excluded folders not entered). Posts one { files } message (undefined: the folder
 *   could not be walked) with the files packed as three columns: a message of 10,000 small objects
 *   costs the host more to receive than the names as one string.
 * Both exit when done; the host terminates a worker whose job was cancelled.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { isIndexEntry } from '../../portfolio/entryShape';
import { checkedShardBody, shardText } from '../../portfolio/indexCacheFormat';
import { excludeMatcher } from '../portfolio/excludeMatcher';
import { PATH_SEPARATOR, walkMarkdownFiles } from './diskWalk';

export interface ShardRequest {
  readonly job: 'shards';
  readonly files: readonly string[];
  readonly version: string;
}

export interface ShardAnswer {
  readonly n: number;
  /** The shard's lines after its header, every one checked; absent: the shard is not to be used. */
  readonly body?: string;
}

export interface WalkRequest {
  readonly job: 'walk';
  readonly folder: string;
  /** The exclusion globs of the folder (exclusions.ts's excludeGlobs). */
  readonly globs: readonly string[];
}

export interface WalkAnswer {
  /** Undefined: the folder could not be walked. */
  readonly files?: {
    /** The relative paths, separated by NUL: the one character no file name can hold (a newline can). */
    readonly relative: string;
    /** Per file: size, modification time; NaN for a link. */
    readonly stats: Float64Array;
  };
}

/** Shards read ahead of the one being checked (the reads overlap the checks). */
const READ_AHEAD = 2;

async function shards(request: ShardRequest): Promise<void> {
  const read = (n: number): Promise<Buffer | undefined> => readFile(request.files[n]).catch(() => undefined);
  const reads: Promise<Buffer | undefined>[] = [];
  for (let n = 0; n < request.files.length; n++) {
    for (let m = reads.length; m < Math.min(n + 1 + READ_AHEAD, request.files.length); m++) reads.push(read(m));
    const bytes = await reads[n];
    const text = bytes && shardText(bytes);
    const body = text === undefined ? undefined : checkedShardBody(text, n, request.version, isIndexEntry);
    const answer: ShardAnswer = body === undefined ? { n } : { n, body };
    parentPort?.postMessage(answer);
  }
}

async function walk(request: WalkRequest): Promise<void> {
  const matchers = request.globs.map(excludeMatcher);
  const found = await walkMarkdownFiles(request.folder, { excluded: (relative) => matchers.some((m) => m(relative)), cancelled: () => false });
  if (!found) {
    parentPort?.postMessage({} satisfies WalkAnswer);
    return;
  }
  const stats = new Float64Array(found.length * 2);
  found.forEach((f, i) => {
    stats[2 * i] = f.link ? Number.NaN : (f.size ?? 0);
    stats[2 * i + 1] = f.link ? Number.NaN : (f.mtime ?? 0);
  });
  const answer: WalkAnswer = { files: { relative: found.map((f) => f.relative).join(PATH_SEPARATOR), stats } };
  parentPort?.postMessage(answer, [stats.buffer]);
}

const request = workerData as ShardRequest | WalkRequest;
void (request.job === 'walk' ? walk(request) : shards(request));
