import { createHash } from "node:crypto";
import { withCurrentFields, type Article, type Diagnostic } from "../model/article.js";
import type { Db } from "./open.js";

export type UpsertOutcome = "new" | "updated" | "unchanged";

function hashOf(contentJson: string): string {
  return createHash("sha256").update(contentJson).digest("hex").slice(0, 32);
}

/** Hash of what the record says, leaving out when and from where it was read. */
export function contentHash(article: Article): string {
  const { source: _source, ...content } = article;
  return hashOf(JSON.stringify(content));
}

/**
 * A record as the store writes it: its JSON, its content hash and the columns kept beside them. Plain
 * strings, so worker threads can build it and send it to the thread that holds the store.
 */
export interface SerializedRecord {
  recordId: string;
  kind: Article["kind"];
  pmid: string | null;
  doi: string | null;
  pmcid: string | null;
  database: string;
  /** The source's file and own id, "" when absent (the key of record_sources). */
  file: string;
  ownId: string;
  json: string;
  hash: string;
}

/**
 * The stored JSON and the content hash from one stringify: parsers put `source` last, so the JSON
 * without it is the stored JSON with its last member cut (the same bytes contentHash hashes).
 */
export function serializeRecord(article: Article): SerializedRecord {
  const json = JSON.stringify(article);
  const keys = Object.keys(article);
  const sourceMember = `,"source":${JSON.stringify(article.source)}}`;
  const hash =
    keys[keys.length - 1] !== "source" || !json.endsWith(sourceMember)
      ? contentHash(article)
      : hashOf(`${json.slice(0, json.length - sourceMember.length)}}`);
  const { source } = article;
  return {
    recordId: article.recordId,
    kind: article.kind,
    pmid: article.pmid,
    doi: article.doi,
    pmcid: article.pmcid,
    database: source.database,
    file: source.file ?? "",
    ownId: source.ownId ?? "",
    json,
    hash,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether what the source says differs: members the stored JSON lacks are ones the model gained since an
 * older version stored it (dataBanks, an author's equalContrib), which the source did not add.
 */
function sourceDiffers(before: unknown, after: unknown): boolean {
  if (Array.isArray(before) && Array.isArray(after)) {
    return before.length !== after.length || before.some((b, i) => sourceDiffers(b, after[i]));
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    return Object.keys(after).some((k) => k in before && sourceDiffers(before[k], after[k]));
  }
  return before !== after;
}

/** The top-level fields whose content the source changed (none when only the parser reads it differently). */
function changedFields(before: Article, after: Article): string[] {
  const keys = Object.keys(after) as (keyof Article)[];
  return keys.filter((k) => k !== "source" && k in before && sourceDiffers(before[k], after[k]));
}

/**
 * Read from the same efetch answer, re-parsed (its receipt time is the record's importedAt). Imported
 * files say so through UpsertOptions.sameSource: importing a file again is a new importedAt.
 */
function sameAnswer(before: Article, after: Article): boolean {
  const [a, b] = [before.source, after.source];
  return a.database === b.database && a.file === null && b.file === null && a.importedAt === b.importedAt;
}

function prepareStatements(db: Db) {
  return {
    select: db.prepare<[string], { content_hash: string; deleted: number }>(
      "SELECT content_hash, deleted FROM records WHERE record_id = ?",
    ),
    article: db.prepare<[string], { article: string }>("SELECT article FROM records WHERE record_id = ?"),
    insert: db.prepare(
      `INSERT INTO records (record_id, kind, pmid, doi, pmcid, source_db, article, content_hash, first_seen, first_run_id, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    change: db.prepare(`INSERT INTO record_changes (record_id, run_id, changed_at, previous_hash, fields) VALUES (?, ?, ?, ?, ?)`),
    update: db.prepare(
      `UPDATE records SET kind = ?, pmid = ?, doi = ?, pmcid = ?, source_db = ?, article = ?, content_hash = ?,
         deleted = 0, updated_at = ?, revision = revision + 1 WHERE record_id = ?`,
    ),
    refresh: db.prepare(`UPDATE records SET kind = ?, pmid = ?, doi = ?, pmcid = ?, article = ?, content_hash = ? WHERE record_id = ?`),
    source: db.prepare(
      `INSERT OR IGNORE INTO record_sources (record_id, database, file, own_id, imported_at) VALUES (?, ?, ?, ?, ?)`,
    ),
  };
}

/** Prepared once per connection: upserts run once per record, in the hot path of parse and import. */
const statements = new WeakMap<Db, ReturnType<typeof prepareStatements>>();

function statementsFor(db: Db): ReturnType<typeof prepareStatements> {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = prepareStatements(db);
    statements.set(db, prepared);
  }
  return prepared;
}

export interface UpsertOptions {
  /** The caller knows the source is the very bytes the stored version was read from (a file imported again). */
  sameSource?: boolean;
}

/**
 * Stores a serialized record, or updates the stored one when the source changed it (remembering what
 * changed). Seeing the same content again changes nothing but the list of sources. When only this
 * version of the parser reads it differently (a field the model gained since, a parsing fix), the stored
 * article is refreshed silently: no change is recorded and the outcome is "unchanged", so an upgrade does
 * not show every record as changed.
 */
export function upsertSerialized(db: Db, record: SerializedRecord, runId: number | null, now: string, options: UpsertOptions = {}): UpsertOutcome {
  const sql = statementsFor(db);
  const { recordId, json, hash } = record;
  const existing = sql.select.get(recordId);
  let outcome: UpsertOutcome;
  if (!existing) {
    sql.insert.run(recordId, record.kind, record.pmid, record.doi, record.pmcid, record.database, json, hash, now, runId, now);
    outcome = "new";
  } else if (existing.content_hash !== hash || existing.deleted) {
    const before = JSON.parse(sql.article.get(recordId)!.article) as Article;
    const after = JSON.parse(json) as Article;
    const sourceUnchanged = options.sameSource === true || sameAnswer(before, after);
    const fields = sourceUnchanged ? [] : changedFields(before, after);
    if (fields.length === 0 && !existing.deleted) {
      // Still the copy it was read from: keep its source, so what was seen when stays as it was.
      const refreshed = JSON.stringify({ ...after, source: before.source });
      sql.refresh.run(record.kind, record.pmid, record.doi, record.pmcid, refreshed, hash, recordId);
      outcome = "unchanged";
    } else {
      sql.change.run(recordId, runId, now, existing.content_hash, JSON.stringify(fields));
      sql.update.run(record.kind, record.pmid, record.doi, record.pmcid, record.database, json, hash, now, recordId);
      outcome = "updated";
    }
  } else {
    outcome = "unchanged";
  }
  sql.source.run(recordId, record.database, record.file, record.ownId, now);
  return outcome;
}

/** Stores a record (see upsertSerialized). */
export function upsertRecord(db: Db, article: Article, runId: number | null, now: string, options: UpsertOptions = {}): UpsertOutcome {
  return upsertSerialized(db, serializeRecord(article), runId, now, options);
}

/**
 * Marks records as deleted (PubMed DeleteCitation) by a deletion seen at `seenAt` (the time its efetch
 * answer was received, or its file imported); they stay in the store as tombstones, with `updated_at` the
 * time the deletion was seen. A record whose stored version was seen after the deletion is left alone.
 */
export function markDeleted(db: Db, recordIds: string[], seenAt: string): number {
  const stmt = db.prepare(
    "UPDATE records SET deleted = 1, updated_at = ? WHERE record_id = ? AND deleted = 0 AND json_extract(article, '$.source.importedAt') <= ?",
  );
  let n = 0;
  for (const id of recordIds) n += stmt.run(seenAt, id, seenAt).changes;
  return n;
}

/**
 * When the stored record was last seen: when its deletion was seen for a tombstone, else when its stored
 * version was (its source's `importedAt`: an efetch answer's receipt, an import's time). Null if not stored.
 * Re-parsing an older answer must not replace what was seen after it.
 */
export function storedSeenAt(db: Db, recordId: string): string | null {
  const row = db
    .prepare<[string], { deleted: number; updated_at: string; seen: string | null }>(
      "SELECT deleted, updated_at, json_extract(article, '$.source.importedAt') AS seen FROM records WHERE record_id = ?",
    )
    .get(recordId);
  if (!row) return null;
  return row.deleted === 1 ? row.updated_at : row.seen;
}

export interface StoredRecord {
  article: Article;
  deleted: boolean;
  firstSeen: string;
  firstRunId: number | null;
  revision: number;
}

interface RecordRow {
  article: string;
  deleted: number;
  first_seen: string;
  first_run_id: number | null;
  revision: number;
}

function toStored(row: RecordRow): StoredRecord {
  return {
    article: withCurrentFields(JSON.parse(row.article) as Article),
    deleted: row.deleted === 1,
    firstSeen: row.first_seen,
    firstRunId: row.first_run_id,
    revision: row.revision,
  };
}

/** How many stored records are not deleted: the stages size their work (threads or not) by it. */
export function countLiveRecords(db: Db): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM records WHERE deleted = 0").get() as { n: number }).n;
}

/**
 * How many records are stored, deleted ones too: read from an index, where countLiveRecords reads every
 * row up to its `deleted` column (past the article, so through its overflow pages in a 4 KiB-page store).
 */
export function countStoredRecords(db: Db): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM records").get() as { n: number }).n;
}

/** All records in record_id order (deterministic). Iterates lazily so large stores stay small in memory. */
export function* iterateRecords(db: Db): Generator<StoredRecord> {
  const rows = db
    .prepare<[], RecordRow>("SELECT article, deleted, first_seen, first_run_id, revision FROM records ORDER BY record_id")
    .iterate();
  for (const row of rows) yield toStored(row);
}

export function getRecord(db: Db, recordId: string): StoredRecord | null {
  const row = db
    .prepare<[string], RecordRow>("SELECT article, deleted, first_seen, first_run_id, revision FROM records WHERE record_id = ?")
    .get(recordId);
  return row ? toStored(row) : null;
}

export function recordDiagnostics(db: Db, runId: number | null, diagnostics: Diagnostic[], now: string): void {
  const stmt = db.prepare(
    `INSERT INTO diagnostics (run_id, severity, location, position, record_id, message, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const d of diagnostics) stmt.run(runId, d.severity, d.location, d.position, d.recordId, d.message, now);
}
