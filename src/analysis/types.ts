/**
 * The contract between the analysis core and everything that shows its results (diagnostics,
 * hovers, tree coverage, preview badges, the CLI). Positions are 0-based lines and UTF-16
 * columns, like the editor's, so adapters in `src/features/` only copy numbers.
 */
import type { PatternIndex } from '../model/patternIndex';

export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

export interface TextRange {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Rule ids: stable, shown in messages as `[rule]`, used as setting names. */
export type RuleId = 'benchmark-miss' | 'impossible-value' | 'missing-section' | 'unknown-pattern' | 'near-miss-name' | 'conflicting-value' | 'front-matter' | 'unused-suppression' | 'unsourced-value' | 'period-mismatch';

/** One text edit; a fix is a list of them applied as one undoable edit. */
export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix the editor should offer first. */
  readonly preferred?: boolean;
}

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly range: TextRange;
  readonly fixes: readonly Fix[];
  /** Other places in the same document the finding is about (e.g. the conflicting statement), for related information. */
  readonly related?: readonly { readonly range: TextRange; readonly message: string }[];
}

/** Why a finding is not shown: the inline suppression comment that acknowledges it. */
export interface Acknowledgement {
  /** What the comment says after ` -- `. */
  readonly reason?: string;
  /** The comment, `<!--` to `-->`. */
  readonly range: TextRange;
}

/** A finding an inline suppression hides, with the comment that does. */
export interface SuppressedFinding extends Finding {
  readonly acknowledged: Acknowledgement;
}

/** A number as written in an analysis, with its range if it was a range ("70–75%"). */
export interface StatedValue {
  readonly kind: 'percent' | 'currency' | 'number' | 'multiple';
  /** Lower end (or the value). Percentages are in percent: "72%" and "0.72" (for a percent metric) are both 72. */
  readonly low: number;
  /** Upper end; equals `low` for a single value. */
  readonly high: number;
  /** "~", "about", "over", "under", "at least", "up to"... normalised. */
  readonly qualifier?: 'approx' | 'over' | 'under' | 'at-least' | 'at-most';
  readonly currency?: string;
  /** The text as written, e.g. "~72 %". */
  readonly text: string;
}

export type VerdictStatus = 'meets' | 'misses' | 'borderline' | 'no-benchmark' | 'impossible' | 'wrong-unit';

/** The one verdict of a value against a metric's benchmark: hover, diagnostics, badges and CLI all show this. */
export interface Verdict {
  readonly status: VerdictStatus;
  /** e.g. "72% — below the >80% target for profitability". */
  readonly message: string;
}

/** A value the analysis states for a metric. */
export interface MetricClaim {
  readonly metricId: string;
  /** Where the metric is named. */
  readonly nameRange: TextRange;
  /** Where the value is written. */
  readonly valueRange: TextRange;
  readonly value: StatedValue;
  readonly verdict: Verdict;
  /** How it was found. */
  readonly context: 'table' | 'label' | 'sentence';
  /** The Source cell of a scorecard row, when the table has one. */
  readonly source?: string;
  /** Set when the value's finding (a miss, an impossible value) is acknowledged by an inline suppression: the verdict stays true. */
  readonly acknowledged?: Acknowledgement;
}

export interface FrontMatter {
  /** Lines of the block, including the `---` fences. */
  readonly range: TextRange;
  readonly data: Readonly<Record<string, unknown>>;
  /** The `pattern:` value as written, and where. */
  readonly pattern?: { readonly value: string; readonly range: TextRange };
  readonly subject?: string;
  readonly period?: string;
  readonly author?: string;
  readonly title?: string;
}

export interface Heading {
  readonly level: number;
  readonly text: string;
  readonly line: number;
  readonly range: TextRange;
  /** The model section this heading is, if any. */
  readonly sectionId?: string;
}

export interface SectionCoverage {
  readonly sectionId: string;
  readonly present: boolean;
  /** Line of the heading, when present. */
  readonly line?: number;
}

export interface MetricCoverage {
  readonly metricId: string;
  /** Claims found for this metric (empty when the analysis states no value). */
  readonly claims: readonly MetricClaim[];
}

export interface Analysis {
  /** True when the front matter names a pattern (known or not): only analyses get diagnostics. */
  readonly isAnalysis: boolean;
  readonly frontMatter?: FrontMatter;
  /** The model the analysis names, when it is known. */
  readonly pattern?: PatternIndex;
  readonly headings: readonly Heading[];
  readonly claims: readonly MetricClaim[];
  readonly sections: readonly SectionCoverage[];
  readonly metrics: readonly MetricCoverage[];
  /** The findings to show (inline suppressions already applied). */
  readonly findings: readonly Finding[];
  /** Findings an inline suppression hides (SARIF reports them as suppressed); absent when there are none. */
  readonly suppressed?: readonly SuppressedFinding[];
}
