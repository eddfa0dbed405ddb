/**
 * The continuous-typing figure's arithmetic, apart from the browser so it can be tested: given
 * each key's keydown time and the times the preview's copy of the typed word grew, how long each
 * key went unseen in the preview.
 */

/** Stale time per key: from its keydown until the first preview state showing at least that many keys. */
export function staleTimes(keyAt: readonly number[], shown: readonly (readonly [number, number])[], endAt: number): { stale: number[]; neverShown: number } {
  const stale: number[] = [];
  let neverShown = 0;
  for (let i = 0; i < keyAt.length; i++) {
    const first = shown.find(([t, n]) => n >= i + 1 && t >= keyAt[i]);
    if (!first) neverShown++;
    stale.push((first ? first[0] : endAt) - keyAt[i]);
  }
  return { stale, neverShown };
}

