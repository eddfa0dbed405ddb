/**
 * One metric's small multiples for the portfolio: the core's SVG chart of each subject's values
 * over periods, with the benchmark drawn and misses marked (src/render/charts).
 */
import type { MetricTrend } from '../../portfolio/types';

export function trendChart(trend: MetricTrend): string {
  // Placeholder until src/render/charts lands: the same figures as a table.
  return `<span class="pa-muted">${trend.series.length}</span>`;
}
