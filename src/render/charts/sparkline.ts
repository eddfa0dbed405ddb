/**
 * A sparkline of one metric over earlier periods of the same subject: a line through the values,
 * the benchmark as a dashed line where the source states one, values that miss it drawn as a
 * cross (not only in another colour), the latest value as a filled dot. Inline SVG, no scripts.
 */
import type { VerdictStatus } from '../../analysis/types';
import type { Benchmark, MetricUnit } from '../../model/types';
import { escapeAttribute as attr, escapeHtml as esc } from '../html';
import { metricDomain, round, scale, type ChartValue, type Domain } from './chartScale';

export const SPARK_WIDTH = 90;
export const SPARK_HEIGHT = 22;
const PAD = 3;

export interface SparkPoint {
  readonly label: string;
  readonly value: ChartValue;
  readonly verdict: VerdictStatus;
}

export interface SparkInput {
  /** Oldest first; the last is the current value. */
  readonly points: readonly SparkPoint[];
  readonly unit: MetricUnit;
  readonly benchmark?: Benchmark;
  readonly description: string;
}

export interface SparkGeometry {
  readonly domain: Domain;
  readonly points: readonly { readonly x: number; readonly y: number; readonly miss: boolean }[];
  readonly threshold?: number;
}

/** A point's y is its value's middle (a range's centre). */
export function sparkGeometry(input: SparkInput, width = SPARK_WIDTH, height = SPARK_HEIGHT): SparkGeometry {
  const domain = metricDomain(input.unit, input.benchmark, input.points.map((p) => p.value));
  const n = input.points.length;
  const x = (i: number): number => (n <= 1 ? round(width / 2) : round(PAD + (i * (width - 2 * PAD)) / (n - 1)));
  const y = (v: number): number => scale(domain, height - PAD, PAD, v);
  return {
    domain,
    points: input.points.map((p, i) => ({ x: x(i), y: y((p.value.low + p.value.high) / 2), miss: p.verdict === 'misses' })),
    ...(input.benchmark && { threshold: y(input.benchmark.value) }),
  };
}

/** A cross of half-size `r` at (x, y): the mark of a miss. */
export function crossPath(x: number, y: number, r = 2.5): string {
  return `M${round(x - r)} ${round(y - r)}L${round(x + r)} ${round(y + r)}M${round(x - r)} ${round(y + r)}L${round(x + r)} ${round(y - r)}`;
}

export function renderSparkline(input: SparkInput): string {
  if (input.points.length === 0) return '';
  const g = sparkGeometry(input);
  const parts: string[] = [
    `<svg class="pa-chart pa-sparkline" width="${SPARK_WIDTH}" height="${SPARK_HEIGHT}" viewBox="0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}" role="img" aria-label="${attr(input.description)}">`,
    `<title>${esc(input.description)}</title>`,
  ];
  if (g.threshold !== undefined) parts.push(`<line class="pa-chart-threshold pa-dashed" x1="0" y1="${g.threshold}" x2="${SPARK_WIDTH}" y2="${g.threshold}"></line>`);
  if (g.points.length > 1) parts.push(`<polyline class="pa-chart-line" points="${g.points.map((p) => `${p.x},${p.y}`).join(' ')}"></polyline>`);
  g.points.forEach((p, i) => {
    if (p.miss) parts.push(`<path class="pa-chart-miss" d="${crossPath(p.x, p.y)}"></path>`);
    else parts.push(`<circle class="pa-chart-point${i === g.points.length - 1 ? ' pa-chart-latest' : ''}" cx="${p.x}" cy="${p.y}" r="${i === g.points.length - 1 ? 2.5 : 1.5}"></circle>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
