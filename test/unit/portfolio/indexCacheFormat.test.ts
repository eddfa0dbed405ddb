/**
 * The warm-start cache's shard format (src/portfolio/indexCacheFormat.ts) and the worker thread
 * that reads and checks shards off the extension host's thread (src/features/platform/
 * indexWorker.ts, run here for real from its compiled file): a sound shard comes back whole
 * and parses to the entries written; a torn, corrupt, tampered, misplaced or stale shard is
 * refused as a whole, by the worker and by the host's own check alike, whichever of the two takes
 * it (the host takes the first shards while the worker checks from the last down).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkShardsOffThread } from '../../../src/features/platform/offThread';
import type { ShardReader } from '../../../src/features/platform/platform';
import fc from 'fast-check';
import { contentHash } from '../../../src/portfolio/contentHash';
import { isIndexEntry } from '../../../src/portfolio/entryShape';
import { buildIndexEntry } from '../../../src/portfolio/indexEntry';
import { checkedShard, EntryInterner, StringNumbering, StringPool, type CheckedShard, type PooledShard, FORMAT, headerLine, MAX_SHARD_BYTES, SHARDS, shardOf, shardText, ShardWriter, TrustedShard } from '../../../src/portfolio/indexCacheFormat';
import type { IndexEntry } from '../../../src/portfolio/types';
import { analysisText, catalog } from './portfolioHelpers';

const VERSION = '1.test';

interface File {
  readonly key: string;
  readonly size: number;
  readonly mtime: number;
  readonly entry: IndexEntry | undefined;
}

/** Analyses (with an em dash in each, as real verdict messages have) and one non-analysis, grouped by shard. */
function files(count: number): File[] {
  const cat = catalog();
  const out: File[] = [];
  for (let i = 0; i < count; i++) {
    const key = `file:///w/analyses/provider-${i}.md`;
    const entry = buildIndexEntry(key, analysisText(`Provider ${i}`, 'Q3 2026', `${60 + (i % 30)}%`), cat);
    out.push({ key, size: 1000 + i, mtime: 1_700_000_000_000 + i, entry: i === 3 ? undefined : entry });
  }
  return out;
}

function shardTextOf(n: number, all: readonly File[], version = VERSION, extra: readonly File[] = []): string {
  const writer = new ShardWriter<IndexEntry>();
  for (const f of [...all.filter((f) => shardOf(f.key) === n), ...extra]) writer.add(f);
  return writer.text(n, version);
}

/** A checked shard as the worker sends it (its table as numbers into a pool), for parsedBody. */
function pooled(checked: CheckedShard, pool = new StringPool(), numbering = new StringNumbering()): PooledShard {
  const { ids, fresh } = numbering.number(checked.strings);
  pool.add(fresh);
  return { pool, ids, rows: checked.rows };
}

function parsedBody(body: PooledShard, shared = new EntryInterner()): File[] {
  const shard = new TrustedShard<IndexEntry>(body, shared);
  const out: File[] = [];
  for (let f = shard.next(); f; f = shard.next()) out.push(f);
  return out;
}

/** Shard text with the first verdict in its table of strings replaced by one no entry can have. */
function withBadVerdict(text: string): string {
  const lines = text.split('\n');
  const tampered = lines[1].replace(/"(meets|misses|borderline)"/, '"great"');
  assert.notEqual(tampered, lines[1], 'a verdict to tamper with');
  lines[1] = tampered;
  return lines.join('\n');
}

/**
 * checkedShard with the shape check of each decoded entry (the plain way) and without it (the
 * worker's way: the rows' checks only, no entry built), held to the same answer.
 */
function bothWays(text: string, n: number): CheckedShard | undefined {
  const plain = checkedShard(text, n, VERSION, isIndexEntry);
  assert.deepEqual(checkedShard(text, n, VERSION), plain, 'the worker\'s check (no entry built) answers as the plain one');
  return plain;
}

describe('warm-start cache shards (format and the worker that checks them)', () => {
  it('puts a file in the shard its key\'s hash names: the hash as a number is its base-36 text read back', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (key) => {
      assert.equal(shardOf(key), Number.parseInt(contentHash(key), 36) % SHARDS);
    }), { numRuns: 5000 });
    for (const key of ['', 'file:///w/a.md', 'file:///w/analyses/Q1-2024/provider-0001.md']) assert.equal(shardOf(key), Number.parseInt(contentHash(key), 36) % SHARDS);
  });


  const all = files(200);
  const used = [...new Set(all.map((f) => shardOf(f.key)))].sort((a, b) => a - b);
  // Shards with at least two files: tearing one leaves a line.
  const [torn, tampered, misplaced, stale, corrupt] = used.filter((n) => all.filter((f) => shardOf(f.key) === n).length >= 2);

  it('gives back a sound shard whole: the same files, sizes, times and entries', () => {
    // As the worker sends them: one pool of strings for the load, each string sent once.
    const pool = new StringPool();
    const numbering = new StringNumbering();
    const shared = new EntryInterner();
    for (const n of used) {
      const checked = checkedShard(shardText(new TextEncoder().encode(shardTextOf(n, all))) ?? '', n, VERSION);
      assert.ok(checked !== undefined, `shard ${n}`);
      const expected = all.filter((f) => shardOf(f.key) === n).map((f) => ({ ...f, entry: f.entry && JSON.parse(JSON.stringify(f.entry)) as IndexEntry }));
      assert.deepEqual(parsedBody(pooled(checked, pool, numbering), shared), expected);
    }
    for (const n of used) {
      const body = bothWays(shardText(new TextEncoder().encode(shardTextOf(n, all))) ?? '', n);
      assert.ok(body !== undefined, `shard ${n}`);
      const expected = all.filter((f) => shardOf(f.key) === n).map((f) => ({ ...f, entry: f.entry && JSON.parse(JSON.stringify(f.entry)) as IndexEntry }));
      assert.deepEqual(parsedBody(pooled(body)), expected);
    }
  });

  it('refuses a torn, tampered, misplaced, stale or corrupt shard as a whole', () => {
    const check = (text: string | undefined, n: number): CheckedShard | undefined => (text === undefined ? undefined : bothWays(text, n));
    const tornText = shardTextOf(torn, all).split('\n').slice(0, -2).join('\n') + '\n';
    assert.equal(check(tornText, torn), undefined, 'a line fewer than the header says');
    assert.equal(check(shardTextOf(torn, all).slice(0, -1), torn), undefined, 'the last line cut short');
    assert.equal(check(withBadVerdict(shardTextOf(tampered, all)), tampered), undefined, 'an entry that fails the shape check');
    const otherFile = all.find((f) => shardOf(f.key) !== misplaced);
    assert.ok(otherFile);
    assert.ok(check(shardTextOf(misplaced, all), misplaced) !== undefined, 'the shard without the stranger is taken');
    assert.equal(check(shardTextOf(misplaced, all, VERSION, [otherFile]), misplaced), undefined, 'a file of another shard');
    assert.equal(check(shardTextOf(stale, all, '0.old'), stale), undefined, 'another model version');
    const bytes = new TextEncoder().encode(shardTextOf(corrupt, all));
    bytes[bytes.length - 20] = 0xff;
    assert.equal(shardText(bytes), undefined, 'invalid UTF-8');
    assert.equal(check('not json\n', 0), undefined, 'no header');
  });

  it('refuses a shard of the old format, an empty one and JSON of another shape, whatever follows the header', () => {
    const check = bothWays;
    const n = used[0];
    const sound = shardTextOf(n, all);
    assert.ok(check(sound, n) !== undefined, 'the same shard as written is taken');
    assert.equal(check(sound.replace(/^\{"format":\d+,/, '{"format":1,'), n), undefined, 'format 1 (the single-file cache before shards)');
    assert.equal(check(sound.replace(/^\{"format":\d+,/, '{"format":2,'), n), undefined, 'format 2 (a JSON object per file)');
    assert.equal(check(sound.replace(/^\{"format":\d+,/, `{"format":${FORMAT + 1},`), n), undefined, 'a format from a later version');
    assert.equal(check('', n), undefined, 'an empty file');
    for (const header of ['[]', '{}', 'null', '7', '"x"', `{"format":${FORMAT},"version":"${VERSION}","shard":${n}}`, `{"format":${FORMAT},"version":"${VERSION}","shard":${n},"count":-1}`, `{"format":${FORMAT},"version":"${VERSION}","shard":${n},"count":1.5}`]) {
      assert.equal(check(`${header}\n${sound.slice(sound.indexOf('\n') + 1)}`, n), undefined, header);
    }
    // A header that is sound over a table or lines that are not: each refused, the whole shard with it.
    const key = all.find((f) => shardOf(f.key) === n)?.key ?? '';
    const head = headerLine(n, VERSION, 1);
    const table = JSON.stringify([key]);
    assert.ok(check(`${head}${table}\n[0,1,2]\n`, n) !== undefined, 'a sound line of a file that is not an analysis is taken');
    for (const tableLine of ['', '{}', 'null', '[1]', `[${JSON.stringify(key)},null]`, `${table.slice(0, -1)}`]) {
      assert.equal(check(`${head}${tableLine}\n[0,1,2]\n`, n), undefined, `table ${tableLine}`);
    }
    for (const line of ['[]', '{}', 'null', '[0,1]', '[0,"1",2]', '[0,1,2,{}]', '[1,1,2]', '[-1,1,2]', '[0.5,1,2]', '[0,-1,2]', '[0,1.5,2]', '[0,1,null]', '[0,1,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]']) {
      assert.equal(check(`${head}${table}\n${line}\n`, n), undefined, line);
    }
    assert.equal(check(`${head}${table}\n`, n), undefined, 'fewer lines than the header says');
  });

  it('refuses a shard larger than the bound before decoding it', () => {
    assert.equal(shardText(new Uint8Array(MAX_SHARD_BYTES + 1)), undefined);
  });

  /**
   * Every shard of a reader, taken as IndexCache.load takes them: `wait` ms after the first take
   * (the worker meanwhile claims from the last down). Each take decoded: a worker's rows decoded,
   * the host's bytes checked here as the host checks them (shardText, then checkedShardBody).
   */
  async function takeAll(reader: ShardReader, wait: number): Promise<Map<number, { by: 'worker' | 'host'; files: File[] | undefined }>> {
    const taken = new Map<number, { by: 'worker' | 'host'; files: File[] | undefined }>();
    try {
      for (let take = await reader.next(), first = true; take; take = await reader.next(), first = false) {
        if (first && wait) await new Promise((r) => setTimeout(r, wait));
        assert.ok(!taken.has(take.n), `shard ${take.n} taken twice`);
        const by = 'worker' in take && take.worker ? 'worker' : 'host';
        if ('shard' in take) taken.set(take.n, { by, files: parsedBody(take.shard) });
        else if ('bytes' in take) {
          const text = shardText(take.bytes);
          const body = text === undefined ? undefined : checkedShard(text, take.n, VERSION, isIndexEntry);
          taken.set(take.n, { by, files: body === undefined ? undefined : parsedBody(pooled(body)) });
        } else taken.set(take.n, { by, files: undefined });
      }
    } finally {
      reader.dispose();
    }
    return taken;
  }

  /** A cache folder of every used shard, with bad ones at both ends (where the host and the worker start). */
  function cacheFolder(dir: string): { paths: string[]; bad: Set<number> } {
    const paths = Array.from({ length: SHARDS }, (_, n) => path.join(dir, `${n}.ndjson`));
    for (const n of used) writeFileSync(paths[n], shardTextOf(n, all));
    const [first, second] = used.filter((n) => all.filter((f) => shardOf(f.key) === n).length >= 2);
    const [last, beforeLast] = used.filter((n) => all.filter((f) => shardOf(f.key) === n).length >= 2).reverse();
    writeFileSync(paths[first], shardTextOf(first, all).split('\n').slice(0, -2).join('\n') + '\n');
    writeFileSync(paths[second], withBadVerdict(shardTextOf(second, all)));
    writeFileSync(paths[last], shardTextOf(last, all, '0.old'));
    const corruptBytes = new TextEncoder().encode(shardTextOf(beforeLast, all));
    corruptBytes[corruptBytes.length - 20] = 0xff;
    writeFileSync(paths[beforeLast], corruptBytes);
    return { paths, bad: new Set([first, second, last, beforeLast]) };
  }

  /** Every shard taken once; sound ones give their files exactly, bad and missing ones nothing. */
  function assertTaken(taken: Map<number, { files: File[] | undefined }>, bad: Set<number>): void {
    assert.deepEqual([...taken.keys()].sort((a, b) => a - b), Array.from({ length: SHARDS }, (_, n) => n), 'every shard taken once');
    for (let n = 0; n < SHARDS; n++) {
      const got = taken.get(n)?.files;
      if (!used.includes(n) || bad.has(n)) assert.equal(got, undefined, `shard ${n} refused`);
      else assert.deepEqual(got?.map((f) => [f.key, f.size, f.mtime, f.entry]), all.filter((f) => shardOf(f.key) === n).map((f) => [f.key, f.size, f.mtime, f.entry && JSON.parse(JSON.stringify(f.entry)) as IndexEntry]), `shard ${n}`);
    }
  }

  it('shares the shards between the host and the worker: each taken once, sound ones whole, bad and missing ones refused on either side', async function () {
    this.timeout(20_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'pa-cache-worker-'));
    try {
      const { paths, bad } = cacheFolder(dir);
      // The first take comes at once (the host claims the first shards before the worker has booted),
      // the rest after the worker has had time to claim and check the others from the last down.
      const taken = await takeAll(checkShardsOffThread(paths, VERSION), 1500);
      assertTaken(taken, bad);
      const by = (n: number): string | undefined => taken.get(n)?.by;
      assert.equal(by(0), 'host', 'the first shard is the host\'s');
      assert.equal(by(SHARDS - 1), 'worker', 'the last shard is the worker\'s');
      // The host took a prefix, the worker the rest: they met once.
      const hosts = [...taken].filter(([, t]) => t.by === 'host').map(([n]) => n);
      assert.deepEqual(hosts, Array.from({ length: hosts.length }, (_, n) => n), `the host's shards: ${hosts.join(', ')}`);
      assert.ok([...bad].some((n) => by(n) === 'host'), 'a bad shard refused by the host\'s own check');
      assert.ok([...bad].some((n) => by(n) === 'worker'), 'a bad shard refused by the worker');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the host every shard when taken as fast as they come (the same files as the worker would)', async function () {
    this.timeout(20_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'pa-cache-worker-'));
    try {
      const { paths, bad } = cacheFolder(dir);
      assertTaken(await takeAll(checkShardsOffThread(paths, VERSION), 0), bad);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the host reads and checks every shard itself when the worker cannot run, or those it claimed when it stops without answering', async function () {
    this.timeout(20_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'pa-cache-worker-'));
    try {
      const { paths, bad } = cacheFolder(dir);
      const none = await takeAll(checkShardsOffThread(paths, VERSION, path.join(dir, 'no-such-worker.js')), 300);
      assertTaken(none, bad);
      assert.ok([...none.values()].every((t) => t.by === 'host'), 'no worker, every shard the host\'s');
      // A worker that claims every shard it can and exits without a word.
      const quitter = path.join(dir, 'quitter.js');
      writeFileSync(quitter, "const { parentPort } = require('node:worker_threads');\nparentPort.on('message', (m) => { if (m.claims) { const c = new Int32Array(m.claims); for (let n = c.length - 1; n >= 0; n--) Atomics.compareExchange(c, n, 0, 2); process.exit(0); } });\n");
      const orphans = await takeAll(checkShardsOffThread(paths, VERSION, quitter), 500);
      assertTaken(orphans, bad);
      assert.ok([...orphans.values()].every((t) => t.by === 'host'), 'what the worker claimed and left, the host took');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
