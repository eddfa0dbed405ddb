/**
 * Which pattern models a document is read against, decided once for every authoring feature: an
 * analysis uses the model its front matter names; any other document uses the bundled model
 * (completion, snippets) or every loaded model (hover, which shows each model that has the name).
 */
import type { Analysis } from '../analysis/types';
import type { PatternCatalog } from '../model/patternCatalog';
import type { PatternIndex } from '../model/patternIndex';

/** The models to look names up in, the named or bundled one first. */
export function patternsToSearch(analysis: Analysis, catalog: PatternCatalog): PatternIndex[] {
  if (analysis.pattern) return [analysis.pattern];
  const bundled = catalog.entries.filter((e) => e.bundled).map((e) => e.index);
  const others = catalog.entries.filter((e) => !e.bundled).map((e) => e.index);
  return [...bundled, ...others];
}

/** The one model a document is written against: the named one, else the bundled one. */
export function primaryPattern(analysis: Analysis, catalog: PatternCatalog): PatternIndex | undefined {
  return analysis.pattern ?? catalog.entries.find((e) => e.bundled)?.index ?? catalog.indexes[0];
}
