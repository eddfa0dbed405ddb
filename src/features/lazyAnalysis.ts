/**
 * The analysis core, loaded from dist/analysis.js when a document is first checked instead of at
 * activation: the Pattern tree, commands and restored previews start without it.
 */
import type * as AnalysisBundle from '../analysis/analysisBundle';
import { lazyBundle } from './lazyBundle';

/** The analysis bundle (loaded once). */
export const analysisCore = lazyBundle(
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => require('./analysis.js') as typeof AnalysisBundle,
);
