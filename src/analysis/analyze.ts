/**
 * Entry point of the analysis core: reads an analyst's markdown once and returns everything the
 * editor, the preview and the CLI show about it. (Placeholder until the analysis rules land:
 * recognises nothing yet.)
 */
import type { PatternCatalog } from '../model/patternCatalog';
import type { Analysis } from './types';

export function analyzeText(_text: string, _catalog: PatternCatalog): Analysis {
  return { isAnalysis: false, headings: [], claims: [], sections: [], metrics: [], findings: [] };
}
