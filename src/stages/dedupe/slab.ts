/**
 * The small Uint32Arrays every record keeps (title bigrams, abstract trigrams and blocking words) as
 * views of shared buffers: one allocation per 256K numbers instead of one per array, each of which V8
 * would make and later free outside its heap. A view sent to a worker would copy its whole buffer:
 * send `slice()`s.
 */
const SLAB_LENGTH = 1 << 18;
let slab = new Uint32Array(SLAB_LENGTH);
let used = 0;

/** A lasting copy of `values` (which may be scratch space). */
export function keepUint32(values: Uint32Array): Uint32Array {
  if (values.length > SLAB_LENGTH - used) {
    slab = new Uint32Array(Math.max(SLAB_LENGTH, values.length));
    used = 0;
  }
  const copy = slab.subarray(used, used + values.length);
  copy.set(values);
  used += values.length;
  return copy;
}

/** How many numbers two sorted arrays of distinct numbers (bigram or shingle hashes) have in common. */
export function countShared(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}
