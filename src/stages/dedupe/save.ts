import type { DedupeDecision, PossibleDuplicate } from "../../model/dedupe.js";
import type { Db } from "../../store/open.js";

/** Rows per INSERT: a statement call per row costs more than SQLite's own work (a benchmark store has 200,000 near misses). */
const ROWS_PER_INSERT = 100;

/** Writes an item's row into `values` from `at` on. */
type RowWriter<T> = (item: T, values: unknown[], at: number) => void;

/** Inserts the items' rows ROWS_PER_INSERT at a time. `insert` is "INSERT INTO table (columns)". */
function insertAll<T>(db: Db, insert: string, columns: number, items: readonly T[], row: RowWriter<T>): void {
  const tuple = `(${new Array(columns).fill("?").join(", ")})`;
  const statement = (rows: number) => db.prepare(`${insert} VALUES ${new Array(rows).fill(tuple).join(", ")}`);
  const full = items.length >= ROWS_PER_INSERT ? statement(ROWS_PER_INSERT) : null;
  const values: unknown[] = new Array(ROWS_PER_INSERT * columns);
  for (let start = 0; start < items.length; start += ROWS_PER_INSERT) {
    const rows = Math.min(ROWS_PER_INSERT, items.length - start);
    for (let i = 0; i < rows; i++) row(items[start + i]!, values, i * columns);
    if (rows === ROWS_PER_INSERT) full!.run(values);
    else statement(rows).run(values.slice(0, rows * columns));
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
      (d, values, at) => {
        values[at] = d.recordId;
        values[at + 1] = d.clusterId;
        values[at + 2] = d.keptRecordId;
        values[at + 3] = d.role;
        values[at + 4] = d.rule;
        values[at + 5] = d.score;
        values[at + 6] = d.notice;
        values[at + 7] = d.concerns;
        values[at + 8] = d.retracted ? 1 : 0;
      },
    );
    insertAll(
      db,
      "INSERT OR REPLACE INTO possible_duplicates (record_id_a, record_id_b, score, field_scores, reason)",
      5,
      possible,
      (p, values, at) => {
        values[at] = p.recordIdA;
        values[at + 1] = p.recordIdB;
        values[at + 2] = p.score;
        values[at + 3] = JSON.stringify(p.fieldScores);
        values[at + 4] = p.reason;
      },
    );
  })();
}
