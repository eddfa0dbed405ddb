/**
 * `--rule <rule>=<level>`: the CLI's way to set a rule's check level, the twin of the editor's
 * `patternAnalyst.checks.*` settings. The levels, defaults and how they apply live in the core
 * (analysis/checkLevels); this only reads the option and says what is wrong with it.
 */
import { CHECK_LEVELS, configurableRules, isCheckLevel, type CheckLevel } from '../analysis/checkLevels';
import type { RuleId } from '../analysis/types';

/** Parses `--rule benchmark-miss=off` (level in any case). Throws an Error with a message for the user on bad input. */
export function parseRuleOption(value: string): [RuleId, CheckLevel] {
  const m = /^\s*([a-z-]+)\s*=\s*([a-z]+)\s*$/i.exec(value);
  const rules: readonly string[] = configurableRules();
  if (!m) throw new Error(`--rule expects <rule>=<level>, e.g. benchmark-miss=off; got "${value}"`);
  const [, rule, level] = m;
  if (rule === 'front-matter') throw new Error('--rule front-matter cannot be changed: broken front matter is always reported, as in the editor');
  if (!rules.includes(rule)) throw new Error(`--rule: unknown rule "${rule}"; rules: ${rules.join(', ')}`);
  const lower = level.toLowerCase();
  if (!isCheckLevel(lower)) throw new Error(`--rule ${rule}: unknown level "${level}"; levels: ${CHECK_LEVELS.join(', ')}`);
  return [rule as RuleId, lower];
}
