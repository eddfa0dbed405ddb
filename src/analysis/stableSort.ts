/**
 * `items.sort(compare)` (stable, in place), by insertion for short lists.
 *
 * Why: a short analysis has a dozen or two findings, nearly in order (each block's findings come
 * in order; the document-wide rules' are appended), and `Array.prototype.sort` with a comparator
 * has a fixed cost (a scratch copy, a call per comparison through the builtin) of about a
 * microsecond there, ~1% of the lint of a 4 KB analysis; insertion sorting them is a fifth of that.
 * Past {@link INSERTION_MAX} items the builtin sorts, so the work stays O(n log n) on any input.
 * Insertion moves an item only past items that compare greater, so equal items keep their order,
 * as the builtin's sort does (test/unit/analysis/stableSort.test.ts holds the two equal).
 */

/** Longest list sorted by insertion (at most INSERTION_MAX² / 2 comparisons). */
export const INSERTION_MAX = 32;

export function sortStable<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > INSERTION_MAX) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i - 1;
    if (compare(items[j], item) <= 0) continue;
    while (j >= 0 && compare(items[j], item) > 0) {
      items[j + 1] = items[j];
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
