/**
 * The command line, parsed into one typed command, or a {@link CliError} that says what is wrong
 * (unknown option, missing value, an option another command takes). Uses node's own parseArgs.
 */
import { parseArgs } from 'node:util';
import type { RuleId, Severity } from '../analysis/types';
import { SEVERITIES, type CheckLevel } from '../analysis/checkLevels';
import { parseRuleOption } from './ruleOption';
import { CliError } from './cliIo';

export type Command =
  | { readonly kind: 'help'; readonly topic?: CommandName }
  | { readonly kind: 'version' }
  | {
    readonly kind: 'lint';
    readonly inputs: readonly string[];
    readonly format: 'text' | 'json' | 'sarif';
    readonly maxSeverity: Severity | 'none';
    readonly rules: Readonly<Partial<Record<RuleId, CheckLevel>>>;
    readonly models: readonly string[];
  }
  | {
    readonly kind: 'render';
    readonly file: string;
    readonly output?: string;
    readonly force: boolean;
    readonly models: readonly string[];
    /** html (default) or pdf: the same page printed by a Chromium-family browser (src/pdf). */
    readonly format: 'html' | 'pdf';
    readonly pageSize: 'a4' | 'letter';
    /** The browser to print with (--browser); else the usual install places are searched. */
    readonly browser?: string;
  }
  | { readonly kind: 'models'; readonly models: readonly string[]; readonly format: 'text' | 'json' }
  | {
    readonly kind: 'portfolio';
    readonly inputs: readonly string[];
    readonly format: PortfolioFormat;
    readonly output?: string;
    readonly force: boolean;
    /** The period as written; read by the command (so its message can list the understood forms). */
    readonly asOf?: string;
    readonly models: readonly string[];
    /** Paper and browser for --format pdf, as render's. */
    readonly pageSize: 'a4' | 'letter';
    readonly browser?: string;
  };

export type PortfolioFormat = 'text' | 'json' | 'csv' | 'html' | 'pdf';

export type CommandName = 'lint' | 'render' | 'models' | 'portfolio';
const COMMANDS: readonly CommandName[] = ['lint', 'render', 'models', 'portfolio'];

const OPTIONS = {
  format: { type: 'string' },
  'max-severity': { type: 'string' },
  rule: { type: 'string', multiple: true },
  models: { type: 'string', multiple: true },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  'page-size': { type: 'string' },
  browser: { type: 'string' },
  'as-of': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

/** Which options each command takes (besides --help). */
const ALLOWED: Readonly<Record<CommandName, readonly string[]>> = {
  lint: ['format', 'max-severity', 'rule', 'models'],
  render: ['output', 'force', 'models', 'format', 'page-size', 'browser'],
  models: ['models', 'format'],
  portfolio: ['format', 'output', 'force', 'as-of', 'models', 'page-size', 'browser'],
};

export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${argumentError(e)} (see pattern-analyst --help)`);
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  if (name !== undefined && !(COMMANDS as readonly string[]).includes(name)) {
    throw new CliError(`unknown command "${name}"; commands: ${COMMANDS.join(', ')} (see pattern-analyst --help)`);
  }
  const command = name as CommandName | undefined;
  if (values.help) return { kind: 'help', ...(command && { topic: command }) };
  if (values.version) return { kind: 'version' };
  if (!command) throw new CliError(`no command given; commands: ${COMMANDS.join(', ')} (see pattern-analyst --help)`);

  for (const key of Object.keys(values)) {
    if (key !== 'help' && !ALLOWED[command].includes(key)) {
      throw new CliError(`${command} does not take --${key} (see pattern-analyst ${command} --help)`);
    }
  }
  const models = values.models ?? [];

  switch (command) {
    case 'lint': {
      if (rest.length === 0) throw new CliError('lint needs at least one file, folder or glob, e.g. pattern-analyst lint "analyses/**/*.md"');
      const rules: Partial<Record<RuleId, CheckLevel>> = {};
      for (const r of values.rule ?? []) {
        try {
          const [rule, level] = parseRuleOption(r);
          rules[rule] = level;
        } catch (e) {
          throw new CliError((e as Error).message);
        }
      }
      return { kind: 'lint', inputs: rest, format: values.format === 'sarif' ? 'sarif' : parseFormat(values.format), maxSeverity: parseMaxSeverity(values['max-severity']), rules, models };
    }
    case 'render': {
      if (rest.length !== 1) throw new CliError(`render takes exactly one file${rest.length > 1 ? `, got ${rest.length}` : ''}, e.g. pattern-analyst render analysis.md -o analysis.html`);
      if (values.output !== undefined && values.output.trim() === '') throw new CliError('-o needs a file name');
      const renderFormat = parseRenderFormat(values.format);
      checkPdfOptions(renderFormat === 'pdf', values);
      return {
        kind: 'render', file: rest[0], ...(values.output !== undefined && { output: values.output }), force: values.force === true, models,
        format: renderFormat, pageSize: parsePageSize(values['page-size']), ...(values.browser !== undefined && { browser: values.browser }),
      };
    }
    case 'portfolio': {
      if (rest.length === 0) throw new CliError('portfolio needs at least one file, folder or glob, e.g. pattern-analyst portfolio analyses/');
      if (values.output !== undefined && values.output.trim() === '') throw new CliError('-o needs a file name');
      if (values['as-of'] !== undefined && values['as-of'].trim() === '') throw new CliError('--as-of needs a period, e.g. --as-of "Q3 2026"');
      const portfolioFormat = parsePortfolioFormat(values.format);
      checkPdfOptions(portfolioFormat === 'pdf', values);
      return {
        kind: 'portfolio', inputs: rest, format: portfolioFormat, force: values.force === true, models,
        pageSize: parsePageSize(values['page-size']), ...(values.browser !== undefined && { browser: values.browser }),
        ...(values.output !== undefined && { output: values.output }),
        ...(values['as-of'] !== undefined && { asOf: values['as-of'] }),
      };
    }
    case 'models': {
      if (rest.length > 0) throw new CliError(`models takes no files (got "${rest[0]}"); use --models <file|folder> to name model files`);
      return { kind: 'models', models, format: parseFormat(values.format) };
    }
  }
}

/** The PDF options of render and portfolio: -o required for a PDF, --page-size and --browser for a PDF only. */
function checkPdfOptions(pdf: boolean, values: { readonly output?: string; readonly 'page-size'?: string; readonly browser?: string }): void {
  // A PDF is binary: it goes to a file, never to a terminal.
  if (pdf && values.output === undefined) throw new CliError('--format pdf needs -o <file.pdf>');
  if (!pdf && (values['page-size'] !== undefined || values.browser !== undefined)) {
    throw new CliError(`--${values.browser !== undefined ? 'browser' : 'page-size'} applies to --format pdf only`);
  }
  if (values.browser !== undefined && values.browser.trim() === '') throw new CliError('--browser needs the path of Chrome, Edge or Chromium');
}

function parseFormat(value: string | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new CliError(`--format must be text or json${value === 'sarif' ? ' for this command (sarif is for lint)' : ''}, not "${value}"`);
}

function parseRenderFormat(value: string | undefined): 'html' | 'pdf' {
  if (value === undefined || value === 'html' || value === 'pdf') return value ?? 'html';
  throw new CliError(`render --format must be html or pdf, not "${value}"`);
}

function parsePageSize(value: string | undefined): 'a4' | 'letter' {
  const v = (value ?? 'a4').toLowerCase();
  if (v === 'a4' || v === 'letter') return v;
  throw new CliError(`--page-size must be a4 or letter, not "${value}"`);
}

function parsePortfolioFormat(value: string | undefined): PortfolioFormat {
  if (value === undefined) return 'text';
  if (value === 'text' || value === 'json' || value === 'csv' || value === 'html' || value === 'pdf') return value;
  throw new CliError(`--format must be text, json, csv, html or pdf, not "${value}"`);
}

function parseMaxSeverity(value: string | undefined): Severity | 'none' {
  if (value === undefined) return 'warning';
  const v = value.toLowerCase();
  if (v === 'none' || (SEVERITIES as readonly string[]).includes(v)) return v as Severity | 'none';
  throw new CliError(`--max-severity must be one of ${[...SEVERITIES, 'none'].join(', ')}, not "${value}"`);
}

/** parseArgs' errors, said shortly: "unknown option --foo", "--format needs a value". */
function argumentError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(err.message ?? '')?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': return `unknown option ${option ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      if (!option) return 'an option has a wrong value';
      if (/does not take/.test(err.message ?? '')) return `${option} takes no value`;
      return /argument missing/.test(err.message ?? '') ? `${option} needs a value` : `${option} has a wrong value`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': return 'unexpected argument';
    default: return err.message?.split('\n')[0] ?? 'bad arguments';
  }
}
