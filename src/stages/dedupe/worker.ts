import { abstractFeatures } from "./abstract.js";
import type { AbstractFeatures } from "./abstract.js";

/**
 * The dedupe stage's module for src/parallel/pool.ts: the features of a page of abstracts (the costliest
 * part of a record's features), on a worker thread while the main thread reads the store and makes the rest.
 * They come back packed in one Uint32Array, which crosses threads as one copy: for each abstract its word
 * count, the lengths of `start` and `shingles`, then their numbers.
 */
export default function abstractsTask(abstracts: (string | null)[]): Uint32Array {
  const features = abstracts.map(abstractFeatures);
  let total = 0;
  for (const f of features) total += 3 + f.start.length + f.shingles.length;
  const packed = new Uint32Array(total);
  let at = 0;
  for (const f of features) {
    packed[at++] = f.wordCount;
    packed[at++] = f.start.length;
    packed[at++] = f.shingles.length;
    packed.set(f.start, at);
    at += f.start.length;
    packed.set(f.shingles, at);
    at += f.shingles.length;
  }
  return packed;
}

/** The abstracts' features again, as views of `packed` (no copies). */
export function unpackAbstracts(packed: Uint32Array): AbstractFeatures[] {
  const out: AbstractFeatures[] = [];
  for (let at = 0; at < packed.length; ) {
    const wordCount = packed[at]!;
    const startLength = packed[at + 1]!;
    const shinglesLength = packed[at + 2]!;
    at += 3;
    const start = packed.subarray(at, (at += startLength));
    const shingles = packed.subarray(at, (at += shinglesLength));
    out.push({ wordCount, start, shingles });
  }
  return out;
}
