/**
 * An analysis's index entry from its text: the analysis core reads it, indexEntryOf.ts summarises
 * it. For the CLI and the tests, which carry the core anyway; the editor's portfolio bundle uses
 * indexEntryOf with the core it loaded once (src/features/portfolio/coreEntrySource.ts).
 */
import { analyzeText } from '../analysis/analyze';
import { DEFAULT_LEVELS } from '../analysis/checkLevels';
import type { PatternCatalog } from '../model/patternCatalog';
import { indexEntryOf } from './indexEntryOf';
import type { IndexEntry } from './types';

export { companyOf, INDEX_FORMAT_VERSION, indexEntryOf, summary } from './indexEntryOf';

/** Reads `text` and builds its entry; undefined for a markdown file that is not an analysis. */
export function buildIndexEntry(uri: string, text: string, catalog: PatternCatalog): IndexEntry | undefined {
  // Only the rules on by default run: the entry counts findings at the default levels.
  return indexEntryOf(uri, text, analyzeText(text, catalog, { levels: DEFAULT_LEVELS }));
}
