import type { Article, DeletedRecord, Diagnostic } from "../model/article.js";
import type { Db } from "../store/open.js";
import { markDeleted, recordDiagnostics, upsertSerialized, type UpsertOptions } from "../store/records.js";
import { completeness, sourceRank } from "./precedence.js";
import type { PreparedItem, PreparedRecord } from "./prepared.js";

export type BatchCounts = {
  records: number;
  new: number;
  updated: number;
  unchanged: number;
  deleted: number;
  errors: number;
};

export function emptyBatchCounts(): BatchCounts {
  return { records: 0, new: 0, updated: 0, unchanged: 0, deleted: 0, errors: 0 };
}

/**
 * True when the stored copy of the record is to stay: it comes from a richer source (a PubMed record from
 * XML over a MEDLINE or RIS copy), or from another file of the same rank and carries as much or more
 * (else importing two exports that share a record would swap it back and forth on every import).
 */
function keepsStored(db: Db, record: PreparedRecord): boolean {
  if (record.rank >= 3) return false;
  const row = db.prepare<[string], { article: string }>("SELECT article FROM records WHERE record_id = ?").get(record.recordId);
  if (!row) return false;
  const stored = JSON.parse(row.article) as Article;
  const rank = sourceRank(stored);
  if (rank !== record.rank) return rank > record.rank;
  return (stored.source.file ?? "") !== record.file && completeness(stored) >= record.completeness;
}

function addSourceOnly(db: Db, record: PreparedRecord, now: string): void {
  db.prepare(
    `INSERT OR IGNORE INTO record_sources (record_id, database, file, own_id, imported_at) VALUES (?, ?, ?, ?, ?)`,
  ).run(record.recordId, record.database, record.file, record.ownId, now);
}

function storeRecord(db: Db, record: PreparedRecord, runId: number | null, now: string, counts: BatchCounts, options: UpsertOptions): void {
  counts.records++;
  if (keepsStored(db, record)) {
    addSourceOnly(db, record, now);
    counts.unchanged++;
    return;
  }
  counts[upsertSerialized(db, record, runId, now, options)]++;
}

/** Stores one batch of parsed and serialized items in one transaction (options: see upsertSerialized). */
export function storeBatch(db: Db, items: readonly PreparedItem[], runId: number | null, now: string, options: UpsertOptions = {}): BatchCounts {
  const counts = emptyBatchCounts();
  const diagnostics: Diagnostic[] = [];
  const deletions: DeletedRecord[] = [];
  db.transaction(() => {
    for (const item of items) {
      if (item.record) storeRecord(db, item.record, runId, now, counts, options);
      if (item.deleted) deletions.push(item.deleted);
      if (item.diagnostic) diagnostics.push(item.diagnostic);
    }
    for (const d of deletions) counts.deleted += markDeleted(db, d.pmids, now);
    recordDiagnostics(db, runId, diagnostics, now);
  })();
  counts.errors = diagnostics.filter((d) => d.severity === "error").length;
  return counts;
}

/**
 * How much WAL SQLite lets gather before it copies it into the database file, syncing both: 64 MiB while
 * importing instead of the default 1,000 pages, so a large import syncs a few times rather than after every
 * batch. Only when the copying happens changes: readers and crash safety are as before.
 */
const IMPORT_CHECKPOINT_BYTES = 64 * 1024 * 1024;

export async function withFewerCheckpoints<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const before = db.pragma("wal_autocheckpoint", { simple: true }) as number;
  const pageSize = db.pragma("page_size", { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${Math.ceil(IMPORT_CHECKPOINT_BYTES / pageSize)}`);
  try {
    return await work();
  } finally {
    db.pragma(`wal_autocheckpoint = ${before}`);
  }
}
