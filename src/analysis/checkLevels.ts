/**
 * Check levels: how loudly each rule's findings are shown, or `off`. The one place that knows the
 * levels, each rule's setting and default, and how a level applies to the core's findings. The
 * editor reads the levels from the `patternAnalyst.checks.*` settings (features/settings), the CLI
 * from `--rule` (cli/ruleOption); both then call `applyLevels`, so a finding shows the same in both.
 * package.json declares the same settings and defaults; a unit test keeps the two in step.
 */
import type { Finding, RuleId, Severity } from './types';

export type CheckLevel = Severity | 'off';
/** A level for every rule, as the editor and the CLI hold them. */
export type CheckLevels = Readonly<Record<RuleId, CheckLevel>>;

/** Worst first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export const CHECK_LEVELS: readonly CheckLevel[] = ['off', ...SEVERITIES];

/** The section every setting lives in (`patternAnalyst.checks.benchmarkMiss`). */
export const SETTINGS_SECTION = 'patternAnalyst';

/**
 * Rules a setting controls, with the setting's key inside `patternAnalyst`. `front-matter` has
 * none: broken front matter is always shown, since without it nothing else can be checked.
 */
export const RULE_SETTINGS: Readonly<Record<Exclude<RuleId, 'front-matter'>, string>> = {
  'benchmark-miss': 'checks.benchmarkMiss',
  'impossible-value': 'checks.impossibleValue',
  'missing-section': 'checks.missingSection',
  'unknown-pattern': 'checks.unknownPattern',
  'near-miss-name': 'checks.nearMissName',
  'conflicting-value': 'checks.conflictingValue',
  'unused-suppression': 'checks.unusedSuppression',
  'unsourced-value': 'checks.unsourcedValue',
  'period-mismatch': 'checks.periodMismatch',
};

/** The settings' defaults (as package.json declares them); broken front matter is a warning. */
export const DEFAULT_LEVELS: CheckLevels = {
  'benchmark-miss': 'warning',
  'impossible-value': 'warning',
  'missing-section': 'information',
  'unknown-pattern': 'error',
  'near-miss-name': 'hint',
  'conflicting-value': 'warning',
  'unused-suppression': 'hint',
  'unsourced-value': 'off',
  'period-mismatch': 'off',
  'front-matter': 'warning',
};

/** Rules whose level can be changed, in the settings' order. */
export function configurableRules(): Exclude<RuleId, 'front-matter'>[] {
  return Object.keys(RULE_SETTINGS) as Exclude<RuleId, 'front-matter'>[];
}

export function isCheckLevel(value: unknown): value is CheckLevel {
  return typeof value === 'string' && (CHECK_LEVELS as readonly string[]).includes(value);
}

/** Rank of a severity: higher is worse. */
export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

/**
 * Every rule's level from configured values: `read(settingKey)` gives what is configured for a
 * rule's setting (anything); what is not a level falls back to the rule's default.
 * `front-matter` always keeps its default.
 */
export function levelsFrom(read: (settingKey: string) => unknown): CheckLevels {
  const levels: Record<RuleId, CheckLevel> = { ...DEFAULT_LEVELS };
  for (const rule of configurableRules()) {
    const value = read(RULE_SETTINGS[rule]);
    if (isCheckLevel(value)) levels[rule] = value;
  }
  return levels;
}

/** Levels for some rules or all (a rule not named keeps its default), as `applyLevels` takes them. */
export type PartialLevels = Readonly<Partial<Record<RuleId, CheckLevel>>>;

/**
 * The levels to analyse under so that each of `shown` gets every finding it shows: a rule is
 * `off` (its work skipped) only when every one of them leaves it off. The editor's one analysis per
 * document serves both the Problems panel (the person's and the team's levels) and the portfolio
 * (which counts at the default levels), so it runs what either shows and nothing more: the two
 * evidence rules, off by default, were 7–10% of the lint of a short analysis.
 */
export function levelsToRun(...shown: readonly PartialLevels[]): Record<RuleId, CheckLevel> {
  const run = {} as Record<RuleId, CheckLevel>;
  for (const rule of Object.keys(DEFAULT_LEVELS) as RuleId[]) {
    run[rule] = 'off';
    for (const levels of shown) {
      const level = levels[rule] ?? DEFAULT_LEVELS[rule];
      if (level !== 'off') {
        run[rule] = level;
        break;
      }
    }
  }
  return run;
}

/**
 * The findings as the user sees them under these levels, in the same order: each finding's
 * severity is its rule's level (a rule without one keeps its default), `off` rules are dropped.
 */
export function applyLevels(findings: readonly Finding[], levels: PartialLevels): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const level = levels[f.rule] ?? DEFAULT_LEVELS[f.rule] ?? f.severity;
    if (level === 'off') continue;
    out.push(level === f.severity ? f : { ...f, severity: level });
  }
  return out;
}
