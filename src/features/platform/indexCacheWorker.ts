/**
 * The worker thread that reads and checks the warm-start cache's shards (dist/indexCacheWorker.js,
 * node host only; started by offThreadShards.ts). Reading, UTF-8 decoding and the shape check of
 * every entry were most of a warm start's work on the extension host's thread; here they run
 * beside it, and the host only parses the lines of the shards this worker found whole and sound
 * (src/portfolio/indexCacheFormat.ts, the same checks the host runs where there is no worker).
 *
 * workerData: { files: the shards' paths, shard n at files[n]; version }. Posts, in shard order,
 * { n, body } for a sound shard (its text after the header) and { n } for one that is missing or
 * refused (torn, corrupt, tampered, another version), then exits.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { isIndexEntry } from '../../portfolio/entryShape';
import { checkedShardBody, shardText } from '../../portfolio/indexCacheFormat';

export interface ShardRequest {
  readonly files: readonly string[];
  readonly version: string;
}

export interface ShardAnswer {
  readonly n: number;
  /** The shard's lines after its header, every one checked; absent: the shard is not to be used. */
  readonly body?: string;
}

/** Shards read ahead of the one being checked (the reads overlap the checks). */
const READ_AHEAD = 2;

async function main(request: ShardRequest): Promise<void> {
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

void main(workerData as ShardRequest);
