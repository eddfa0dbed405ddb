/**
 * A bullet chart of one stated value against its metric's benchmark: the value as a bar (a range
 * as a band), the threshold as a line across it with the side that meets it shaded, the verdict
 * symbol at the end. Without a numeric benchmark there is no line: the source states none, and
 * none is invented. Inline SVG with no scripts; colour is never the only signal (symbol, label,
 * <title>).
 */
import type { VerdictStatus } from '../../analysis/types';
import type { Benchmark, MetricUnit } from '../../model/types';
import { escapeAttribute as attr, escapeHtml as esc } from '../html';
import { verdictLook } from '../verdictLabels';
import { meetsSpan, metricDomain, round, scale, type ChartValue, type Domain } from './chartScale';

export const BULLET_WIDTH = 160;
export const BULLET_HEIGHT = 22;
/** Room at the right end for the verdict symbol. */
const SYMBOL_ROOM = 14;

export interface BulletInput {
  readonly value: ChartValue;
  readonly verdict: VerdictStatus;
  readonly unit: MetricUnit;
  readonly benchmark?: Benchmark;
  /** What the chart says in words (the verdict message), for <title> and the accessible name. */
  readonly description: string;
}

export interface BulletGeometry {
  readonly domain: Domain;
  /** The value bar (or range band): x from–to, in pixels. */
  readonly bar: { readonly x: number; readonly width: number };
  /** The threshold's x, when the metric has a numeric benchmark. */
  readonly threshold?: number;
  /** The shaded side that meets the benchmark. */
  readonly meets?: { readonly x: number; readonly width: number };
}

/** Where everything goes. */
export function bulletGeometry(input: BulletInput): BulletGeometry {
  const domain = metricDomain(input.unit, input.benchmark, [input.value]);
  const left = 0;
  const right = BULLET_WIDTH - SYMBOL_ROOM;
  const isRange = input.value.high > input.value.low;
  const from = isRange ? scale(domain, left, right, input.value.low) : scale(domain, left, right, Math.max(domain.min, Math.min(0, domain.max)));
  const to = scale(domain, left, right, input.value.high);
  const bar = { x: Math.min(from, to), width: Math.max(1, round(Math.abs(to - from))) };
  if (!input.benchmark) return { domain, bar };
  const threshold = scale(domain, left, right, input.benchmark.value);
  const span = meetsSpan(domain, input.benchmark);
  const a = scale(domain, left, right, span.min);
  const b = scale(domain, left, right, span.max);
  return { domain, bar, threshold, meets: { x: a, width: Math.max(0, round(b - a)) } };
}

/** The chart as inline SVG. */
export function renderBulletChart(input: BulletInput): string {
  const g = bulletGeometry(input);
  const look = verdictLook(input.verdict);
  const h = BULLET_HEIGHT;
  const parts: string[] = [
    `<svg class="pa-chart pa-bullet ${look.className}" width="${BULLET_WIDTH}" height="${h}" viewBox="0 0 ${BULLET_WIDTH} ${h}" role="img" aria-label="${attr(input.description)}">`,
    `<title>${esc(input.description)}</title>`,
    `<rect class="pa-chart-track" x="0" y="6" width="${BULLET_WIDTH - SYMBOL_ROOM}" height="10"></rect>`,
  ];
  if (g.meets && g.meets.width > 0) parts.push(`<rect class="pa-chart-meets-zone" x="${g.meets.x}" y="6" width="${g.meets.width}" height="10"></rect>`);
  parts.push(`<rect class="pa-chart-value" x="${g.bar.x}" y="9" width="${g.bar.width}" height="4"></rect>`);
  if (g.threshold !== undefined) parts.push(`<line class="pa-chart-threshold" x1="${g.threshold}" y1="2" x2="${g.threshold}" y2="${h - 2}"></line>`);
  parts.push(`<text class="pa-chart-symbol" x="${BULLET_WIDTH - 2}" y="15" text-anchor="end" aria-hidden="true">${esc(look.symbol)}</text>`, '</svg>');
  return parts.join('');
}
