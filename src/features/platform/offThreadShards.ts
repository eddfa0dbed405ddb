/**
 * The warm-start cache's shards read and checked in a worker thread (indexCacheWorker.ts), node
 * host only (imported by platform/index.ts alone). The host then only parses the lines of the
 * shards the worker found sound. If the worker cannot start or stops early, the shards it did not
 * answer are 'failed' and the host reads them itself, as it does in the web worker host.
 */
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ShardAnswer, ShardRequest } from './indexCacheWorker';
import type { ShardReader, ShardResult } from './platform';

/** Beside this file: dist/indexCacheWorker.js next to the bundle, or tsc's out/ twin next to this module. */
const WORKER_FILE = nodePath.join(__dirname, 'indexCacheWorker.js');

export function checkShardsOffThread(files: readonly string[], version: string): ShardReader {
  const answers = new Map<number, ShardResult>();
  const waiting = new Map<number, (r: ShardResult) => void>();
  let ended = false;
  const settle = (n: number, result: ShardResult): void => {
    const resolve = waiting.get(n);
    if (resolve) {
      waiting.delete(n);
      resolve(result);
    } else answers.set(n, result);
  };
  const end = (): void => {
    if (ended) return;
    ended = true;
    for (const [n, resolve] of waiting) resolve(answers.get(n) ?? 'failed');
    waiting.clear();
  };
  let worker: Worker | undefined;
  try {
    const request: ShardRequest = { files, version };
    worker = new Worker(WORKER_FILE, { workerData: request });
    worker.on('message', (a: ShardAnswer) => settle(a.n, a.body === undefined ? 'refused' : { body: a.body }));
    worker.on('error', end);
    worker.on('exit', end);
  } catch {
    ended = true;
  }
  return {
    shard(n) {
      const known = answers.get(n);
      if (known !== undefined) {
        answers.delete(n);
        return Promise.resolve(known);
      }
      if (ended) return Promise.resolve('failed');
      return new Promise((resolve) => waiting.set(n, resolve));
    },
    dispose() {
      void worker?.terminate();
      end();
    },
  };
}
