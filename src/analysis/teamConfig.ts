/**
 * The team's config file, `.pattern-analyst.jsonc` (JSON with comments), read the same way by the
 * editor and the CLI so both report the same findings for the same files:
 *
 *     { "rules": { "benchmark-miss": "error", "missing-section": "off",
 *                  "near-miss-name": { "level": "information" } },
 *       "models": ["patterns"], "ignore": ["drafts/**"], "inlineSuppressions": true }
 *
 * Precedence, lowest first: the built-in defaults, a person's `patternAnalyst.checks.*` settings
 * (editor only), this file, and `--rule` on the command line (CLI only). The nearest file above
 * an analysis wins (no merging of several files, as markdownlint-cli2 does).
 *
 * A broken file never stops the checks: each problem is reported at its line and column, and
 * whatever part of the file is valid still applies (a broken file's text gives no config at all
 * when it is not an object). Pure: the edges find and read the file; this only parses and applies.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import { configurableRules, isCheckLevel, type CheckLevel } from './checkLevels';
import type { RuleId } from './types';

import { MAX_CONFIG_BYTES } from './teamConfigName';
import { lineOf, lineStartsOf } from './textLines';

export { CONFIG_FILE_NAME, MAX_CONFIG_BYTES } from './teamConfigName';

export interface TeamConfig {
  /** Levels the file sets (rules it does not name keep the lower layers' levels). */
  readonly rules: Readonly<Partial<Record<RuleId, CheckLevel>>>;
  /** Each rule's options, as written (for rules that take options). */
  readonly ruleOptions: Readonly<Partial<Record<RuleId, Readonly<Record<string, unknown>>>>>;
  /** Model files or folders, relative to the config's folder. */
  readonly models: readonly string[];
  /** Globs, relative to the config's folder, of files not to check. */
  readonly ignore: readonly string[];
  readonly inlineSuppressions?: boolean;
}

export interface ConfigProblem {
  /** 0-based, like the core's positions. */
  readonly line: number;
  readonly character: number;
  readonly message: string;
}

export interface ParsedConfig {
  readonly config: TeamConfig;
  readonly problems: readonly ConfigProblem[];
}

export const EMPTY_CONFIG: TeamConfig = { rules: {}, ruleOptions: {}, models: [], ignore: [] };

const KEYS = ['rules', 'models', 'ignore', 'inlineSuppressions', '$schema'];

/** Reads the file's text. Never throws. */
export function parseTeamConfig(text: string): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const at = offsets(text);
  const say = (offset: number, message: string): void => {
    problems.push({ ...at(offset), message });
  };
  if (text.length > MAX_CONFIG_BYTES) {
    say(0, `The config file is larger than ${MAX_CONFIG_BYTES / 1024} KB; it is ignored.`);
    return { config: EMPTY_CONFIG, problems };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) say(e.offset, `Not valid JSON with comments: ${printParseErrorCode(e.error)}.`);
  if (!root || root.type !== 'object') {
    if (root || errors.length === 0) say(root?.offset ?? 0, 'The config must be an object, e.g. { "rules": { "benchmark-miss": "error" } }.');
    return { config: EMPTY_CONFIG, problems };
  }
  const rules: Partial<Record<RuleId, CheckLevel>> = {};
  const ruleOptions: Partial<Record<RuleId, Record<string, unknown>>> = {};
  let models: string[] = [];
  let ignore: string[] = [];
  let inlineSuppressions: boolean | undefined;
  const known = new Set<string>(configurableRules());
  for (const prop of root.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    switch (key) {
      case 'rules':
        if (value.type !== 'object') {
          say(value.offset, '"rules" must be an object of rule names and levels.');
          break;
        }
        for (const rp of value.children ?? []) {
          const [rk, rv] = rp.children ?? [];
          if (!rk || !rv) continue;
          const rule = String(rk.value);
          if (!known.has(rule)) {
            say(rk.offset, `Unknown rule "${rule}"; rules: ${[...known].join(', ')}.`);
            continue;
          }
          const level = readLevel(rv, rule, say);
          if (level) rules[rule as RuleId] = level.level;
          if (level?.options) ruleOptions[rule as RuleId] = level.options;
        }
        break;
      case 'models':
      case 'ignore': {
        const list = stringList(value, key, say);
        if (key === 'models') models = list;
        else ignore = list;
        break;
      }
      case 'inlineSuppressions':
        if (value.type === 'boolean') inlineSuppressions = value.value as boolean;
        else say(value.offset, '"inlineSuppressions" must be true or false.');
        break;
      case '$schema':
        break;
      default:
        say(keyNode.offset, `Unknown setting "${key}"; the config takes ${KEYS.slice(0, 4).join(', ')}.`);
    }
  }
  return { config: { rules, ruleOptions, models, ignore, ...(inlineSuppressions !== undefined && { inlineSuppressions }) }, problems };
}

function readLevel(node: Node, rule: string, say: (offset: number, message: string) => void): { level: CheckLevel; options?: Record<string, unknown> } | undefined {
  if (node.type === 'string') {
    if (isCheckLevel(node.value)) return { level: node.value };
    say(node.offset, `"${String(node.value)}" is not a level for ${rule}; levels: off, error, warning, information, hint.`);
    return undefined;
  }
  if (node.type === 'object') {
    let level: CheckLevel | undefined;
    // Without a prototype: an option named "__proto__" is just a name.
    const options: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const p of node.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || !v) continue;
      if (k.value === 'level') {
        if (isCheckLevel(v.value)) level = v.value;
        else say(v.offset, `"level" of ${rule} must be off, error, warning, information or hint.`);
      } else {
        options[String(k.value)] = plain(v);
      }
    }
    if (!level) {
      say(node.offset, `${rule} needs a "level" (off, error, warning, information, hint).`);
      return undefined;
    }
    return Object.keys(options).length ? { level, options } : { level };
  }
  say(node.offset, `${rule} must be a level ("warning") or an object with a "level".`);
  return undefined;
}

function stringList(node: Node, key: string, say: (offset: number, message: string) => void): string[] {
  if (node.type !== 'array') {
    say(node.offset, `"${key}" must be a list of strings.`);
    return [];
  }
  const out: string[] = [];
  for (const item of node.children ?? []) {
    if (item.type === 'string' && String(item.value).trim() !== '') out.push(String(item.value));
    else say(item.offset, `Each entry of "${key}" must be a non-empty string.`);
  }
  return out;
}

/** A node's value as plain data (no prototype tricks: objects are built without a prototype). */
function plain(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) o[String(k.value)] = plain(v);
      }
      return o;
    }
    case 'array':
      return (node.children ?? []).map(plain);
    default:
      return node.value;
  }
}

/** Offset → 0-based line and column (one pass to index the line starts). */
function offsets(text: string): (offset: number) => { line: number; character: number } {
  const starts = lineStartsOf(text);
  return (offset) => {
    const line = lineOf(starts, offset);
    return { line, character: offset - starts[line] };
  };
}

/**
 * The levels that apply under a config: `base` (defaults, or a person's settings), the file's
 * rules over them, and `overrides` (the CLI's --rule) over both.
 */
export function effectiveLevels(base: Readonly<Partial<Record<RuleId, CheckLevel>>>, config: TeamConfig, overrides: Readonly<Partial<Record<RuleId, CheckLevel>>> = {}): Partial<Record<RuleId, CheckLevel>> {
  return { ...base, ...config.rules, ...overrides };
}

/** True when `relativePath` (from the config's folder, `/`-separated) matches one of the config's ignore globs. */
export function isIgnored(config: TeamConfig, relativePath: string): boolean {
  if (config.ignore.length === 0 || relativePath.startsWith('../')) return false;
  let match = matchers.get(config);
  if (!match) matchers.set(config, (match = picomatch([...config.ignore], { dot: true })));
  return match(relativePath);
}

const matchers = new WeakMap<TeamConfig, (path: string) => boolean>();
