/**
 * The workspace index's start in a worker thread (indexWorker.ts), node host only (imported by
 * platform/index.ts alone): the cache's shards read and checked, and the folders walked, beside the
 * extension host's thread instead of on it. If the worker cannot start or stops early, the host does
 * the job itself: shards not answered are 'failed', a walk not answered is undefined.
 */
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ShardAnswer, ShardRequest, WalkAnswer, WalkRequest } from './indexWorker';
import { PATH_SEPARATOR, type WalkedFile } from './diskWalk';
import type { ShardReader, ShardResult } from './platform';

/** Beside this file: dist/indexWorker.js next to the bundle, or tsc's out/ twin next to this module. */
const WORKER_FILE = nodePath.join(__dirname, 'indexWorker.js');

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
    const request: ShardRequest = { job: 'shards', files, version };
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

/**
 * The markdown files under `folder` as diskWalk.ts finds them (no link followed, folders matching
 * `globs` not entered), walked in the worker. Resolves 'failed' when the worker could not do it
 * (the host walks itself then), undefined when the folder cannot be walked.
 */
export function walkOffThread(folder: string, globs: readonly string[], cancelled: () => boolean): Promise<WalkedFile[] | undefined | 'failed'> {
  return new Promise((resolve) => {
    let worker: Worker;
    let answered = false;
    try {
      const request: WalkRequest = { job: 'walk', folder, globs };
      worker = new Worker(WORKER_FILE, { workerData: request });
    } catch {
      resolve('failed');
      return;
    }
    // Cancelled (a rebuild, the window closing): the worker is stopped, not waited for.
    const poll = setInterval(() => {
      if (!cancelled()) return;
      answered = true;
      clearInterval(poll);
      void worker.terminate();
      resolve([]);
    }, 50);
    const finish = (result: WalkedFile[] | undefined | 'failed'): void => {
      clearInterval(poll);
      if (answered) return;
      answered = true;
      resolve(result);
    };
    worker.on('message', (a: WalkAnswer) => finish(a.files ? unpack(a.files.relative, a.files.stats) : undefined));
    worker.on('error', () => finish('failed'));
    worker.on('exit', () => finish('failed'));
  });
}

function unpack(relative: string, stats: Float64Array): WalkedFile[] {
  if (relative === '') return [];
  return relative.split(PATH_SEPARATOR).map((r, i) => {
    const size = stats[2 * i];
    return Number.isNaN(size) ? { relative: r, link: true } : { relative: r, size, mtime: stats[2 * i + 1] };
  });
}
