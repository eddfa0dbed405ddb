/**
 * What each rule checks, said once: SARIF's rule descriptions and help, the config file's
 * schema and the README's rule list all read this table (a unit test keeps them in step).
 */
import type { RuleId } from './types';

export interface RuleInfo {
  /** One sentence. */
  readonly summary: string;
  /** What to do about a finding (markdown). */
  readonly help: string;
}

export const RULE_INFO: Readonly<Record<RuleId, RuleInfo>> = {
  'benchmark-miss': {
    summary: 'A stated metric value misses the benchmark the pattern gives for that metric.',
    help: 'Check the value and its period. If the miss is the point of the analysis, acknowledge it: `<!-- pattern-analyst-disable-next-line benchmark-miss -- why -->`.',
  },
  'impossible-value': {
    summary: 'A stated value is outside what its unit allows (a utilization over 100%) or in the wrong unit.',
    help: 'Correct the value or its unit; a typo here misleads every reader of the scorecard.',
  },
  'missing-section': {
    summary: 'A section the pattern expects is missing from the analysis.',
    help: 'Add the section (the quick fix inserts its skeleton), or acknowledge a deliberately short note with `<!-- pattern-analyst-disable-file missing-section -- why -->`.',
  },
  'unknown-pattern': {
    summary: 'The front matter\'s `pattern:` names no known pattern model.',
    help: 'Use the id or name of a bundled or workspace pattern model (`pattern-analyst models` lists them).',
  },
  'near-miss-name': {
    summary: 'A metric or company name is close to, but not exactly, its canonical name.',
    help: 'Use the canonical name (the quick fix writes it), so that values are attributed to the right metric.',
  },
  'conflicting-value': {
    summary: 'The same metric, subject and period is stated with different values (in one analysis, or in two).',
    help: 'Reconcile the two statements, or say which is a range, an approximation or a change ("from X to Y"). The finding names the other place.',
  },
  'front-matter': {
    summary: 'The YAML front matter cannot be read.',
    help: 'Fix the YAML: without it, nothing else in the analysis can be checked.',
  },
  'unsourced-value': {
    summary: 'A stated metric value has no source: an empty Source cell, or no link, footnote or citation in its paragraph.',
    help: 'Add the source (a link, a footnote `[^1]`, "Source: …" or a Source column). Off by default; a team turns it on in `.pattern-analyst.jsonc`.',
  },
  'period-mismatch': {
    summary: 'A value is attributed to another period than the analysis\'s own (Q2 figures in a Q3 analysis).',
    help: 'State the analysis\'s period, or say that the figure is a prior period ("up from 65% in Q2"). Off by default; a team turns it on in `.pattern-analyst.jsonc`.',
  },
  'unused-suppression': {
    summary: 'An inline suppression comment hides nothing, or names a rule that does not exist.',
    help: 'Remove the comment, or correct the rule name it gives.',
  },
};
