/**
 * `pattern-analyst portfolio`: the editor's portfolio for files on disk. Each file is read by the
 * same core (`buildIndexEntry`, the scorecard's values), then the matrix, peer coverage, trends
 * and cross-analysis conflicts print as a text table, JSON, CSV, a self-contained HTML page, or
 * that page printed to a PDF (as `render --format pdf`). Like `render`, never replaces a file
 * without --force, and never one of the analyses.
 * Exit codes: 0 clean, 1 conflicting values found, 2 usage or read errors / no analysis at all.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatModelProblem } from '../model/modelSet';
import type { PatternIndex } from '../model/patternIndex';
import { portfolioCsv, portfolioJson, portfolioText } from '../portfolio/formats';
import { buildIndexEntry } from '../portfolio/indexEntry';
import { readPeriod, UNDERSTOOD_PERIOD_FORMS } from '../portfolio/periods';
import { portfolioReport, type PortfolioReport } from '../portfolio/report';
import type { IndexEntry } from '../portfolio/types';
import { portfolioRunningHeader, renderPortfolioBody } from '../render/portfolioPage';
import { renderExportPage } from '../render/exportPage';
import { printStylesheet } from '../render/printStyle';
import type { PortfolioFormat } from './args';
import { CliError, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, printable, printableJson, type CliIo } from './cliIo';
import { displayPath } from './displayPath';
import { expandInputs } from './inputFiles';
import { ModelResolver } from './modelDiscovery';
import { describeFsError, readText } from './readText';
import { readStylesheet, writeNew } from './renderCommand';
import { printPageForCli } from './renderPdf';

export interface PortfolioOptions {
  readonly inputs: readonly string[];
  readonly format: PortfolioFormat;
  readonly output?: string;
  readonly force: boolean;
  readonly asOf?: string;
  readonly models: readonly string[];
  readonly pageSize?: 'a4' | 'letter';
  readonly browser?: string;
}

export async function portfolioCommand(opts: PortfolioOptions, io: CliIo): Promise<number> {
  const asOf = opts.asOf === undefined ? undefined : readPeriod(opts.asOf);
  if (opts.asOf !== undefined && !asOf) throw new CliError(`--as-of "${opts.asOf}" is not a period; write one of: ${UNDERSTOOD_PERIOD_FORMS.join(', ')}`);

  const { files, errors } = await expandInputs(opts.inputs, io.cwd);
  const target = opts.output === undefined ? undefined : path.resolve(io.cwd, opts.output);
  if (target !== undefined) {
    if (files.includes(target)) throw new CliError(`-o ${opts.output}: that is one of the analyses; choose another file`);
    const exists = await fs.stat(target).then(() => true, () => false);
    if (!opts.force && exists) throw new CliError(`${opts.output} already exists; pass --force to replace it`);
    if (opts.format === 'pdf') {
      // As render's PDF: never written through a link (it would change the file it points to).
      const link = await fs.lstat(target).catch(() => undefined);
      if (link?.isSymbolicLink()) throw new CliError(`-o ${opts.output}: is a symbolic link; the PDF is never written through a link (it would change the file it points to): choose another file`);
      if (link && !link.isFile()) throw new CliError(`-o ${opts.output}: is not a regular file; choose another file`);
    }
  }

  const ioErrors = [...errors];
  const resolver = new ModelResolver(io.cwd, opts.models);
  const reported = new Set<string>();
  let modelErrors = 0;
  const entries: IndexEntry[] = [];
  const patterns = new Map<string, PatternIndex>();
  for (const abs of files) {
    const read = await readText(abs, 'a markdown analysis');
    if ('error' in read) {
      ioErrors.push(`${displayPath(io.cwd, abs)}: ${read.error}`);
      continue;
    }
    const models = await resolver.forFile(abs);
    if (!reported.has(models.key)) {
      reported.add(models.key);
      for (const p of models.problems) io.err(printable(`${formatModelProblem(p)} [pattern-model]`));
      modelErrors += models.problems.length;
    }
    const entry = buildIndexEntry(abs, read.text, models.set.catalog);
    if (!entry) continue;
    entries.push(entry);
    if (entry.patternId && !patterns.has(entry.patternId)) {
      const index = models.set.catalog.find(entry.patternId);
      if (index) patterns.set(entry.patternId, index);
    }
  }
  for (const e of ioErrors) io.err(printable(`pattern-analyst: ${e}`));
  if (patterns.size === 0) {
    io.err(`pattern-analyst: no analysis of a known pattern among ${files.length} file${files.length === 1 ? '' : 's'} (an analysis has front matter naming a pattern, e.g. pattern: ai-infrastructure)`);
    return EXIT_ERROR;
  }

  // Every conflict names two files: each file's name is worked out once.
  const names = new Map<string, string>();
  const name = (uri: string): string => {
    let shown = names.get(uri);
    if (shown === undefined) names.set(uri, (shown = displayPath(io.cwd, uri)));
    return shown;
  };
  const reports = [...patterns.values()].map((p) => portfolioReport(entries, p, asOf, name));
  if (opts.format === 'pdf' && target !== undefined) {
    // Printed before anything is written: a failed print leaves no file behind.
    const pdf = await printPageForCli(await htmlPage(reports, name, true), { pageSize: opts.pageSize ?? 'a4', ...(opts.browser !== undefined && { browser: opts.browser }) }, io);
    try {
      await writeNew(target, pdf, opts.force);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new CliError(opts.force ? `${opts.output} appeared while printing; not replaced` : `${opts.output} already exists; pass --force to replace it`);
      throw new CliError(`cannot write ${opts.output}: ${describeFsError(e)}`);
    }
    io.err(printable(`wrote ${displayPath(io.cwd, target)}`));
  } else if (target === undefined) {
    io.out(await format(reports, opts.format, name));
  } else {
    const output = await format(reports, opts.format, name);
    try {
      await fs.writeFile(target, output.endsWith('\n') ? output : `${output}\n`, { encoding: 'utf8', flag: opts.force ? 'w' : 'wx' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(code === 'EEXIST' ? `${opts.output} already exists; pass --force to replace it` : `cannot write ${opts.output}: ${describeFsError(e)}`);
    }
    io.err(printable(`wrote ${displayPath(io.cwd, target)}`));
  }
  const conflicts = reports.reduce((n, r) => n + r.conflicts.length / 2, 0);
  io.err(`${entries.length} analys${entries.length === 1 ? 'is' : 'es'} of ${files.length} file${files.length === 1 ? '' : 's'}; ${conflicts} conflicting value${conflicts === 1 ? '' : 's'}.`);
  if (ioErrors.length > 0 || modelErrors > 0) return EXIT_ERROR;
  return conflicts > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Each line made printable (control characters and bidi overrides from documents shown as escapes), line breaks kept. */
function printableLines(text: string): string {
  return text.split(/(\r?\n)/).map((part, i) => (i % 2 === 1 ? part : printable(part))).join('');
}

async function format(reports: readonly PortfolioReport[], kind: PortfolioFormat, name: (uri: string) => string): Promise<string> {
  switch (kind) {
    case 'text': return reports.map((r) => printableLines(portfolioText(r, name))).join('\n\n');
    case 'json': return printableJson(reports.length === 1 ? portfolioJson(reports[0], name) : { portfolios: reports.map((r) => portfolioJson(r, name)) });
    case 'csv': return reports.map((r) => printableLines(portfolioCsv(r, name))).join('\r\n');
    case 'html': return htmlPage(reports, name, false);
    // A PDF is binary: it goes to a file, never to a terminal (parseCommandLine says so first).
    case 'pdf': throw new CliError('--format pdf needs -o <file.pdf>');
  }
}

/** The self-contained portfolio page; `print` adds the print stylesheet with its running header. */
async function htmlPage(reports: readonly PortfolioReport[], name: (uri: string) => string, print: boolean): Promise<string> {
  let css = await readStylesheet();
  const title = reports.length === 1 ? `Portfolio · ${reports[0].matrix.patternName}` : 'Portfolio';
  if (print) css = `${css}\n${printStylesheet(reports.length === 1 ? portfolioRunningHeader(reports[0]) : 'Portfolio')}`;
  return renderExportPage({ title, bodyHtml: reports.map((r) => renderPortfolioBody(r, { displayName: name })).join(''), css, generator: 'Pattern Analyst' });
}
