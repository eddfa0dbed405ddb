/**
 * A fast 53-bit string hash (cyrb53, public domain) for an index entry's version: equal text and
 * model give the same version, so an unchanged file is never re-indexed. Not cryptographic: it
 * only tells "changed" from "unchanged", and a collision costs one stale entry until the next edit.
 */
export function contentHash(text: string, seed = 0): string {
  return contentHashNumber(text, seed).toString(36);
}

/**
 * `contentHash` as the number it writes in base 36 (below 2^53, so the text reads back exactly):
 * for a hash that is only computed with, never stored (the warm-start cache's shard of a file,
 * taken for each of 10,000 files as they are checked), not formatted and parsed back.
 */
export function contentHashNumber(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
