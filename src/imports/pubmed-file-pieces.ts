/**
 * Pieces of an uncompressed PubMed XML file given as byte ranges, so each worker thread reads its own
 * piece from the file and the main thread reads only a little around each cut.
 */
import { openSync, readSync, closeSync } from "node:fs";
import { CHUNK_BYTES } from "./files.js";
import { CLOSE_TAGS, lastRecordEnd, type XmlPiece } from "./pubmed-pieces.js";

export interface FileRange {
  path: string;
  start: number;
  end: number;
}

/** How much is read at a time to look for a cut. */
const WINDOW_BYTES = 64 * 1024;
/** The longest close tag but one byte: windows overlap by this much so no tag falls between two. */
const OVERLAP = Math.max(...CLOSE_TAGS.map((tag) => tag.length)) - 1;

/** The bytes of a range of a file. */
export function readRange(range: FileRange): Buffer {
  const out = Buffer.allocUnsafe(range.end - range.start);
  const fd = openSync(range.path, "r");
  try {
    let done = 0;
    while (done < out.length) {
      const n = readSync(fd, out, done, out.length - done, range.start + done);
      if (n === 0) throw new Error(`${range.path} ended at byte ${range.start + done}, before ${range.end}: it changed while being imported`);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  return out;
}

/** A range's bytes cut where the file's own chunks (openContent's) end, so reading them sees the same steps. */
export function inFileChunks(bytes: Buffer, start: number): Buffer[] {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < bytes.length) {
    const next = Math.min(bytes.length, (Math.floor((start + at) / CHUNK_BYTES) + 1) * CHUNK_BYTES - start);
    parts.push(bytes.subarray(at, next));
    at = next;
  }
  return parts;
}

/** Offset just past the first record close tag in `bytes`, or -1. */
function firstRecordEnd(bytes: Buffer): number {
  let end = -1;
  for (const tag of CLOSE_TAGS) {
    const at = bytes.indexOf(tag);
    if (at !== -1 && (end === -1 || at + tag.length < end)) end = at + tag.length;
  }
  return end;
}

/** The end of the first record that ends at or after `from`, or -1. */
function firstEndFrom(path: string, from: number, size: number): number {
  for (let at = from; at < size; at += WINDOW_BYTES - OVERLAP) {
    const end = firstRecordEnd(readRange({ path, start: at, end: Math.min(size, at + WINDOW_BYTES) }));
    if (end !== -1) return at + end;
    if (at + WINDOW_BYTES >= size) break;
  }
  return -1;
}

/** The end of the last record that ends in [from, size), or -1. */
function lastEndIn(path: string, from: number, size: number): number {
  for (let stop = size; stop > from; stop -= WINDOW_BYTES - OVERLAP) {
    const start = Math.max(from, stop - WINDOW_BYTES);
    const end = lastRecordEnd(readRange({ path, start, end: stop }));
    if (end !== -1) return start + end;
    if (start === from) break;
  }
  return -1;
}

/**
 * Where to cut after the first record that ends at or after `from`: after the last record that ends in
 * the same chunk of the file (openContent's), as xmlPieces cuts. Reading the pieces on either side then
 * reports what the one-stream reader reports, in its order: it reports a chunk's problems after the
 * chunk's records.
 */
function cutFrom(path: string, from: number, size: number): number {
  const end = firstEndFrom(path, from, size);
  if (end === -1) return -1;
  const chunkEnd = Math.min(size, Math.ceil(end / CHUNK_BYTES) * CHUNK_BYTES);
  const last = lastEndIn(path, end, chunkEnd);
  return last === -1 ? end : last;
}

/**
 * The pieces of a file of `size` bytes: each ends just after a record's closing tag, the first in the
 * first chunk holding one, the others in the chunk holding the first one `pieceBytes` after their
 * start; the last, flagged `tail`, is whatever follows the last record.
 */
export function* filePieces(path: string, size: number, pieceBytes: number): Generator<XmlPiece> {
  let start = 0;
  for (let cut = cutFrom(path, 0, size); cut !== -1; cut = cutFrom(path, cut + pieceBytes, size)) {
    yield { range: { path, start, end: cut }, tail: false };
    start = cut;
  }
  const last = lastEndIn(path, start, size);
  if (last !== -1) {
    yield { range: { path, start, end: last }, tail: false };
    start = last;
  }
  yield { range: { path, start, end: size }, tail: true };
}
