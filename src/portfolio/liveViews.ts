/**
 * The portfolio's views (matrix, coverage, trends) of one pattern as of one period, kept current
 * subject by subject. A saved edit changes one analysis, so one subject: only that subject's row,
 * periods and series are computed again and put in place, and the caller learns which subjects
 * changed (the panel sends only their rows). Recomputing the views of 10,000 analyses for every
 * save held the extension host for ~100 ms or more. Each subject's part is computed by the same
 * functions as the full views (matrixRow, seriesByMetric): the same answer by construction, which
 * test/unit/portfolio/liveViews.test.ts checks against portfolioMatrix, metricTrends and peerCoverage.
 */
import type { PatternIndex } from '../model/patternIndex';
import { matrixRow } from './matrix';
import { coverageOf } from './peerCoverage';
import { comparePeriods, periodKey } from './periods';
import { columnsOf, compareText, newestFirst, subjectKey, subjectName } from './subjects';
import { seriesByMetric } from './trends';
import type { IndexEntry, Matrix, MatrixColumn, MatrixRow, MetricTrend, PeerCoverage, Period, TrendSeries } from './types';

interface SubjectPart {
  readonly companyId?: string;
  /** As its newest analysis names the subject. */
  readonly name: string;
  readonly analyses: number;
  readonly row?: MatrixRow;
  /** One per metric (the model's order). */
  readonly series: readonly (TrendSeries | undefined)[];
  /** The readable periods of its analyses, by key. */
  readonly periods: ReadonlyMap<string, Period>;
  readonly unreadable: Matrix['unreadablePeriods'];
}

export interface LiveViewsUpdate {
  /** Subject keys whose part changed (added, replaced or gone). All of them on the first update. */
  readonly changed: ReadonlySet<string>;
}

/** Items kept in order by subject name as they are replaced one by one (no sort of them all per change). */
class SortedBySubject<T extends { readonly subject: string }> {
  private items: T[] = [];
  private readonly byKey = new Map<string, T>();

  private static order<T extends { readonly subject: string }>(a: T, b: T): number {
    return compareText(a.subject, b.subject);
  }

  set(key: string, item: T | undefined): void {
    const old = this.byKey.get(key);
    if (old === item) return;
    if (old) this.items.splice(this.items.indexOf(old), 1);
    if (!item) {
      this.byKey.delete(key);
      return;
    }
    this.byKey.set(key, item);
    // After every item of the same name: the order a stable sort of first-seen items gives.
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (SortedBySubject.order(this.items[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
  }

  get size(): number {
    return this.items.length;
  }

  list(): T[] {
    return [...this.items];
  }
}

export class LivePortfolioViews {
  private readonly byUri = new Map<string, IndexEntry>();
  private readonly groups = new Map<string, Map<string, IndexEntry>>();
  private readonly parts = new Map<string, SubjectPart>();
  private readonly columns: MatrixColumn[];
  private readonly metricIds: string[];
  private readonly rows = new SortedBySubject<MatrixRow>();
  private readonly series: SortedBySubject<TrendSeries>[];
  /** Each readable period and how many subjects have it. */
  private readonly periodCounts = new Map<string, { readonly period: Period; count: number }>();
  private assembled: { matrix: Matrix; coverage: PeerCoverage; trends: MetricTrend[] } | undefined;

  constructor(readonly pattern: PatternIndex, readonly asOf: Period | undefined) {
    this.columns = columnsOf(pattern);
    this.metricIds = this.columns.map((c) => c.metricId);
    this.series = this.columns.map(() => new SortedBySubject<TrendSeries>());
  }

  /**
   * Brings the views up to `entries` (every indexed analysis; other patterns' are passed over).
   * Entries are immutable: an analysis whose entry is the same object as last time is unchanged,
   * so finding what changed is one pass of map lookups.
   */
  update(entries: readonly IndexEntry[]): LiveViewsUpdate {
    const id = this.pattern.model.id;
    const changed = new Set<string>();
    const move = (uri: string, before: IndexEntry | undefined, after: IndexEntry | undefined): void => {
      if (before) {
        const k = subjectKey(before);
        changed.add(k);
        const g = this.groups.get(k);
        g?.delete(uri);
        if (g?.size === 0) this.groups.delete(k);
        this.byUri.delete(uri);
      }
      if (after) {
        const k = subjectKey(after);
        changed.add(k);
        let g = this.groups.get(k);
        if (!g) this.groups.set(k, (g = new Map()));
        g.set(uri, after);
        this.byUri.set(uri, after);
      }
    };
    let count = 0;
    for (const e of entries) {
      if (e.patternId !== id) continue;
      count++;
      const before = this.byUri.get(e.uri);
      if (before !== e) move(e.uri, before, e);
    }
    // Every current entry is in byUri now; more there means some are gone.
    if (count !== this.byUri.size) {
      const current = new Set<string>();
      for (const e of entries) if (e.patternId === id) current.add(e.uri);
      for (const [uri, before] of [...this.byUri]) if (!current.has(uri)) move(uri, before, undefined);
    }
    for (const k of changed) {
      const g = this.groups.get(k);
      this.setPart(k, g ? this.keepingSeries(this.parts.get(k), this.partOf(newestFirst([...g.values()]))) : undefined);
    }
    if (changed.size) this.assembled = undefined;
    return { changed };
  }

  private partOf(sorted: readonly IndexEntry[]): SubjectPart {
    const row = matrixRow(sorted, this.columns, this.pattern, this.asOf);
    const name = subjectName(sorted[0], this.pattern);
    const companyId = sorted[0].companyId;
    const periods = new Map<string, Period>();
    const unreadable: Matrix['unreadablePeriods'][number][] = [];
    for (const e of sorted) {
      if (e.period?.period) periods.set(periodKey(e.period), e.period.period);
      else if (e.period) unreadable.push({ uri: e.uri, written: e.period.written, ...(e.subject && { subject: e.subject }) });
    }
    return {
      ...(companyId && { companyId }),
      name,
      analyses: sorted.length,
      ...(row && { row }),
      series: seriesByMetric(sorted, this.metricIds).map((points) => (points.length ? { subject: name, ...(companyId && { companyId }), points } : undefined)),
      periods,
      unreadable,
    };
  }

  /**
   * The new part, with the old part's series objects wherever a metric's series is unchanged: an
   * edit of one value changes one metric's series, and a view can tell the others are the same
   * (the panel redraws only the charts whose series changed).
   */
  private keepingSeries(old: SubjectPart | undefined, part: SubjectPart): SubjectPart {
    if (!old) return part;
    const same = (a: TrendSeries | undefined, b: TrendSeries | undefined): boolean => a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
    return { ...part, series: part.series.map((s, i) => (same(old.series[i], s) ? old.series[i] : s)) };
  }

  private setPart(key: string, part: SubjectPart | undefined): void {
    const old = this.parts.get(key);
    for (const [k] of old?.periods ?? []) {
      const c = this.periodCounts.get(k);
      if (c && --c.count === 0) this.periodCounts.delete(k);
    }
    for (const [k, period] of part?.periods ?? []) {
      const c = this.periodCounts.get(k);
      if (c) c.count++;
      else this.periodCounts.set(k, { period, count: 1 });
    }
    if (part) this.parts.set(key, part);
    else this.parts.delete(key);
    this.rows.set(key, part?.row);
    this.series.forEach((list, i) => list.set(key, part?.series[i]));
  }

  /** The matrix row of a subject key; undefined when it has none. */
  row(key: string): MatrixRow | undefined {
    return this.parts.get(key)?.row;
  }

  /** Subject keys with a matrix row. */
  rowKeys(): string[] {
    return [...this.parts].filter(([, p]) => p.row).map(([k]) => k);
  }

  /** The whole views, as portfolioMatrix, peerCoverage and metricTrends give them for the same entries. */
  views(): { readonly matrix: Matrix; readonly coverage: PeerCoverage; readonly trends: readonly MetricTrend[] } {
    if (this.assembled) return this.assembled;
    const matrix: Matrix = {
      patternId: this.pattern.model.id,
      patternName: this.pattern.model.name,
      columns: this.columns,
      rows: this.rows.list(),
      ...(this.asOf && { asOf: this.asOf }),
      periods: [...this.periodCounts.values()].map((c) => c.period).sort(comparePeriods),
      unreadablePeriods: [...this.parts.values()].flatMap((p) => p.unreadable).sort((a, b) => compareText(a.uri, b.uri)),
    };
    const trends = this.columns.map((column, i) => ({ column, series: this.series[i].list() }));
    this.assembled = { matrix, coverage: coverageOf(this.parts.values(), this.pattern), trends };
    return this.assembled;
  }
}
