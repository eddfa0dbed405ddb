/**
 * The portfolio's contract: what the workspace index keeps about one analysis, and the views the
 * portfolio surfaces (editor webview, "Analyses" tree, CLI `portfolio`) compute from a list of
 * entries — the matrix, trends, peer coverage and cross-analysis conflicts.
 *
 * Pure data: no vscode, no file system, no texts or syntax trees. An entry is a few hundred bytes
 * to a few KB, so 10,000 of them fit in well under 50 MB, and it is plain JSON (a cache can store
 * it as it is). Positions are 0-based lines and UTF-16 columns, like the rest of the core.
 */
import type { Analysis, Severity, StatedValue, TextRange, VerdictStatus } from '../analysis/types';
import type { PatternCatalog } from '../model/patternCatalog';
import type { PatternIndex } from '../model/patternIndex';
import type { Benchmark, MetricUnit } from '../model/types';

// ---------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------

/** How long a period is. `FY2026` is a `year` with `fiscal: true`. */
export type PeriodKind = 'day' | 'month' | 'quarter' | 'half' | 'year';

/**
 * A period an analyst wrote, read into something comparable. `start` and `end` are UTC day
 * numbers (days since 1970-01-01; `end` inclusive), so any two periods order by `end` then
 * `start`, and "as of Q3 2026" means `end <= asOf.end`.
 *
 * Fiscal periods (`FY2026`, `Q3 FY2026`) are placed on the calendar year of the same number:
 * the text never says when a company's fiscal year starts, so the index does not guess it; the
 * `fiscal` flag keeps the label honest ("Q3 FY2026", not "Q3 2026").
 */
export interface Period {
  readonly kind: PeriodKind;
  readonly fiscal: boolean;
  readonly year: number;
  /** Quarter 1–4, half 1–2, month 1–12, or the day of the year for `day`; absent for `year`. */
  readonly part?: number;
  /** First day, as a UTC day number. */
  readonly start: number;
  /** Last day (inclusive), as a UTC day number. */
  readonly end: number;
  /** A canonical label: "Q3 2026", "Q3 FY2026", "H1 2026", "FY2026", "2026", "Sep 2026", "2026-09-30". */
  readonly label: string;
}

/** A period as written, and what it was read as; `period` is absent when the text was not understood. */
export interface ParsedPeriod {
  /** Exactly as the front matter (or text) wrote it, trimmed. */
  readonly written: string;
  /** Absent when unreadable: such an entry is listed as written and never placed by guesswork. */
  readonly period?: Period;
}

// ---------------------------------------------------------------------------------------------
// The index entry of one analysis
// ---------------------------------------------------------------------------------------------

/** A stated value without its text range: what the scorecard shows and conflicts compare. */
export type ValueSummary = Pick<StatedValue, 'kind' | 'low' | 'high' | 'qualifier' | 'currency' | 'text'>;

/**
 * One metric as the analysis states it: the SAME value the preview's scorecard row shows (the
 * scorecard's headline choice, `headlineClaim` in src/analysis/headline.ts), with its verdict.
 */
export interface IndexedMetric {
  readonly metricId: string;
  /** The value as written ("72%", "$2.10"), its numbers and unit. */
  readonly value: ValueSummary;
  readonly verdict: VerdictStatus;
  /** The verdict in words, as hover, badge and diagnostic say it. */
  readonly verdictMessage: string;
  /** Where the value is written (0-based line). */
  readonly range: TextRange;
  /** The scorecard's Source cell for this value, if the analysis names one. */
  readonly source?: string;
  /** How many times the analysis states a value for this metric. */
  readonly mentions: number;
}

/** Which of the pattern's sections the analysis has. */
export interface IndexedCoverage {
  readonly present: number;
  readonly total: number;
  /** Section ids the analysis lacks. */
  readonly missing: readonly string[];
}

/**
 * What the portfolio keeps about one analysis: a summary, never its text or tree. Built by
 * {@link BuildIndexEntry} from the text with the same core the preview and CLI use.
 */
export interface IndexEntry {
  /** The document's URI (editor) or absolute path (CLI), as the caller gave it: the entry's key. */
  readonly uri: string;
  /** Hash of the text and the model it was read against; equal hashes mean nothing to re-index. */
  readonly version: string;
  /** The `pattern:` value as written in the front matter. */
  readonly patternWritten?: string;
  /** The id of the model the analysis names, when known. */
  readonly patternId?: string;
  /** The front matter's `subject`, as written. */
  readonly subject?: string;
  /** The pattern company the subject names (by name or alias), if any. */
  readonly companyId?: string;
  /** The front matter's `period`, as written and as read. */
  readonly period?: ParsedPeriod;
  readonly author?: string;
  readonly title?: string;
  /** Stated metrics only, in the model's order. */
  readonly metrics: readonly IndexedMetric[];
  /** Absent when the pattern is unknown. */
  readonly coverage?: IndexedCoverage;
  /** Findings of the analysis rules by severity (default levels). */
  readonly findings: Readonly<Record<Severity, number>>;
  /** Front-matter line (0-based) for a hint about an unreadable period; absent when there is no period. */
  readonly periodLine?: number;
}

// ---------------------------------------------------------------------------------------------
// Views over the index
// ---------------------------------------------------------------------------------------------

/** A metric column: the model's metric with its benchmark (absent where the source states none). */
export interface MatrixColumn {
  readonly metricId: string;
  readonly name: string;
  readonly benchmarkText: string;
  readonly benchmark?: Benchmark;
  readonly unit: MetricUnit;
}

/** Where a value is written: the entry's uri and the value's range (clicks open it there). */
export interface ValueLocation {
  readonly uri: string;
  readonly range: TextRange;
}

/** One cell: the latest stated value of a metric for a subject (as of the matrix's period). */
export interface MatrixCell {
  readonly metricId: string;
  readonly value: ValueSummary;
  readonly verdict: VerdictStatus;
  readonly verdictMessage: string;
  /** The period the value comes from (its analysis's period); absent when the analysis names none. */
  readonly period?: ParsedPeriod;
  readonly location: ValueLocation;
  readonly source?: string;
}

/** One subject's row; `cells` follows {@link Matrix.columns} (undefined: no analysis states it). */
export interface MatrixRow {
  /** The subject as its latest analysis writes it (the company's canonical name when it is one). */
  readonly subject: string;
  readonly companyId?: string;
  readonly cells: readonly (MatrixCell | undefined)[];
  /** How many analyses of this subject the index holds (any period). */
  readonly analyses: number;
}

export interface Matrix {
  readonly patternId: string;
  readonly patternName: string;
  readonly columns: readonly MatrixColumn[];
  /** Sorted by subject name. */
  readonly rows: readonly MatrixRow[];
  /** The period the matrix is "as of", when one was asked for. */
  readonly asOf?: Period;
  /** Every readable period among the pattern's analyses, oldest first (the period selector's choices). */
  readonly periods: readonly Period[];
  /** Analyses whose period could not be read: listed as written, placed only when nothing dated exists. */
  readonly unreadablePeriods: readonly { readonly uri: string; readonly subject?: string; readonly written: string }[];
}

/** One point of a subject's series. */
export interface TrendPoint {
  readonly period: Period;
  readonly value: ValueSummary;
  readonly verdict: VerdictStatus;
  readonly location: ValueLocation;
}

export interface TrendSeries {
  readonly subject: string;
  readonly companyId?: string;
  /** Oldest first; one point per period (the latest-built entry wins a tie, see {@link trends}). */
  readonly points: readonly TrendPoint[];
}

/** A metric's small multiples: each subject's values over the periods, with the benchmark. */
export interface MetricTrend {
  readonly column: MatrixColumn;
  readonly series: readonly TrendSeries[];
}

/** The pattern's own companies with and without an analysis, and subjects outside the peer set. */
export interface PeerCoverage {
  readonly covered: readonly { readonly companyId: string; readonly name: string; readonly analyses: number }[];
  /** Companies of the pattern with no analysis yet (each a one-click New Analysis in the editor). */
  readonly missing: readonly { readonly companyId: string; readonly name: string }[];
  /** Subjects analysed under this pattern that are not among its companies. */
  readonly others: readonly string[];
}

/**
 * `conflicting-value` across analyses: the same subject, period and metric stated with different
 * values in two analyses. Reported once per place, each pointing at the other.
 */
export interface CrossConflict {
  readonly rule: 'conflicting-value';
  /** The analysis this report belongs to, and where its value is. */
  readonly uri: string;
  readonly range: TextRange;
  readonly metricId: string;
  /** e.g. "GPU Utilization Rate for CoreWeave in Q3 2026 is 72% here but 74% in coreweave-q3-b.md (line 30)". */
  readonly message: string;
  /** The other statement. */
  readonly other: ValueLocation & { readonly text: string };
}

/** One earlier value of a metric for the same subject (the preview's sparkline, the hover's words). */
export interface HistoryPoint {
  /** The period's label ("Q2 2026"). */
  readonly period: string;
  readonly value: ValueSummary;
  readonly verdict: VerdictStatus;
}

/**
 * Earlier periods of the analysis's own subject, by metric id, oldest first, NOT including the
 * analysis itself: the optional input of the preview's scorecard (a sparkline per metric) and the
 * hover. Built from the index by `scorecardHistory` (src/portfolio/history.ts).
 */
export type ScorecardHistory = Readonly<Record<string, readonly HistoryPoint[]>>;

// ---------------------------------------------------------------------------------------------
// Functions (signatures; implemented in the files named)
// ---------------------------------------------------------------------------------------------

/** src/portfolio/periods.ts `parsePeriod`: undefined for no value at all; `{ written }` alone when unreadable. */
export type ParsePeriod = (written: unknown) => ParsedPeriod | undefined;

/** src/portfolio/indexEntry.ts `buildIndexEntry`: undefined for a markdown file that is not an analysis. */
export type BuildIndexEntry = (uri: string, text: string, catalog: PatternCatalog) => IndexEntry | undefined;

/** src/portfolio/indexEntry.ts `indexEntryOf`: the same, when the caller already holds the Analysis (the editor's cache). */
export type IndexEntryOf = (uri: string, text: string, analysis: Analysis) => IndexEntry | undefined;

/** src/portfolio/matrix.ts `portfolioMatrix`: the analyses of `pattern` only; `asOf` drops later periods. */
export type PortfolioMatrix = (entries: readonly IndexEntry[], pattern: PatternIndex, asOf?: Period) => Matrix;

/** src/portfolio/trends.ts `metricTrends`: one trend per metric of the pattern, in its order. */
export type MetricTrends = (entries: readonly IndexEntry[], pattern: PatternIndex) => MetricTrend[];

/** src/portfolio/peerCoverage.ts `peerCoverage`. */
export type PeerCoverageOf = (entries: readonly IndexEntry[], pattern: PatternIndex) => PeerCoverage;

/**
 * src/portfolio/conflicts.ts `crossAnalysisConflicts`: every cross-analysis conflict, one report
 * per place (so each analysis gets its own diagnostics); `displayName` names the other file in
 * messages (a workspace-relative path).
 */
/** src/portfolio/history.ts `scorecardHistory`: the earlier periods of `current`'s subject, for its scorecard. */
export type ScorecardHistoryOf = (entries: readonly IndexEntry[], current: IndexEntry, pattern: PatternIndex) => ScorecardHistory;

export type CrossAnalysisConflicts = (entries: readonly IndexEntry[], pattern: PatternIndex, displayName?: (uri: string) => string) => CrossConflict[];
