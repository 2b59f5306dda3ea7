import type { PossibleDuplicate } from "../../model/dedupe.js";
import { csvChunks } from "./csv.js";
import type { CsvOptions, CsvRow } from "./csv.js";
import { compareRecordIds, compareText, recordUrl } from "./view.js";
import type { RecordView } from "./view.js";

export const POSSIBLE_DUPLICATE_FIXED = ["record_id_a", "record_id_b", "score", "title_a", "title_b", "url_a", "url_b"] as const;

/**
 * possible-duplicates.csv: pairs just under the fuzzy threshold, highest score first, then by record ids.
 * Per-field scores follow as `score_<field>` columns, fields in name order. In chunks of rows: a large
 * store has ten times more pairs than records.
 */
export function possibleDuplicatesCsvChunks(
  pairs: readonly PossibleDuplicate[],
  views: readonly RecordView[],
  options: CsvOptions,
): Iterable<string> {
  const fields = fieldNames(pairs);
  const sorted = [...pairs].sort(
    (a, b) => b.score - a.score || compareRecordIds(a.recordIdA, b.recordIdA) || compareRecordIds(a.recordIdB, b.recordIdB),
  );
  return csvChunks([...POSSIBLE_DUPLICATE_FIXED, ...fields.map((f) => `score_${f}`)], pairRows(sorted, views, fields), options);
}

/** Every field any pair has a score for, in name order (a loop: flatMap made one array per pair). */
function fieldNames(pairs: readonly PossibleDuplicate[]): string[] {
  const names = new Set<string>();
  for (const p of pairs) for (const name in p.fieldScores) names.add(name);
  return [...names].sort(compareText);
}

function* pairRows(pairs: readonly PossibleDuplicate[], views: readonly RecordView[], fields: readonly string[]): Generator<CsvRow> {
  const byId = new Map(views.map((v) => [v.recordId, v]));
  for (const p of pairs) {
    const a = byId.get(p.recordIdA)?.article ?? null;
    const b = byId.get(p.recordIdB)?.article ?? null;
    const row: CsvRow = {
      record_id_a: p.recordIdA,
      record_id_b: p.recordIdB,
      score: round(p.score),
      title_a: a?.title ?? null,
      title_b: b?.title ?? null,
      url_a: a ? recordUrl(a) : null,
      url_b: b ? recordUrl(b) : null,
    };
    for (const f of fields) row[`score_${f}`] = roundOrNull(p.fieldScores[f] ?? null);
    yield row;
  }
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

function roundOrNull(n: number | null): number | null {
  return n === null ? null : round(n);
}
