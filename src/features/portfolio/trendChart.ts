/**
 * One metric's small multiples for the portfolio: the core's SVG panels of each subject's values
 * over periods, with the benchmark drawn and misses marked (src/render/charts), the same the CLI's
 * HTML page shows.
 */
export { renderSmallMultiples as trendChart } from '../../render/charts/smallMultiples';
