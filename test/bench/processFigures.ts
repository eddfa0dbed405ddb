/**
 * Figures measured on whole processes: the production bundle's size, and the CLI linting 1,000
 * analyses against markdownlint-cli2 on the same files (wall time and peak resident memory, the
 * latter from GNU time's "maximum resident set size").
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { generateAnalysis } from '../support/analysisGenerator';
import { REPO_ROOT } from './optionalModule';
import { bytes, ratioRow, type FigureRow } from './report';
import { interleaved, median } from './timing';

export const BUNDLE_LIMIT = 200 * 1024;

/** Size of dist/extension.js, which the caller has just built with `npm run build:prod`. */
export function bundleFigure(): FigureRow {
  const file = path.join(REPO_ROOT, 'dist', 'extension.js');
  if (!existsSync(file)) {
    return { id: 'bundle', figure: 'bundle dist/extension.js (minified)', measured: '—', reference: '—', target: '≤ 200 KB', status: 'SKIP', note: 'run npm run build:prod first' };
  }
  const content = readFileSync(file);
  const production = !content.includes('//# sourceMappingURL');
  const size = statSync(file).size;
  return {
    id: 'bundle',
    figure: 'bundle dist/extension.js (minified)',
    measured: bytes(size),
    reference: `gzip ${bytes(gzipSync(content).length)}`,
    target: '≤ 200 KB',
    status: production && size <= BUNDLE_LIMIT ? 'PASS' : 'MISS',
    data: { bytes: size, gzipBytes: gzipSync(content).length, production },
    ...(production ? {} : { note: 'dist/extension.js is a development build (has a source map): run npm run build:prod' }),
  };
}

interface ProcessSample {
  readonly wallMs: number;
  readonly maxRssKiB: number;
  readonly exitCode: number;
  readonly stdoutBytes: number;
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command under GNU time; wall time from this process's clock, peak RSS from time's report. */
function runMeasured(command: string, args: readonly string[], cwd: string): Promise<ProcessSample> {
  return new Promise((resolve, reject) => {
    const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'pa-time-')), 'time.txt');
    const start = performance.now();
    const child = spawn(GNU_TIME, ['-f', '%M', '-o', report, command, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdoutBytes += d.length));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      const text = existsSync(report) ? readFileSync(report, 'utf8') : '';
      rmSync(path.dirname(report), { recursive: true, force: true });
      const rss = Number(/(\d+)\s*$/.exec(text.trim())?.[1]);
      // 0: clean, 1: findings. Anything else is a crash or a usage error: the figure would be meaningless.
      if (code !== 0 && code !== 1) {
        reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code}: ${stderr}`));
        return;
      }
      resolve({ wallMs, maxRssKiB: rss, exitCode: code ?? -1, stdoutBytes });
    });
  });
}

export interface CliOptions {
  readonly files: number;
  readonly repetitions: number;
}

/** The CLI's lint command line for a folder of analyses (see src/cli). */
export function cliLintArgs(folder: string): string[] {
  return [path.join(REPO_ROOT, 'dist', 'cli.js'), 'lint', folder];
}

export async function cliFigures(options: CliOptions): Promise<FigureRow[]> {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  const skip = (note: string): FigureRow[] => [
    { id: 'cli-lint-time', figure: `CLI lint, ${options.files} analyses`, measured: '—', reference: '—', target: '≤ 0.50× markdownlint-cli2', status: 'SKIP', note },
    { id: 'cli-lint-memory', figure: `CLI lint peak RSS, ${options.files} analyses`, measured: '—', reference: '—', target: '≤ 1.00× markdownlint-cli2', status: 'SKIP', note },
  ];
  if (!existsSync(cli)) return skip('dist/cli.js is not built (src/cli not on this branch yet)');
  if (!existsSync(GNU_TIME)) return skip('GNU time is missing: apt-get install time');
  const home = mkdtempSync(path.join(os.tmpdir(), 'pa-bench-cli-'));
  try {
    const folder = path.join(home, 'analyses');
    mkdirSync(folder);
    let total = 0;
    for (let i = 0; i < options.files; i++) {
      const text = generateAnalysis({ seed: 10_000 + i }).text;
      total += Buffer.byteLength(text);
      writeFileSync(path.join(folder, `analysis-${String(i).padStart(4, '0')}.md`), text);
    }
    const markdownlintCli2 = path.join(REPO_ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    // Both run from the folder, so neither finds a config file of this repository.
    const reference = (): Promise<ProcessSample> => runMeasured(process.execPath, [markdownlintCli2, '**/*.md'], folder);
    const subject = (): Promise<ProcessSample> => runMeasured(process.execPath, cliLintArgs(folder), folder);
    await reference();
    await subject();
    const { ref, sub } = await interleaved(reference, subject, options.repetitions);
    const data = {
      files: options.files,
      totalBytes: total,
      subject: sub,
      reference: ref,
    };
    const timeRow = ratioRow({ id: 'cli-lint-time', figure: `CLI lint, ${options.files} analyses (${bytes(total)})`, target: '≤ 0.50× markdownlint-cli2', limit: 0.5, data },
      median(sub.map((s) => s.wallMs)), median(ref.map((s) => s.wallMs)), sub.map((s, i) => s.wallMs / ref[i].wallMs));
    const memRow = ratioRow({ id: 'cli-lint-memory', figure: `CLI lint peak RSS, ${options.files} analyses`, target: '≤ 1.00× markdownlint-cli2', limit: 1.0, format: (kib) => bytes(kib * 1024), data },
      median(sub.map((s) => s.maxRssKiB)), median(ref.map((s) => s.maxRssKiB)), sub.map((s, i) => s.maxRssKiB / ref[i].maxRssKiB));
    if (sub.every((s) => s.stdoutBytes === 0)) {
      return [timeRow, memRow].map((r) => ({ ...r, note: 'the CLI printed nothing: check that it linted the files' }));
    }
    return [timeRow, memRow];
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
