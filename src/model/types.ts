/**
 * The pattern model: one business-model pattern (for example Pattern #17 "AI Infrastructure")
 * as typed data. Everything the source document says is carried verbatim in these fields; text
 * the extension adds lives only under `extensionNote`, so no feature can mix the two up.
 */

/** How a stated value compares with a benchmark threshold. */
export type Comparator = '>' | '>=' | '<' | '<=';

/** A machine-readable benchmark, present only where the source states a threshold. */
export interface Benchmark {
  readonly comparator: Comparator;
  readonly value: number;
  /** e.g. "annual"; the period the threshold applies to, verbatim from the source. */
  readonly period?: string;
  /** The source's reason for the threshold, verbatim (e.g. "target for profitability"). */
  readonly basis?: string;
}

export type UnitKind = 'percent' | 'currency' | 'number' | 'multiple';

/** What a metric is measured in, and the range of values that can exist at all. */
export interface MetricUnit {
  readonly kind: UnitKind;
  /** Human label, e.g. "USD per GPU-hour". */
  readonly label: string;
  /** ISO currency code for `currency` units. */
  readonly currency?: string;
  /** What the currency is per, e.g. "GPU-hour". */
  readonly per?: string;
  readonly period?: string;
  /** Smallest possible value (inclusive); below it a value is impossible. */
  readonly min?: number;
  /** Largest possible value (inclusive); above it a value is impossible. */
  readonly max?: number;
}

/** Text the extension adds (never the source's): how a metric is computed, which way is better. */
export interface ExtensionNote {
  readonly definition?: string;
  readonly direction?: 'higher' | 'lower';
}

/** A name analysts write for an entity. `matchCase` keeps common words ("Together") from matching prose. */
export interface AliasSpec {
  readonly text: string;
  readonly matchCase: boolean;
}

export interface Metric {
  readonly id: string;
  readonly name: string;
  /** The benchmark line exactly as the source states it. */
  readonly benchmarkText: string;
  readonly benchmark?: Benchmark;
  readonly unit: MetricUnit;
  readonly aliases: readonly AliasSpec[];
  readonly extensionNote?: ExtensionNote;
}

export interface Company {
  readonly id: string;
  readonly name: string;
  /** The source's one-line note on the company, verbatim. */
  readonly note: string;
  readonly aliases: readonly AliasSpec[];
}

export type SectionKind = 'prose' | 'metrics' | 'companies' | 'strengthsWeaknesses';

export interface Section {
  readonly id: string;
  readonly kind: SectionKind;
  readonly title: string;
  /** Verbatim paragraphs (prose sections; empty for list sections, whose items live elsewhere). */
  readonly paragraphs: readonly string[];
  readonly aliases: readonly AliasSpec[];
}

export interface SourceInfo {
  readonly publisher?: string;
  readonly author?: string;
  readonly collection?: string;
  readonly document?: string;
  readonly url?: string;
  /** Header lines of the source page, verbatim. */
  readonly headerLines: readonly string[];
  /** The source's closing line, verbatim. */
  readonly closing?: string;
}

export interface PatternModel {
  readonly schemaVersion: 1;
  readonly id: string;
  readonly number?: number;
  readonly symbol?: string;
  readonly name: string;
  readonly title?: string;
  readonly family?: string;
  readonly marketSize?: string;
  readonly tagline?: string;
  readonly aliases: readonly AliasSpec[];
  readonly source: SourceInfo;
  readonly sections: readonly Section[];
  readonly metrics: readonly Metric[];
  readonly companies: readonly Company[];
  readonly strengths: readonly string[];
  readonly weaknesses: readonly string[];
}

/** One problem found while loading a model: where (a JSON path such as `$.metrics[2].name`) and why. */
export interface ModelError {
  readonly path: string;
  readonly message: string;
  /** 0-based offset in the model's text, when known (for squiggles on the file). */
  readonly offset?: number;
}
