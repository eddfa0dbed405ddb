/**
 * Portfolio figures (issue 11), for `npm run bench`:
 * - cold index of 1,000 generated analyses: `pattern-analyst portfolio <folder> --format json`
 *   (a new process: read, analyse, index, report) against markdownlint-cli2 linting the same
 *   files, interleaved, medians; target ≤ 0.3×;
 * - memory of 10,000 index entries: heap growth after a full collection while holding them
 *   (summaries, not texts or trees); target ≤ 50 MB.
 * - in the real extension host (portfolioHostFigures.ts): activation untouched, 10,000 analyses
 *   indexed (heap growth, longest task), warm start after a reload, the webview opened, a saved edit.
 *   PA_BENCH_PORTFOLIO_HOST=0 leaves them out (they need code-server and take minutes).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildIndexEntry } from '../../src/portfolio/indexEntry';
import type { IndexEntry } from '../../src/portfolio/types';
import { generateAnalysis } from '../support/analysisGenerator';
import { bundledCatalog } from './benchInputs';
import { FULL_PORTFOLIO_HOST, portfolioHostFigures, QUICK_PORTFOLIO_HOST, type PortfolioHostOptions } from './portfolioHostFigures';
import { REPO_ROOT } from './optionalModule';
import { bytes, ratioRow, type FigureRow } from './report';
import { collectAllGarbage, interleaved, median } from './timing';

export interface PortfolioBenchOptions {
  /** Analyses in the cold-index corpus (1,000 in a full run). */
  readonly files: number;
  readonly repetitions: number;
  /** Entries held for the memory figure (10,000 in a full run). */
  readonly entries: number;
  /** The real-host figures' workspace and sessions; undefined: not taken. */
  readonly host?: Omit<PortfolioHostOptions, 'log'>;
  readonly log?: (line: string) => void;
}

export const FULL_PORTFOLIO: PortfolioBenchOptions = { files: 1_000, repetitions: 5, entries: 10_000, host: FULL_PORTFOLIO_HOST };
export const QUICK_PORTFOLIO: PortfolioBenchOptions = { files: 50, repetitions: 1, entries: 500, host: QUICK_PORTFOLIO_HOST };

/** Subjects and periods vary across the corpus so the matrix, trends and conflicts have real work. */
function corpusText(i: number): string {
  return generateAnalysis({ seed: 20_000 + i }).text;
}

function wallMs(command: string, args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - t0));
  });
}

export async function portfolioFigures(options: PortfolioBenchOptions = FULL_PORTFOLIO): Promise<FigureRow[]> {
  const rows = [await coldIndexFigure(options), memoryFigure(options)];
  if (options.host && process.env.PA_BENCH_PORTFOLIO_HOST !== '0') {
    const log = options.log ?? ((line: string) => process.stderr.write(`[bench] ${line}\n`));
    try {
      rows.push(...(await portfolioHostFigures({ ...options.host, log })));
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      const missing = /is not installed|Chromium not found/.test(message);
      rows.push({ id: 'portfolio-host', figure: 'portfolio in the real extension host', measured: '—', reference: '—', target: '—', status: missing ? 'SKIP' : 'MISS',
        note: missing ? `${message.split('\n')[0]} (bash scripts/install-code-server.sh)` : `failed: ${(err as Error).stack ?? message}` });
    }
  }
  return rows;
}

async function coldIndexFigure(options: PortfolioBenchOptions): Promise<FigureRow> {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  const target = '≤ 0.30× markdownlint-cli2';
  const figure = `portfolio cold index, ${options.files} analyses`;
  if (!existsSync(cli)) return { id: 'portfolio-cold-index', figure, measured: '—', reference: '—', target, status: 'SKIP', note: 'dist/cli.js is not built' };
  const home = mkdtempSync(path.join(os.tmpdir(), 'pa-bench-portfolio-'));
  try {
    const folder = path.join(home, 'analyses');
    mkdirSync(folder);
    let total = 0;
    for (let i = 0; i < options.files; i++) {
      const text = corpusText(i);
      total += Buffer.byteLength(text);
      writeFileSync(path.join(folder, `analysis-${String(i).padStart(4, '0')}.md`), text);
    }
    const markdownlintCli2 = path.join(REPO_ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    const reference = (): Promise<number> => wallMs(process.execPath, [markdownlintCli2, '**/*.md'], folder);
    const subject = (): Promise<number> => wallMs(process.execPath, [cli, 'portfolio', '.', '--format', 'json'], folder);
    await reference();
    await subject();
    const { ref, sub } = await interleaved(reference, subject, options.repetitions);
    return ratioRow({ id: 'portfolio-cold-index', figure: `${figure} (${bytes(total)})`, target, limit: 0.3, data: { files: options.files, totalBytes: total, subjectMs: sub, referenceMs: ref } },
      median(sub), median(ref), sub.map((s, i) => s / ref[i]));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function memoryFigure(options: PortfolioBenchOptions): FigureRow {
  const catalog = bundledCatalog();
  // Warm up first: the model's name memos and compiled code are not the index's memory.
  for (let i = 0; i < 200; i++) buildIndexEntry('warm-up', corpusText(90_000 + i), catalog);
  // Texts are generated and dropped one at a time; only the entries stay reachable.
  collectAllGarbage();
  collectAllGarbage();
  const before = process.memoryUsage().heapUsed;
  const held: IndexEntry[] = [];
  for (let i = 0; i < options.entries; i++) {
    const entry = buildIndexEntry(`/workspace/analyses/analysis-${i}.md`, corpusText(i), catalog);
    if (entry) held.push(entry);
  }
  collectAllGarbage();
  collectAllGarbage();
  const grown = process.memoryUsage().heapUsed - before;
  const limit = 50 * 1024 * 1024;
  return {
    id: 'portfolio-memory',
    figure: `portfolio index memory, ${held.length} entries`,
    measured: bytes(grown),
    reference: '—',
    target: '≤ 50 MB',
    status: (globalThis as { gc?: unknown }).gc ? (grown <= limit ? 'PASS' : 'MISS') : 'INFO',
    data: { entries: held.length, heapGrowthBytes: grown, perEntryBytes: Math.round(grown / Math.max(1, held.length)) },
    ...(!(globalThis as { gc?: unknown }).gc && { note: 'run node with --expose-gc for a figure after a full collection' }),
  };
}
