/**
 * The bench's results: one row per figure (measured, reference, ratio, target, PASS/MISS), printed
 * as a table and written as JSON to test-results/bench.json, so a reader sees at a glance which
 * targets hold on this machine today and a script can compare runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type Status = 'PASS' | 'MISS' | 'SKIP' | 'INFO';

export interface FigureRow {
  readonly id: string;
  readonly figure: string;
  /** Human-readable measured value, e.g. "41.2 ms". */
  readonly measured: string;
  /** Human-readable reference value, or "—". */
  readonly reference: string;
  /** measured / reference, when the target is a ratio. */
  readonly ratio?: number;
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

export interface BenchResults {
  readonly startedAt: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly memoryGiB: number; readonly node: string; readonly platform: string };
  readonly figures: FigureRow[];
  readonly hostile: HostileTiming[];
}

export function newResults(): BenchResults {
  const cpus = os.cpus();
  return {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
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
  return ratio === undefined || !Number.isFinite(ratio) ? '—' : `${ratio.toFixed(2)}×`;
}

/**
 * A row whose target is "subject ≤ limit × reference". `ratio` defaults to subject / reference;
 * timed pairs pass the median of their per-round ratios instead.
 */
export function ratioRow(
  base: Omit<FigureRow, 'status' | 'ratio' | 'measured' | 'reference'> & { readonly limit: number; readonly format?: (n: number) => string },
  subject: number,
  reference: number,
  ratio = subject / reference,
): FigureRow {
  const format = base.format ?? ms;
  const rest: Omit<FigureRow, 'status' | 'ratio' | 'measured' | 'reference'> = { id: base.id, figure: base.figure, target: base.target, ...(base.data && { data: base.data }), ...(base.note && { note: base.note }) };
  return { ...rest, measured: format(subject), reference: format(reference), ratio, status: ratio <= base.limit ? 'PASS' : 'MISS' };
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
    ['figure', 'measured', 'reference', 'ratio', 'target', 'result'],
    rows.map((r) => [r.figure, r.measured, r.reference, ratioText(r.ratio), r.target, r.status]),
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
