/**
 * The portfolio's views (matrix, coverage, trends) of one pattern as of one period, kept current
 * subject by subject. A saved edit changes one analysis, so one subject: only that subject's row,
 * periods and series are computed again, and the caller learns which subjects changed (the panel
 * sends only their rows). Recomputing the views of 10,000 analyses for every save took the
 * extension host ~100 ms. Each subject's part is computed by the same functions as the full views
 * (portfolioMatrix, metricTrends), on the subject's group alone: the same answer by construction.
 */
import type { PatternIndex } from '../model/patternIndex';
import { portfolioMatrix } from './matrix';
import { coverageOfGroups } from './peerCoverage';
import { comparePeriods, periodKey } from './periods';
import { columnsOf, subjectKey } from './subjects';
import { metricTrends } from './trends';
import type { IndexEntry, Matrix, MatrixRow, MetricTrend, PeerCoverage, Period, TrendSeries } from './types';

interface SubjectPart {
  readonly group: readonly IndexEntry[];
  /** Undefined when no analysis of the subject falls before the as-of period. */
  readonly row?: MatrixRow;
  /** One per metric (the model's order). */
  readonly series: readonly (TrendSeries | undefined)[];
  readonly periods: readonly Period[];
  readonly unreadable: Matrix['unreadablePeriods'];
}

export interface LiveViewsUpdate {
  /** Subject keys whose part changed (added, replaced or gone). All of them on the first update. */
  readonly changed: ReadonlySet<string>;
}

export class LivePortfolioViews {
  private readonly byUri = new Map<string, IndexEntry>();
  private readonly groups = new Map<string, Map<string, IndexEntry>>();
  private readonly parts = new Map<string, SubjectPart>();
  private assembled: { matrix: Matrix; coverage: PeerCoverage; trends: MetricTrend[] } | undefined;

  constructor(readonly pattern: PatternIndex, readonly asOf: Period | undefined) {}

  /**
   * Brings the views up to `entries` (every indexed analysis; other patterns' are passed over).
   * Entries are immutable: an analysis whose entry is the same object as last time is unchanged,
   * so finding what changed is one pass of map lookups.
   */
  update(entries: readonly IndexEntry[]): LiveViewsUpdate {
    const id = this.pattern.model.id;
    const changed = new Set<string>();
    const seen = new Set<string>();
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
    for (const e of entries) {
      if (e.patternId !== id) continue;
      seen.add(e.uri);
      const before = this.byUri.get(e.uri);
      if (before !== e) move(e.uri, before, e);
    }
    if (seen.size !== this.byUri.size) for (const [uri, before] of [...this.byUri]) if (!seen.has(uri)) move(uri, before, undefined);
    for (const k of changed) {
      const g = this.groups.get(k);
      if (g) this.parts.set(k, this.partOf([...g.values()]));
      else this.parts.delete(k);
    }
    if (changed.size) this.assembled = undefined;
    return { changed };
  }

  private partOf(group: readonly IndexEntry[]): SubjectPart {
    const m = portfolioMatrix(group, this.pattern, this.asOf);
    return {
      group,
      ...(m.rows[0] && { row: m.rows[0] }),
      series: metricTrends(group, this.pattern).map((t) => t.series[0]),
      periods: m.periods,
      unreadable: m.unreadablePeriods,
    };
  }

  /** The matrix row of a subject key; undefined when it has none (gone, or nothing as of the period). */
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
    const parts = [...this.parts.values()];
    const rows = parts.flatMap((p) => (p.row ? [p.row] : [])).sort((a, b) => a.subject.localeCompare(b.subject));
    const periods = new Map<string, Period>();
    for (const p of parts) for (const period of p.periods) periods.set(periodKey({ written: '', period }), period);
    const columns = columnsOf(this.pattern);
    const matrix: Matrix = {
      patternId: this.pattern.model.id,
      patternName: this.pattern.model.name,
      columns,
      rows,
      ...(this.asOf && { asOf: this.asOf }),
      periods: [...periods.values()].sort(comparePeriods),
      unreadablePeriods: parts.flatMap((p) => p.unreadable).sort((a, b) => a.uri.localeCompare(b.uri)),
    };
    const trends = columns.map((column, i) => ({
      column,
      series: parts.flatMap((p) => (p.series[i] ? [p.series[i]] : [])).sort((a, b) => a.subject.localeCompare(b.subject)),
    }));
    this.assembled = { matrix, coverage: coverageOfGroups(parts.map((p) => p.group), this.pattern), trends };
    return this.assembled;
  }
}
