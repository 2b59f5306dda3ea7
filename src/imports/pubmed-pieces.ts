/**
 * Cuts PubMed XML, arriving as bytes, into pieces that end where a record ends, so worker threads can
 * each split and parse a piece of their own. Works on bytes: nothing is decoded here.
 */
import type { FileRange } from "./pubmed-file-pieces.js";

export const CLOSE_TAGS = ["</PubmedArticle>", "</PubmedBookArticle>", "</DeleteCitation>"].map((tag) => Buffer.from(tag));

export type XmlPiece = {
  /** The rest of the input after the last record's end: the set's closing tag, or what truncated it. */
  tail: boolean;
} & (
  | {
      /** The piece's bytes, in the chunks they arrived in (a piece may begin or end inside a chunk). */
      parts: Buffer[];
    }
  | {
      /** Where the piece lies in an uncompressed file (pubmed-file-pieces.ts). */
      range: FileRange;
    }
);

/** Offset just past the last record closing tag in `bytes`, or -1 when there is none. */
export function lastRecordEnd(bytes: Buffer): number {
  // PubmedArticle ends nearly every record, so the other tags are only looked for after the last one.
  const [article, ...others] = CLOSE_TAGS as [Buffer, ...Buffer[]];
  const at = bytes.lastIndexOf(article);
  let end = at === -1 ? -1 : at + article.length;
  for (const tag of others) {
    const last = end === -1 ? bytes.lastIndexOf(tag) : lastIndexAfter(bytes, tag, end);
    if (last !== -1) end = Math.max(end, last + tag.length);
  }
  return end;
}

function lastIndexAfter(bytes: Buffer, tag: Buffer, from: number): number {
  let last = -1;
  for (let at = bytes.indexOf(tag, from); at !== -1; at = bytes.indexOf(tag, at + 1)) last = at;
  return last;
}

/** Splits `parts` at byte `cut`: the parts before it and after it. */
function cutParts(parts: Buffer[], cut: number): [Buffer[], Buffer[]] {
  const before: Buffer[] = [];
  let left = cut;
  let i = 0;
  for (; i < parts.length && left >= parts[i]!.length; i++) {
    before.push(parts[i]!);
    left -= parts[i]!.length;
  }
  const after = parts.slice(i);
  if (left > 0) {
    before.push(after[0]!.subarray(0, left));
    after[0] = after[0]!.subarray(left);
  }
  return [before, after];
}

/** The longest close tag but one byte: how far back a tag ending in a new chunk may have begun. */
const OVERLAP = Math.max(...CLOSE_TAGS.map((tag) => tag.length)) - 1;

/** Where the last record that ends in `chunk` ends (in `chunk`), counting a tag begun in the bytes `before` it. */
function lastEndIn(before: Buffer, chunk: Buffer): number {
  const end = lastRecordEnd(chunk);
  if (end !== -1 || before.length === 0) return end;
  const straddling = lastRecordEnd(Buffer.concat([before, chunk.subarray(0, OVERLAP)]));
  return straddling > before.length ? straddling - before.length : -1;
}

/** The last OVERLAP bytes of the input so far, given those before `chunk` and `chunk`. */
function lastBytes(before: Buffer, chunk: Buffer): Buffer {
  if (chunk.length >= OVERLAP) return chunk.subarray(chunk.length - OVERLAP);
  const both = Buffer.concat([before, chunk]);
  return both.subarray(Math.max(0, both.length - OVERLAP));
}

/**
 * Pieces that each end just after a record's closing tag: once `pieceBytes` have arrived, at the last
 * one in them (the first piece, which carries the prolog, at the first chunk holding one). The last
 * piece, flagged `tail`, is whatever follows the last record. Memory is bounded by `pieceBytes` or the
 * longest record, whichever is larger.
 */
export async function* xmlPieces(input: AsyncIterable<Buffer>, pieceBytes: number): AsyncGenerator<XmlPiece> {
  let parts: Buffer[] = [];
  let bytes = 0;
  /** Offset in `parts` just past the last record end seen in them, -1 for none. */
  let lastEnd = -1;
  let first = true;
  let recent: Buffer = Buffer.alloc(0);
  for await (const chunk of input) {
    const end = lastEndIn(recent, chunk);
    recent = lastBytes(recent, chunk);
    if (end !== -1) lastEnd = bytes + end;
    parts.push(chunk);
    bytes += chunk.length;
    if (lastEnd === -1 || (bytes < pieceBytes && !first)) continue;
    const [piece, rest] = cutParts(parts, lastEnd);
    yield { parts: piece, tail: false };
    parts = rest;
    bytes -= lastEnd;
    lastEnd = -1;
    first = false;
  }
  if (lastEnd !== -1) {
    const [piece, rest] = cutParts(parts, lastEnd);
    yield { parts: piece, tail: false };
    parts = rest;
  }
  yield { parts, tail: true };
}

/** A piece's bytes in one buffer, to send to a worker thread. */
export function pieceBytes(parts: Buffer[]): Buffer {
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}
