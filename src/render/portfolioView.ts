/**
 * The portfolio webview's content: the matrix as compact data (one row per subject, one column per
 * metric, each cell the latest value with its verdict, its period and the place it is written; the
 * webview builds the table from it with textContent, so a thousand subjects are not megabytes of
 * markup and one changed subject is one row's data), and as escaped HTML the parts around it: the
 * header, the period and pattern choices, the peer set's coverage (the pattern's companies without
 * an analysis, each with a New Analysis button), the trends (the core's SVG small multiples) and
 * what the index could not read. Pure: every string from an analysis is escaped here or set as text.
 */
import type { Matrix, MatrixCell, MatrixRow, MetricTrend, PeerCoverage } from '../portfolio/types';
import { escapeAttribute as attr, escapeHtml as esc } from './html';
import type { MatrixCellData, MatrixData, MatrixRowData, PortfolioSections } from './portfolioProtocol';

export interface PortfolioViewInput {
  /** Every loaded pattern with analyses (the pattern selector), and the one shown. */
  readonly patterns: readonly { readonly id: string; readonly name: string }[];
  readonly matrix: Matrix;
  readonly coverage: PeerCoverage;
  readonly trends: readonly MetricTrend[];
  /** The core's SVG small multiples of one metric (already escaped markup, no scripts). */
  readonly chart: (trend: MetricTrend) => string;
  /** A workspace-relative name for an analysis's URI. */
  readonly displayName: (uri: string) => string;
  /** Markdown files the index did not read, with the reason. */
  readonly skipped: readonly { readonly uri: string; readonly reason: string }[];
  /** When the trends show fewer subjects than have trends (a large portfolio): how many of how many. */
  readonly trendSubjects?: { readonly shown: number; readonly total: number };
}

/** A cell as data: what the webview builds the cell from (src/webview/portfolioMatrix.ts). */
function cellData(cell: MatrixCell | undefined, fileIndex: (uri: string) => number): MatrixCellData | null {
  if (!cell) return null;
  const start = cell.location.range.start;
  return {
    v: cell.value.text,
    n: cell.value.low,
    d: cell.verdict,
    p: cell.period ? cell.period.period?.label ?? cell.period.written : '',
    f: fileIndex(cell.location.uri),
    l: start.line,
    c: start.character,
    ...(cell.source && { s: cell.source }),
  };
}

/** One matrix row as data, named by its subject key (a patch replaces it by that key). */
export function matrixRowData(key: string, row: MatrixRow, displayName: (uri: string) => string): MatrixRowData {
  const files: [string, string][] = [];
  const at = new Map<string, number>();
  const fileIndex = (uri: string): number => {
    let i = at.get(uri);
    if (i === undefined) {
      i = files.push([uri, displayName(uri)]) - 1;
      at.set(uri, i);
    }
    return i;
  };
  return { key, subject: row.subject, analyses: row.analyses, cells: row.cells.map((c) => cellData(c, fileIndex)), files };
}

/** The matrix as data: its columns and the rows of `keys` (subject keys), the webview sorts them. */
export function matrixData(matrix: Matrix, rows: readonly { readonly key: string; readonly row: MatrixRow }[], displayName: (uri: string) => string): MatrixData {
  return {
    columns: matrix.columns.map((c) => ({ name: c.name, benchmark: c.benchmarkText })),
    rows: rows.map((r) => matrixRowData(r.key, r.row, displayName)),
    empty: 'No analysis of this pattern states a period up to this one.',
  };
}

function controlsHtml(input: PortfolioViewInput): string {
  const { matrix } = input;
  const patternSelect = input.patterns.length > 1
    ? `<label>Pattern <select id="pa-pf-pattern">${input.patterns.map((p) => `<option value="${attr(p.id)}"${p.id === matrix.patternId ? ' selected' : ''}>${esc(p.name)}</option>`).join('')}</select></label>`
    : '';
  const periods = [...matrix.periods].reverse();
  const asOf = `<label>As of <select id="pa-pf-asof"><option value="">Latest</option>${periods.map((p) => `<option value="${attr(p.label)}"${matrix.asOf?.label === p.label ? ' selected' : ''}>${esc(p.label)}</option>`).join('')}</select></label>`;
  return `<div class="pa-pf-controls">${patternSelect}${asOf}</div>`;
}

function coverageHtml(coverage: PeerCoverage): string {
  const covered = coverage.covered.map((c) => `<li class="pa-pf-covered"><span class="pa-pf-symbol" aria-hidden="true">✓</span> ${esc(c.name)} <span class="pa-muted">${c.analyses} ${c.analyses === 1 ? 'analysis' : 'analyses'}</span></li>`);
  const missing = coverage.missing.map((c) => `<li class="pa-pf-missing"><span class="pa-pf-symbol" aria-hidden="true">○</span> ${esc(c.name)} <button type="button" class="pa-pf-new" data-company="${attr(c.companyId)}" title="${attr(`New analysis of ${c.name}`)}">New Analysis</button></li>`);
  const others = coverage.others.length ? `<p class="pa-muted">Also analysed, outside the pattern's peer set: ${coverage.others.map(esc).join(', ')}</p>` : '';
  const total = coverage.covered.length + coverage.missing.length;
  return `<section class="pa-pf-coverage" id="pa-pf-coverage"><h2>Peer set <span class="pa-muted">${coverage.covered.length} of ${total} companies analysed</span></h2>`
    + `<ul class="pa-pf-peers">${missing.join('')}${covered.join('')}</ul>${others}</section>`;
}

/** 12,345 (toLocaleString builds a number formatter per call: milliseconds on every panel update). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The trends part: each metric's small multiples (what {@link renderPortfolioSections} gives as `trends`). */
export function renderTrendsSection(input: PortfolioViewInput): string {
  return trendsHtml(input);
}

function trendsHtml(input: PortfolioViewInput): string {
  // Each chart names its metric and benchmark itself (the core's small multiples).
  const charts = input.trends.filter((t) => t.series.some((s) => s.points.length > 0)).map((t) => `<div class="pa-pf-trend" data-metric="${attr(t.column.metricId)}">${input.chart(t)}</div>`);
  const limited = input.trendSubjects && input.trendSubjects.shown < input.trendSubjects.total
    ? `<p class="pa-muted pa-pf-trends-limited">Trends of ${thousands(input.trendSubjects.shown)} of ${thousands(input.trendSubjects.total)} subjects: the pattern's companies first, then those with the most periods. The exported portfolio (HTML, PDF) draws every subject.</p>`
    : '';
  return `<section class="pa-pf-trends" id="pa-pf-trends"><h2>Trends</h2>${limited}${charts.length ? charts.join('') : '<p class="pa-muted">No values over periods yet.</p>'}</section>`;
}

function problemsHtml(input: PortfolioViewInput): string {
  const items = input.matrix.unreadablePeriods.map((u) => `<li>${esc(input.displayName(u.uri))}: period “${esc(u.written)}” is not understood (write it as Q3 2026, 2026-Q3, 3Q26, Q3 FY2026, FY2026, H1 2026, 2026, September 2026 or 2026-09-30)</li>`)
    .concat(input.skipped.map((s) => `<li>${esc(input.displayName(s.uri))}: not indexed, ${esc(s.reason)}</li>`));
  return items.length ? `<section class="pa-pf-problems"><h2>Not in the matrix</h2><ul>${items.join('')}</ul></section>` : '';
}

/** The page's HTML parts around the matrix (the matrix itself is data: {@link matrixData}). */
export function renderPortfolioSections(input: PortfolioViewInput): PortfolioSections {
  const { matrix } = input;
  const subjects = `${matrix.rows.length} ${matrix.rows.length === 1 ? 'subject' : 'subjects'}`;
  return {
    header: `<header class="pa-pf-header"><h1>${esc(matrix.patternName)} portfolio</h1><p class="pa-muted">${esc(subjects)}${matrix.asOf ? ` · as of ${esc(matrix.asOf.label)}` : ' · latest period of each subject'}</p></header>`,
    controls: controlsHtml(input),
    coverage: coverageHtml(input.coverage),
    trends: trendsHtml(input),
    problems: problemsHtml(input),
  };
}

/**
 * The trends part without its charts (each metric's `.pa-pf-trend` element empty), and each chart:
 * when only charts changed (a saved edit changes one subject's series), a patch replaces just those.
 */
export function renderTrendCharts(input: PortfolioViewInput): { readonly frame: string; readonly charts: ReadonlyMap<string, string> } {
  const charts = new Map<string, string>();
  const frame = trendsHtml({ ...input, chart: (t) => {
    charts.set(t.column.metricId, input.chart(t));
    return '';
  } });
  return { frame, charts };
}

/** The page shown before any analysis is indexed, or when there is none: a message, no matrix. */
export function renderPortfolioMessage(message: string): PortfolioSections {
  return { header: `<p class="pa-muted pa-pf-message">${esc(message)}</p>`, controls: '', coverage: '', trends: '', problems: '' };
}
