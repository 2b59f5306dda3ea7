/**
 * Seeded random texts for the tests that check a fast path against its reference on thousands of texts:
 * the same seed gives the same texts, so a failure names a text that can be found again.
 */

/** Numbers in [0, 1) from a linear congruential generator started at `seed`. */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A text of 1 to `maxPieces` pieces, each drawn from `pieces` with `random`. */
export function randomText(random: () => number, pieces: readonly string[], maxPieces: number): string {
  let text = "";
  const length = 1 + Math.floor(random() * maxPieces);
  for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}
