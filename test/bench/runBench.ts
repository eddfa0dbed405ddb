/**
 * `npm run bench`: every performance figure of the extension from ONE run on this machine, each
 * as a ratio against its reference measured in the same run (medians of interleaved repetitions),
 * plus the time each hostile input takes. Prints a table and writes test-results/bench.json.
 *
 * Options: `--quick` (few rounds, a smoke run; also BENCH_QUICK=1), `--only=<group,...>` with
 * groups core, render, hover, bundle, cli, portfolio, pdf, web, workbench, memory, hostile; `--out=<file>`.
 * BENCH_ROUNDS=<n> sets the number of interleaved rounds of every in-process figure.
 * Never part of `npm test`: it takes minutes (about 12 on 2 idle cores) and its numbers depend on
 * the machine's load. `npm run bench:readme -- --from=test-results/bench.json` publishes a run.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analysisOfBytes, corpusStats, formatCorpus, SIZES } from './benchInputs';
import { FULL_CORE, hoverFigures, lintFigures, renderFigures, type CoreOptions } from './coreFigures';
import { hostileTimings } from './hostileTimings';
import { REPO_ROOT } from './optionalModule';
import { bundleFigure, cliFigures } from './processFigures';
import * as os from 'node:os';
import { formatFigures, formatHostile, newResults, writeResults, type BenchResults, type FigureRow } from './report';
import { heapFigures, workbenchFigures } from './workbenchFigures';
import { FULL_PORTFOLIO, portfolioFigures, QUICK_PORTFOLIO } from './portfolioFigures';
import { pdfFigures } from './pdfFigures';
import { webFigures } from './webFigures';

export const GROUPS = ['core', 'render', 'hover', 'bundle', 'cli', 'portfolio', 'pdf', 'web', 'workbench', 'memory', 'hostile'] as const;
export type Group = (typeof GROUPS)[number];

export interface BenchOptions {
  readonly quick: boolean;
  readonly groups: ReadonlySet<Group>;
  readonly out: string;
  readonly log: (line: string) => void;
}

const QUICK_CORE: CoreOptions = { sizes: SIZES, hoverLines: [200, 2_000], hoversPerSize: 1_000, repetitions: 3, warmup: 1, minSampleMs: 10, slices: 4 };

function coreOptions(quick: boolean): CoreOptions {
  const base = quick ? QUICK_CORE : FULL_CORE;
  const rounds = Number(process.env.BENCH_ROUNDS);
  return Number.isInteger(rounds) && rounds > 0 ? { ...base, repetitions: rounds } : base;
}

function parseArgs(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick') || /^(1|true|yes)$/i.test(process.env.BENCH_QUICK ?? '');
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const groups = new Set<Group>(only ? (only.split(',').filter((g): g is Group => (GROUPS as readonly string[]).includes(g))) : GROUPS);
  const out = argv.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? path.join(REPO_ROOT, 'test-results', 'bench.json');
  return { quick, groups, out, log: (line) => process.stderr.write(`[bench] ${line}\n`) };
}

/** Runs the selected groups in order, logging progress to stderr; returns the results (also written to `out`). */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const core = coreOptions(options.quick);
  const results = newResults(REPO_ROOT, { quick: options.quick, rounds: core.repetitions, groups: [...options.groups] });
  for (const size of SIZES) {
    results.corpus[size.name] = corpusStats(analysisOfBytes(size.bytes));
    options.log(`corpus ${formatCorpus(size.name, results.corpus[size.name])}`);
  }
  const step = async (group: Group, what: string, fn: () => FigureRow[] | Promise<FigureRow[]>): Promise<void> => {
    if (!options.groups.has(group)) return;
    options.log(`${what}...`);
    const t0 = performance.now();
    try {
      results.figures.push(...(await fn()));
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      // A machine without code-server or Chromium cannot take the real-workbench figures: say how to get them.
      const missing = /is not installed|Chromium not found/.test(message);
      results.figures.push({
        id: group, figure: what, measured: '—', reference: '—', target: '—', status: missing ? 'SKIP' : 'MISS',
        note: missing ? `${message.split('\n')[0]} (bash scripts/install-code-server.sh)` : `failed: ${(err as Error).stack ?? message}`,
      });
    }
    options.log(`${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await step('core', 'lint figures', () => lintFigures(core));
  await step('render', 'render figures', () => renderFigures(core));
  await step('hover', 'hover figures', () => hoverFigures(core));
  await step('bundle', 'bundle size', () => [bundleFigure()]);
  await step('cli', 'CLI figures', () => cliFigures({ files: options.quick ? 50 : 1_000, repetitions: options.quick ? 1 : 5 }));
  await step('portfolio', 'portfolio figures', () => portfolioFigures(options.quick ? QUICK_PORTFOLIO : FULL_PORTFOLIO));
  await step('pdf', 'PDF export figure', () => pdfFigures({ bytes: options.quick ? 50_000 : 1_000_000, repetitions: options.quick ? 1 : 3 }));
  await step('web', 'web build figures (bundle size, activation in the web worker host)', () => webFigures({ sessions: options.quick ? 1 : 5, warmupSessions: options.quick ? 0 : 1, log: options.log }));
  await step('workbench', 'real workbench figures (first open, keystroke to preview, continuous typing)', () => workbenchFigures({ sessions: options.quick ? 2 : 6, warmupSessions: options.quick ? 0 : 1, keystrokes: options.quick ? 2 : 4, typingKeys: options.quick ? 30 : 100, log: options.log }));
  await step('memory', 'extension-host heap', () => heapFigures({ sessions: options.quick ? 1 : 2, edits: options.quick ? 60 : 1_000, log: options.log }));
  if (options.groups.has('hostile')) {
    options.log('hostile inputs...');
    results.hostile.push(...hostileTimings({ quick: options.quick }));
  }
  results.finishedAt = new Date().toISOString();
  results.machine.loadAtEnd = os.loadavg()[0];
  writeResults(results, options.out);
  return results;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!(globalThis as { gc?: unknown }).gc) options.log('note: run node with --expose-gc for steadier samples (npm run bench does)');
  const results = await runBench(options);
  const m = results.machine;
  const c = results.commit;
  console.log(`\nPattern Analyst bench — ${results.startedAt} — commit ${c.hash.slice(0, 10)}${c.dirty ? ' (with uncommitted changes)' : ''} — ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, node ${m.node}, load ${m.loadAtStart.toFixed(1)} → ${m.loadAtEnd?.toFixed(1)}${results.run.quick ? ' — QUICK smoke run' : ''}\n`);
  for (const [name, stats] of Object.entries(results.corpus)) console.log(`  corpus ${formatCorpus(name, stats)}`);
  console.log('');
  console.log(formatFigures(results.figures));
  for (const f of results.figures.filter((r) => r.note)) console.log(`  * ${f.figure}: ${f.note}`);
  if (results.hostile.length) {
    console.log('\nHostile inputs (each must stay well under a second):\n');
    console.log(formatHostile(results.hostile));
  }
  const count = (status: string): number => results.figures.filter((r) => r.status === status).length;
  console.log(`\n${count('PASS')} PASS (whole spread inside the target), ${count('BORDERLINE')} BORDERLINE (median inside, some rounds outside), ${count('MISS')} MISS, ${count('SKIP')} SKIP — ${path.relative(process.cwd(), options.out)}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 2;
  });
}
