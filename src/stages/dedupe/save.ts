import type { DedupeDecision, PossibleDuplicate } from "../../model/dedupe.js";
import type { Db } from "../../store/open.js";

/** Rows per INSERT: a statement call per row costs more than SQLite's own work (a benchmark store has 200,000 near misses). */
const ROWS_PER_INSERT = 100;

/** Inserts the items' rows ROWS_PER_INSERT at a time. `insert` is "INSERT INTO table (columns)". */
function insertAll<T>(db: Db, insert: string, columns: number, items: readonly T[], row: (item: T) => unknown[]): void {
  const tuple = `(${new Array(columns).fill("?").join(", ")})`;
  const statement = (rows: number) => db.prepare(`${insert} VALUES ${new Array(rows).fill(tuple).join(", ")}`);
  const full = items.length >= ROWS_PER_INSERT ? statement(ROWS_PER_INSERT) : null;
  const values: unknown[] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_INSERT) {
    const end = Math.min(start + ROWS_PER_INSERT, items.length);
    values.length = 0;
    for (let i = start; i < end; i++) for (const v of row(items[i]!)) values.push(v);
    (end - start === ROWS_PER_INSERT ? full! : statement(end - start)).run(values);
  }
}

/** Replaces the stored verdicts with a fresh set, in one transaction (a crash leaves the old set whole). */
export function saveDedupe(db: Db, decisions: readonly DedupeDecision[], possible: readonly PossibleDuplicate[]): void {
  db.transaction(() => {
    db.prepare("DELETE FROM dedupe_decisions").run();
    db.prepare("DELETE FROM possible_duplicates").run();
    insertAll(
      db,
      "INSERT INTO dedupe_decisions (record_id, cluster_id, kept_record_id, role, rule, score, notice, concerns, retracted)",
      9,
      decisions,
      (d) => [d.recordId, d.clusterId, d.keptRecordId, d.role, d.rule, d.score, d.notice, d.concerns, d.retracted ? 1 : 0],
    );
    insertAll(
      db,
      "INSERT OR REPLACE INTO possible_duplicates (record_id_a, record_id_b, score, field_scores)",
      4,
      possible,
      (p) => [p.recordIdA, p.recordIdB, p.score, JSON.stringify(p.fieldScores)],
    );
  })();
}
