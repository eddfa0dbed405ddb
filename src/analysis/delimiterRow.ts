/**
 * The delimiter row under a table's header ("| --- | :-: |"): how many columns it has, or 0 when
 * the line is not one. Read character by character, with no trimmed copy, no split array and no
 * expression per cell. Why: a line with a pipe followed by a line with a dash is asked about at
 * every table and at many prose lines, and the split-and-test reading was a measurable part of
 * reading the blocks of a short analysis. {@link delimiterColumnsByParts} is what it means; a unit
 * test holds the two to the same answers (test/unit/analysis/delimiterRow.test.ts).
 */

const DELIMITER_CHARS = /^[ \t|:-]+$/;
const DELIMITER_CELL = /^:?-+:?$/;

const COLON = 0x3a;
const DASH = 0x2d;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Whether `text[a, b)`, spaces and tabs around it left out, is ":?-+:?". */
function isCell(text: string, a: number, b: number): boolean {
  while (a < b && isBlank(text.charCodeAt(a))) a++;
  while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
  if (a < b && text.charCodeAt(a) === COLON) a++;
  if (b > a && text.charCodeAt(b - 1) === COLON) b--;
  if (a === b) return false;
  for (let k = a; k < b; k++) if (text.charCodeAt(k) !== DASH) return false;
  return true;
}

/** Whether `text[a, b)` holds only spaces and tabs. */
function isBlankRange(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isBlank(text.charCodeAt(k))) return false;
  return true;
}

/** The number of columns of the delimiter row `text`, or 0: see the module comment. */
export function delimiterColumns(text: string): number {
  if (!DELIMITER_CHARS.test(text) || !text.includes('-')) return 0;
  // Only spaces, tabs, "|", ":" and "-" from here on: trimming is dropping spaces and tabs.
  let a = 0;
  let b = text.length;
  while (a < b && isBlank(text.charCodeAt(a))) a++;
  while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
  // The parts between pipes of text[a, b); a blank first and a blank last part are dropped.
  const firstPipe = text.indexOf('|', a);
  const firstEnd = firstPipe >= 0 && firstPipe < b ? firstPipe : b;
  let from = a;
  let parts = 0;
  if (isBlankRange(text, a, firstEnd)) {
    if (firstEnd === b) return 0; // the only part, dropped: nothing left
    from = firstEnd + 1;
  }
  let lastStart = from;
  for (let k = text.indexOf('|', from); k >= 0 && k < b; k = text.indexOf('|', k + 1)) lastStart = k + 1;
  const to = from < lastStart && isBlankRange(text, lastStart, b) ? lastStart - 1 : b;
  for (let start = from; ; ) {
    const pipe = text.indexOf('|', start);
    const end = pipe >= 0 && pipe < to ? pipe : to;
    if (!isCell(text, start, end)) return 0;
    parts++;
    if (end === to) break;
    start = end + 1;
  }
  return parts;
}

/**
 * False when no delimiter row can follow the blockquote markers at the start of `line`: its first
 * character other than a space, a tab or ">" is not "|", ":" or "-" (a delimiter row holds only
 * those and spaces and tabs, and quote markers only spaces, tabs and ">"). The block loop asks this
 * first about the line under every line of text, which nearly always starts with a letter: one
 * look, where the line above was searched for a pipe to its end and this one for a dash.
 */
export function mayBeDelimiterRow(line: string): boolean {
  let k = 0;
  let c = line.charCodeAt(0);
  while (c === 0x20 || c === 0x09 || c === 0x3e) c = line.charCodeAt(++k);
  return c === 0x7c || c === COLON || c === DASH;
}

/** What {@link delimiterColumns} means: the row split at its pipes, each part tested on its own. */
export function delimiterColumnsByParts(text: string): number {
  if (!DELIMITER_CHARS.test(text) || !text.includes('-')) return 0;
  let parts = text.trim().split('|');
  if (parts[0].trim() === '') parts = parts.slice(1);
  if (parts.length && parts[parts.length - 1].trim() === '') parts = parts.slice(0, -1);
  if (parts.length === 0) return 0;
  for (const p of parts) if (!DELIMITER_CELL.test(p.trim())) return 0;
  return parts.length;
}
