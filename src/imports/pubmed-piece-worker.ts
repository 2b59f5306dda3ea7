/**
 * Worker-thread side of the parallel PubMed XML import (pubmed-parallel.ts): splits one piece of the
 * file into records, parses them and serializes them for the store. Numbers records and lines from the
 * piece's start; records whose diagnostics carry those numbers go back unparsed, for the main thread to
 * read again with the file's own numbers.
 */
import { StringDecoder } from "node:string_decoder";
import { readChunk } from "../stages/parse/pubmed-xml/records.js";
import { RecordSplitter, type RecordChunk } from "../stages/parse/pubmed-xml/split.js";
import type { PubmedSource } from "../stages/parse/pubmed-xml/index.js";
import { prepareItem, type PreparedItem } from "./prepared.js";
import { splitPlainRecords } from "./pubmed-byte-split.js";
import { readRange, type FileRange } from "./pubmed-file-pieces.js";

export interface PieceInput {
  /** The piece: its bytes, or where it lies in an uncompressed file, for the thread to read itself. */
  piece: { bytes: Uint8Array } | { range: FileRange };
  source: PubmedSource;
  location: string;
}

/** A record the main thread reads itself: its chunk, numbered from the piece's start. */
export interface Reread {
  reread: RecordChunk;
}

export type PieceOutcome =
  /** Whole records, split without a problem: what they gave, and how far they take the file's numbering. */
  | { kind: "read"; records: number; lines: number; items: (PreparedItem | Reread)[] }
  /** Whole records, but with the set's own tag between them, which the main thread's splitter must see. */
  | { kind: "set-tag"; records: number; lines: number }
  /** The splitter found a problem, or the piece does not end where a record ends: the main thread reads on. */
  | { kind: "damaged" };

/**
 * Bytes decoded at a time: a stretch of pure ASCII decodes on a fast path into a one-byte string, so
 * small steps cost a third of what decoding a whole piece at once does.
 */
const DECODE_BYTES = 64 * 1024;
const SET_TAG = Buffer.from("PubmedArticleSet");

/** The piece's records and line breaks, or null when it is not whole records split without a problem. */
function split(bytes: Buffer): { chunks: RecordChunk[]; lines: number } | null {
  const splitter = new RecordSplitter();
  const decoder = new StringDecoder("utf8");
  const chunks: RecordChunk[] = [];
  for (let at = 0; at < bytes.length; at += DECODE_BYTES) {
    for (const chunk of splitter.push(decoder.write(bytes.subarray(at, at + DECODE_BYTES)))) chunks.push(chunk);
  }
  const last = chunks[chunks.length - 1];
  if (splitter.problems.length > 0 || decoder.end() !== "" || last === undefined) return null;
  // Whole records only if the last one ends where the piece does (a close tag in a comment would not).
  const lastBytes = Buffer.from(last.xml, "utf8");
  if (!bytes.subarray(bytes.length - lastBytes.length).equals(lastBytes)) return null;
  return { chunks, lines: splitter.lineBreaks() };
}

export default function readPiece(input: PieceInput): PieceOutcome {
  const { piece } = input;
  const bytes = "range" in piece ? readRange(piece.range) : Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.length);
  const plain = splitPlainRecords(bytes);
  const whole = plain ?? split(bytes);
  if (whole === null) return { kind: "damaged" };
  const { chunks, lines } = whole;
  const records = chunks.length;
  // Between plain records there is only white space, so no set tag the main thread's splitter must see.
  if (plain === null && bytes.includes(SET_TAG)) return { kind: "set-tag", records, lines };
  const items: (PreparedItem | Reread)[] = [];
  const base = { source: input.source, location: input.location };
  for (const chunk of chunks) {
    const out = readChunk(chunk, base);
    if (out.diagnostics.length > 0) items.push({ reread: chunk });
    else if (out.record !== null) items.push(prepareItem({ record: out.record }));
    else if (out.deleted !== null) items.push({ deleted: out.deleted });
  }
  return { kind: "read", records, lines, items };
}
