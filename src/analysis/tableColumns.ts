/**
 * The roles of a scorecard table's columns, read from its header: which column names the metric
 * ("Metric", "KPI"; else the first), which holds the analyst's value ("Value", "Actual",
 * "Reported", the subject's name, else the latest period such as "Q3 2026"), and which holds the
 * source ("Source", "Reference"). Columns such as "Benchmark", "Target", "Prior" or "Change" never
 * hold the claimed value.
 */
import { foldTypography } from '../model/names';
import type { TableCell, TableRow } from './markdownBlocks';

export interface TableColumns {
  readonly metric: number;
  /** The value column, when the header names one; otherwise each row's first valued cell counts. */
  readonly value?: number;
  readonly source?: number;
  /** Columns that never hold the claimed value (benchmarks, targets, prior periods, notes…). */
  readonly excluded: ReadonlySet<number>;
  /** Unit a header gives to bare numbers in a column: "Value (%)" → percent, "USD" → currency. */
  readonly unitHint: ReadonlyMap<number, 'percent' | 'currency'>;
}

const METRIC_HEADER = /^(?:metrics?|kpis?|measures?|indicators?|key metrics?|name)$/;
const VALUE_HEADER = /^(?:values?|actuals?|stated|reported|results?|figures?|current|latest|measured|observed|reading|level|estimates?|est\.?|ours)(?![\p{L}])/u;
const SOURCE_HEADER = /^(?:sources?|refs?|references?|citations?|evidence)(?![\p{L}])/u;
const EXCLUDED_HEADER = /(?<![\p{L}])(?:benchmarks?|targets?|goals?|thresholds?|notes?|comments?|verdict|status|trend|prior|previous|last year|change|delta|yoy|qoq|vs\.?|peers?|industry|median|rank|definition|units?|why|how|pattern)(?![\p{L}])/u;
const PERIOD = /^(?:(q[1-4]|h[12])\s*)?(?:fy|cy)?\s*'?(\d{4}|\d{2})(?:\s*(q[1-4]|h[12]))?(?:\s*\([^)]*\))?$/;
const PERIOD_ALT = /^([1-4])q\s*'?(\d{4}|\d{2})$/;

function clean(text: string): string {
  // Each step only where it changes something: most headers are plain words.
  let t = foldTypography(text);
  if (/[*_`]/.test(t)) t = t.replace(/[*_`]/g, '');
  if (/\s\s|[^\S ]/.test(t)) t = t.replace(/\s+/g, ' ');
  return t.trim().toLowerCase();
}

/** A comparable rank for a period header ("Q3 2026" > "Q2 2026" > "FY2025"), or undefined. */
export function periodRank(header: string): number | undefined {
  const h = clean(header);
  const alt = PERIOD_ALT.exec(h);
  const m = alt ? undefined : PERIOD.exec(h);
  if (!alt && !m) return undefined;
  const yearText = alt ? alt[2] : (m as RegExpExecArray)[2];
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  if (year < 1900 || year > 2199) return undefined;
  const part = alt ? `q${alt[1]}` : (m as RegExpExecArray)[1] ?? (m as RegExpExecArray)[3];
  const monthEnd = !part ? 12 : part[0] === 'q' ? 3 * Number(part[1]) : 6 * Number(part[1]);
  return year * 100 + monthEnd;
}

export function tableColumns(header: TableRow, subject?: string): TableColumns {
  const names: string[] = [];
  for (let i = 0; i < header.cellCount; i++) names.push(clean((header.cell(i) as TableCell).text));
  const excluded = new Set<number>();
  const unitHint = new Map<number, 'percent' | 'currency'>();
  let metric = -1;
  let value: number | undefined;
  let source: number | undefined;
  const subjectKey = subject ? clean(subject) : undefined;
  let bestPeriod: { col: number; rank: number } | undefined;
  names.forEach((name, col) => {
    if (name.includes('%') || (name.includes('percent') && /(?<![\p{L}])percent/u.test(name))) unitHint.set(col, 'percent');
    else if (name.includes('$') || (name.includes('usd') && /(?<![\p{L}])usd(?![\p{L}])/u.test(name))) unitHint.set(col, 'currency');
    if (metric < 0 && METRIC_HEADER.test(name)) metric = col;
    else if (source === undefined && SOURCE_HEADER.test(name)) source = col;
    else if (EXCLUDED_HEADER.test(name)) excluded.add(col);
    else if (value === undefined && (VALUE_HEADER.test(name) || (subjectKey && name === subjectKey))) value = col;
    else {
      const rank = periodRank(name);
      if (rank !== undefined && (!bestPeriod || rank > bestPeriod.rank)) bestPeriod = { col, rank };
    }
  });
  if (metric < 0) metric = 0;
  if (value === undefined && bestPeriod) value = bestPeriod.col;
  if (value === metric) value = undefined;
  if (source !== undefined) excluded.add(source);
  // Every key present (undefined when there is none): one shape for every table's columns, read at every row.
  return { metric, value, source, excluded, unitHint };
}
