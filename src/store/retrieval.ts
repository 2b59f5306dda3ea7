import type { Db } from "./open.js";

/** Store functions of the search and fetch stages: searches, search_hits, raw efetch answers, unavailable. */

export interface SearchRow {
  runId: number;
  baseTerm: string;
  term: string;
  queryTranslation: string | null;
  windowFrom: string | null;
  windowTo: string | null;
  count: number;
  retrieved: number;
  warnings: string[];
  searchedAt: string;
}

/** A stored search: one esearch slice as the search stage recorded it (PRISMA-S). */
export interface StoredSearch extends SearchRow {
  searchId: number;
  database: string;
}

interface SearchDbRow {
  search_id: number;
  run_id: number;
  database: string;
  base_term: string;
  term: string;
  query_translation: string | null;
  window_from: string | null;
  window_to: string | null;
  count: number;
  retrieved: number;
  warnings: string;
  searched_at: string;
}

/** Every recorded search, oldest first. */
export function listSearches(db: Db): StoredSearch[] {
  return db
    .prepare<[], SearchDbRow>("SELECT * FROM searches ORDER BY search_id")
    .all()
    .map((r) => ({
      searchId: r.search_id,
      runId: r.run_id,
      database: r.database,
      baseTerm: r.base_term,
      term: r.term,
      queryTranslation: r.query_translation,
      windowFrom: r.window_from,
      windowTo: r.window_to,
      count: r.count,
      retrieved: r.retrieved,
      warnings: (JSON.parse(r.warnings) as unknown[]).map(String),
      searchedAt: r.searched_at,
    }));
}

/** The last successful run that searched: when it started and the query it sent, without date window. */
export interface LastSearch {
  startedAt: string;
  /** searches.base_term of that run; null if it recorded no search. */
  baseTerm: string | null;
}

/**
 * The last run that searched and ended well ('success' or 'incomplete'), other than `exceptRunId`. A run
 * searched when its counts JSON has a `search` key.
 */
export function lastSearch(db: Db, exceptRunId: number): LastSearch | null {
  const rows = db
    .prepare<[number], { run_id: number; started_at: string; counts: string }>(
      `SELECT run_id, started_at, counts FROM runs WHERE outcome IN ('success', 'incomplete') AND run_id != ?
       ORDER BY started_at DESC, run_id DESC`,
    )
    .iterate(exceptRunId);
  let found: { run_id: number; started_at: string } | null = null;
  for (const row of rows) {
    try {
      const counts = JSON.parse(row.counts) as Record<string, unknown>;
      if (counts && typeof counts === "object" && "search" in counts) {
        found = row;
        break;
      }
    } catch {
      // a run with unreadable counts did not record a search
    }
  }
  if (!found) return null;
  const term = db
    .prepare<[number], { base_term: string }>("SELECT base_term FROM searches WHERE run_id = ? ORDER BY search_id DESC LIMIT 1")
    .get(found.run_id);
  return { startedAt: found.started_at, baseTerm: term?.base_term ?? null };
}

export interface SavedSearch {
  row: SearchRow;
  pmids: readonly string[];
}

/**
 * Records every search slice and its PMIDs in one transaction, so a failed search leaves nothing
 * behind. Returns how many PMIDs were new to search_hits.
 */
export function saveSearches(db: Db, searches: readonly SavedSearch[]): number {
  const insertSearch = db.prepare(
    `INSERT INTO searches (run_id, database, base_term, term, query_translation, window_from, window_to, count, retrieved, warnings, searched_at)
     VALUES (?, 'pubmed', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHit = db.prepare(
    "INSERT OR IGNORE INTO search_hits (pmid, first_search_id, first_run_id, first_seen) VALUES (?, ?, ?, ?)",
  );
  return db.transaction(() => {
    let added = 0;
    for (const { row, pmids } of searches) {
      const searchId = insertSearch.run(
        row.runId,
        row.baseTerm,
        row.term,
        row.queryTranslation,
        row.windowFrom,
        row.windowTo,
        row.count,
        row.retrieved,
        JSON.stringify(row.warnings),
        row.searchedAt,
      ).lastInsertRowid;
      for (const pmid of pmids) added += insertHit.run(pmid, searchId, row.runId, row.searchedAt).changes;
    }
    return added;
  })();
}

/**
 * PMIDs searched but not yet had: not a stored record, not in a stored efetch answer (the parse stage
 * may not have run yet). PMIDs recorded unavailable are among them: efetch is asked again on every run
 * (they are few, and a PMID can come back, e.g. once PubMed has finished indexing it). In numeric order,
 * so batches are reproducible.
 */
export function pendingPmids(db: Db): string[] {
  const rows = db
    .prepare<[], { pmid: string }>(
      `SELECT h.pmid FROM search_hits h
       WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.pmid = h.pmid)
         AND h.pmid NOT IN (SELECT j.value FROM raw_responses rr, json_each(rr.pmids) j WHERE rr.kind = 'efetch')
       ORDER BY length(h.pmid), h.pmid`,
    )
    .all();
  return rows.map((r) => r.pmid);
}

export interface EfetchBatch {
  runId: number;
  /** The request as sent, API key redacted. */
  request: string;
  /** PMIDs actually received in the body. */
  pmids: readonly string[];
  /** gzip-compressed body. */
  body: Buffer;
  receivedAt: string;
}

/**
 * One efetch answer in its own transaction, for the parse stage (parsed_at stays NULL); the PMIDs it
 * holds are no longer unavailable.
 */
export function storeEfetchBatch(db: Db, batch: EfetchBatch): number {
  const insert = db.prepare(
    `INSERT INTO raw_responses (run_id, kind, request, pmids, body, received_at, parsed_at) VALUES (?, 'efetch', ?, ?, ?, ?, NULL)`,
  );
  const available = db.prepare("DELETE FROM unavailable WHERE pmid = ?");
  return db.transaction(() => {
    for (const pmid of batch.pmids) available.run(pmid);
    return Number(insert.run(batch.runId, batch.request, JSON.stringify(batch.pmids), batch.body, batch.receivedAt).lastInsertRowid);
  })();
}

export function recordUnavailable(db: Db, pmids: readonly string[], runId: number, now: string, reason: string): number {
  const insert = db.prepare("INSERT OR IGNORE INTO unavailable (pmid, run_id, recorded_at, reason) VALUES (?, ?, ?, ?)");
  return db.transaction(() => {
    let n = 0;
    for (const pmid of pmids) n += insert.run(pmid, runId, now, reason).changes;
    return n;
  })();
}
