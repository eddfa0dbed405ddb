/**
 * The portfolio as HTML: the body (matrix, peer coverage, conflicts, trends) and the
 * self-contained page the CLI writes. Same safety as the analysis export: every string escaped,
 * inline SVG charts without scripts, the export's CSP. Cells carry `data-uri`/`data-line` so an
 * editor webview can open the analysis at the value's line.
 */
import type { PortfolioReport } from '../portfolio/report';
import type { MatrixCell } from '../portfolio/types';
import { renderBulletChart } from './charts/bulletChart';
import { renderSmallMultiples } from './charts/smallMultiples';
import { renderExportPage } from './exportPage';
import { escapeAttribute as attr, escapeHtml as esc } from './html';
import { printStylesheet } from './printStyle';
import { verdictLook } from './verdictLabels';

export interface PortfolioBodyOptions {
  /** How a file is named on the page (a workspace- or cwd-relative path). */
  readonly displayName: (uri: string) => string;
}

function cellHtml(report: PortfolioReport, col: number, cell: MatrixCell | undefined, displayName: (uri: string) => string): string {
  if (!cell) return '<td class="pa-muted">—</td>';
  const column = report.matrix.columns[col];
  const look = verdictLook(cell.verdict);
  const period = cell.period ? (cell.period.period?.label ?? cell.period.written) : 'no period';
  const chart = renderBulletChart({ value: cell.value, verdict: cell.verdict, unit: column.unit, ...(column.benchmark && { benchmark: column.benchmark }), description: cell.verdictMessage });
  return `<td class="pa-cell ${look.className}" data-uri="${attr(cell.location.uri)}" data-line="${cell.location.range.start.line}" data-sort="${cell.value.low}" title="${attr(`${displayName(cell.location.uri)}, line ${cell.location.range.start.line + 1}`)}">`
    + `<span class="pa-value-text">${esc(cell.value.text)}</span> <span class="pa-badge ${look.className}"><span aria-hidden="true">${esc(look.symbol)}</span> ${esc(look.label)}</span>`
    + `<span class="pa-cell-period">${esc(period)}</span>${chart}</td>`;
}

/** The portfolio's body HTML. */
export function renderPortfolioBody(report: PortfolioReport, options: PortfolioBodyOptions): string {
  const m = report.matrix;
  const head = m.columns.map((c) => `<th scope="col" data-metric="${attr(c.metricId)}">${esc(c.name)}<div class="pa-muted">${esc(c.benchmarkText)}</div></th>`).join('');
  const rows = m.rows.map((r) => `<tr><th scope="row">${esc(r.subject)}<div class="pa-muted">${r.analyses} analys${r.analyses === 1 ? 'is' : 'es'}</div></th>${r.cells.map((c, i) => cellHtml(report, i, c, options.displayName)).join('')}</tr>`).join('');
  const cov = report.coverage;
  const missing = cov.missing.length
    ? `<ul class="pa-peer-missing">${cov.missing.map((c) => `<li data-company="${attr(c.companyId)}"><span aria-hidden="true">○</span> ${esc(c.name)} <span class="pa-muted">— no analysis yet</span></li>`).join('')}</ul>`
    : '<p>Every company of the pattern has an analysis.</p>';
  const others = cov.others.length ? `<p class="pa-muted">Also analysed: ${cov.others.map(esc).join(', ')}</p>` : '';
  const conflicts = report.conflicts.length
    ? `<section class="pa-portfolio-conflicts"><h2 class="pa-block-title">Conflicting values <span class="pa-muted">· ${report.conflicts.length / 2}</span></h2><ul>${report.conflicts.map((c) => `<li data-uri="${attr(c.uri)}" data-line="${c.range.start.line}"><span aria-hidden="true">⚠</span> ${esc(options.displayName(c.uri))}:${c.range.start.line + 1}: ${esc(c.message)}</li>`).join('')}</ul></section>`
    : '';
  const unreadable = m.unreadablePeriods.length
    ? `<p class="pa-muted">Periods the portfolio cannot place (listed as written): ${m.unreadablePeriods.map((u) => `${esc(options.displayName(u.uri))} “${esc(u.written)}”`).join('; ')}</p>`
    : '';
  return `<div class="pa-document pa-portfolio">`
    + `<header class="pa-header"><h1 class="pa-title">Portfolio · ${esc(m.patternName)}</h1><p class="pa-muted">${m.rows.length} subject${m.rows.length === 1 ? '' : 's'}${m.asOf ? ` · as of ${esc(m.asOf.label)}` : ' · latest period of each'}${m.periods.length ? ` · periods ${esc(m.periods[0].label)} – ${esc(m.periods[m.periods.length - 1].label)}` : ''}</p></header>`
    + `<section class="pa-portfolio-matrix"><h2 class="pa-block-title">Matrix</h2><table class="pa-scorecard-table pa-matrix"><thead><tr><th scope="col">Subject</th>${head}</tr></thead><tbody>${rows}</tbody></table>${unreadable}</section>`
    + `<section class="pa-portfolio-peers"><h2 class="pa-block-title">Peer set <span class="pa-muted">· ${cov.covered.length} of ${cov.covered.length + cov.missing.length} companies analysed</span></h2>${missing}${others}</section>`
    + conflicts
    + `<section class="pa-portfolio-trends"><h2 class="pa-block-title">Trends</h2>${report.trends.map(renderSmallMultiples).join('')}</section>`
    + '</div>';
}

/** The self-contained portfolio page (no scripts, the export's CSP, inline stylesheet). */
export function renderPortfolioPage(report: PortfolioReport, options: PortfolioBodyOptions & { readonly css: string }): string {
  return renderExportPage({ title: `Portfolio · ${report.matrix.patternName}`, bodyHtml: renderPortfolioBody(report, options), css: options.css, generator: 'Pattern Analyst' });
}

/**
 * The running header of a printed portfolio: the pattern and the period the matrix stands at (the
 * --as-of period, else the latest period among the analyses), so a loose page still says what it is.
 */
export function portfolioRunningHeader(report: PortfolioReport): string {
  const m = report.matrix;
  const period = m.asOf?.label ?? m.periods[m.periods.length - 1]?.label;
  return `Portfolio · ${m.patternName}${period ? ` · as of ${period}` : ''}`;
}

/** The page to print to PDF: the exported portfolio page with the print stylesheet and its running header. */
export function renderPortfolioPrintPage(report: PortfolioReport, options: PortfolioBodyOptions & { readonly css: string }): string {
  return renderPortfolioPage(report, { ...options, css: `${options.css}\n${printStylesheet(portfolioRunningHeader(report))}` });
}
