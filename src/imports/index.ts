import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import type { Diagnostic } from "../model/article.js";
import type { Logger } from "../pipeline/context.js";
import type { Db } from "../store/open.js";
import type { UpsertOptions } from "../store/records.js";
import { FORMAT_NAMES } from "./detect.js";
import { openContent, sniffFile, type SniffedFile } from "./files.js";
import { createPool, threadCount, type WorkerPool } from "../parallel/pool.js";
import { parserFor } from "./parsers.js";
import { prepareItem, type PreparedItem } from "./prepared.js";
import type { PieceInput, PieceOutcome } from "./pubmed-piece-worker.js";
import { filePieces } from "./pubmed-file-pieces.js";
import { PIECE_WORKER, readPubmedInParallel } from "./pubmed-parallel.js";
import { xmlPieces } from "./pubmed-pieces.js";
import { emptyBatchCounts, storeBatch, withFewerCheckpoints, type BatchCounts } from "./store-batch.js";
import type { ImportFile, ImportItem } from "./types.js";

export { detectFormat } from "./detect.js";
export type { ImportFormat, ImportItem } from "./types.js";

/** Records per transaction. */
export const IMPORT_BATCH_SIZE = 500;
/**
 * Files up to this size are kept, gzip-compressed, in raw_responses so a later parser version can
 * re-read them; larger ones (NCBI baseline files run to 2 GB) are not copied into the store: their
 * records are, and the file stays where it is.
 */
export const RAW_COPY_LIMIT_BYTES = 50 * 1024 * 1024;

/**
 * PubMed XML files from this size on are read on worker threads (when there is more than one core):
 * below it, starting the threads (a few hundred milliseconds) costs more than it saves.
 */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
/**
 * About 60 records a piece; two pieces per thread keep the threads busy while a batch is stored. Eight
 * in flight on 2 cores gave no more speed and a peak of 420-450 MB against 367-394 MB with four.
 */
const PIECE_BYTES = 1024 * 1024;
const PIECES_PER_THREAD = 2;

type Threads = WorkerPool<PieceInput, PieceOutcome>;

export interface ImportOptions {
  runId: number | null;
  clock: () => Date;
  logger: Logger;
}

export type ImportCounts = BatchCounts & { files: number };

export interface ImportResult {
  counts: ImportCounts;
  diagnostics: Diagnostic[];
}

function add(total: ImportCounts, part: BatchCounts): void {
  total.records += part.records;
  total.new += part.new;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
  total.deleted += part.deleted;
  total.errors += part.errors;
}

/** A small file's bytes as the store keeps them (gzip-compressed), or null for a file too large to copy. */
async function rawCopyOf(file: SniffedFile): Promise<Buffer | null> {
  if (file.size > RAW_COPY_LIMIT_BYTES) return null;
  const bytes = await readFile(file.path);
  return file.gzip ? bytes : gzipSync(bytes);
}

/** Whether these very bytes were imported before (from any path): their records' source has not changed. */
function importedBefore(db: Db, body: Buffer | null): boolean {
  if (body === null) return false;
  return db.prepare<[Buffer], { n: number }>("SELECT count(*) AS n FROM raw_responses WHERE kind = 'import' AND body = ?").get(body)!.n > 0;
}

/** Keeps a copy of a small imported file; the same bytes imported again are not stored twice. */
function storeRawCopy(db: Db, file: SniffedFile, body: Buffer | null, runId: number | null, now: string): boolean {
  if (body === null) return false;
  const seen = db
    .prepare<[string, Buffer], { raw_id: number }>("SELECT raw_id FROM raw_responses WHERE kind = 'import' AND request = ? AND body = ?")
    .get(file.path, body);
  if (seen) return false;
  db.prepare(
    `INSERT INTO raw_responses (run_id, kind, request, pmids, body, received_at, parsed_at) VALUES (?, 'import', ?, '[]', ?, ?, ?)`,
  ).run(runId, file.path, body, now, now);
  return true;
}

/** The file's items, parsed and serialized: on worker threads for a large PubMed XML file, else here. */
function readItems(file: SniffedFile, importFile: ImportFile, threads: () => Threads): AsyncIterable<PreparedItem> {
  if (file.format === "pubmed-xml" && file.size >= PARALLEL_MIN_BYTES && threadCount() > 1) {
    const source = { database: "pubmed", file: importFile.file, importedAt: importFile.importedAt };
    const pieces = file.gzip ? xmlPieces(openContent(file), PIECE_BYTES) : filePieces(file.path, file.size, PIECE_BYTES);
    const pool = threads();
    return readPubmedInParallel(pieces, source, importFile.file, pool, PIECES_PER_THREAD * Math.max(1, pool.threads));
  }
  return prepared(parserFor(file.format)(openContent(file), importFile));
}

async function* prepared(items: AsyncIterable<ImportItem>): AsyncGenerator<PreparedItem> {
  for await (const item of items) yield prepareItem(item);
}

async function importOne(
  db: Db,
  file: SniffedFile,
  items: AsyncIterable<PreparedItem>,
  options: ImportOptions & UpsertOptions,
  diagnostics: Diagnostic[],
): Promise<BatchCounts> {
  const counts = emptyBatchCounts();
  let batch: PreparedItem[] = [];
  const flush = (): void => {
    if (batch.length === 0) return;
    const part = storeBatch(db, batch, options.runId, options.clock().toISOString(), { sameSource: options.sameSource });
    for (const item of batch) if (item.diagnostic) diagnostics.push(item.diagnostic);
    for (const key of Object.keys(part) as (keyof BatchCounts)[]) counts[key] += part[key];
    batch = [];
  };
  try {
    for await (const item of items) {
      batch.push(item);
      if (batch.length >= IMPORT_BATCH_SIZE) flush();
    }
  } catch (cause) {
    // A file that breaks off (a truncated .gz, a read error) keeps every record read before the break.
    batch.push({
      diagnostic: {
        severity: "error",
        location: file.path,
        position: `after record ${counts.records + batch.filter((i) => i.record).length}`,
        recordId: null,
        message: `the file could not be read to its end (${(cause as Error).message}): records before this point were imported; replace the file and import it again`,
      },
    });
  }
  flush();
  return counts;
}

/**
 * Imports export files (PubMed XML or .xml.gz, MEDLINE, RIS, Web of Science, Ovid, Scopus CSV; format
 * told from the content) into the store, streaming each and storing ~500 records per transaction.
 * Every file is checked before anything is stored; one that cannot be read or is no known format
 * stops the import with a usage error naming it. Malformed records become error diagnostics
 * (stored and returned) while every good record is stored; importing the same file again leaves the
 * store as it was (the counts say unchanged).
 */
export async function importFiles(db: Db, files: string[], options: ImportOptions): Promise<ImportResult> {
  return withFewerCheckpoints(db, () => importAll(db, files, options));
}

async function importAll(db: Db, files: string[], options: ImportOptions): Promise<ImportResult> {
  const sniffed: SniffedFile[] = [];
  for (const path of files) sniffed.push(await sniffFile(path));
  const counts: ImportCounts = { files: 0, ...emptyBatchCounts() };
  const diagnostics: Diagnostic[] = [];
  const pool: { started?: Threads } = {};
  const threads = (): Threads => (pool.started ??= createPool<PieceInput, PieceOutcome>(PIECE_WORKER));
  try {
    for (const file of sniffed) {
      options.logger.info({ file: file.path, format: file.format, bytes: file.size }, `importing ${file.path} (${FORMAT_NAMES[file.format]})`);
      const items = readItems(file, { file: file.path, importedAt: options.clock().toISOString() }, threads);
      const body = await rawCopyOf(file);
      const part = await importOne(db, file, items, { ...options, sameSource: importedBefore(db, body) }, diagnostics);
      const kept = storeRawCopy(db, file, body, options.runId, options.clock().toISOString());
      add(counts, part);
      counts.files++;
      options.logger.info({ file: file.path, ...part, rawCopy: kept }, `imported ${file.path}: ${part.records} record(s), ${part.new} new, ${part.updated} updated, ${part.unchanged} unchanged, ${part.errors} error(s)`);
    }
  } finally {
    await pool.started?.close();
  }
  return { counts, diagnostics };
}
