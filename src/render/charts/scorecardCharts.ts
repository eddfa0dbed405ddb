/**
 * The charts in a scorecard row: the bullet chart of the headline value always, and a sparkline
 * of the subject's earlier periods when the caller passes them (the editor, from its index).
 */
import type { MetricClaim } from '../../analysis/types';
import type { Metric } from '../../model/types';
import { historySentence } from '../../portfolio/history';
import type { HistoryPoint } from '../../portfolio/types';
import { renderBulletChart } from './bulletChart';
import { renderSparkline } from './sparkline';

export function scorecardCharts(metric: Metric | undefined, headline: MetricClaim, period: string | undefined, history: readonly HistoryPoint[] | undefined): string {
  if (!metric) return '';
  const bullet = renderBulletChart({
    value: headline.value,
    verdict: headline.verdict.status,
    unit: metric.unit,
    ...(metric.benchmark && { benchmark: metric.benchmark }),
    description: headline.verdict.message,
  });
  if (!history || history.length === 0) return bullet;
  const points = [
    ...history.map((h) => ({ label: h.period, value: h.value, verdict: h.verdict })),
    { label: period ?? 'now', value: headline.value, verdict: headline.verdict.status },
  ];
  const description = `${metric.name}: ${historySentence({ ...headline.value, text: headline.value.text.trim() }, period, history)}`;
  return `${bullet} ${renderSparkline({ points, unit: metric.unit, ...(metric.benchmark && { benchmark: metric.benchmark }), description })}`;
}
