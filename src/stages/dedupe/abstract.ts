import { withoutPageFurniture } from "./furniture.js";
import { isSignificant, WordCursor } from "./normalize.js";
import { countShared, keepUint32 } from "./slab.js";
import { THRESHOLDS } from "./thresholds.js";

/** What dedupe keeps of an abstract: numbers, not text (memory), made in one pass over its normalised words. */
export interface AbstractFeatures {
  /** Number of normalised words. */
  wordCount: number;
  /** Hashes of the significant words of the abstract's start, for blocking. */
  start: Uint32Array;
  /** Sorted unique 32-bit hashes of the word trigrams of the first MAX_ABSTRACT_WORDS words. */
  shingles: Uint32Array;
}

const MAX_ABSTRACT_WORDS = 400;
/** Significant words for blocking are taken from this many first words. */
const START_WORDS = 2 * THRESHOLDS.abstractBlockingWords;

// Scratch space for one abstract at a time (hashes above 2^30 would be heap numbers in a plain array).
const wordHashes = new Uint32Array(MAX_ABSTRACT_WORDS);
const startHashes = new Uint32Array(THRESHOLDS.abstractBlockingWords);
const trigramHashes = new Uint32Array(MAX_ABSTRACT_WORDS);

/** Word trigram hashes of the first `count` word hashes, combined (no trigram strings are built), sorted, unique. */
function shingleHashes(count: number): Uint32Array {
  if (count < 3) return new Uint32Array(0);
  const out = trigramHashes.subarray(0, count - 2);
  for (let i = 0; i + 2 < count; i++) {
    const h = Math.imul(wordHashes[i]!, 0x9e3779b1) ^ Math.imul(wordHashes[i + 1]!, 0x85ebca77) ^ wordHashes[i + 2]!;
    out[i] = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  }
  out.sort();
  let unique = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[unique - 1]) out[unique++] = out[i]!;
  return keepUint32(out.subarray(0, unique));
}

export function abstractFeatures(abstract: string | null): AbstractFeatures {
  let wordCount = 0;
  let startCount = 0;
  if (abstract) {
    const words = new WordCursor(withoutPageFurniture(abstract));
    for (; words.next(); wordCount++) {
      if (wordCount >= MAX_ABSTRACT_WORDS) continue;
      wordHashes[wordCount] = words.hash;
      if (wordCount < START_WORDS && startCount < startHashes.length && isSignificant(words.source, words.start, words.end)) {
        startHashes[startCount++] = words.hash;
      }
    }
  }
  return {
    wordCount,
    start: keepUint32(startHashes.subarray(0, startCount)),
    shingles: shingleHashes(Math.min(wordCount, MAX_ABSTRACT_WORDS)),
  };
}

/** Share of the smaller sorted hash set found in the larger one. */
export function shingleContainment(a: Uint32Array, b: Uint32Array): number {
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : countShared(a, b) / smaller;
}
