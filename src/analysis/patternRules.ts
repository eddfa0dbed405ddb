/**
 * The `unknown-pattern` rule: the front matter names no pattern in the catalog. The message offers
 * the closest known patterns ("did you mean") and one fix per suggestion replacing the value with
 * that pattern's id; with no close match it lists the patterns that are loaded.
 */
import type { PatternCatalog } from '../model/patternCatalog';
import type { Finding, FrontMatter } from './types';

const MAX_LISTED = 5;

export function unknownPatternFinding(catalog: PatternCatalog, ref: string | number, fm: FrontMatter): Finding {
  const where = fm.pattern?.range ?? fm.range;
  const suggestions = catalog.suggest(String(ref));
  const label = (m: { id: string; name: string; number?: number }): string => `"${m.id}" (${m.name}${m.number !== undefined ? `, #${m.number}` : ''})`;
  let message = `Unknown pattern "${String(ref)}".`;
  if (suggestions.length > 0) {
    message += ` Did you mean ${suggestions.map(label).join(' or ')}?`;
  } else {
    const known = catalog.entries.map((e) => e.index.model);
    message += known.length
      ? ` Known patterns: ${known.slice(0, MAX_LISTED).map(label).join(', ')}${known.length > MAX_LISTED ? ', …' : ''}.`
      : ' No pattern models are loaded.';
  }
  if (catalog.notice) message += ` ${catalog.notice}`;
  return {
    rule: 'unknown-pattern',
    severity: 'error',
    message,
    range: where,
    fixes: suggestions.map((m, i) => ({
      title: `Use pattern "${m.id}" (${m.name})`,
      edits: [{ range: where, newText: m.id }],
      ...(i === 0 && { preferred: true }),
    })),
  };
}
