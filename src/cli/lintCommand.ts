/**
 * `pattern-analyst lint`: the editor's diagnostics for files on disk. The same core reads each
 * file (`analyzeText` with the same models), the same levels apply, and each finding prints as
 * `file:line:col: severity: message [rule]` (1-based, problem-matcher friendly) or as JSON.
 */
import * as path from 'node:path';
import { version } from '../../package.json';
import { analyzeText } from '../analysis/analyze';
import { applyLevels, severityRank, type CheckLevel } from '../analysis/checkLevels';
import type { Finding, RuleId, Severity, SuppressedFinding } from '../analysis/types';
import { formatModelProblem } from '../model/modelSet';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, printable, printableJson, type CliIo } from './cliIo';
import { displayPath } from './displayPath';
import { expandInputs } from './inputFiles';
import { ModelResolver } from './modelDiscovery';
import { readText } from './readText';
import { sarifLog } from './sarif';

export interface LintOptions {
  readonly inputs: readonly string[];
  readonly format: 'text' | 'json' | 'sarif';
  /** Findings at or above this severity fail the run; `none`: findings never do. */
  readonly maxSeverity: Severity | 'none';
  readonly rules: Readonly<Partial<Record<RuleId, CheckLevel>>>;
  readonly models: readonly string[];
}

interface FileReport {
  readonly file: string;
  readonly analysis: boolean;
  readonly pattern: string | null;
  readonly findings: readonly Finding[];
  /** Findings inline suppressions hide, at their levels (SARIF carries them as suppressed). */
  readonly suppressed: readonly SuppressedFinding[];
}

export async function lintCommand(opts: LintOptions, io: CliIo): Promise<number> {
  const { files, errors } = await expandInputs(opts.inputs, io.cwd);
  const ioErrors = [...errors];
  const resolver = new ModelResolver(io.cwd, opts.models);
  const reportedModelSets = new Set<string>();
  let modelErrors = 0;
  const reports: FileReport[] = [];

  for (const abs of files) {
    const file = displayPath(io.cwd, abs);
    const read = await readText(abs, 'a markdown analysis');
    if ('error' in read) {
      ioErrors.push(`${file}: ${read.error}`);
      continue;
    }
    const models = await resolver.forFile(abs);
    if (!reportedModelSets.has(models.key)) {
      reportedModelSets.add(models.key);
      for (const p of models.problems) io.err(printable(`${formatModelProblem(p)} [pattern-model]`));
      modelErrors += models.problems.length;
    }
    const analysis = analyzeText(read.text, models.set.catalog);
    const findings = analysis.isAnalysis ? byPosition(applyLevels(analysis.findings, opts.rules)) : [];
    const suppressed = analysis.isAnalysis ? applyLevels(analysis.suppressed ?? [], opts.rules) as SuppressedFinding[] : [];
    reports.push({ file, analysis: analysis.isAnalysis, pattern: analysis.pattern?.model.id ?? null, findings, suppressed });
  }

  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) for (const f of r.findings) counts[f.severity]++;
  const threshold = opts.maxSeverity === 'none' ? Infinity : severityRank(opts.maxSeverity);
  const failing = reports.some((r) => r.findings.some((f) => severityRank(f.severity) >= threshold));

  if (opts.format === 'sarif') {
    const errors = [...ioErrors, ...(modelErrors > 0 ? [`${modelErrors} pattern model problem${modelErrors === 1 ? '' : 's'}`] : [])];
    io.out(printableJson(sarifLog(reports.map((r) => ({ file: r.file.split(path.sep).join('/'), findings: r.findings, suppressed: r.suppressed })), version, errors)));
  } else if (opts.format === 'json') {
    io.out(printableJson({
      files: reports.map((r) => ({
        file: r.file, analysis: r.analysis, pattern: r.pattern,
        findings: r.findings.map((f) => ({
          line: f.range.start.line + 1, column: f.range.start.character + 1,
          endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
          severity: f.severity, rule: f.rule, message: f.message,
        })),
      })),
      summary: { files: reports.length, analyses: reports.filter((r) => r.analysis).length, ...counts },
      errors: [...ioErrors, ...(modelErrors > 0 ? [`${modelErrors} pattern model problem${modelErrors === 1 ? '' : 's'}`] : [])],
    }));
  } else {
    for (const r of reports) {
      for (const f of r.findings) {
        io.out(printable(`${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity}: ${f.message} [${f.rule}]`));
      }
    }
  }
  for (const e of ioErrors) io.err(printable(`pattern-analyst: ${e}`));
  const analyses = reports.filter((r) => r.analysis).length;
  io.err(`${plural(reports.length, 'file')} checked (${plural(analyses, 'analysis', 'analyses')}): ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')}.`);

  if (ioErrors.length > 0 || modelErrors > 0) return EXIT_ERROR;
  return failing ? EXIT_FINDINGS : EXIT_OK;
}

function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

/** Findings in reading order, as a problem matcher and a reader expect them. */
function byPosition(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
