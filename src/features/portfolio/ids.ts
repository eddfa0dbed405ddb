/** The portfolio's contributed ids (package.json), shared by the always-loaded part and the lazy bundle. */
export const ANALYSES_VIEW_ID = 'patternAnalyst.analyses';
export const PORTFOLIO_VIEW_TYPE = 'patternAnalyst.portfolio';
export const OPEN_PORTFOLIO_COMMAND = 'patternAnalyst.openPortfolio';
export const EXPORT_PORTFOLIO_HTML_COMMAND = 'patternAnalyst.exportPortfolioHtml';
export const EXPORT_PORTFOLIO_CSV_COMMAND = 'patternAnalyst.exportPortfolioCsv';
export const REFRESH_ANALYSES_COMMAND = 'patternAnalyst.refreshAnalyses';
