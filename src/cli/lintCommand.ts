/**
 * `pattern-analyst lint`: the editor's diagnostics for files on disk. The same core reads each
 * file (`analyzeText` with the same models), the same levels apply, and each finding prints as
 * `file:line:col: severity: message [rule]` (1-based, problem-matcher friendly) or as JSON.
 */
import * as path from 'node:path';
import { version } from '../../package.json';
import { analyzeText } from '../analysis/analyze';
import { applyLevels, severityRank, type CheckLevel } from '../analysis/checkLevels';
import { effectiveLevels, isIgnored } from '../analysis/teamConfig';
import type { Finding, RuleId, Severity, SuppressedFinding } from '../analysis/types';
import { formatModelProblem } from '../model/modelSet';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, printable, printableJson, type CliIo } from './cliIo';
import { displayPath } from './displayPath';
import { expandInputs } from './inputFiles';
import { ModelResolver } from './modelDiscovery';
import { readText } from './readText';
import { ConfigResolver } from './configDiscovery';
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
  // A team config's "models" (relative to its folder) stand in for --models when none are given.
  const configResolvers = new Map<string, ModelResolver>();
  const configs = new ConfigResolver(io.cwd);
  const reportedConfigs = new Set<string>();
  const reportedModelSets = new Set<string>();
  let modelErrors = 0;
  let configErrors = 0;
  const reports: FileReport[] = [];

  for (const abs of files) {
    const file = displayPath(io.cwd, abs);
    const found = await configs.forFile(abs);
    if (found.file && !reportedConfigs.has(found.file)) {
      reportedConfigs.add(found.file);
      const shown = displayPath(io.cwd, found.file);
      for (const p of found.problems) io.err(printable(`${shown}:${p.line + 1}:${p.character + 1}: error: ${p.message} [config]`));
      configErrors += found.problems.length;
    }
    if (found.dir && isIgnored(found.config, path.relative(found.dir, abs).split(path.sep).join('/'))) continue;
    const read = await readText(abs, 'a markdown analysis');
    if ('error' in read) {
      ioErrors.push(`${file}: ${read.error}`);
      continue;
    }
    let modelResolver = resolver;
    if (opts.models.length === 0 && found.file && found.dir && found.config.models.length > 0) {
      modelResolver = configResolvers.get(found.file) ?? new ModelResolver(found.dir, found.config.models);
      configResolvers.set(found.file, modelResolver);
    }
    const models = await modelResolver.forFile(abs);
    if (!reportedModelSets.has(models.key)) {
      reportedModelSets.add(models.key);
      for (const p of models.problems) io.err(printable(`${formatModelProblem(p)} [pattern-model]`));
      modelErrors += models.problems.length;
    }
    const inlineSuppressions = found.config.inlineSuppressions !== false;
    // Defaults, then the team's file, then --rule: the command line has the last word. Rules
    // turned off are not run at all (the findings shown are the same).
    const levels = effectiveLevels({}, found.config, opts.rules);
    const analysis = analyzeText(read.text, models.set.catalog, { inlineSuppressions, levels });
    const findings = analysis.isAnalysis ? byPosition(applyLevels(analysis.findings, levels)) : [];
    const suppressed = analysis.isAnalysis ? applyLevels(analysis.suppressed ?? [], levels) as SuppressedFinding[] : [];
    reports.push({ file, analysis: analysis.isAnalysis, pattern: analysis.pattern?.model.id ?? null, findings, suppressed });
  }

  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) for (const f of r.findings) counts[f.severity]++;
  const threshold = opts.maxSeverity === 'none' ? Infinity : severityRank(opts.maxSeverity);
  const failing = reports.some((r) => r.findings.some((f) => severityRank(f.severity) >= threshold));

  const runErrors = [...ioErrors, ...(modelErrors > 0 ? [`${modelErrors} pattern model problem${modelErrors === 1 ? '' : 's'}`] : []), ...(configErrors > 0 ? [`${configErrors} config file problem${configErrors === 1 ? '' : 's'}`] : [])];
  if (opts.format === 'sarif') {
    io.out(printableJson(sarifLog(reports.map((r) => ({ file: r.file.split(path.sep).join('/'), findings: r.findings, suppressed: r.suppressed })), version, runErrors)));
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
      errors: runErrors,
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

  if (ioErrors.length > 0 || modelErrors > 0 || configErrors > 0) return EXIT_ERROR;
  return failing ? EXIT_FINDINGS : EXIT_OK;
}

function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

/** Findings in reading order, as a problem matcher and a reader expect them. */
function byPosition(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
