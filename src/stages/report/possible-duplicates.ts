import type { PossibleDuplicate } from "../../model/dedupe.js";
import { csvCell, csvHeader, inChunks } from "./csv.js";
import type { CsvOptions } from "./csv.js";
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
  const header = csvHeader([...POSSIBLE_DUPLICATE_FIXED, ...fields.map((f) => `score_${f}`)], options);
  return inChunks(header, pairRecords(pairs, views, fields));
}

/** Every field any pair has a score for, in name order (a loop: flatMap made one array per pair). */
function fieldNames(pairs: readonly PossibleDuplicate[]): string[] {
  const names = new Set<string>();
  for (const p of pairs) for (const name in p.fieldScores) names.add(name);
  return [...names].sort(compareText);
}

/**
 * The CSV records, sorted. A pair's record ids are compared by their rank in record-id order, computed
 * once per record rather than once per comparison, and each record's id, title and link cells are
 * formatted once however many pairs it is in.
 */
function* pairRecords(pairs: readonly PossibleDuplicate[], views: readonly RecordView[], fields: readonly string[]): Generator<string> {
  const ids = recordIdOrder(views, pairs);
  const rank = new Map(ids.map((id, i) => [id, i]));
  const byId = new Map(views.map((v) => [v.recordId, v.article]));
  const idCells = ids.map((id) => csvCell(id));
  const titleCells = ids.map((id) => csvCell(byId.get(id)?.title ?? null));
  const urlCells = ids.map((id) => {
    const article = byId.get(id);
    return csvCell(article ? recordUrl(article) : null);
  });
  const rankA = Int32Array.from(pairs, (p) => rank.get(p.recordIdA)!);
  const rankB = Int32Array.from(pairs, (p) => rank.get(p.recordIdB)!);
  const order = pairs.map((_, i) => i).sort((i, j) => pairs[j]!.score - pairs[i]!.score || rankA[i]! - rankA[j]! || rankB[i]! - rankB[j]!);
  const scoreCell = scoreCells();
  for (const i of order) {
    const p = pairs[i]!;
    const a = rankA[i]!;
    const b = rankB[i]!;
    let line = `${idCells[a]},${idCells[b]},${scoreCell(p.score)},${titleCells[a]},${titleCells[b]},${urlCells[a]},${urlCells[b]}`;
    for (const f of fields) {
      const score = p.fieldScores[f] ?? null;
      line += score === null ? "," : "," + scoreCell(score);
    }
    yield line + "\r\n";
  }
}

/**
 * A score's cell, rounded to four decimals. Rounded, scores take few distinct values, so each value's text
 * is made once: number-to-text took more time than the rest of a line.
 */
function scoreCells(): (score: number) => string {
  const cells = new Map<number, string>();
  return (score) => {
    const rounded = round(score);
    let cell = cells.get(rounded);
    if (cell === undefined) cells.set(rounded, (cell = csvCell(rounded)));
    return cell;
  };
}

/**
 * Every record id of the views and the pairs, in record-id order. The views are in that order already;
 * only a pair naming a record the store no longer holds makes a sort necessary.
 */
function recordIdOrder(views: readonly RecordView[], pairs: readonly PossibleDuplicate[]): string[] {
  const ids = new Set(views.map((v) => v.recordId));
  const viewCount = ids.size;
  for (const p of pairs) ids.add(p.recordIdA).add(p.recordIdB);
  return ids.size === viewCount && viewCount === views.length ? views.map((v) => v.recordId) : [...ids].sort(compareRecordIds);
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
