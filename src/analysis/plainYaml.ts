/**
 * A shortcut past js-yaml for the front matter nearly every analysis has: a few `key: value`
 * lines with plain words as values ("pattern: AI Infrastructure", "period: FY2025 H1").
 *
 * Why: js-yaml costs about 10 µs per front matter, a twentieth of the lint of a 4 KB analysis,
 * spent on every analysis the CLI or the portfolio reads (the editor's memo keeps the last one),
 * and loading it costs the editor's first analysis a bundle of its own (dist/yaml.js).
 *
 * Why it is safe: it answers only for text in a small subset of YAML whose meaning under js-yaml's
 * CORE_SCHEMA is plain to read, and gives up (undefined: the caller asks js-yaml) on anything else.
 * Every line must be `key: value` with
 * - a key of ASCII letters, digits, `_` and `-`, starting with a letter, not repeated (js-yaml
 *   rejects a repeated key), and not a word the schema reads as null or a boolean;
 * - a value that is a whole decimal number without a leading zero (read as a number, up to nine
 *   digits: exact), or that starts with an ASCII letter and holds only ASCII letters, digits,
 *   single spaces, `-`, `.`, `/` and `_`, and is not null, true or false in any spelling the
 *   schema knows: such a plain scalar can be nothing but that string (a number, a float, `.inf`
 *   and the like never start with a letter; a comment needs `#`, a nested mapping `: `);
 * - optionally followed by a comment: spaces, then `#` and printable ASCII to the end of the line
 *   ("pattern: Pattern #17" is the string "Pattern": in YAML a `#` after a space starts a comment,
 *   and a comment says nothing). Analysts write these (a fifth of the bench's 4 KB analyses), and
 *   each such front matter cost js-yaml's 10 µs.
 * test/unit/analysis/plainYaml.test.ts holds it to js-yaml on generated front matter, edge cases
 * included.
 */

/**
 * The three shapes, written as regexes (the definition; test/unit/analysis/plainYaml.test.ts holds
 * the character loops below to them): every front matter line met two or three regexes, a
 * twentieth of the lint of a short analysis.
 */
export const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const WORDS = /^[A-Za-z](?:[A-Za-z0-9/._-]| (?! |$))*$/;
export const INTEGER = /^(?:0|[1-9][0-9]{0,8})$/;

function isLetter(c: number): boolean {
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x7a;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** {@link KEY}. */
export function isKey(text: string): boolean {
  if (text.length === 0 || !isLetter(text.charCodeAt(0))) return false;
  for (let k = 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (!(isLetter(c) || isDigit(c) || c === 0x5f || c === 0x2d)) return false;
  }
  return true;
}

/** {@link WORDS}: a letter, then letters, digits, "/", ".", "_", "-" and single spaces, no space last. */
export function isWords(text: string): boolean {
  if (text.length === 0 || !isLetter(text.charCodeAt(0))) return false;
  for (let k = 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x20) {
      if (k + 1 === text.length || text.charCodeAt(k + 1) === 0x20) return false;
    } else if (!(isLetter(c) || isDigit(c) || c === 0x2f || c === 0x2e || c === 0x5f || c === 0x2d)) {
      return false;
    }
  }
  return true;
}

/** {@link INTEGER}. */
export function isInteger(text: string): boolean {
  if (text === '0') return true;
  if (text.length === 0 || text.length > 9 || text.charCodeAt(0) === 0x30) return false;
  for (let k = 0; k < text.length; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return true;
}
/** The CORE_SCHEMA's spellings of null and the booleans (js-yaml's type/null.js and type/bool.js). */
const RESERVED = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/**
 * {@link RESERVED}'s answer. Its words are 4 or 5 long: a key or value of another length (most:
 * "subject", "Crusoe through the AI Infrastructure lens") is not looked up, which would hash it.
 */
function isReserved(text: string): boolean {
  return (text.length === 4 || text.length === 5) && RESERVED.has(text);
}

/**
 * Where the value starting at `v` ends: at the spaces before a comment (" #" and printable ASCII
 * to the end), else at the end of the line. A `#` not after a space is part of the value (which
 * then is not plain words, so js-yaml reads it); so is one in a comment holding anything else.
 */
function commentStart(line: string, v: number): number {
  const hash = line.indexOf('#', v);
  if (hash <= v || line.charCodeAt(hash - 1) !== 0x20) return line.length;
  for (let k = hash + 1; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c < 0x20 || c > 0x7e) return line.length;
  }
  let end = hash - 1;
  while (end > v && line.charCodeAt(end - 1) === 0x20) end--;
  return end;
}

/** The mapping `lines` hold when they are all plain `key: value` lines (see above), else undefined. */
export function plainYamlMapping(lines: readonly string[], from: number, to: number): Record<string, unknown> | undefined {
  if (to <= from) return undefined;
  const out: Record<string, unknown> = {};
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const key = line.slice(0, colon);
    if (!isKey(key) || isReserved(key) || Object.prototype.hasOwnProperty.call(out, key)) return undefined;
    let v = colon + 1;
    if (line.charCodeAt(v) !== 0x20) return undefined;
    while (line.charCodeAt(v) === 0x20) v++;
    const value = line.slice(v, commentStart(line, v));
    if (isInteger(value)) out[key] = Number(value);
    else if (isWords(value) && !isReserved(value)) out[key] = value;
    else return undefined;
  }
  return out;
}
