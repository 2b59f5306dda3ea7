import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { importFiles, PARALLEL_MIN_BYTES } from "../../src/imports/index.js";
import { silentLogger } from "../../src/pipeline/context.js";
import { openStore } from "../../src/store/open.js";
import { createPool } from "../../src/parallel/pool.js";
import { prepareItem, type PreparedItem } from "../../src/imports/prepared.js";
import type { PieceInput, PieceOutcome } from "../../src/imports/pubmed-piece-worker.js";
import { PIECE_WORKER, readPubmedInParallel } from "../../src/imports/pubmed-parallel.js";
import { filePieces, inFileChunks } from "../../src/imports/pubmed-file-pieces.js";
import { lastRecordEnd, xmlPieces, type XmlPiece } from "../../src/imports/pubmed-pieces.js";
import { streamPubmedXml } from "../../src/stages/parse/pubmed-xml/index.js";

const PUBMED = fileURLToPath(new URL("../fixtures/pubmed/", import.meta.url));
const SOURCE = { database: "pubmed", file: "big.xml", importedAt: "2026-01-02T03:04:05.000Z" };
const PROLOG = `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n`;
const EPILOG = "</PubmedArticleSet>\n";

/** The records of a fixture, as XML text, one string each. */
function recordsOf(name: string): string[] {
  const text = readFileSync(PUBMED + name, "utf8");
  return [...text.matchAll(/<(PubmedArticle|PubmedBookArticle)>[\s\S]*?<\/\1>/g)].map((m) => m[0]);
}

const RECORDS = recordsOf("pubmedparser-pubmed21n1001-subset.xml");
const BOOK = recordsOf("metapub-pmid20301577-book-article.xml")[0]!;
const DELETE = "<DeleteCitation>\n  <PMID Version=\"1\">30000001</PMID>\n</DeleteCitation>";
const doc = (records: string[]) => `${PROLOG}${records.join("\n")}\n${EPILOG}`;
const withoutTitle = (record: string) => record.replace(/<ArticleTitle>[\s\S]*?<\/ArticleTitle>/, "");

/** Inputs whole and damaged: every way the one-stream reader reports a problem, at the start, middle and end. */
const INPUTS: [string, string][] = [
  ["a whole file", doc(RECORDS)],
  ["records with warnings (no title) and a malformed one", doc(RECORDS.map((r, i) => (i % 9 === 4 ? withoutTitle(r) : i === 20 ? r.replace("</Journal>", "") : r)))],
  ["a book and a DeleteCitation among articles", doc([...RECORDS.slice(0, 10), BOOK, DELETE, ...RECORDS.slice(10)])],
  ["an error page between records", doc([...RECORDS.slice(0, 15), "<ERROR>Unable to obtain query #1</ERROR>", ...RECORDS.slice(15)])],
  ["a record cut short by the next one", doc([...RECORDS.slice(0, 12), RECORDS[12]!.slice(0, 3000), ...RECORDS.slice(13)])],
  ["a closing tag in a comment between records", doc([...RECORDS.slice(0, 8), "<!-- </PubmedArticle> -->", ...RECORDS.slice(8)])],
  ["a file that breaks off inside a record", doc(RECORDS).slice(0, 400_000)],
  ["a file that breaks off after a record", doc(RECORDS).slice(0, doc(RECORDS).lastIndexOf("</PubmedArticle>") + 16)],
  ["two files one after the other", doc(RECORDS.slice(0, 20)) + doc(RECORDS.slice(20))],
  ["a byte-order mark", `\uFEFF${doc(RECORDS.slice(0, 5))}`],
  ["records without the set's tags", RECORDS.join("\n")],
  ["only a prolog", PROLOG],
  ["nothing", ""],
];

function partsOf(piece: XmlPiece): Buffer[] {
  if (!("parts" in piece)) throw new Error("a piece of a stream has parts");
  return piece.parts;
}

const dir = mkdtempSync(join(tmpdir(), "litreview-parallel-"));
let files = 0;
function fileOf(text: string): { path: string; size: number } {
  const path = join(dir, `input-${files++}.xml`);
  writeFileSync(path, text);
  return { path, size: Buffer.byteLength(text) };
}

async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** What the one-stream reader gives, prepared for the store: what the parallel reader must give. */
async function expected(text: string, chunkBytes: number): Promise<PreparedItem[]> {
  const items = await collect(streamPubmedXml(chunks(Buffer.from(text), chunkBytes), SOURCE, "big.xml"));
  return items.map(prepareItem);
}

const inlinePool = createPool<PieceInput, PieceOutcome>(PIECE_WORKER, { threads: 1 });
/** What the workers made of the pieces: the inputs must take the parallel reader down each of its paths. */
const seen = new Set<string>();
const inline = {
  threads: inlinePool.threads,
  close: () => inlinePool.close(),
  ready: () => inlinePool.ready(),
  async run(input: PieceInput): Promise<PieceOutcome> {
    const outcome = await inlinePool.run(input);
    seen.add(outcome.kind);
    if (outcome.kind === "read" && outcome.items.some((item) => "reread" in item)) seen.add("reread");
    return outcome;
  },
};
const threads = createPool<PieceInput, PieceOutcome>(PIECE_WORKER, { threads: 2 });
afterAll(async () => {
  await inlinePool.close();
  await threads.close();
});

describe("xmlPieces", () => {
  it("cuts just after record closing tags, even one split across chunks, and loses no byte", async () => {
    const text = doc([...RECORDS.slice(0, 6), BOOK, DELETE, ...RECORDS.slice(6, 10)]);
    for (const chunkBytes of [7, 100, 65536]) {
      const pieces = await collect(xmlPieces(chunks(Buffer.from(text), chunkBytes), 1));
      expect(Buffer.concat(pieces.flatMap((p) => partsOf(p))).toString()).toBe(text);
      const ends = pieces.filter((p) => !p.tail).map((p) => Buffer.concat(partsOf(p)).toString().slice(-20));
      for (const end of ends) expect(end).toMatch(/<\/(PubmedArticle|PubmedBookArticle|DeleteCitation)>$/);
      if (chunkBytes < 100) expect(ends).toHaveLength(12); // each record ends in a chunk of its own
      expect(pieces.at(-1)).toEqual({ parts: expect.any(Array), tail: true });
      expect(Buffer.concat(partsOf(pieces.at(-1)!)).toString()).toBe(`\n${EPILOG}`);
    }
  });

  it("cuts at the last record end once the size asked for has arrived, the first piece at the first", async () => {
    const pieces = await collect(xmlPieces(chunks(Buffer.from(doc(RECORDS)), 4096), 100_000));
    const sizes = pieces.map((p) => partsOf(p).reduce((n, part) => n + part.length, 0));
    const longest = Math.max(...RECORDS.map((r) => Buffer.byteLength(r)));
    // The piece before the tail holds what is left.
    expect(sizes.slice(1, -2).every((n) => n > 100_000 - longest && n < 100_000 + 4096)).toBe(true);
    expect(Buffer.concat(partsOf(pieces.at(-1)!)).toString()).toBe(`\n${EPILOG}`);
    expect(sizes[0]).toBeLessThan(Buffer.byteLength(PROLOG + RECORDS[0]) + 4096);
    expect(sizes.length).toBeGreaterThan(4);
  });

  it("gives the same pieces of a file as ranges, its bytes in the file's own chunks", async () => {
    const text = doc([...RECORDS.slice(0, 6), BOOK, DELETE, ...RECORDS.slice(6)]);
    const { path, size } = fileOf(text);
    const bytes = (piece: XmlPiece) => ("range" in piece ? Buffer.from(text).subarray(piece.range.start, piece.range.end).toString() : "");
    // Cut at every chunk that holds a record end: at its last one, as a stream is cut.
    const fromStream = await collect(xmlPieces(chunks(Buffer.from(text), 65536), 1));
    expect([...filePieces(path, size, 1)].map(bytes)).toEqual(fromStream.map((p) => Buffer.concat(partsOf(p)).toString()));
    const pieces = [...filePieces(path, size, 100_000)];
    expect(pieces.map(bytes).join("")).toBe(text);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces.slice(0, -1)) expect(bytes(piece)).toMatch(/<\/(PubmedArticle|PubmedBookArticle|DeleteCitation)>$/);
    expect(bytes(pieces.at(-1)!)).toBe(`\n${EPILOG}`);
  });

  it("cuts a file's range where the file's 64 KiB chunks end", () => {
    const sizes = (start: number, length: number) => inFileChunks(Buffer.alloc(length), start).map((p) => p.length);
    expect(sizes(65536 - 10, 65536 + 30)).toEqual([10, 65536, 20]);
    expect(sizes(0, 65536)).toEqual([65536]);
    expect(sizes(100, 50)).toEqual([50]);
  });

  it("finds the last end of any record kind", () => {
    expect(lastRecordEnd(Buffer.from("<a></PubmedArticle> <DeleteCitation></DeleteCitation> x"))).toBe(53);
    expect(lastRecordEnd(Buffer.from("</PubmedBookArticle></PubmedArticle>"))).toBe(36);
    expect(lastRecordEnd(Buffer.from("<PubmedArticle>"))).toBe(-1);
  });
});

describe("readPubmedInParallel gives what the one-stream reader gives", () => {
  it.each(INPUTS)("%s", async (_name, text) => {
    for (const [chunkBytes, pieceBytes] of [
      [65536, 1],
      [7, 50_000],
      [4096, 200_000],
    ] as const) {
      const want = await expected(text, chunkBytes);
      const got = await collect(readPubmedInParallel(xmlPieces(chunks(Buffer.from(text), chunkBytes), pieceBytes), SOURCE, "big.xml", inline, 3));
      expect(got).toEqual(want);
    }
    const { path, size } = fileOf(text);
    for (const pieceBytes of [1, 50_000]) {
      const got = await collect(readPubmedInParallel(filePieces(path, size, pieceBytes), SOURCE, "big.xml", inline, 3));
      expect(got).toEqual(await expected(text, 65536));
    }
  });

  it("took every path: pieces read by workers, with records read again, pieces with the set's tag, damaged pieces", () => {
    expect([...seen].sort()).toEqual(["damaged", "read", "reread", "set-tag"]);
  });

  it("on worker threads too", async () => {
    for (const [, text] of INPUTS.slice(0, 5)) {
      const want = await expected(text, 65536);
      const { path, size } = fileOf(text);
      const got = await collect(readPubmedInParallel(filePieces(path, size, 20_000), SOURCE, "big.xml", threads, 4));
      expect(got).toEqual(want);
    }
  }, 60_000);
});

describe("importFiles", () => {
  it("stores a large PubMed XML file read on worker threads as it stores it read in one stream", async () => {
    const copies: string[] = [];
    for (let copy = 0; Buffer.byteLength(copies.join("\n")) < PARALLEL_MIN_BYTES; copy++) {
      for (const [i, record] of RECORDS.entries()) {
        const renumbered = record.replace(/<PMID Version="1">\d+<\/PMID>/, `<PMID Version="1">${90000000 + copy * 100 + i}</PMID>`);
        copies.push(i === 7 ? withoutTitle(renumbered) : renumbered);
      }
    }
    const { path: file } = fileOf(doc(copies));
    const stored = async (threads: string) => {
      process.env.LITREVIEW_THREADS = threads;
      const db = openStore(":memory:");
      try {
        const result = await importFiles(db, [file], { runId: 1, clock: () => new Date("2026-02-03T04:05:06.000Z"), logger: silentLogger });
        const rows = (sql: string) => db.prepare(sql).all();
        return {
          result,
          records: rows("SELECT record_id, kind, pmid, doi, pmcid, source_db, article, content_hash FROM records ORDER BY rowid"),
          sources: rows("SELECT * FROM record_sources ORDER BY rowid"),
          diagnostics: rows("SELECT * FROM diagnostics ORDER BY rowid"),
        };
      } finally {
        db.close();
        delete process.env.LITREVIEW_THREADS;
      }
    };
    const oneStream = await stored("1");
    const parallel = await stored("2");
    expect(oneStream.result.counts).toMatchObject({ records: copies.length, new: copies.length, errors: 0 });
    expect(oneStream.result.diagnostics.length).toBeGreaterThan(10);
    expect(parallel).toEqual(oneStream);
  }, 120_000);
});
