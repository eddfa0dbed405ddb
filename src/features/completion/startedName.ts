/**
 * Which multi-word name the user has begun typing before the cursor ("GPU Uti" begins "GPU
 * Utilization Rate"), so a completion can replace all of it rather than only the last word.
 * Pure (no editor types), so it is unit-tested in node.
 */
import { nameKey } from '../../model/names';

/** How many words back a multi-word name may have been started. */
export const MAX_WORDS_BACK = 4;

/**
 * The earliest of the last few words from which `before` (the line up to the cursor) spells the
 * start of one of `names`, when that start spans more than one word; undefined when the cursor
 * is after a space or only the current word matches (the editor's own word range covers that).
 */
export function startedName(before: string, names: readonly string[]): { start: number; name: string } | undefined {
  if (before === '' || /\s$/.test(before)) return undefined;
  // Table pipes end a cell, so a name never starts before one.
  const starts = [...before.matchAll(/[^\s|]+/g)].map((m) => m.index ?? 0).slice(-MAX_WORDS_BACK);
  for (const start of starts) {
    const typed = nameKey(before.slice(start));
    if (!typed) continue;
    const name = names.find((n) => nameKey(n).startsWith(typed));
    if (name) return /\s/.test(before.slice(start)) ? { start, name } : undefined;
  }
  return undefined;
}
