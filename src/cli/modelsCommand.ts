/**
 * `pattern-analyst models`: lists the bundled model and the workspace models the CLI would use
 * here (or those named by --models), and validates them: each one `ok`, or its problems as
 * `file:line:col: error: message` lines. Exit 1 when any model is not usable.
 */
import { formatModelProblem } from '../model/modelSet';
import { EXIT_FINDINGS, EXIT_OK, printable, printableJson, type CliIo } from './cliIo';
import { ModelResolver } from './modelDiscovery';

export interface ModelsOptions {
  readonly models: readonly string[];
  readonly format: 'text' | 'json';
}

interface Row {
  readonly id: string;
  readonly name: string;
  readonly origin: string;
  readonly status: string;
}

const STATUS_TEXT: Record<string, string> = {
  ok: 'ok',
  invalid: 'invalid',
  'duplicate-id': 'refused: duplicate id',
  'same-as-loaded': 'skipped: identical to a model already loaded',
  unreadable: 'unreadable',
};

export async function modelsCommand(opts: ModelsOptions, io: CliIo): Promise<number> {
  const resolved = await new ModelResolver(io.cwd, opts.models).forFolder(io.cwd);
  const { set, problems } = resolved;
  const rows: Row[] = [];
  const bundled = set.catalog.entries.find((e) => e.bundled);
  if (bundled) rows.push({ id: bundled.index.model.id, name: bundled.index.model.name, origin: 'bundled', status: 'ok' });
  for (const f of set.files) {
    rows.push({ id: f.model?.id ?? '-', name: f.model?.name ?? '-', origin: f.origin, status: f.status });
  }
  const loadedOrigins = new Set(set.files.map((f) => f.origin));
  for (const p of problems) {
    if (!loadedOrigins.has(p.origin)) {
      loadedOrigins.add(p.origin);
      rows.push({ id: '-', name: '-', origin: p.origin, status: 'unreadable' });
    }
  }
  const failed = problems.length > 0;

  if (opts.format === 'json') {
    io.out(printableJson({
      models: rows.map((r) => ({
        ...r,
        problems: problems.filter((p) => p.origin === r.origin).map((p) => ({
          line: p.range.start.line + 1, column: p.range.start.character + 1, path: p.path, message: p.message,
        })),
      })),
      ...(resolved.root !== undefined && { root: resolved.root }),
    }));
  } else {
    const cells = rows.map((r) => [r.id, r.name, r.origin, statusText(r, problems.filter((p) => p.origin === r.origin).length)].map(printable));
    const header = ['ID', 'NAME', 'ORIGIN', 'STATUS'];
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    const line = (c: string[]): string => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]))).join('  ');
    io.out(line(header));
    for (const c of cells) io.out(line(c));
    for (const p of problems) io.out(printable(formatModelProblem(p)));
  }
  io.err(`${rows.length} pattern model${rows.length === 1 ? '' : 's'} (${rows.filter((r) => r.status === 'ok').length} in use)${failed ? `, ${problems.length} problem${problems.length === 1 ? '' : 's'}` : ''}.`);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}

function statusText(row: Row, problemCount: number): string {
  const base = STATUS_TEXT[row.status] ?? row.status;
  return row.status === 'invalid' ? `${base} (${problemCount} problem${problemCount === 1 ? '' : 's'})` : base;
}
