/**
 * Strings made ready for the lookups a hover does on them, ahead of the hover.
 *
 * Why: V8 keeps a string built by concatenation (a verdict message is `${value} — ${phrase}`) as a
 * tree of its pieces until something reads it whole. The hover card looks each verdict message up
 * in its escape memo: the first lookup of a message walks the pieces (allocated far apart while
 * the document was linted) to hash it, and every lookup compares it piece by piece with the kept
 * key. On a 1,000-line analysis every message is read in the first hovers and stays ready; on a
 * 100,000-line one (20,000 claims) most hovers meet a message for the first time, and this was the
 * part of a hover's tail that grew with the document (bench hover rows: p99 at 100k lines about
 * 3x the 1k p99; with messages settled first, under 2x).
 *
 * Reading one character flattens the string in place (V8 copies the pieces into one string the
 * first time a character of a concatenation is read); adding it to a Set computes and keeps its
 * hash. Neither changes the string's value: this only decides when the work is done.
 */

/** Flattens and hashes each text now (once per text; cheap for a text already settled). */
export function settleStrings(texts: readonly string[]): void {
  const seen = new Set<string>();
  for (const text of texts) {
    if (text.length > 0) text.charCodeAt(0);
    seen.add(text);
  }
}
