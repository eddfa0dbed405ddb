/**
 * Small multiples of one metric: a panel per subject, all on the same period axis and value axis
 * so they compare at a glance, the benchmark as a dashed line labelled with the source's own
 * threshold text, values that miss it drawn as crosses. Inline SVG in plain HTML, no scripts.
 */
import { comparePeriods, periodKey } from '../../portfolio/periods';
import type { MetricTrend, Period } from '../../portfolio/types';
import { escapeAttribute as attr, escapeHtml as esc } from '../html';
import { verdictLook } from '../verdictLabels';
import { metricDomain, round, scale, type Domain } from './chartScale';
import { crossPath } from './sparkline';

export const PANEL_WIDTH = 150;
export const PANEL_HEIGHT = 70;
const PAD_X = 8;
const PAD_Y = 8;

export interface PanelGeometry {
  readonly domain: Domain;
  /** The shared period axis, oldest first. */
  readonly periods: readonly Period[];
  /** Per series (in the trend's order), its points. */
  readonly series: readonly (readonly { readonly x: number; readonly y: number; readonly miss: boolean }[])[];
  readonly threshold?: number;
}

export function smallMultiplesGeometry(trend: MetricTrend): PanelGeometry {
  const byKey = new Map<string, Period>();
  for (const s of trend.series) for (const p of s.points) byKey.set(periodKey({ written: '', period: p.period }), p.period);
  const periods = [...byKey.values()].sort(comparePeriods);
  const index = new Map(periods.map((p, i) => [periodKey({ written: '', period: p }), i]));
  const domain = metricDomain(trend.column.unit, trend.column.benchmark, trend.series.flatMap((s) => s.points.map((p) => p.value)));
  const n = periods.length;
  const x = (i: number): number => (n <= 1 ? round(PANEL_WIDTH / 2) : round(PAD_X + (i * (PANEL_WIDTH - 2 * PAD_X)) / (n - 1)));
  const y = (v: number): number => scale(domain, PANEL_HEIGHT - PAD_Y, PAD_Y, v);
  return {
    domain,
    periods,
    series: trend.series.map((s) => s.points.map((p) => ({
      x: x(index.get(periodKey({ written: '', period: p.period })) ?? 0),
      y: y((p.value.low + p.value.high) / 2),
      miss: p.verdict === 'misses',
    }))),
    ...(trend.column.benchmark && { threshold: y(trend.column.benchmark.value) }),
  };
}

/** The metric's panels as an HTML figure. */
export function renderSmallMultiples(trend: MetricTrend): string {
  const g = smallMultiplesGeometry(trend);
  const c = trend.column;
  const first = g.periods[0]?.label ?? '';
  const last = g.periods[g.periods.length - 1]?.label ?? '';
  const panels = trend.series.map((s, i) => {
    const pts = g.series[i];
    const latest = s.points[s.points.length - 1];
    const words = s.points.map((p) => `${p.value.text} in ${p.period.label} (${verdictLook(p.verdict).label})`).join(', ');
    const description = `${c.name} of ${s.subject}: ${words}${c.benchmark ? `; benchmark ${c.benchmarkText}` : ''}`;
    const svg: string[] = [
      `<svg class="pa-chart pa-multiple" width="${PANEL_WIDTH}" height="${PANEL_HEIGHT}" viewBox="0 0 ${PANEL_WIDTH} ${PANEL_HEIGHT}" role="img" aria-label="${attr(description)}">`,
      `<title>${esc(description)}</title>`,
      `<rect class="pa-chart-frame" x="0.5" y="0.5" width="${PANEL_WIDTH - 1}" height="${PANEL_HEIGHT - 1}"></rect>`,
    ];
    if (g.threshold !== undefined) svg.push(`<line class="pa-chart-threshold pa-dashed" x1="0" y1="${g.threshold}" x2="${PANEL_WIDTH}" y2="${g.threshold}"></line>`);
    if (pts.length > 1) svg.push(`<polyline class="pa-chart-line" points="${pts.map((p) => `${p.x},${p.y}`).join(' ')}"></polyline>`);
    for (const p of pts) svg.push(p.miss ? `<path class="pa-chart-miss" d="${crossPath(p.x, p.y, 3)}"></path>` : `<circle class="pa-chart-point" cx="${p.x}" cy="${p.y}" r="2.5"></circle>`);
    svg.push('</svg>');
    const look = latest ? verdictLook(latest.verdict) : undefined;
    return `<figure class="pa-multiple-panel"><figcaption><span class="pa-multiple-subject">${esc(s.subject)}</span>`
      + (latest && look ? ` <span class="pa-badge ${look.className}"><span aria-hidden="true">${esc(look.symbol)}</span> ${esc(latest.value.text)}</span>` : '')
      + `</figcaption>${svg.join('')}</figure>`;
  });
  const legend = c.benchmark ? `dashed line: ${esc(c.benchmarkText)}; ✗ misses it` : `no numeric benchmark in the source (${esc(c.benchmarkText)})`;
  return `<section class="pa-trend" data-metric="${attr(c.metricId)}"><h3>${esc(c.name)} <span class="pa-muted">· ${esc(first)}${last !== first ? ` – ${esc(last)}` : ''} · ${legend}</span></h3>`
    + (panels.length ? `<div class="pa-multiples">${panels.join('')}</div>` : '<p class="pa-muted">No analysis states this metric yet.</p>')
    + '</section>';
}
