/** The portfolio's contributed view ids (package.json), shared by the always-loaded part and the lazy bundle; its commands are in features/commands.ts. */
export const ANALYSES_VIEW_ID = 'patternAnalyst.analyses';
export const PORTFOLIO_VIEW_TYPE = 'patternAnalyst.portfolio';
