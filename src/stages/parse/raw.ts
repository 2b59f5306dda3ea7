import { gunzipSync } from "node:zlib";
import type { Db } from "../../store/open.js";

export interface RawResponse {
  rawId: number;
  request: string;
  receivedAt: string;
  body: Buffer;
}

/** efetch answers not parsed yet, oldest first (ids only: the bodies are read one at a time). */
export function unparsedIds(db: Db): number[] {
  return db
    .prepare<[], { raw_id: number }>("SELECT raw_id FROM raw_responses WHERE kind = 'efetch' AND parsed_at IS NULL ORDER BY raw_id")
    .all()
    .map((r) => r.raw_id);
}

export function readRaw(db: Db, rawId: number): RawResponse | null {
  const row = db
    .prepare<[number], { raw_id: number; request: string; received_at: string; body: Buffer }>(
      "SELECT raw_id, request, received_at, body FROM raw_responses WHERE raw_id = ?",
    )
    .get(rawId);
  return row ? { rawId: row.raw_id, request: row.request, receivedAt: row.received_at, body: row.body } : null;
}

/** Bodies are stored gzip-compressed; a body that is not (an older writer, a test) is taken as is. */
export function bodyText(body: Buffer): string {
  const gz = body.length > 2 && body[0] === 0x1f && body[1] === 0x8b;
  return (gz ? gunzipSync(body) : body).toString("utf8");
}

export function markParsed(db: Db, rawId: number, now: string): void {
  db.prepare("UPDATE raw_responses SET parsed_at = ? WHERE raw_id = ?").run(now, rawId);
}

/**
 * Marks every stored efetch answer as not parsed, so the next parse stage reads them all again
 * (after a parser change, or on `run --offline`). Returns how many.
 */
export function reparseAll(db: Db): number {
  return db.prepare("UPDATE raw_responses SET parsed_at = NULL WHERE kind = 'efetch' AND parsed_at IS NOT NULL").run().changes;
}

/**
 * For each PMID, the newest efetch answer that holds it (from the `pmids` column the fetch stage
 * fills). A record is only taken from its newest answer, so re-parsing old answers never rolls a
 * record back to an older version and back again.
 */
export function newestAnswerByPmid(db: Db): Map<string, number> {
  const out = new Map<string, number>();
  const rows = db
    .prepare<[], { raw_id: number; pmids: string }>("SELECT raw_id, pmids FROM raw_responses WHERE kind = 'efetch' ORDER BY raw_id")
    .all();
  for (const row of rows) {
    let pmids: unknown;
    try {
      pmids = JSON.parse(row.pmids);
    } catch {
      continue;
    }
    if (!Array.isArray(pmids)) continue;
    for (const p of pmids) if (typeof p === "string") out.set(p, row.raw_id);
  }
  return out;
}
