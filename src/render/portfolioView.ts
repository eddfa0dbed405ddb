/**
 * The portfolio webview's body: the matrix (one row per subject, one column per metric, each cell
 * the latest value with its verdict's colour AND symbol, its period, and the place it is written),
 * the peer set's coverage (the pattern's companies without an analysis, each with a New Analysis
 * button), the trends (the core's SVG small multiples) and what the index could not read. Pure:
 * every string from an analysis is escaped here; the webview script only sorts rows and turns
 * clicks into typed messages.
 */
import type { Matrix, MatrixCell, MetricTrend, PeerCoverage } from '../portfolio/types';
import { escapeAttribute as attr, escapeHtml as esc } from './html';
import { verdictLook } from './verdictLabels';

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

/** The sort key of a cell: its (lower) number, so a column sorts by value, not by text. */
function sortKey(cell: MatrixCell | undefined): string {
  return cell ? String(cell.value.low) : '';
}

function cellHtml(cell: MatrixCell | undefined, column: string, displayName: (uri: string) => string): string {
  if (!cell) return `<td class="pa-pf-cell pa-pf-empty" data-sort=""><span class="pa-muted" title="No analysis states a value">—</span></td>`;
  const look = verdictLook(cell.verdict);
  const period = cell.period ? cell.period.period?.label ?? cell.period.written : 'no period';
  const where = `${displayName(cell.location.uri)}, line ${cell.location.range.start.line + 1}`;
  const title = `${column}: ${cell.verdictMessage} (${cell.period?.written ?? 'no period'}; ${where}${cell.source ? `; source: ${cell.source}` : ''})`;
  return `<td class="pa-pf-cell ${look.className}" data-sort="${attr(sortKey(cell))}" data-verdict="${attr(cell.verdict)}">`
    + `<button type="button" class="pa-pf-open" data-uri="${attr(cell.location.uri)}" data-line="${cell.location.range.start.line}" data-character="${cell.location.range.start.character}" title="${attr(title)}" aria-label="${attr(`${cell.value.text}, ${look.label}, ${period}. Open ${where}`)}">`
    + `<span class="pa-pf-symbol" aria-hidden="true">${esc(look.symbol)}</span> <span class="pa-pf-value">${esc(cell.value.text)}</span>`
    + `<span class="pa-pf-period">${esc(period)}</span></button></td>`;
}

function matrixHtml(input: PortfolioViewInput): string {
  const { matrix } = input;
  if (matrix.rows.length === 0) return '<p class="pa-muted">No analysis of this pattern states a period up to this one.</p>';
  const head = ['<th scope="col" data-col="0" aria-sort="ascending"><button type="button" class="pa-pf-sort">Subject</button></th>']
    .concat(matrix.columns.map((c, i) => `<th scope="col" data-col="${i + 1}" aria-sort="none" title="${attr(`Benchmark: ${c.benchmarkText}`)}"><button type="button" class="pa-pf-sort">${esc(c.name)}</button><span class="pa-pf-bench">${esc(c.benchmarkText)}</span></th>`));
  const rows = matrix.rows.map((row) => {
    const cells = row.cells.map((cell, i) => cellHtml(cell, matrix.columns[i]?.name ?? '', input.displayName)).join('');
    const count = `${row.analyses} ${row.analyses === 1 ? 'analysis' : 'analyses'}`;
    return `<tr data-subject="${attr(row.subject)}"><th scope="row" data-sort="${attr(row.subject.toLowerCase())}">${esc(row.subject)} <span class="pa-muted pa-pf-count">${esc(count)}</span></th>${cells}</tr>`;
  });
  return `<table class="pa-pf-matrix" id="pa-pf-matrix"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
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

function trendsHtml(input: PortfolioViewInput): string {
  // Each chart names its metric and benchmark itself (the core's small multiples).
  const charts = input.trends.filter((t) => t.series.some((s) => s.points.length > 0)).map((t) => `<div class="pa-pf-trend" data-metric="${attr(t.column.metricId)}">${input.chart(t)}</div>`);
  const limited = input.trendSubjects && input.trendSubjects.shown < input.trendSubjects.total
    ? `<p class="pa-muted pa-pf-trends-limited">Trends of ${input.trendSubjects.shown.toLocaleString('en-US')} of ${input.trendSubjects.total.toLocaleString('en-US')} subjects: the pattern's companies first, then those with the most periods. The exported portfolio (HTML, PDF) draws every subject.</p>`
    : '';
  return `<section class="pa-pf-trends" id="pa-pf-trends"><h2>Trends</h2>${limited}${charts.length ? charts.join('') : '<p class="pa-muted">No values over periods yet.</p>'}</section>`;
}

function problemsHtml(input: PortfolioViewInput): string {
  const items = input.matrix.unreadablePeriods.map((u) => `<li>${esc(input.displayName(u.uri))}: period “${esc(u.written)}” is not understood (write it as Q3 2026, 2026-Q3, 3Q26, Q3 FY2026, FY2026, H1 2026, 2026, September 2026 or 2026-09-30)</li>`)
    .concat(input.skipped.map((s) => `<li>${esc(input.displayName(s.uri))}: not indexed, ${esc(s.reason)}</li>`));
  return items.length ? `<section class="pa-pf-problems"><h2>Not in the matrix</h2><ul>${items.join('')}</ul></section>` : '';
}

/** The body HTML of the portfolio webview. */
export function renderPortfolioView(input: PortfolioViewInput): string {
  const { matrix } = input;
  const subjects = `${matrix.rows.length} ${matrix.rows.length === 1 ? 'subject' : 'subjects'}`;
  return `<header class="pa-pf-header"><h1>${esc(matrix.patternName)} portfolio</h1><p class="pa-muted">${esc(subjects)}${matrix.asOf ? ` · as of ${esc(matrix.asOf.label)}` : ' · latest period of each subject'}</p></header>`
    + controlsHtml(input)
    + `<section class="pa-pf-matrix-section">${matrixHtml(input)}</section>`
    + coverageHtml(input.coverage)
    + trendsHtml(input)
    + problemsHtml(input);
}

/** The page shown before any analysis is indexed, or when there is none. */
export function renderPortfolioMessage(message: string): string {
  return `<p class="pa-muted pa-pf-message">${esc(message)}</p>`;
}
