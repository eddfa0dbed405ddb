/**
 * The portfolio core's views of one pattern, as the panel and the exports show them: the matrix
 * (as of a period), the peer set's coverage, the trends and their charts.
 */
import type { PatternIndex } from '../../model/patternIndex';
import { portfolioMatrix } from '../../portfolio/matrix';
import { peerCoverage } from '../../portfolio/peerCoverage';
import { metricTrends } from '../../portfolio/trends';
import type { IndexEntry, Matrix, MetricTrend, PeerCoverage, Period } from '../../portfolio/types';
import { trendChart } from './trendChart';

export interface PortfolioViews {
  readonly matrix: Matrix;
  readonly coverage: PeerCoverage;
  readonly trends: readonly MetricTrend[];
  readonly chart: (trend: MetricTrend) => string;
}

export function portfolioViews(entries: readonly IndexEntry[], pattern: PatternIndex, asOf: Period | undefined): PortfolioViews {
  const mine = entries.filter((e) => e.patternId === pattern.model.id);
  return {
    matrix: portfolioMatrix(mine, pattern, asOf),
    coverage: peerCoverage(mine, pattern),
    trends: metricTrends(mine, pattern),
    chart: trendChart,
  };
}
