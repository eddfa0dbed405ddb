/**
 * "Pattern Analyst: Open Portfolio": one webview panel over the workspace index. It shows the
 * matrix as of a chosen period, the peer set's coverage and the trends, and re-renders (without
 * reloading the page) whenever the index changes. Its state (pattern, period, sort, style) is kept
 * by the webview and restored by the serializer after a window reload. Every message from the
 * webview maps to one fixed action, checked against the index or the model first.
 */
import * as vscode from 'vscode';
import { inertText } from '../inertText';
import { COMMANDS } from '../commands';
import type { PatternIndex } from '../../model/patternIndex';
import { parsePeriod } from '../../portfolio/periods';
import { LivePortfolioViews } from '../../portfolio/liveViews';
import { bySubject } from '../../portfolio/subjects';
import type { IndexEntry, MatrixRow, MetricTrend, TrendSeries } from '../../portfolio/types';
import { PostedMessages } from '../../render/portfolioDelivery';
import { matrixJson, parseFromPortfolioWebview, type NumberedPortfolioMessage, wireRowJson, WireStrings, parsePortfolioState, SECTION_NAMES, type FromPortfolioWebview, type MatrixData, type MatrixRowData, type PortfolioExportFormat, type PortfolioSections, type PortfolioState, type PortfolioWireMessage, type ToPortfolioWebview } from '../../render/portfolioProtocol';
import { matrixData, matrixRowData, renderPortfolioMessage, renderPortfolioSections, renderTrendCharts, renderTrendsSection, type PortfolioViewInput } from '../../render/portfolioView';
import type { PreviewStyle } from '../../render/protocol';
import { webviewOptions } from '../preview/webviewShell';
import type { Services } from '../services';
import { readPortfolioAssets, type InlineAssets } from './portfolioAssets';
import { renderPortfolioShell } from './portfolioShell';
import { nextTurn, TimeSlice } from './timeSlices';
import { trendChart } from './trendChart';
import type { WorkspaceIndex } from './workspaceIndex';

import { PORTFOLIO_VIEW_TYPE } from './ids';

export { PORTFOLIO_VIEW_TYPE };

export interface PortfolioPanelHost {
  readonly services: Services;
  readonly extensionUri: vscode.Uri;
  readonly index: WorkspaceIndex<IndexEntry>;
  displayName(uri: string): string;
  exportPortfolio(format: PortfolioExportFormat, patternId: string | undefined, asOf: string | undefined): Promise<unknown>;
  /** The page's stylesheet and script to write into it, once read (else the page links them). */
  assets?(): InlineAssets | undefined;
}

const wallClock = (): number => performance.timeOrigin + performance.now();

/** Subjects drawn per metric in the panel's trends (the exports draw all). */
const PANEL_TREND_SUBJECTS = 24;

/**
 * Analyses of the shown pattern from which a new matrix (a first look, another pattern or period)
 * is assembled in slices before it is drawn: a thousand subjects' views in one go held the
 * extension host for 200 ms. Below it, the views are built at once.
 */
const SLICED_FROM = 500;
/** Analyses added to the views between two looks at the time slice (a few dozen subjects). */
const FILL_BATCH = 400;

/** Subjects whose trend series are worked out between two looks at the time slice. */
const SERIES_BATCH = 50;

/** The trends wait at most this long after a page for the webview to say its matrix is painted. */
const DEFERRED_AT_MOST_MS = 2000;

/** Re-renders at most this often while changes stream in (a build in progress, a paste). */
const MIN_INTERVAL_MS = 100;

/** What the webview shows: the page's HTML parts and, unless it is a message page, the matrix rows by subject key. */
export interface ShownPortfolio {
  readonly sections: PortfolioSections;
  readonly rows?: ReadonlyMap<string, MatrixRowData>;
  /** The trends part without its charts, and each metric's chart, as shown. */
  readonly trends?: ReturnType<typeof renderTrendCharts>;
}

/** The panel's content now: a message page, or the live views of a pattern with the subjects changed since the last look. */
type Content =
  | { readonly kind: 'message'; readonly sections: PortfolioSections }
  /** A new matrix being assembled in slices ({@link PortfolioPanel.fill}): nothing to send yet. */
  | { readonly kind: 'pending' }
  | {
    readonly kind: 'views';
    readonly sections: PortfolioSections;
    /** The trends part without its charts, and each metric's chart; undefined while they wait ({@link later}). */
    readonly trends: ReturnType<typeof renderTrendCharts> | undefined;
    /**
     * A new large matrix's trends, worked out once the matrix is posted (its `sections.trends` is
     * empty until then): limiting a thousand subjects' series and drawing the charts delayed the
     * matrix a user opened the panel for, and the trends are posted after it is painted anyway.
     */
    readonly later?: () => TrendsPart;
    readonly live: LivePortfolioViews;
    readonly changed: ReadonlySet<string>;
    readonly fresh: boolean;
    readonly matrix: Omit<MatrixData, 'rows'>;
  };

/** The trends part of a page: its HTML whole, and without its charts with each chart. */
interface TrendsPart {
  readonly section: string;
  readonly trends: ReturnType<typeof renderTrendCharts>;
}

export class PortfolioPanel implements vscode.Disposable {
  private state: PortfolioState;
  private disposed = false;
  private timer: NodeJS.Timeout | undefined;
  private lastRender = 0;
  private pageShown = false;
  private readonly disposables: vscode.Disposable[] = [];
  /** The views kept current subject by subject (reset when the pattern, the period or the model changes). */
  private live: LivePortfolioViews | undefined;
  /** Each metric's small multiples as last drawn, and the series they were drawn from. */
  private readonly charts = new Map<string, { readonly series: readonly TrendSeries[]; readonly html: string }>();
  private readonly names = new Map<string, string>();
  /** The live views being filled in slices, and what stopped a fill (shown by the next render). */
  private filling: LivePortfolioViews | undefined;
  private fillFailure: unknown;
  /** Each matrix row as data, by the row it was made from (a row is replaced, never changed, when its subject's analyses change). */
  private rowData = new WeakMap<MatrixRow, MatrixRowData>();
  /**
   * Each row's data as posted in a page (JSON text in the compact form, naming `strings`), made once
   * (in the fill's slices for a new matrix). Both start again with new live views.
   */
  private rowJson = new WeakMap<MatrixRowData, string>();
  private strings = new WireStrings();
  /** A message made but posted later (the trends after a page's matrix is painted): posted before any other. */
  private deferred: ToPortfolioWebview | (() => ToPortfolioWebview) | undefined;
  /**
   * The messages posted since the HTML was set, numbered: a document of the webview that lost some
   * (posted while it loaded, before its script listened; or posted before the platform re-created
   * a hidden panel's document from the HTML) asks for the whole portfolio again, and only then.
   */
  private readonly delivery = new PostedMessages();
  /** How many times the whole portfolio was sent again because a document missed messages (for tests). */
  resent = 0;
  private deferredTimer: NodeJS.Timeout | undefined;
  /** The live views whose trend charts are drawn once the webview painted their matrix ({@link onMatrixShown}). */
  private chartsFor: LivePortfolioViews | undefined;
  /** The live views have not been sent as a page yet. */
  private fresh = false;
  /** The live views are of a large portfolio, filled in slices ({@link fill}). */
  private sliced = false;
  /**
   * The analyses changed since the last render, by key ('all': take every indexed analysis again,
   * as after a build). A saved edit is one file: the render looks at it alone, never at the
   * thousands of analyses that did not change.
   */
  private changes: Map<string, { readonly uri: vscode.Uri; readonly before: IndexEntry | undefined }> | 'all' = 'all';
  /**
   * The same, not yet in the pattern counts: counted at every render, while the views take theirs
   * only once they are filled (a new matrix's first render and the one after its fill counted
   * every indexed analysis twice, tens of ms of the render that posts the matrix).
   */
  private uncounted: typeof this.changes = 'all';
  /** How many analyses each pattern has (the pattern shown when none is chosen; the patterns offered). */
  private readonly patternCounts = new Map<string, number>();
  /** What the webview was last sent (for tests and to send only what changed). */
  shown: ShownPortfolio | undefined;
  /**
   * When (wall-clock ms) each step of showing the page with its matrix for the first time ended:
   * what the bench reads to say where the time to open the panel goes.
   */
  readonly openTimings: Record<string, number> = {};

  constructor(readonly panel: vscode.WebviewPanel, private readonly host: PortfolioPanelHost, state: PortfolioState, private readonly onDispose: () => void) {
    this.state = state;
    this.mark('created');
    panel.webview.options = webviewOptions(host.extensionUri, undefined);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseFromPortfolioWebview(raw);
        if (message) this.onMessage(message);
      }),
      host.index.onDidChange((e) => {
        this.noteChange(e.uris, e.previous);
        this.scheduleRender();
      }),
      host.services.models.onDidChange(() => this.scheduleRender()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.names.clear();
        this.rowData = new WeakMap();
      }),
    );
    this.render();
    // The first sight of the panel starts the index; the page shows "indexing" until it is ready.
    // In a task of its own: with the index ready, the first render set the page's frame alone.
    void host.index.whenReady().then(() => nextTurn()).then(() => this.render());
  }

  /** Notes changed analyses with their entries as of the last render (the first change of each since then says it). */
  private noteChange(uris: readonly vscode.Uri[], previous: readonly (IndexEntry | undefined)[] | undefined): void {
    if (uris.length === 0 || previous?.length !== uris.length) {
      this.changes = 'all';
      this.uncounted = 'all';
    }
    if (!previous) return;
    for (const changes of [this.changes, this.uncounted]) {
      if (changes === 'all') continue;
      for (let i = 0; i < uris.length; i++) {
        const key = uris[i].toString();
        if (!changes.has(key)) changes.set(key, { uri: uris[i], before: previous[i] });
      }
    }
  }

  /** Brings the pattern counts up to the changed analyses (all of them after a build). */
  private countPatterns(changes: typeof this.changes, all: () => readonly IndexEntry[]): void {
    const count = (patternId: string | undefined, by: number): void => {
      if (patternId === undefined) return;
      const n = (this.patternCounts.get(patternId) ?? 0) + by;
      if (n > 0) this.patternCounts.set(patternId, n);
      else this.patternCounts.delete(patternId);
    };
    if (changes === 'all') {
      this.patternCounts.clear();
      for (const e of all()) count(e.patternId, 1);
      return;
    }
    for (const { uri, before } of changes.values()) {
      count(before?.patternId, -1);
      count(this.host.index.entry(uri)?.patternId, 1);
    }
  }

  private mark(step: string, at = wallClock()): void {
    if (!(step in this.openTimings)) this.openTimings[step] = at;
  }

  get currentState(): PortfolioState {
    return this.state;
  }

  private get style(): PreviewStyle {
    return this.state.style ?? this.host.services.settings().previewStyle;
  }

  /** The pattern shown: the chosen one while it is loaded, else the one with the most analyses, else the first model. */
  pattern(entries: readonly IndexEntry[]): PatternIndex | undefined {
    const counts = new Map<string, number>();
    for (const e of entries) if (e.patternId) counts.set(e.patternId, (counts.get(e.patternId) ?? 0) + 1);
    return this.patternBy(counts);
  }

  private patternBy(counts: ReadonlyMap<string, number>): PatternIndex | undefined {
    const indexes = this.host.services.models.catalog.indexes;
    const chosen = this.state.patternId && indexes.find((i) => i.model.id === this.state.patternId);
    if (chosen) return chosen;
    return [...indexes].sort((a, b) => (counts.get(b.model.id) ?? 0) - (counts.get(a.model.id) ?? 0))[0];
  }

  /** Each metric's chart, drawn again only when the series it shows changed (a saved edit changes one subject's). */
  private chart(trend: MetricTrend): string {
    const last = this.charts.get(trend.column.metricId);
    if (last && last.series.length === trend.series.length && last.series.every((s, i) => s === trend.series[i])) return last.html;
    const html = trendChart(trend);
    this.charts.set(trend.column.metricId, { series: trend.series, html });
    return html;
  }

  private content(): Content {
    if (!this.host.index.ready) return { kind: 'message', sections: renderPortfolioMessage(vscode.l10n.t('Indexing the workspace’s analyses…')) };
    const changes = this.changes;
    // Taken back whole unless the views take them below (a message page, a fill, a failure).
    this.changes = 'all';
    let entries: IndexEntry[] | undefined;
    const all = (): IndexEntry[] => (entries ??= this.host.index.entries().map((f) => f.entry));
    const uncounted = this.uncounted;
    this.uncounted = 'all';
    this.countPatterns(uncounted, all);
    this.uncounted = new Map();
    const pattern = this.patternBy(this.patternCounts);
    if (!pattern) return { kind: 'message', sections: renderPortfolioMessage(vscode.l10n.t('No pattern model is loaded.')) };
    const asOf = this.state.asOf ? parsePeriod(this.state.asOf)?.period : undefined;
    if (this.fillFailure !== undefined) {
      const failure = this.fillFailure;
      this.fillFailure = undefined;
      throw failure;
    }
    let created = false;
    if (!this.live || this.live.pattern !== pattern || this.live.asOf?.label !== asOf?.label) {
      this.live = new LivePortfolioViews(pattern, asOf);
      created = true;
      this.rowJson = new WeakMap();
      this.strings = new WireStrings();
      this.charts.clear();
      this.fresh = true;
      const ofPattern = all().filter((e) => e.patternId === pattern.model.id);
      this.sliced = ofPattern.length >= SLICED_FROM;
      if (this.sliced) void this.fill(this.live, ofPattern);
    }
    if (this.filling === this.live) {
      // The fill takes every analysis indexed when it started: the views take only what changes after.
      this.changes = created ? new Map() : changes;
      return { kind: 'pending' };
    }
    const live = this.live;
    const fresh = this.fresh;
    // A saved edit: its analysis alone, looked up in the index (what changed is all the views redo).
    const { changed } = changes === 'all' || created ? live.update(all()) : live.updateSome([...changes].map(([key, { uri }]) => [key, this.host.index.entry(uri)] as const));
    this.changes = new Map();
    const views = live.views();
    const withAnalyses = new Set(this.patternCounts.keys());
    const base: PortfolioViewInput = {
      patterns: this.host.services.models.catalog.indexes.filter((i) => i === pattern || withAnalyses.has(i.model.id)).map((i) => ({ id: i.model.id, name: i.model.name })),
      // The matrix and coverage only: the views' trends are worked out when read (withTrends below).
      matrix: views.matrix,
      coverage: views.coverage,
      chart: (t) => this.chart(t),
      trends: [],
      displayName: (uri) => this.host.displayName(uri),
      skipped: this.host.index.skipped().map((s) => ({ uri: s.uri.toString(), reason: s.reason })),
    };
    const withTrends = (): PortfolioViewInput => {
      const trends = live.limitedTrends(PANEL_TREND_SUBJECTS);
      return { ...base, trends: trends.trends, trendSubjects: { shown: trends.shown, total: trends.total } };
    };
    const { columns, empty } = matrixData(views.matrix, [], (uri) => uri);
    const matrix = { columns, empty };
    if (fresh && this.pageShown && this.sliced) {
      // A new large matrix for the page already there: the trends once the matrix is posted.
      const later = (): TrendsPart => {
        const input = withTrends();
        return { section: renderTrendsSection(input), trends: renderTrendCharts(input) };
      };
      return { kind: 'views', sections: { ...renderPortfolioSections(base), trends: '' }, trends: undefined, later, live, changed, fresh, matrix };
    }
    const input = withTrends();
    return { kind: 'views', sections: renderPortfolioSections(input), trends: renderTrendCharts(input), live, changed, fresh, matrix };
  }

  /**
   * Fills new live views a few dozen subjects at a time, each batch in its own slice of the host's
   * thread, makes each row's data, and renders: what is left for that render (the page's parts, the
   * message) is short. The trends are not drawn here: they follow the matrix ({@link drawCharts}).
   * The entries are taken subject by subject, so each subject's row is built once.
   */
  private async fill(live: LivePortfolioViews, entries: readonly IndexEntry[]): Promise<void> {
    this.filling = live;
    const current = (): boolean => !this.disposed && this.live === live;
    try {
      // After the render that called this has handed the page's frame to the webview: the platform
      // creates the webview (hundreds of ms) while the views are filled, not after grouping them.
      await nextTurn();
      if (!current()) return;
      const groups = bySubject(entries);
      const slice = new TimeSlice();
      // Whole subjects per batch, each added as new (the views never look at the batches before:
      // given the growing list again, each batch went over every analysis added so far).
      let batch: (readonly [string, IndexEntry])[] = [];
      for (const group of groups.values()) {
        for (const e of group) batch.push([e.uri, e]);
        if (batch.length < FILL_BATCH) continue;
        live.updateSome(batch);
        batch = [];
        await slice.pause();
        if (!current()) return;
      }
      live.updateSome(batch);
      await slice.pause();
      if (!current()) return;
      for (const key of live.rowKeys()) {
        const row = live.row(key);
        if (row) this.jsonOf(this.rowDataOf(key, row));
        await slice.pause();
        if (!current()) return;
      }
    } catch (e) {
      if (current()) this.fillFailure = e;
    } finally {
      if (this.filling === live) this.filling = undefined;
    }
    if (this.disposed) return;
    if (this.fillFailure !== undefined) this.live = undefined;
    this.mark('filled');
    this.render();
  }

  /**
   * Works out the subjects' trend series a few dozen at a time, then draws the charts the panel
   * shows one metric at a time, each in a slice of the host's thread (kept in the chart cache).
   */
  private async drawCharts(live: LivePortfolioViews): Promise<void> {
    const slice = new TimeSlice();
    while (live.placeSeries(SERIES_BATCH)) {
      await slice.pause();
      if (this.disposed || this.live !== live) return;
    }
    for (const trend of live.limitedTrends(PANEL_TREND_SUBJECTS).trends) {
      await slice.pause();
      if (this.disposed || this.live !== live) return;
      this.chart(trend);
    }
  }

  private scheduleRender(): void {
    if (this.disposed || this.timer) return;
    const wait = Math.max(0, MIN_INTERVAL_MS - (Date.now() - this.lastRender));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, wait);
  }

  /**
   * Renders now: the first time as the page, afterwards as a message with what changed: a whole
   * page when the pattern, the period or the columns changed, else a patch of the changed parts and
   * the changed subjects' rows (a saved edit is one row, not the whole matrix again).
   */
  render(): void {
    if (this.disposed) return;
    if (!this.pageShown && this.host.index.ready && this.host.index.entries().length >= SLICED_FROM) {
      // A large portfolio: the page's frame first, in the command's own task, so the platform starts
      // creating the webview (hundreds of ms) at once; counting the analyses and choosing the pattern
      // (a pass over every entry, tens of ms) follow in the next task (the constructor's render once
      // the index is ready), the views in slices after it.
      this.showFrame();
      return;
    }
    this.lastRender = Date.now();
    const steps: [string, number][] = [['render', wallClock()]];
    let content: Content;
    try {
      content = this.content();
    } catch (e) {
      this.live = undefined;
      content = { kind: 'message', sections: renderPortfolioMessage(vscode.l10n.t('The portfolio could not be drawn: {0}', e instanceof Error ? e.message : String(e))) };
    }
    steps.push(['content', wallClock()]);
    if (content.kind === 'pending') {
      // The page's frame now, so the webview starts while the views are filled; the matrix follows as a message.
      if (!this.pageShown) this.showFrame();
      return;
    }
    const message = this.messageFor(content);
    if (content.kind === 'views') this.fresh = false;
    steps.push(['message', wallClock()]);
    if (!this.pageShown) {
      this.pageShown = true;
      const page = message.type === 'page' ? message : undefined;
      const sections = page?.sections ?? content.sections;
      // The trends (a hundred small SVG charts, below the matrix) follow the page as a patch: parsed
      // and drawn with it, they held back the matrix a user opened the panel for.
      const later = page?.matrix && sections.trends ? sections.trends : undefined;
      const html = renderPortfolioShell(this.panel.webview, this.host.extensionUri, later ? { ...sections, trends: '' } : sections, page?.matrix, this.state, this.style, this.host.assets?.());
      steps.push(['shell', wallClock()]);
      this.setHtml(html);
      steps.push(['htmlSet', wallClock()]);
      if (later) this.post({ type: 'patch', sections: { trends: later }, rows: [], removed: [] });
      steps.push(['trendsPosted', wallClock()]);
      if (page?.matrix) {
        for (const [step, at] of steps) this.mark(step, at);
        this.openTimings.htmlBytes = html.length;
        this.openTimings.trendsBytes = later?.length ?? 0;
        this.openTimings.rows = page.matrix.rows.length;
      }
    } else if (message.type === 'page' && message.matrix && (message.sections.trends || (content.kind === 'views' && content.later))) {
      // As above: the matrix first, the trends after it.
      this.post({ ...message, sections: { ...message.sections, trends: '' } });
      steps.push(['pagePosted', wallClock()]);
      const later = content.kind === 'views' ? content.later : undefined;
      // Once the webview says the matrix is painted (or a moment, if it never says): posted with
      // the matrix, the trends' 200 KB of SVG went the same way (serialized by the host, parsed by
      // the workbench, cloned into the webview's frames) while the page's assets and the matrix
      // were on their way, for a part of the page below the matrix.
      const patch = (trends: string): ToPortfolioWebview => ({ type: 'patch', sections: { trends }, rows: [], removed: [] });
      const timed = !this.openTimings.rows;
      this.deferred = later
        ? (): ToPortfolioWebview => {
          const part = later();
          // Now shown: what the next render's patch is made against.
          if (this.shown) this.shown = { ...this.shown, sections: { ...this.shown.sections, trends: part.section }, trends: part.trends };
          if (timed) this.openTimings.trendsBytes = part.section.length;
          return patch(part.section);
        }
        : patch(message.sections.trends);
      // The charts to draw once the matrix is painted (below).
      this.chartsFor = later && content.kind === 'views' ? content.live : undefined;
      clearTimeout(this.deferredTimer);
      this.deferredTimer = setTimeout(() => void this.onMatrixShown(), DEFERRED_AT_MOST_MS);
      if (timed) {
        for (const [step, at] of steps) this.mark(step, at);
        this.openTimings.rows = message.matrix.rows.length;
        if (!later) this.openTimings.trendsBytes = message.sections.trends.length;
      }
    } else if (message.type === 'page' || message.rows.length || message.removed.length || Object.keys(message.sections).length || Object.keys(message.charts ?? {}).length) {
      this.post(message);
    }
    const rows = message.type === 'page' ? message.matrix && new Map(message.matrix.rows.map((r) => [r.key, r])) : this.patchedRows(message);
    this.shown = { sections: content.sections, ...(rows && { rows }), ...(content.kind === 'views' && { trends: content.trends }) };
  }

  /** The page's frame with a "Drawing" message: the matrix follows as a message. */
  private showFrame(): void {
    this.pageShown = true;
    const sections = renderPortfolioMessage(vscode.l10n.t('Drawing the portfolio…'));
    this.setHtml(renderPortfolioShell(this.panel.webview, this.host.extensionUri, sections, undefined, this.state, this.style, this.host.assets?.()));
    this.shown = { sections };
    this.mark('shell');
  }

  /** The message that brings the webview from what it shows to `content`. */
  private messageFor(content: Exclude<Content, { readonly kind: 'pending' }>): Extract<ToPortfolioWebview, { type: 'page' | 'patch' }> {
    const shown = this.shown;
    if (content.kind === 'message') {
      return shown && !shown.rows && SECTION_NAMES.every((n) => shown.sections[n] === content.sections[n])
        ? { type: 'patch', sections: {}, rows: [], removed: [] }
        : { type: 'page', sections: content.sections };
    }
    if (content.fresh || !shown?.rows) {
      const rows = content.live.rowKeys().flatMap((key) => {
        const row = content.live.row(key);
        return row ? [this.rowDataOf(key, row)] : [];
      });
      return { type: 'page', sections: content.sections, matrix: { ...content.matrix, rows } };
    }
    const sections: { -readonly [K in keyof PortfolioSections]?: string } = {};
    for (const name of SECTION_NAMES) if (content.sections[name] !== shown.sections[name]) sections[name] = content.sections[name];
    // The same trends around other charts: only the charts that changed (an edit redraws one metric's).
    let charts: Record<string, string> | undefined;
    const trends = content.trends;
    if (sections.trends !== undefined && trends && shown.trends && shown.trends.frame === trends.frame && [...trends.charts.keys()].every((id) => shown.trends?.charts.has(id))) {
      delete sections.trends;
      charts = {};
      for (const [id, html] of trends.charts) if (shown.trends.charts.get(id) !== html) charts[id] = html;
    }
    const rows: MatrixRowData[] = [];
    const removed: string[] = [];
    for (const key of content.changed) {
      const row = content.live.row(key);
      const before = shown.rows.get(key);
      if (!row) {
        if (before) removed.push(key);
        continue;
      }
      const data = this.rowDataOf(key, row);
      if (!before || JSON.stringify(before) !== JSON.stringify(data)) rows.push(data);
    }
    return { type: 'patch', sections, rows, removed, ...(charts && { charts }) };
  }

  private patchedRows(patch: Extract<ToPortfolioWebview, { type: 'patch' }>): ShownPortfolio['rows'] {
    const rows = this.shown?.rows as Map<string, MatrixRowData> | undefined;
    for (const key of patch.removed) rows?.delete(key);
    for (const row of patch.rows) rows?.set(row.key, row);
    return rows;
  }

  /** A row as the data the webview builds it from, made once per row. */
  private rowDataOf(key: string, row: MatrixRow): MatrixRowData {
    let data = this.rowData.get(row);
    if (data?.key !== key) {
      data = matrixRowData(key, row, (uri) => this.displayName(uri));
      this.rowData.set(row, data);
    }
    return data;
  }

  /** A row's data as a page posts it, made once per row. */
  private jsonOf(row: MatrixRowData): string {
    let json = this.rowJson.get(row);
    if (json === undefined) {
      json = wireRowJson(row, this.strings);
      this.rowJson.set(row, json);
    }
    return json;
  }

  /** A message as posted: a page's matrix as JSON text made of its rows' JSON (see PortfolioWireMessage). */
  private wire(message: ToPortfolioWebview): PortfolioWireMessage {
    if (message.type !== 'page' || !message.matrix) return message;
    return { type: 'page', sections: message.sections, matrixJson: matrixJson(message.matrix, (row) => this.jsonOf(row), this.strings) };
  }

  /** A file's workspace-relative name, remembered (a thousand rows name a thousand files on every page). */
  private displayName(uri: string): string {
    let name = this.names.get(uri);
    if (name === undefined) {
      name = this.host.displayName(uri);
      this.names.set(uri, name);
    }
    return name;
  }

  /** A new document in the webview. */
  private setHtml(html: string): void {
    this.delivery.reset();
    this.panel.webview.html = html;
  }

  /**
   * The webview painted the page's matrix (or it did not say so in time): the trends' series and
   * charts are worked out now, in slices, then posted. Not while the matrix was on its way: that
   * was ~90 ms of the host's thread (1,000 subjects) competing for the machine's two cores with the
   * workbench's thread, which delivers the matrix's message and runs the webview.
   */
  private async onMatrixShown(): Promise<void> {
    clearTimeout(this.deferredTimer);
    const live = this.chartsFor;
    this.chartsFor = undefined;
    const deferred = this.deferred;
    if (live) await this.drawCharts(live);
    // Unless a newer page made its own deferred message meanwhile (it waits for its own matrix).
    if (this.deferred === deferred) this.postDeferred();
  }

  /** Posts the deferred message now, if there is one. */
  private postDeferred(): void {
    clearTimeout(this.deferredTimer);
    const deferred = this.takeDeferred();
    if (deferred) this.post(deferred);
  }

  /** The deferred message, made now if it waits to be made, and no longer deferred. */
  private takeDeferred(): ToPortfolioWebview | undefined {
    const deferred = this.deferred;
    this.deferred = undefined;
    return typeof deferred === 'function' ? deferred() : deferred;
  }

  /** Posts a message, after the deferred one if any (the webview sees them in the order they were made). */
  post(message: ToPortfolioWebview): void {
    if (this.disposed) {
      this.deferred = undefined;
      return;
    }
    const deferred = this.takeDeferred();
    const batch = deferred ? [deferred, message] : [message];
    for (const m of batch) this.send(m);
  }

  /** Posts one message now, numbered. */
  private send(message: ToPortfolioWebview): void {
    const numbered: NumberedPortfolioMessage = { ...this.wire(message), seq: this.delivery.next() };
    void this.panel.webview.postMessage(numbered);
  }

  /**
   * A document of the webview has loaded and had the messages numbered 1..`received`. Messages are
   * posted at once, not held for this report (the page is on its way while the webview loads), so
   * one not had yet may be on its way: a `sync` after them tells the document whether it lost any
   * (then it says `missed`). See src/render/portfolioDelivery.ts.
   */
  private onReady(received: number): void {
    this.mark('ready');
    // Not through post(): the deferred trends still wait for the matrix to be painted.
    if (!this.disposed && this.delivery.onReady(received) === 'sync') this.send({ type: 'sync' });
  }

  /** A document of the webview lost messages: the whole portfolio again, as a page. */
  private onMissed(): void {
    this.resent++;
    this.mark('resent');
    this.deferred = undefined;
    this.chartsFor = undefined;
    this.shown = undefined;
    this.render();
  }

  setStyle(style: PreviewStyle): void {
    this.state = { ...this.state, style };
    this.post({ type: 'setStyle', style });
  }

  /** The fixed action for each webview message. */
  onMessage(message: FromPortfolioWebview): void {
    switch (message.type) {
      case 'ready':
        this.onReady(message.received);
        break;
      case 'missed':
        this.onMissed();
        break;
      case 'openValue':
        this.openValue(message.uri, message.line, message.character).catch((e: unknown) =>
          void vscode.window.showWarningMessage(inertText(vscode.l10n.t('Pattern Analyst could not open the analysis: {0}', e instanceof Error ? e.message : String(e)))));
        break;
      case 'setAsOf':
        this.state = { ...this.state, asOf: message.period || undefined };
        this.render();
        break;
      case 'setPattern':
        this.state = { ...this.state, patternId: message.patternId, asOf: undefined };
        this.render();
        break;
      case 'newAnalysis': {
            const pattern = this.pattern(this.host.index.entries().map((f) => f.entry));
        const company = pattern?.model.companies.find((c) => c.id === message.companyId);
        if (pattern && company) void vscode.commands.executeCommand(COMMANDS.newAnalysis, { subject: company.name, pattern: pattern.model.id });
        break;
      }
      case 'export':
        void this.host.exportPortfolio(message.format, this.state.patternId, this.state.asOf);
        break;
      case 'setStyle':
        this.state = { ...this.state, style: message.style };
        break;
      case 'setSort':
        this.state = { ...this.state, sort: { column: message.column, descending: message.descending } };
        break;
      case 'matrixShown':
        void this.onMatrixShown();
        break;
    }
  }

  /** Opens an indexed analysis at a value. A URI the index does not hold is refused: the webview names places, it does not choose files. */
  async openValue(uriText: string, line: number, character: number): Promise<vscode.TextEditor | undefined> {
    const uri = vscode.Uri.parse(uriText, true);
    if (!this.host.index.entry(uri)) return undefined;
    const document = await vscode.workspace.openTextDocument(uri);
    const position = document.validatePosition(new vscode.Position(line, character));
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(position, position) });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.deferredTimer);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.onDispose();
  }
}

/** The one portfolio panel: opened by the command, restored by the serializer. */
export class PortfolioPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private current: PortfolioPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The page's stylesheet and script, read once when the portfolio's part loads (see portfolioAssets.ts). */
  private readonly assetsRead: Promise<InlineAssets | undefined>;
  private assets: InlineAssets | undefined;
  private readonly panelHost: PortfolioPanelHost;

  constructor(private readonly host: PortfolioPanelHost) {
    this.assetsRead = readPortfolioAssets(host.extensionUri).then((assets) => (this.assets = assets));
    this.panelHost = { ...host, assets: () => this.assets };
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('patternAnalyst.preview.style') && this.current && !this.current.currentState.style) this.current.setStyle(host.services.settings().previewStyle);
    }));
  }

  get panel(): PortfolioPanel | undefined {
    return this.current;
  }

  /** Opens the panel, or shows it; its page waits for our assets' texts (read since the portfolio's part loaded, so usually already there). */
  async open(): Promise<PortfolioPanel> {
    await this.assetsRead;
    if (this.current) {
      this.current.panel.reveal(undefined, false);
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(PORTFOLIO_VIEW_TYPE, vscode.l10n.t('Portfolio'), vscode.ViewColumn.Active, { ...webviewOptions(this.host.extensionUri, undefined), enableFindWidget: true, retainContextWhenHidden: false });
    return this.adopt(panel, {});
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    await this.assetsRead;
    if (this.current) {
      panel.dispose();
      return;
    }
    this.adopt(panel, parsePortfolioState(raw));
  }

  private adopt(panel: vscode.WebviewPanel, state: PortfolioState): PortfolioPanel {
    panel.iconPath = vscode.Uri.joinPath(this.host.extensionUri, 'media', 'pattern-analyst.svg');
    const created = new PortfolioPanel(panel, this.panelHost, state, () => {
      if (this.current === created) this.current = undefined;
    });
    this.current = created;
    return created;
  }

  dispose(): void {
    this.current?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
