/**
 * The bench's results: one row per figure (measured, reference, ratio with its spread across
 * rounds, target, verdict), printed as a table and written as JSON to test-results/bench.json with
 * the machine, the commit and the corpus it ran on, so every figure can be traced to a run and a
 * script (scripts/bench-readme.mjs) can make the README's table from it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CorpusStats } from './benchInputs';
import { spreadOf, type Spread } from './timing';

/**
 * PASS: the whole spread (every round) is inside the target. BORDERLINE: the median is, some
 * rounds are not. MISS: the median is outside. INFO: context, no target. SKIP: not measured.
 */
export type Status = 'PASS' | 'BORDERLINE' | 'MISS' | 'SKIP' | 'INFO';

/** Judges a figure whose target is "≤ limit" by its spread across rounds, not by its median alone. */
export function judge(spread: Spread, limit: number): Status {
  if (spread.n === 0 || !Number.isFinite(spread.median)) return 'MISS';
  if (spread.max <= limit) return 'PASS';
  return spread.median <= limit ? 'BORDERLINE' : 'MISS';
}

export interface FigureRow {
  readonly id: string;
  readonly figure: string;
  /** Human-readable measured value, e.g. "41.2 ms". */
  readonly measured: string;
  /** Human-readable reference value, or "—". */
  readonly reference: string;
  /** measured / reference, when the target is a ratio (the median of the per-round ratios). */
  readonly ratio?: number;
  /** Spread across rounds of what the target judges: the ratio when it is a ratio, else the measured value. */
  readonly spread?: Spread;
  /** Unit of `spread` when it is not a ratio ("ms", "bytes"). */
  readonly spreadUnit?: string;
  readonly target: string;
  readonly status: Status;
  /** Raw numbers for the JSON (medians, samples, units). */
  readonly data?: Readonly<Record<string, unknown>>;
  /** Why a row was skipped or what it means. */
  readonly note?: string;
}

export interface HostileTiming {
  readonly name: string;
  readonly entryPoint: string;
  readonly inputSize: string;
  readonly ms: number;
  readonly outcome: string;
}

export interface Machine {
  readonly hostname: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average at the start and the end of the run: a loaded machine makes noisy figures. */
  readonly loadAtStart: number;
  loadAtEnd?: number;
}

export interface Commit {
  readonly hash: string;
  readonly subject: string;
  /** True when the working tree had uncommitted changes to tracked files: the figures are not of `hash` alone. */
  readonly dirty: boolean;
}

export interface BenchResults {
  readonly startedAt: string;
  finishedAt?: string;
  readonly machine: Machine;
  readonly commit: Commit;
  /** How the run was made: `quick` runs are smoke runs with few rounds, not results to publish. */
  readonly run: { readonly quick: boolean; readonly rounds: number; readonly groups: readonly string[] };
  /** The generated analyses the figures ran on, by name ("4 KB", "100 KB", "1 MB"). */
  readonly corpus: Record<string, CorpusStats>;
  readonly figures: FigureRow[];
  readonly hostile: HostileTiming[];
}

function git(repo: string, args: readonly string[]): string {
  try {
    return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function currentCommit(repo: string): Commit {
  return {
    hash: git(repo, ['rev-parse', 'HEAD']) || 'unknown',
    subject: git(repo, ['log', '-1', '--format=%s']),
    dirty: git(repo, ['status', '--porcelain', '--untracked-files=no']) !== '',
  };
}

export function newResults(repo: string, run: BenchResults['run']): BenchResults {
  const cpus = os.cpus();
  return {
    startedAt: new Date().toISOString(),
    machine: {
      hostname: os.hostname(),
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAtStart: os.loadavg()[0],
    },
    commit: currentCommit(repo),
    run,
    corpus: {},
    figures: [],
    hostile: [],
  };
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  if (value >= 1) return `${value.toFixed(2)} ms`;
  return `${(value * 1000).toFixed(1)} µs`;
}

export function bytes(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 2 ** 20) return `${(value / 2 ** 20).toFixed(2)} MB`;
  if (Math.abs(value) >= 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${value} B`;
}

export function ratioText(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio) ? '—' : `${fixedRatio(ratio)}×`;
}

/** Two decimals, three below 0.1 (a figure of 0.004× is not 0.00×). */
function fixedRatio(n: number): string {
  return n < 0.1 ? n.toFixed(3) : n.toFixed(2);
}

/** "0.91× (0.85–1.02)": the median and the range across rounds. */
export function spreadText(row: Pick<FigureRow, 'ratio' | 'spread' | 'spreadUnit'>): string {
  const s = row.spread;
  if (row.spreadUnit) {
    if (!s || s.n === 0) return '—';
    const f = row.spreadUnit === 'bytes' ? bytes : ms;
    return s.n > 1 ? `${f(s.min)}–${f(s.max)}` : '—';
  }
  if (row.ratio === undefined || !Number.isFinite(row.ratio)) return '—';
  return s && s.n > 1 ? `${ratioText(row.ratio)} (${fixedRatio(s.min)}–${fixedRatio(s.max)})` : ratioText(row.ratio);
}

/**
 * A row whose target is "subject ≤ limit × reference", judged by the spread of `ratios` (the
 * per-round ratios of a timed pair; one ratio subject / reference when there are none).
 * `limit: Infinity` makes an information row.
 */
export function ratioRow(
  base: Omit<FigureRow, 'status' | 'ratio' | 'measured' | 'reference' | 'spread'> & { readonly limit: number; readonly format?: (n: number) => string },
  subject: number,
  reference: number,
  ratios: readonly number[] = [subject / reference],
): FigureRow {
  const format = base.format ?? ms;
  const spread = spreadOf(ratios);
  const rest: Omit<FigureRow, 'status' | 'ratio' | 'measured' | 'reference'> = { id: base.id, figure: base.figure, target: base.target, ...(base.data && { data: base.data }), ...(base.note && { note: base.note }) };
  const status: Status = base.limit === Infinity ? 'INFO' : judge(spread, base.limit);
  return { ...rest, measured: format(subject), reference: format(reference), ratio: spread.median, spread, status };
}

function pad(text: string, width: number): string {
  const len = [...text].length;
  return len >= width ? text : text + ' '.repeat(width - len);
}

/** A plain-text table (fits a terminal and a markdown code block). */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => pad(c, widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

export function formatFigures(rows: readonly FigureRow[]): string {
  return formatTable(
    ['figure', 'measured', 'reference', 'ratio (min–max)', 'target', 'result'],
    rows.map((r) => [r.figure, r.measured, r.reference, spreadText(r), r.target, r.status]),
  );
}

export function formatHostile(rows: readonly HostileTiming[]): string {
  return formatTable(
    ['hostile input', 'entry point', 'size', 'time', 'outcome'],
    rows.map((r) => [r.name, r.entryPoint, r.inputSize, ms(r.ms), r.outcome]),
  );
}

export function writeResults(results: BenchResults, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
}
