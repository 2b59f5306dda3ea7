/**
 * PubMed XML import on worker threads: the main thread cuts the file into pieces of whole records
 * (pubmed-file-pieces.ts, or pubmed-pieces.ts for a stream), worker threads split, parse and serialize them (pubmed-piece-worker.ts), and the
 * items come back in file order, with the same records and diagnostics as reading the file in one
 * stream (streamPubmedXml) gives. That holds because the main thread keeps the file's one
 * RecordSplitter: a piece read by a worker only moves it on (skip), and whatever needs the file's
 * state is read by the main thread itself: a record with diagnostics (they name its record and line
 * number), a piece holding the set's own tag, the tail, and everything from a damaged piece on.
 */
import { StringDecoder } from "node:string_decoder";
import type { WorkerPool } from "../parallel/pool.js";
import type { PubmedSource } from "../stages/parse/pubmed-xml/index.js";
import { readChunk, type ChunkOutcome } from "../stages/parse/pubmed-xml/records.js";
import { RecordSplitter, type RecordChunk } from "../stages/parse/pubmed-xml/split.js";
import type { PieceInput, PieceOutcome, Reread } from "./pubmed-piece-worker.js";
import { inFileChunks, readRange } from "./pubmed-file-pieces.js";
import { pieceBytes, type XmlPiece } from "./pubmed-pieces.js";
import { prepareItem, type PreparedItem } from "./prepared.js";

export const PIECE_WORKER = new URL("./pubmed-piece-worker.ts", import.meta.url);

/** The file's reading state on the main thread: its splitter, and where its numbering stands. */
class FileReader {
  private readonly splitter = new RecordSplitter();
  private readonly decoder = new StringDecoder("utf8");
  private reported = 0;
  /** Records split so far and the line the next one starts on, as the splitter counts them. */
  private records = 0;
  private line = 1;

  constructor(
    private readonly source: PubmedSource,
    private readonly location: string,
  ) {}

  /** Reads a piece here, exactly as the one-stream reader does: in the chunks it arrived in. */
  *read(piece: XmlPiece): Generator<PreparedItem> {
    const parts = "parts" in piece ? piece.parts : inFileChunks(readRange(piece.range), piece.range.start);
    for (const part of parts) yield* this.push(this.decoder.write(part));
  }

  /** After the whole input: the decoder's leftovers, and the problems only the end reveals. */
  *finish(): Generator<PreparedItem> {
    const rest = this.decoder.end();
    if (rest) yield* this.push(rest);
    this.splitter.finish();
    yield* this.problems();
  }

  /** Moves past a piece a worker read, returning its items, with records that have diagnostics read again here. */
  *skip(outcome: { records: number; lines: number; items: (PreparedItem | Reread)[] }): Generator<PreparedItem> {
    for (const item of outcome.items) {
      if (!("reread" in item)) yield item;
      else yield* this.itemsOf(readChunk(this.renumber(item.reread), this.base()));
    }
    this.moved(outcome);
    this.splitter.skip(outcome.records, outcome.lines);
  }

  /** A piece read here after a worker counted it: it takes the numbering as far as it counted. */
  moved(counts: { records: number; lines: number }): void {
    this.records += counts.records;
    this.line += counts.lines;
  }

  private renumber(chunk: RecordChunk): RecordChunk {
    return { ...chunk, index: this.records + chunk.index, line: this.line + chunk.line - 1 };
  }

  private base() {
    return { source: this.source, location: this.location };
  }

  private *push(text: string): Generator<PreparedItem> {
    for (const chunk of this.splitter.push(text)) yield* this.itemsOf(readChunk(chunk, this.base()));
    yield* this.problems();
  }

  private *itemsOf(out: ChunkOutcome): Generator<PreparedItem> {
    for (const diagnostic of out.diagnostics) yield { diagnostic };
    if (out.record !== null) yield prepareItem({ record: out.record });
    if (out.deleted !== null) yield { deleted: out.deleted };
  }

  private *problems(): Generator<PreparedItem> {
    for (const p of this.splitter.problems.slice(this.reported)) {
      yield { diagnostic: { severity: "error", location: this.location, position: p.position, recordId: null, message: p.message } };
    }
    this.reported = this.splitter.problems.length;
  }
}

/** A piece as a worker thread gets it: where it lies in the file, or its bytes. */
function toSend(piece: XmlPiece): PieceInput["piece"] {
  return "range" in piece ? { range: piece.range } : { bytes: pieceBytes(piece.parts) };
}

interface Pending {
  piece: XmlPiece;
  outcome: Promise<PieceOutcome> | null;
}

/**
 * The items of a PubMed XML input, given as its pieces (xmlPieces or filePieces), read on `pool`'s
 * threads, in input order, with at most `inFlight` pieces at work so memory stays bounded however
 * large the file.
 */
export async function* readPubmedInParallel(
  pieces: AsyncIterable<XmlPiece> | Iterable<XmlPiece>,
  source: PubmedSource,
  location: string,
  pool: WorkerPool<PieceInput, PieceOutcome>,
  inFlight: number,
): AsyncGenerator<PreparedItem> {
  const reader = new FileReader(source, location);
  let damaged = false;

  async function* settle({ piece, outcome }: Pending): AsyncGenerator<PreparedItem> {
    const done = damaged || outcome === null ? null : await outcome;
    if (done?.kind === "read") {
      yield* reader.skip(done);
      return;
    }
    if (done?.kind === "set-tag") reader.moved(done);
    if (done?.kind === "damaged") damaged = true; // from here on the main thread reads everything itself
    yield* reader.read(piece);
  }

  const pending: Pending[] = [];
  for await (const piece of pieces) {
    const outcome = damaged || piece.tail ? null : pool.run({ piece: toSend(piece), source, location });
    outcome?.catch(() => {}); // awaited in order by settle; this keeps a failure from being "unhandled" meanwhile
    pending.push({ piece, outcome });
    if (pending.length > inFlight) yield* settle(pending.shift()!);
  }
  for (const next of pending) yield* settle(next);
  yield* reader.finish();
}
