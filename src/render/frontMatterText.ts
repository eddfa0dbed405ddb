/**
 * A front-matter value as the one line of text the preview's header, its title and the export's
 * `<title>` show. YAML lets a few hundred bytes stand for a huge or endless value: aliases nested
 * nine deep expand a 474-byte block to a billion items, and `title: &t [*t]` is a list that holds
 * itself. js-yaml keeps both small in memory (an alias is a shared reference), so the danger is
 * only in walking the value; this walk is bounded in items, depth and characters, never revisits
 * a list it is inside of, and ends a cut value with a short note instead of freezing the editor.
 */

/** Longest text a front-matter value shows; more is cut with {@link TOO_LONG}. */
export const MAX_VALUE_CHARS = 1_000;
/** Most list items and mapping entries looked at in one value (aliases count each time they expand). */
export const MAX_VALUE_ITEMS = 1_000;
/** Deepest list nesting followed (a title is a string, or a short list of strings). */
export const MAX_VALUE_DEPTH = 16;

/** Shown after a value cut short. */
export const TOO_LONG = '… (too long to show in full)';
/** Shown where a list contains itself (a YAML alias to its own anchor). */
export const SELF_REFERENCE = '(refers to itself)';

interface Walk {
  readonly parts: string[];
  chars: number;
  items: number;
  cut: boolean;
  cyclic: boolean;
  readonly open: Set<unknown>;
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return undefined;
}

function push(w: Walk, text: string): void {
  const room = MAX_VALUE_CHARS - w.chars;
  if (text.length > room) {
    let end = Math.max(room, 0);
    // Never half a surrogate pair.
    if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
    w.parts.push(text.slice(0, end));
    w.chars = MAX_VALUE_CHARS;
    w.cut = true;
    return;
  }
  w.parts.push(text);
  w.chars += text.length;
}

/** Appends the scalars of `value` in order, each after ", ", until a bound is reached. */
function collect(w: Walk, value: unknown, depth: number): void {
  if (w.cut) return;
  const text = scalar(value);
  if (text !== undefined) {
    if (w.parts.length > 0) push(w, ', ');
    if (!w.cut) push(w, text);
    return;
  }
  // Mappings are not flattened (a header line is no place for YAML); only lists are.
  if (!Array.isArray(value)) return;
  if (w.open.has(value)) {
    w.cyclic = true;
    return;
  }
  if (depth >= MAX_VALUE_DEPTH) {
    w.cut = true;
    return;
  }
  w.open.add(value);
  for (let i = 0; i < value.length && !w.cut; i++) {
    if (++w.items > MAX_VALUE_ITEMS) {
      w.cut = true;
      break;
    }
    collect(w, value[i], depth + 1);
  }
  w.open.delete(value);
}

/**
 * The display text of a front-matter value: strings trimmed, numbers and dates as written, lists
 * joined with ", " (mappings and empty values show nothing). A value past the bounds shows its
 * beginning and {@link TOO_LONG}; a list that contains itself says {@link SELF_REFERENCE}.
 */
export function frontMatterText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const w: Walk = { parts: [], chars: 0, items: 0, cut: false, cyclic: false, open: new Set() };
  collect(w, value, 0);
  let text = w.parts.join('');
  if (w.cyclic) text = text ? `${text} ${SELF_REFERENCE}` : SELF_REFERENCE;
  if (w.cut) text = `${text.replace(/[\s,]+$/, '')}${TOO_LONG}`;
  return text || undefined;
}
