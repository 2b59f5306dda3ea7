/**
 * natural's DiceCoefficient (lib/natural/distance/dice_coefficient.js) split in two, so each title's
 * bigrams are made once instead of once per pair: the same sanitising, the same bigrams (UTF-16 code unit
 * pairs, a one-character string padded with a space), the same 2|A∩B| / (|A| + |B|), so the same numbers
 * to the bit. Each bigram is kept as the number (first << 16 | second) in a sorted array.
 */
import { countShared, keepUint32 } from "./slab.js";

/** natural's sanitize: lower case, runs of white space made one space, trimmed. */
function sanitize(text: string): string {
  // A squashed title (lower-case letters and digits only) is already what sanitize would make of it.
  if (!/[^a-z0-9]/.test(text)) return text;
  return text.toLowerCase().replace(/\s+/g, " ").replace(/^\s+|\s+$/g, "");
}

// Scratch space for one title at a time.
let scratch = new Uint32Array(256);

/** The set of bigrams DiceCoefficient makes of the text, sorted and without repeats. */
export function diceBigrams(text: string): Uint32Array {
  const s = sanitize(text);
  const padded = s.length === 1 ? `${s} ` : s;
  if (padded.length < 2) return new Uint32Array(0);
  if (scratch.length < padded.length) scratch = new Uint32Array(2 * padded.length);
  const codes = scratch.subarray(0, padded.length - 1);
  for (let i = 0; i + 1 < padded.length; i++) codes[i] = ((padded.charCodeAt(i) << 16) | padded.charCodeAt(i + 1)) >>> 0;
  codes.sort();
  let unique = 0;
  for (let i = 0; i < codes.length; i++) if (unique === 0 || codes[i] !== codes[unique - 1]) codes[unique++] = codes[i]!;
  return keepUint32(codes.subarray(0, unique));
}

/** DiceCoefficient of the two texts the bigram sets were made of (NaN for two empty texts, as natural). */
export function diceOfBigrams(a: Uint32Array, b: Uint32Array): number {
  return (2 * countShared(a, b)) / (a.length + b.length);
}
