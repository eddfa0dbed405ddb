/**
 * The analysis core, loaded from dist/analysis.js when a document is first checked instead of at
 * activation (as features/preview/lazyRenderer does for the renderer): the Pattern tree, commands
 * and restored previews start without it.
 */
import type * as AnalysisBundle from '../analysis/analysisBundle';

let loaded: typeof AnalysisBundle | undefined;

/** The analysis bundle (loaded once, then cached by Node's module cache and here). */
export function analysisCore(): typeof AnalysisBundle {
  // A path esbuild leaves alone (external in esbuild.mjs): resolved beside dist/extension.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./analysis.js') as typeof AnalysisBundle;
  return loaded;
}
