/**
 * The portfolio as text (a terminal table), CSV (for spreadsheets) and JSON (for tools). Each
 * prints a {@link PortfolioReport}; file locations go through `displayName` (paths relative to
 * the working folder in the CLI). Verdicts are written as words and symbols, never colour alone.
 */
import { verdictLook } from '../render/verdictLabels';
import type { PortfolioReport } from './report';
import type { MatrixCell } from './types';

export type DisplayName = (uri: string) => string;

function cellText(cell: MatrixCell | undefined): string {
  if (!cell) return '—';
  const look = verdictLook(cell.verdict);
  const period = cell.period ? ` (${cell.period.period?.label ?? cell.period.written})` : '';
  return `${cell.value.text} ${look.symbol} ${look.label}${period}`;
}

/** A plain-text table, one row per subject, then peer coverage and conflicts. */
export function portfolioText(report: PortfolioReport, displayName: DisplayName): string {
  const m = report.matrix;
  const header = ['Subject', ...m.columns.map((c) => c.name)];
  const rows = m.rows.map((r) => [r.subject, ...r.cells.map(cellText)]);
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: readonly string[]): string => cells.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
  const out = [
    `${m.patternName}${m.asOf ? ` as of ${m.asOf.label}` : ''}: ${m.rows.length} subject${m.rows.length === 1 ? '' : 's'}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `Benchmarks: ${m.columns.map((c) => `${c.name} ${c.benchmarkText}`).join('; ')}`,
    `Peer set: ${report.coverage.covered.length} of ${report.coverage.covered.length + report.coverage.missing.length} companies analysed${report.coverage.missing.length ? `; no analysis yet: ${report.coverage.missing.map((c) => c.name).join(', ')}` : ''}`,
  ];
  if (report.coverage.others.length) out.push(`Other subjects: ${report.coverage.others.join(', ')}`);
  for (const u of m.unreadablePeriods) out.push(`${displayName(u.uri)}: period "${u.written}" is not a period the portfolio can place (listed as written)`);
  for (const c of report.conflicts) {
    out.push(`${displayName(c.uri)}:${c.range.start.line + 1}:${c.range.start.character + 1}: warning: ${c.message} [conflicting-value]`);
  }
  return out.join('\n');
}

function pad(text: string, width: number): string {
  const t = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return t + ' '.repeat(Math.max(0, width - t.length));
}

/**
 * CSV (RFC 4180): a row per subject, for each metric its value, verdict, period, file and line.
 * A cell a spreadsheet would run as a formula (=, +, @, or - not followed by a digit) is prefixed
 * with ' so opening the file cannot execute anything.
 */
export function portfolioCsv(report: PortfolioReport, displayName: DisplayName): string {
  const m = report.matrix;
  const header = ['Subject', ...m.columns.flatMap((c) => [c.name, `${c.name} verdict`, `${c.name} period`, `${c.name} file`, `${c.name} line`])];
  const rows = m.rows.map((r) => [r.subject, ...r.cells.flatMap((cell) => (cell
    ? [cell.value.text, verdictLook(cell.verdict).label, cell.period?.period?.label ?? cell.period?.written ?? '', displayName(cell.location.uri), String(cell.location.range.start.line + 1)]
    : ['', '', '', '', '']))]);
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvField(value: string): string {
  const safe = /^[=+@\t\r]|^-(?![\d.])/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One JSON document: the matrix (cells keyed by metric id), peer coverage, trends and conflicts; lines 1-based. */
export function portfolioJson(report: PortfolioReport, displayName: DisplayName): unknown {
  const m = report.matrix;
  const where = (uri: string, line: number): { file: string; line: number } => ({ file: displayName(uri), line: line + 1 });
  return {
    pattern: { id: m.patternId, name: m.patternName },
    asOf: m.asOf?.label ?? null,
    periods: m.periods.map((p) => p.label),
    metrics: m.columns.map((c) => ({ id: c.metricId, name: c.name, benchmark: c.benchmarkText, threshold: c.benchmark ? `${c.benchmark.comparator}${c.benchmark.value}` : null })),
    subjects: m.rows.map((r) => ({
      subject: r.subject,
      company: r.companyId ?? null,
      analyses: r.analyses,
      values: Object.fromEntries(r.cells.flatMap((cell, i) => (cell ? [[m.columns[i].metricId, {
        value: cell.value.text, low: cell.value.low, high: cell.value.high, verdict: cell.verdict, message: cell.verdictMessage,
        period: cell.period?.period?.label ?? cell.period?.written ?? null, ...where(cell.location.uri, cell.location.range.start.line),
      }]] : []))),
    })),
    peers: { analysed: report.coverage.covered.map((c) => c.name), missing: report.coverage.missing.map((c) => c.name), others: report.coverage.others },
    trends: report.trends.map((t) => ({
      metric: t.column.metricId,
      series: t.series.map((s) => ({ subject: s.subject, points: s.points.map((p) => ({ period: p.period.label, value: p.value.text, verdict: p.verdict })) })),
    })),
    unreadablePeriods: m.unreadablePeriods.map((u) => ({ file: displayName(u.uri), period: u.written })),
    conflicts: report.conflicts.map((c) => ({ ...where(c.uri, c.range.start.line), column: c.range.start.character + 1, metric: c.metricId, message: c.message, other: where(c.other.uri, c.other.range.start.line) })),
  };
}
