/**
 * The portfolio's views (matrix, coverage, trends) of one pattern as of one period, kept current
 * subject by subject. A saved edit changes one analysis, so one subject: only that subject's row,
 * periods and series are computed again and put in place, and the caller learns which subjects
 * changed (the panel sends only their rows). Recomputing the views of 10,000 analyses for every
 * save held the extension host for ~100 ms or more. Each subject's part is computed by the same
 * functions as the full views (matrixRow, seriesByMetric): the same answer by construction, which
 * test/unit/portfolio/liveViews.test.ts checks against portfolioMatrix, metricTrends and peerCoverage.
 * A subject's trend series are worked out only when the trends are first asked for after it changed
 * ({@link LivePortfolioViews.placeSeries}): the matrix a user opens the portfolio for needs none of
 * them, and a thousand subjects' series were a third of the host's work before it could be sent.
 */
import type { PatternIndex } from '../model/patternIndex';
import { matrixRow } from './matrix';
import { coverageOf } from './peerCoverage';
import { comparePeriods, periodKey } from './periods';
import { columnsOf, compareText, newestFirst, subjectKey, subjectName } from './subjects';
import { limitTrends, seriesByMetric, type LimitedTrends } from './trends';
import type { IndexEntry, Matrix, MatrixColumn, MatrixRow, MetricTrend, PeerCoverage, Period, TrendSeries } from './types';

interface SubjectPart {
  readonly companyId?: string;
  /** As its newest analysis names the subject. */
  readonly name: string;
  readonly analyses: number;
  readonly row?: MatrixRow;
  /** Its analyses, newest first: what its series are worked out from when they are asked for. */
  readonly sorted: readonly IndexEntry[];
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
  /** The views last assembled (their unchanged parts are taken over by the next assembly). */
  private previous: { matrix: Matrix; coverage: PeerCoverage; trends: MetricTrend[] } | undefined;
  /**
   * What an update touched beyond the rows: the parts of the views that are assembled again. A
   * saved edit of one value touches none of them but its metric's series, so the coverage, the
   * periods and the unreadable periods stay the same objects (a view sees they did not change).
   */
  private dirty = { coverage: true, periods: true, unreadable: true };
  /** The trends as limited for a view ({@link limitedTrends}), and each metric's series replaced since. */
  private limited: { readonly max: number; readonly trends: LimitedTrends } | undefined;
  private readonly seriesEdits: [TrendSeries | undefined, TrendSeries | undefined][][];
  /** Each subject's series as they stand in `series` (one per metric, the model's order). */
  private readonly placed = new Map<string, readonly (TrendSeries | undefined)[]>();
  /** Subjects whose part changed since their series were placed, in the order of their last change. */
  private readonly unplaced = new Set<string>();

  constructor(readonly pattern: PatternIndex, readonly asOf: Period | undefined) {
    this.columns = columnsOf(pattern);
    this.metricIds = this.columns.map((c) => c.metricId);
    this.series = this.columns.map(() => new SortedBySubject<TrendSeries>());
    this.seriesEdits = this.columns.map(() => []);
  }

  /**
   * Brings the views up to `entries` (every indexed analysis; other patterns' are passed over).
   * Entries are immutable: an analysis whose entry is the same object as last time is unchanged,
   * so finding what changed is one pass of map lookups.
   */
  update(entries: readonly IndexEntry[]): LiveViewsUpdate {
    const id = this.pattern.model.id;
    const changed = new Set<string>();
    const move = this.mover(changed);
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
    return this.recompute(changed);
  }

  /**
   * Brings the views up to date with some analyses only: each uri with its entry now (undefined:
   * gone or no longer an analysis). A saved edit names one file, so the work is that one subject's,
   * not a pass over every indexed analysis; the result is the same as {@link update} with all of them.
   */
  updateSome(changes: Iterable<readonly [string, IndexEntry | undefined]>): LiveViewsUpdate {
    const id = this.pattern.model.id;
    const changed = new Set<string>();
    const move = this.mover(changed);
    for (const [uri, entry] of changes) {
      const after = entry?.patternId === id ? entry : undefined;
      const before = this.byUri.get(uri);
      if (before !== after) move(uri, before, after);
    }
    return this.recompute(changed);
  }

  private mover(changed: Set<string>): (uri: string, before: IndexEntry | undefined, after: IndexEntry | undefined) => void {
    return (uri, before, after) => {
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
  }

  private recompute(changed: ReadonlySet<string>): LiveViewsUpdate {
    for (const k of changed) {
      const g = this.groups.get(k);
      this.setPart(k, g ? this.partOf(newestFirst([...g.values()])) : undefined);
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
      sorted,
      periods,
      unreadable,
    };
  }

  /**
   * A subject's series, with the ones placed before wherever a metric's series is unchanged: an
   * edit of one value changes one metric's series, and a view can tell the others are the same
   * (the panel redraws only the charts whose series changed).
   */
  private seriesOf(part: SubjectPart, old: readonly (TrendSeries | undefined)[] | undefined): (TrendSeries | undefined)[] {
    const { name, companyId } = part;
    const series = seriesByMetric(part.sorted, this.metricIds).map((points): TrendSeries | undefined => (points.length ? { subject: name, ...(companyId && { companyId }), points } : undefined));
    if (!old) return series;
    const same = (a: TrendSeries | undefined, b: TrendSeries | undefined): boolean => a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
    return series.map((s, i) => (same(old[i], s) ? old[i] : s));
  }

  /** Puts a changed subject's series (none if it is gone) in place of those placed before. */
  private placeSeriesOf(key: string): void {
    this.unplaced.delete(key);
    const part = this.parts.get(key);
    const old = this.placed.get(key);
    const series = part && this.seriesOf(part, old);
    if (series) this.placed.set(key, series);
    else this.placed.delete(key);
    this.series.forEach((list, i) => {
      const before = old?.[i];
      const after = series?.[i];
      if (before !== after) this.seriesEdits[i].push([before, after]);
      list.set(key, after);
    });
  }

  /**
   * Works out and places the series of up to `max` changed subjects (all by default), in the order
   * they last changed (the order the series would have taken placed at each change). True while
   * some are left: a caller can place a thousand subjects' series a slice at a time before it asks
   * for the trends, which place whatever is left.
   */
  placeSeries(max = Infinity): boolean {
    let left = max;
    for (const key of this.unplaced) {
      if (left-- <= 0) return true;
      this.placeSeriesOf(key);
    }
    return false;
  }

  private setPart(key: string, part: SubjectPart | undefined): void {
    const old = this.parts.get(key);
    for (const [k] of old?.periods ?? []) {
      const c = this.periodCounts.get(k);
      if (c && --c.count === 0) {
        this.periodCounts.delete(k);
        this.dirty.periods = true;
      }
    }
    for (const [k, period] of part?.periods ?? []) {
      const c = this.periodCounts.get(k);
      if (c) c.count++;
      else {
        this.periodCounts.set(k, { period, count: 1 });
        this.dirty.periods = true;
      }
    }
    if (old?.companyId !== part?.companyId || old?.name !== part?.name || old?.analyses !== part?.analyses) this.dirty.coverage = true;
    if (old?.unreadable.length || part?.unreadable.length) this.dirty.unreadable = true;
    if (part) this.parts.set(key, part);
    else this.parts.delete(key);
    this.rows.set(key, part?.row);
    // Its series when the trends are next asked for; last in the order, as if placed now.
    this.unplaced.delete(key);
    this.unplaced.add(key);
  }

  /** The matrix row of a subject key; undefined when it has none. */
  row(key: string): MatrixRow | undefined {
    return this.parts.get(key)?.row;
  }

  /** Subject keys with a matrix row. */
  rowKeys(): string[] {
    return [...this.parts].filter(([, p]) => p.row).map(([k]) => k);
  }

  /**
   * The whole views, as portfolioMatrix, peerCoverage and metricTrends give them for the same
   * entries. The trends are worked out when first read (the series of every subject changed since
   * they were last placed): a caller that needs only the matrix reads only `matrix` and `coverage`.
   */
  views(): { readonly matrix: Matrix; readonly coverage: PeerCoverage; readonly trends: readonly MetricTrend[] } {
    if (this.assembled) return this.assembled;
    const last = this.previous;
    const dirty = this.dirty;
    this.dirty = { coverage: false, periods: false, unreadable: false };
    const matrix: Matrix = {
      patternId: this.pattern.model.id,
      patternName: this.pattern.model.name,
      columns: this.columns,
      rows: this.rows.list(),
      ...(this.asOf && { asOf: this.asOf }),
      periods: !dirty.periods && last ? last.matrix.periods : [...this.periodCounts.values()].map((c) => c.period).sort(comparePeriods),
      unreadablePeriods: !dirty.unreadable && last ? last.matrix.unreadablePeriods : [...this.parts.values()].flatMap((p) => p.unreadable).sort((a, b) => compareText(a.uri, b.uri)),
    };
    let trends: MetricTrend[] | undefined;
    const trendsNow = (): MetricTrend[] => {
      this.placeSeries();
      return this.columns.map((column, i) => ({ column, series: this.series[i].list() }));
    };
    this.assembled = {
      matrix,
      coverage: !dirty.coverage && last ? last.coverage : coverageOf(this.parts.values(), this.pattern),
      get trends(): MetricTrend[] {
        return (trends ??= trendsNow());
      },
    };
    this.previous = this.assembled;
    return this.assembled;
  }

  /**
   * The trends as {@link limitTrends} limits them to `max` subjects per metric, kept up to date
   * edit by edit: a series replaced by one of the same rank (same subject, company or not, number
   * of periods: an edited value) takes the old one's place among those shown; anything else limits
   * the trends again. Limiting a thousand subjects' series per metric on every saved edit held the
   * extension host for tens of ms.
   */
  limitedTrends(max: number): LimitedTrends {
    const trends = this.views().trends;
    const edits = this.seriesEdits.map((e) => e.splice(0));
    const last = this.limited?.max === max ? this.limited.trends : undefined;
    const sameRank = ([a, b]: [TrendSeries | undefined, TrendSeries | undefined]): boolean =>
      a !== undefined && b !== undefined && a.subject === b.subject && (a.companyId === undefined) === (b.companyId === undefined) && a.points.length === b.points.length;
    let limited: LimitedTrends;
    if (last && last.trends.length === trends.length && edits.every((e) => e.every(sameRank))) {
      limited = {
        ...last,
        trends: trends.map((trend, i) => {
          if (edits[i].length === 0 && last.trends[i].series.length === Math.min(max, trend.series.length)) return { ...trend, series: last.trends[i].series };
          if (trend.series.length <= max) return trend;
          const series = [...last.trends[i].series];
          for (const [before, after] of edits[i]) {
            const at = series.indexOf(before as TrendSeries);
            if (at >= 0) series[at] = after as TrendSeries;
          }
          return { ...trend, series };
        }),
      };
    } else {
      limited = limitTrends(trends, max);
    }
    this.limited = { max, trends: limited };
    return limited;
  }
}
