import { DiceCoefficient } from "natural/lib/natural/distance/index.js";
import { describe, expect, it } from "vitest";
import { diceBigrams, diceOfBigrams } from "../../src/stages/dedupe/dice.js";

const dice = (a: string, b: string): number => diceOfBigrams(diceBigrams(a), diceBigrams(b));

/** A deterministic pseudo-random string over a small alphabet (repeats make repeated bigrams). */
function randomText(seed: number, alphabet: string): string {
  let x = seed * 2654435761 + 1;
  const next = (): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x >>> 8;
  };
  const length = next() % 40;
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[next() % alphabet.length];
  return out;
}

describe("diceBigrams and diceOfBigrams", () => {
  it("give natural's DiceCoefficient to the bit, edge cases included", () => {
    const texts = [
      "",
      " ",
      "a",
      "A",
      "ab",
      "aa",
      "aaaa",
      "  Two   spaces\tand a tab ",
      "exosomesderivedfromhumanadiposetissue",
      "exosomesderivedfromhumanadiposetisue",
      "TNF-α and µg ﬁ",
      "emoji 😀 pairs 😀😀",
      "x y",
    ];
    for (const a of texts) for (const b of texts) expect(Object.is(dice(a, b), DiceCoefficient(a, b))).toBe(true);
  });

  it("agree with natural on many random strings", () => {
    for (let seed = 0; seed < 2000; seed++) {
      const a = randomText(seed, "abcde fgAB");
      const b = randomText(seed + 7919, "abcde fgAB");
      expect(Object.is(dice(a, b), DiceCoefficient(a, b))).toBe(true);
    }
  });
});
