/**
 * The entry point of dist/analysis.js: the analysis core as its own bundle, which the editor loads
 * when it first checks a document (see features/core.ts), not at activation. Opening the
 * Pattern tree, a preview serializer restoring or a command needs none of it; compiling its 40 KB
 * with the rest of dist/extension.js was a third of the extension's load time.
 */
export { analyzeText } from './analyze';
export { AnalysisMemo } from './analysisMemo';
export { claimsOnLine } from './claimsByLine';
export { readFrontMatter } from './frontMatter';
export { acknowledgeEdit, findingsWithoutSuppressions } from './suppressions';
export { effectiveLevels, isIgnored, parseTeamConfig } from './teamConfig';
