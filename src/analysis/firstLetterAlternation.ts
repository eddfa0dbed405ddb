/**
 * A case-insensitive alternation of patterns, grouped by their first letter: `A|B|C` becomes
 * `g(?:…|…)|a(?:…|…)|…`, the same language with the same match at every position.
 *
 * Why: the `near-miss-name` rule runs a case-insensitive search for the model's company names over
 * every table row, heading and number-free paragraph (≈ 2,200 characters and 43 searches per 4 KB
 * analysis). At each position of the text V8's regex engine tries the alternatives one by one;
 * with one branch per first letter, a position whose letter starts no name is left after one test
 * per letter instead of one per name (measured 3.64 → 3.19 µs per bench document over the rows as
 * the lint reads them, two-byte sliced strings).
 *
 * Why the answers stay the same: alternatives whose first letters differ (case-insensitively) can
 * never both match at one position, so only the order within a letter matters, and it is kept.
 * A regex tries positions left to right and, at a position, alternatives in order: every match is
 * then the same one. Patterns whose first character is not a plain ASCII letter standing alone (an
 * escape, a class, a letter under a quantifier) or that hold a "|" (maybe an alternation of their
 * own) make the whole alternation come back unchanged.
 */

/** Source of `patterns.join('|')` for the `i` flag (not `u`), grouped by first letter when that is safe. */
export function alternationByFirstLetter(patterns: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const p of patterns) {
    const first = p.charCodeAt(0);
    const lower = first | 0x20;
    // A letter followed by a quantifier is not an atom on its own: "a+b" is no "a(?:+b)".
    if (!(lower >= 0x61 && lower <= 0x7a) || /^[*+?{]/.test(p.slice(1)) || p.includes('|')) return patterns.join('|');
    const key = String.fromCharCode(lower);
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const branches: string[] = [];
  for (const [letter, group] of groups) {
    branches.push(group.length === 1 ? group[0] : `${letter}(?:${group.map((p) => p.slice(1)).join('|')})`);
  }
  return branches.join('|');
}
