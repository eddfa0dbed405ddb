/**
 * How names are compared everywhere: one normalisation, so that "GPU-hour", "GPU hour",
 * "gpu\u00a0hour" and "GPU\nhour" are the same name, and typographic quotes and dashes do not
 * split a match. Used by the index, the analysis rules and the tests alike.
 */

const QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
/** Whitespace of every kind, and hyphens, which analysts use interchangeably inside names. */
const SEPARATORS = /[\s\u00a0\u202f\u2007\u2060-]+/g;

/** The comparison key of a name: case-folded, separators collapsed, typography unified. */
export function nameKey(text: string): string {
  if (isKeyShaped(text)) return text.toLowerCase();
  return foldTypography(text).toLowerCase().replace(SEPARATORS, ' ').trim();
}

/** The same key without case folding, for aliases that must match case ("Together"). */
export function nameKeyMatchCase(text: string): string {
  if (isKeyShaped(text)) return text;
  return foldTypography(text).replace(SEPARATORS, ' ').trim();
}

/**
 * True when the text is already shaped like a key: plain ASCII (nothing to fold) whose only
 * separators are single spaces between words (nothing to collapse or trim). Most names, headings
 * and cells are, and for them the key is the text itself (lower-cased for {@link nameKey}): one
 * pass over the characters instead of a regex replace and a trim per call, which the lint makes
 * for every heading, label and table cell it compares with the model's names.
 */
function isKeyShaped(text: string): boolean {
  // A leading space is not allowed: start as if after one.
  let afterSpace = true;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if (c >= 0x80 || c === 0x2d || (c >= 0x09 && c <= 0x0d)) {
      // Beyond ASCII (typography, other spaces), a hyphen or other ASCII whitespace: the full key.
      return false;
    } else {
      afterSpace = false;
    }
  }
  return !afterSpace || text.length === 0;
}

/** Any character outside ASCII: ASCII text is its own NFKC form and holds no typographic quote or dash. */
const NON_ASCII = /[\u0080-\uffff]/;

/** Unifies quotes and dashes and applies NFKC (so a non-breaking space is a space). */
export function foldTypography(text: string): string {
  // Most names and headings are plain ASCII: nothing to fold, and normalize() is not free.
  if (!NON_ASCII.test(text)) return text;
  return text.normalize('NFKC').replace(QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

/** The words of a name as its pattern reads them: typography folded, split at separators. */
export function nameWords(name: string): string[] {
  return foldTypography(name).split(SEPARATORS).filter(Boolean);
}

/** The characters {@link namePattern} accepts between the words of a name (a regex class). */
export const NAME_SEPARATOR_CLASS = '[\\s\\u00a0\\u202f\\u2007\\u2060\\-\\u2010\\u2011\\u2012\\u2013\\u2014]';

/** Source text of a regular expression that matches a name with any separators between its words. */
export function namePattern(name: string): string {
  return nameWords(name).map((w) => escapeWord(w)).join(`${NAME_SEPARATOR_CLASS}+`);
}

function escapeWord(word: string): string {
  return Array.from(word)
    .map((ch) => {
      if (ch === "'") return "['\\u2018\\u2019]";
      return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
}

/** Two rows of the distance table, reused by every call (it runs for every name of a model, per label and heading). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Damerau-free Levenshtein distance, bounded: returns `limit + 1` as soon as it is exceeded. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  if (rowA.length <= n) {
    rowA = new Int32Array(2 * (n + 1));
    rowB = new Int32Array(2 * (n + 1));
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      let v = prev[j] + 1;
      const insert = cur[j - 1] + 1;
      if (insert < v) v = insert;
      const change = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      if (change < v) v = change;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}
