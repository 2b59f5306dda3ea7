import { forEachWord, isSignificant } from "./normalize.js";
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

/** FNV-1a of text[start, end). */
export function fnv1a(text: string, start = 0, end = text.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Word trigram hashes of the first `count` word hashes, combined (no trigram strings are built). */
function shingleHashes(wordHashes: Uint32Array, count: number): Uint32Array {
  if (count < 3) return new Uint32Array(0);
  const out = new Uint32Array(count - 2);
  for (let i = 0; i + 2 < count; i++) {
    const h = Math.imul(wordHashes[i]!, 0x9e3779b1) ^ Math.imul(wordHashes[i + 1]!, 0x85ebca77) ^ wordHashes[i + 2]!;
    out[i] = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  }
  out.sort();
  let unique = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[unique - 1]) out[unique++] = out[i]!;
  return out.slice(0, unique);
}

// Scratch space for one abstract at a time (hashes above 2^30 would be heap numbers in a plain array).
const wordHashes = new Uint32Array(MAX_ABSTRACT_WORDS);
const startHashes = new Uint32Array(THRESHOLDS.abstractBlockingWords);

export function abstractFeatures(abstract: string | null): AbstractFeatures {
  let wordCount = 0;
  let startCount = 0;
  if (abstract) {
    forEachWord(abstract, (source, from, to) => {
      if (wordCount < MAX_ABSTRACT_WORDS) {
        const hash = fnv1a(source, from, to);
        wordHashes[wordCount] = hash;
        if (wordCount < START_WORDS && startCount < startHashes.length && isSignificant(source, from, to)) {
          startHashes[startCount++] = hash;
        }
      }
      wordCount++;
    });
  }
  const hashed = Math.min(wordCount, MAX_ABSTRACT_WORDS);
  return { wordCount, start: startHashes.slice(0, startCount), shingles: shingleHashes(wordHashes, hashed) };
}

/** Share of the smaller sorted hash set found in the larger one. */
export function shingleContainment(a: Uint32Array, b: Uint32Array): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < small.length && j < large.length) {
    const x = small[i]!;
    const y = large[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / small.length;
}
