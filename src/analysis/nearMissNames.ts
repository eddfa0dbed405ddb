/**
 * The `near-miss-name` rule: a name that is almost a metric, company (or, in headings, section)
 * name of the pattern — "GPU Utilisation Rat", "Microsft Azure" — where a name is expected (a
 * scorecard's metric cell, a "Name: value" label, a heading, a bold list lead), and a company name
 * written in the wrong case anywhere ("Coreweave"). Suggestions come from the index; exact names
 * and aliases are never flagged. The fix replaces the text with the canonical name.
 */
import { editDistance, nameKey, nameKeyMatchCase } from '../model/names';
import { entityName, type EntityKind, type Mention, type PatternIndex } from '../model/patternIndex';
import type { Finding, Fix, TextRange } from './types';

/** Longest text considered a name: longer texts are sentences, not misspelt names. */
const MAX_NAME_CHARS = 60;
const MAX_NAME_WORDS = 6;

/** Name keys of every metric, company and section, by length, computed once per index. */
const keyCache = new WeakMap<PatternIndex, ReadonlyMap<number, readonly string[]>>();

function keysByLength(index: PatternIndex): ReadonlyMap<number, readonly string[]> {
  let byLength = keyCache.get(index);
  if (!byLength) {
    const map = new Map<number, string[]>();
    for (const e of index.entities) {
      if (e.kind !== 'metric' && e.kind !== 'company' && e.kind !== 'section') continue;
      for (const name of index.namesOf(e)) {
        const k = nameKey(name);
        const list = map.get(k.length) ?? [];
        list.push(k);
        map.set(k.length, list);
      }
    }
    byLength = map;
    keyCache.set(index, byLength);
  }
  return byLength;
}

/**
 * A cheap test that some name is within the index's suggestion distance of `text` (the same
 * bound {@link PatternIndex.suggest} uses), so most labels and headings never reach `suggest`.
 */
function mayBeNear(index: PatternIndex, text: string): boolean {
  const key = nameKey(text);
  if (key.length < 3) return false;
  const limit = Math.max(1, Math.min(3, Math.floor(key.length / 5)));
  const byLength = keysByLength(index);
  for (let len = key.length - limit; len <= key.length + limit; len++) {
    for (const k of byLength.get(len) ?? []) if (editDistance(key, k, limit) <= limit) return true;
  }
  return false;
}

function replaceFix(range: TextRange, text: string, preferred: boolean): Fix {
  return { title: `Replace with "${text}"`, edits: [{ range, newText: text }], ...(preferred && { preferred: true }) };
}

/**
 * A near-miss finding for `text` written where a name is expected, or undefined when the text is
 * a known name (or contains one), or close to none. `kinds` are the entities a name there can be.
 */
export function nearMissAt(
  index: PatternIndex,
  text: string,
  rangeOf: (start: number, end: number) => TextRange,
  kinds: readonly EntityKind[],
  memo: Map<string, readonly string[]> = new Map(),
): Finding | undefined {
  // Emphasis around the name stays; only the name itself is replaced.
  let a = 0;
  let b = text.length;
  while (a < b && /[\s*_`]/.test(text[a])) a++;
  while (b > a && /[\s*_`]/.test(text[b - 1])) b--;
  if (b - a < 3 || b - a > MAX_NAME_CHARS * 2) return undefined;
  const cleaned = text.slice(a, b).replace(/\s+/g, ' ');
  const memoKey = `${kinds.join(',')}|${cleaned}`;
  let names = memo.get(memoKey);
  if (!names) {
    names = suggestedNames(index, cleaned, kinds);
    memo.set(memoKey, names);
  }
  if (names.length === 0) return undefined;
  const where = rangeOf(a, b);
  const best = names[0];
  return {
    rule: 'near-miss-name',
    severity: 'hint',
    message: `"${cleaned}" is not a name in ${index.model.name}. Did you mean ${names.map((n) => `"${n}"`).join(' or ')}?`,
    range: where,
    fixes: names.map((n) => replaceFix(where, n, n === best)),
  };
}

/** The canonical names `cleaned` nearly is (best first), or none. */
function suggestedNames(index: PatternIndex, cleaned: string, kinds: readonly EntityKind[]): readonly string[] {
  if (/[*_`]/.test(cleaned)) return [];
  if (cleaned.length < 3 || cleaned.length > MAX_NAME_CHARS || cleaned.split(' ').length > MAX_NAME_WORDS) return [];
  if (!/\p{L}/u.test(cleaned) || /\d{2,}/.test(cleaned)) return [];
  if (index.lookup(cleaned) || !mayBeNear(index, cleaned)) return [];
  // A known name inside the text ("GPU utilization (Q3)") is that name, unless the text reaches for
  // a longer one and misses it: "GPU Utilisation Rat" holds "GPU Utilisation" but means the rate.
  const inside = index.mentions(cleaned);
  const longestInside = Math.max(0, ...inside.map((m) => m.matched.length));
  const suggestions = index
    .suggest(cleaned, kinds, 3)
    .filter((s) => s.distance > 0 && s.name.length > longestInside && (inside.length === 0 || inside.some((m) => m.entity === s.entity)));
  return [...new Set(suggestions.map((s) => entityName(s.entity)))];
}

/**
 * A finding for a company mention written in the wrong case ("Coreweave" for "CoreWeave"). Text in
 * capitals throughout ("COREWEAVE" in a shouted heading) is left alone.
 */
export function wrongCaseAt(mention: Mention, where: TextRange): Finding | undefined {
  if (mention.entity.kind !== 'company') return undefined;
  const written = mention.text;
  if (nameKeyMatchCase(written) === nameKeyMatchCase(mention.matched)) return undefined;
  if (written === written.toUpperCase() && /\p{Lu}{2}/u.test(written)) return undefined;
  const right = mention.matched;
  return {
    rule: 'near-miss-name',
    severity: 'hint',
    message: `"${written}" is written "${right}".`,
    range: where,
    fixes: [replaceFix(where, right, true)],
  };
}
