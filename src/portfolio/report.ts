/**
 * Everything a portfolio report shows for one pattern, computed once from the index: the matrix,
 * peer coverage, trends and cross-analysis conflicts. The CLI's four formats and the HTML page
 * all print this one value, so they cannot disagree.
 */
import type { PatternIndex } from '../model/patternIndex';
import { crossAnalysisConflicts } from './conflicts';
import { portfolioMatrix } from './matrix';
import { peerCoverage } from './peerCoverage';
import { metricTrends } from './trends';
import type { CrossConflict, IndexEntry, Matrix, MetricTrend, PeerCoverage, Period } from './types';

export interface PortfolioReport {
  readonly matrix: Matrix;
  readonly coverage: PeerCoverage;
  readonly trends: readonly MetricTrend[];
  readonly conflicts: readonly CrossConflict[];
}

export function portfolioReport(entries: readonly IndexEntry[], pattern: PatternIndex, asOf?: Period, displayName?: (uri: string) => string): PortfolioReport {
  return {
    matrix: portfolioMatrix(entries, pattern, asOf),
    coverage: peerCoverage(entries, pattern),
    trends: metricTrends(entries, pattern),
    conflicts: crossAnalysisConflicts(entries, pattern, displayName),
  };
}
