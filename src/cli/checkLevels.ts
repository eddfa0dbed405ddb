/**
 * The CLI's equivalent of the `patternAnalyst.checks.*` settings: each rule's level (or `off`),
 * with the same defaults as package.json declares (a unit test keeps the two in step), applied
 * to the core's findings the way the editor applies the settings.
 */
import type { Finding, RuleId, Severity } from '../analysis/types';

export type CheckLevel = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export const CHECK_LEVELS: readonly CheckLevel[] = ['off', ...SEVERITIES];

/** Rules a setting controls, with the setting's name. `front-matter` has none: it is always shown. */
export const RULE_SETTINGS: Readonly<Record<Exclude<RuleId, 'front-matter'>, string>> = {
  'benchmark-miss': 'patternAnalyst.checks.benchmarkMiss',
  'impossible-value': 'patternAnalyst.checks.impossibleValue',
  'missing-section': 'patternAnalyst.checks.missingSection',
  'unknown-pattern': 'patternAnalyst.checks.unknownPattern',
  'near-miss-name': 'patternAnalyst.checks.nearMissName',
  'conflicting-value': 'patternAnalyst.checks.conflictingValue',
};

/** The settings' defaults; broken front matter is a warning, as in the editor. */
export const DEFAULT_LEVELS: Readonly<Record<RuleId, CheckLevel>> = {
  'benchmark-miss': 'warning',
  'impossible-value': 'warning',
  'missing-section': 'information',
  'unknown-pattern': 'error',
  'near-miss-name': 'hint',
  'conflicting-value': 'warning',
  'front-matter': 'warning',
};

/** Rank of a severity: higher is worse. */
export function severityRank(s: Severity): number {
  return 4 - SEVERITIES.indexOf(s);
}

/** Parses `--rule benchmark-miss=off`. Throws an Error with a message for the user on bad input. */
export function parseRuleOption(value: string): [RuleId, CheckLevel] {
  const m = /^\s*([a-z-]+)\s*=\s*([a-z]+)\s*$/i.exec(value);
  const rules = Object.keys(RULE_SETTINGS);
  if (!m) throw new Error(`--rule expects <rule>=<level>, e.g. benchmark-miss=off; got "${value}"`);
  const [, rule, level] = m;
  if (rule === 'front-matter') throw new Error('--rule front-matter cannot be changed: broken front matter is always reported, as in the editor');
  if (!rules.includes(rule)) throw new Error(`--rule: unknown rule "${rule}"; rules: ${rules.join(', ')}`);
  if (!(CHECK_LEVELS as readonly string[]).includes(level.toLowerCase())) throw new Error(`--rule ${rule}: unknown level "${level}"; levels: ${CHECK_LEVELS.join(', ')}`);
  return [rule as RuleId, level.toLowerCase() as CheckLevel];
}

/** The findings as the editor shows them under these levels: severity set by the rule's level, `off` rules dropped. */
export function applyLevels(findings: readonly Finding[], levels: Readonly<Partial<Record<RuleId, CheckLevel>>>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const level = levels[f.rule] ?? DEFAULT_LEVELS[f.rule] ?? f.severity;
    if (level === 'off') continue;
    out.push(level === f.severity ? f : { ...f, severity: level });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
