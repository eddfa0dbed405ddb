/**
 * The workspace index's start in a worker thread (indexWorker.ts), node host only (imported by
 * platform/index.ts alone): the cache's shards read and checked, and the folders walked, beside the
 * extension host's thread instead of on it. One worker takes every job of a start (two booting at
 * once on two cores slowed each other and the host), started as the build begins (`prepare`),
 * before the jobs are known. If the worker cannot start or stops early, the host does the job
 * itself: its shards are read here for the host to check, a walk not answered is 'failed'.
 */
import { readFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';
import { FREE, HOST, WORKER, type FromWorker, type ShardAnswer, type ToWorker, type WalkAnswer } from './indexWorker';
import { PATH_SEPARATOR, type WalkedFile } from './diskWalk';
import type { ShardReader, ShardTake } from './platform';
import { StringPool } from '../../portfolio/indexCacheFormat';
import { smallInteger } from '../../portfolio/indexEntryCodec';

/** Beside this file: dist/indexWorker.js next to the bundle, or tsc's out/ twin next to this module. */
const WORKER_FILE = nodePath.join(__dirname, 'indexWorker.js');
/** A worker started by `prepare` that no job came to is stopped after this long. */
const UNUSED_MS = 5000;

interface Job {
  answer(message: FromWorker): void;
  /** The worker stopped (or never started): the job is the host's now. */
  lost(): void;
}

/** The one worker of a start and its jobs; stopped once no job is left. */
class IndexWorker {
  private worker: Worker | undefined;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private unused: NodeJS.Timeout | undefined;

  constructor(private readonly file: string) {}

  /** Starts the worker now (its boot overlaps what the host does before it has a job). */
  prepare(): void {
    if (this.worker || !this.start()) return;
    this.unused = setTimeout(() => this.jobs.size === 0 && this.stop(), UNUSED_MS);
    this.unused.unref();
  }

  /** Posts a job; undefined when the worker cannot run (the host does it then). */
  run(job: (id: number) => ToWorker, handler: Job): number | undefined {
    if (!this.worker && !this.start()) return undefined;
    clearTimeout(this.unused);
    const id = this.nextId++;
    this.jobs.set(id, handler);
    try {
      this.worker?.postMessage(job(id));
    } catch {
      this.jobs.delete(id);
      return undefined;
    }
    return id;
  }

  /** The job is over (answered, cancelled or lost): the worker stops when it was the last. */
  end(id: number, cancel: boolean): void {
    if (!this.jobs.delete(id)) return;
    if (this.jobs.size === 0) this.stop();
    else if (cancel) this.worker?.postMessage({ cancel: id } satisfies ToWorker);
  }

  private start(): boolean {
    let worker: Worker;
    try {
      worker = new Worker(this.file);
    } catch {
      return false;
    }
    this.worker = worker;
    worker.on('message', (m: FromWorker) => this.jobs.get(m.id)?.answer(m));
    const lost = (): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const jobs = [...this.jobs.values()];
      this.jobs.clear();
      for (const job of jobs) job.lost();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    return true;
  }

  private stop(): void {
    clearTimeout(this.unused);
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}

const workers = new Map<string, IndexWorker>();

function indexWorker(file: string): IndexWorker {
  let w = workers.get(file);
  if (!w) workers.set(file, (w = new IndexWorker(file)));
  return w;
}

/** Starts the index worker ahead of its jobs (the build's first step; the jobs follow within a few ms). */
export function prepareIndexWorker(): void {
  indexWorker(WORKER_FILE).prepare();
}

/**
 * The shards at `files` (shard n at files[n]), shared between the host's thread and the worker:
 * the worker checks shards from the last down, the host takes from the first up whenever no
 * answer of the worker is waiting (and all of them while the worker boots, or if it cannot run),
 * so that neither waits for the other. `workerFile`: tests start a worker that cannot run.
 */
export function checkShardsOffThread(files: readonly string[], version: string, workerFile = WORKER_FILE): ShardReader {
  const count = files.length;
  const claims = new Int32Array(new SharedArrayBuffer(4 * Math.max(count, 1)));
  const answers: ShardTake[] = [];
  /** Shards the worker claimed and did not answer before it stopped: the host reads them. */
  const orphans: number[] = [];
  const answered = new Set<number>();
  /** The strings of the worker's shards, as it numbered them. */
  const pool = new StringPool();
  let given = 0;
  let front = 0;
  let hostRead: Promise<ShardTake> | undefined;
  let wake: (() => void) | undefined;
  const woken = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const worker = indexWorker(workerFile);
  let id: number | undefined;
  const ended = (): void => {
    if (id === undefined) return;
    worker.end(id, given < count);
    id = undefined;
  };
  const lost = (): void => {
    if (id !== undefined) worker.end(id, false);
    id = undefined;
    for (let n = 0; n < count; n++) if (Atomics.load(claims, n) === WORKER && !answered.has(n)) orphans.push(n);
    // Nothing more comes from the worker: the host claims every shard left.
    woken();
  };
  const answer = (m: FromWorker): void => {
    if ('failed' in m) return lost();
    const a = m as ShardAnswer;
    // Whatever becomes of the shard: later shards' numbers count these strings.
    if (a.fresh) pool.add(a.fresh);
    if (Atomics.load(claims, a.n) !== WORKER || answered.has(a.n)) return;
    answered.add(a.n);
    answers.push(a.ids === undefined || a.rows === undefined ? { n: a.n, worker: true, refused: true } : { n: a.n, worker: true, shard: { pool, ids: a.ids, rows: a.rows } });
    woken();
  };
  id = worker.run((job) => ({ job: 'shards', id: job, files, version, claims: claims.buffer as SharedArrayBuffer }), { answer, lost });
  const read = (n: number): Promise<ShardTake> =>
    readFile(files[n]).then((bytes): ShardTake => ({ n, bytes }), (): ShardTake => ({ n, refused: true }));
  /** The next shard for this thread to read: the first not claimed yet, or one the worker left. */
  const claim = (): number | undefined => {
    while (front < count) {
      const n = front++;
      if (Atomics.compareExchange(claims, n, FREE, HOST) === FREE) return n;
      // The worker claims downward from the last: from here on every shard is its.
      front = count;
    }
    return orphans.shift();
  };
  const readNext = (): void => {
    const n = claim();
    hostRead = n === undefined ? undefined : read(n);
  };
  return {
    async next() {
      for (;;) {
        if (given >= count) {
          ended();
          return undefined;
        }
        const answer = answers.shift();
        if (answer) {
          given++;
          return answer;
        }
        if (!hostRead) readNext();
        const reading = hostRead;
        if (reading) {
          // One read ahead: the next shard of this thread is on its way while this one is checked.
          readNext();
          given++;
          return reading;
        }
        // Every shard is claimed, some by the worker: its answers (or its end) are awaited.
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    dispose() {
      ended();
      woken();
    },
  };
}

/**
 * The markdown files under `folder` as diskWalk.ts finds them (no link followed, folders matching
 * `globs` not entered), walked in the worker. Resolves 'failed' when the worker could not do it
 * (the host walks itself then), undefined when the folder cannot be walked. Unpacked between time
 * slices (`pause`, as for the walk on the host): 10,000 files at once were one long task.
 */
export function walkOffThread(folder: string, globs: readonly string[], cancelled: () => boolean, pause?: () => Promise<void> | undefined): Promise<WalkedFile[] | undefined | 'failed'> {
  // Cancelled before it starts: no worker job at all.
  if (cancelled()) return Promise.resolve([]);
  return new Promise((resolve) => {
    const worker = indexWorker(WORKER_FILE);
    let answered = false;
    // Cancelled (a rebuild, the window closing): not waited for; the worker is told to stop.
    const poll = setInterval(() => cancelled() && finish([], true), 50);
    const finish = (result: WalkedFile[] | undefined | 'failed' | Promise<WalkedFile[] | undefined>, cancel = false): void => {
      clearInterval(poll);
      if (answered) return;
      answered = true;
      if (id !== undefined) worker.end(id, cancel);
      resolve(result);
    };
    const answer = (m: FromWorker): void => {
      if ('failed' in m) return finish('failed');
      // Cancelled since the last poll (a walk of a small folder answers within one): the caller
      // asked for no answer, and a cancelled build must not take one that arrived late.
      if (cancelled()) return finish([]);
      const files = (m as WalkAnswer).files;
      finish(files ? unpack(files.relative, files.stats, pause) : undefined);
    };
    const id = worker.run((job) => ({ job: 'walk', id: job, folder, globs }), { answer, lost: () => finish('failed') });
    if (id === undefined) finish('failed');
  });
}

async function unpack(relative: string, stats: Float64Array, pause?: () => Promise<void> | undefined): Promise<WalkedFile[]> {
  const out: WalkedFile[] = [];
  if (relative === '') return out;
  for (let start = 0, i = 0; start <= relative.length; i++) {
    let end = relative.indexOf(PATH_SEPARATOR, start);
    if (end < 0) end = relative.length;
    const r = relative.slice(start, end);
    const size = stats[2 * i];
    // The size as a small integer: read from the Float64Array, each file's would be a heap number
    // of its own (smallInteger), kept through the warm start with the listing.
    out.push(Number.isNaN(size) ? { relative: r, link: true } : { relative: r, size: smallInteger(size), mtime: stats[2 * i + 1] });
    start = end + 1;
    const pausing = pause?.();
    if (pausing) await pausing;
  }
  return out;
}
