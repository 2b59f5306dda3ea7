import { PAIR_SCORE_FIELDS, type PossibleDuplicate, type PossibleDuplicateReason } from "../../model/dedupe.js";
import { csvCell, csvHeader, inChunks, roundScore } from "./csv.js";
import type { CsvOptions } from "./csv.js";
import { compareRecordIds, compareText, recordUrl } from "./view.js";
import type { RecordView } from "./view.js";

/**
 * What possible-duplicates.csv needs of each stored record: id, title and link, in record-id order. Plain
 * arrays, so the file can be written on a worker thread (see aside-worker.ts).
 */
export interface PairRecords {
  ids: string[];
  titles: (string | null)[];
  urls: (string | null)[];
}

export function pairRecordsOf(views: readonly RecordView[]): PairRecords {
  return {
    ids: views.map((v) => v.recordId),
    titles: views.map((v) => v.article.title),
    urls: views.map((v) => recordUrl(v.article)),
  };
}

/** The `reason` column in words, for summary.md and explain. */
export const PAIR_REASON_WORDS: Record<PossibleDuplicateReason, string> = {
  "different-ids": "alike but with different PMIDs, DOIs or PMCIDs",
  "meeting-abstract": "a meeting abstract beside a paper",
  "shared-doi": "sharing a DOI and little else",
  similar: "alike, but not enough to merge",
};

export const POSSIBLE_DUPLICATE_FIXED = ["record_id_a", "record_id_b", "score", "title_a", "title_b", "url_a", "url_b"] as const;

/**
 * The near-miss pairs as columns: a large store has ten times more pairs than records, and an object per
 * pair (with one more for its field scores) took several times the memory. Record ids are shared strings.
 */
export interface PairTable {
  size: number;
  idA: string[];
  idB: string[];
  score: Float64Array;
  /** Every field dedupe scores (PAIR_SCORE_FIELDS), and any other a stored pair has a score for, in name order. */
  fields: string[];
  /** One column per field: NaN where the pair has no score for it. */
  fieldScores: Float64Array[];
  /** Why each pair was left for a human (PossibleDuplicateReason), null where the store does not say. */
  reason: (string | null)[];
}

/** Builds a PairTable a pair at a time; `size` is the number of pairs to come. */
export class PairTableBuilder {
  private readonly idA: string[] = [];
  private readonly idB: string[] = [];
  private readonly score: Float64Array;
  private readonly reason: (string | null)[] = [];
  private readonly columns = new Map<string, Float64Array>();
  private readonly ids = new Map<string, string>();

  constructor(private readonly size: number) {
    this.score = new Float64Array(size);
    // Every field dedupe scores has its column even when no pair has it, so the file's columns never change.
    for (const name of PAIR_SCORE_FIELDS) this.columns.set(name, new Float64Array(size).fill(NaN));
  }

  add(recordIdA: string, recordIdB: string, score: number, fieldScores: Record<string, number | null>, reason: string | null): void {
    const i = this.idA.length;
    if (i >= this.size) throw new Error(`more than the ${this.size} pairs announced`);
    this.idA.push(this.shared(recordIdA));
    this.idB.push(this.shared(recordIdB));
    this.score[i] = score;
    this.reason.push(reason);
    // A field named with a null score still has its column, as every pair's cell for it may be empty.
    for (const name in fieldScores) {
      let column = this.columns.get(name);
      if (!column) this.columns.set(name, (column = new Float64Array(this.size).fill(NaN)));
      const value = fieldScores[name];
      if (value !== null && value !== undefined) column[i] = value;
    }
  }

  finish(): PairTable {
    const fields = [...this.columns.keys()].sort(compareText);
    const size = this.idA.length;
    return {
      size,
      idA: this.idA,
      idB: this.idB,
      score: this.score.subarray(0, size),
      fields,
      fieldScores: fields.map((f) => this.columns.get(f)!.subarray(0, size)),
      reason: this.reason,
    };
  }

  private shared(id: string): string {
    const known = this.ids.get(id);
    if (known !== undefined) return known;
    this.ids.set(id, id);
    return id;
  }
}

export function pairTableOf(pairs: readonly PossibleDuplicate[]): PairTable {
  const builder = new PairTableBuilder(pairs.length);
  for (const p of pairs) builder.add(p.recordIdA, p.recordIdB, p.score, p.fieldScores, p.reason);
  return builder.finish();
}

/**
 * possible-duplicates.csv: pairs just under the fuzzy threshold, highest score first, then by record ids.
 * Per-field scores follow as `score_<field>` columns, fields in name order, then the reason (last, as it
 * came after the other columns). In chunks of rows.
 */
export function possibleDuplicatesCsvChunks(pairs: PairTable, records: PairRecords, options: CsvOptions): Iterable<string> {
  const header = csvHeader([...POSSIBLE_DUPLICATE_FIXED, ...pairs.fields.map((f) => `score_${f}`), "reason"], options);
  return inChunks(header, pairLines(pairs, records));
}

/**
 * The CSV records, sorted. A pair's record ids are compared by their rank in record-id order, computed
 * once per record rather than once per comparison, and each record's id, title and link cells are
 * formatted once however many pairs it is in.
 */
function* pairLines(pairs: PairTable, records: PairRecords): Generator<string> {
  const ids = recordIdOrder(records.ids, pairs);
  const rank = new Map(ids.map((id, i) => [id, i]));
  const known = new Map(records.ids.map((id, i) => [id, i]));
  const idCells = ids.map((id) => csvCell(id));
  const titleCells = ids.map((id) => csvCell(records.titles[known.get(id) ?? -1] ?? null));
  const urlCells = ids.map((id) => csvCell(records.urls[known.get(id) ?? -1] ?? null));
  const { score, fieldScores, reason } = pairs;
  const reasonCell = new Map<string | null, string>();
  const rankA = Int32Array.from(pairs.idA, (id) => rank.get(id)!);
  const rankB = Int32Array.from(pairs.idB, (id) => rank.get(id)!);
  const order = new Uint32Array(pairs.size).map((_, i) => i);
  order.sort((i, j) => score[j]! - score[i]! || rankA[i]! - rankA[j]! || rankB[i]! - rankB[j]!);
  const scoreCell = scoreCells();
  for (const i of order) {
    const a = rankA[i]!;
    const b = rankB[i]!;
    let line = `${idCells[a]},${idCells[b]},${scoreCell(score[i]!)},${titleCells[a]},${titleCells[b]},${urlCells[a]},${urlCells[b]}`;
    for (const column of fieldScores) {
      const value = column[i]!;
      line += value !== value /* NaN: no score */ ? "," : "," + scoreCell(value);
    }
    const why = reason[i]!;
    let whyCell = reasonCell.get(why);
    if (whyCell === undefined) reasonCell.set(why, (whyCell = csvCell(why)));
    yield line + "," + whyCell + "\r\n";
  }
}

/**
 * A score's cell, rounded to four decimals. Rounded, scores take few distinct values, so each value's text
 * is made once: number-to-text took more time than the rest of a line.
 */
function scoreCells(): (score: number) => string {
  const cells = new Map<number, string>();
  return (score) => {
    const rounded = roundScore(score);
    let cell = cells.get(rounded);
    if (cell === undefined) cells.set(rounded, (cell = csvCell(rounded)));
    return cell;
  };
}

/**
 * Every record id of the stored records and the pairs, in record-id order. The records are in that order
 * already; only a pair naming a record the store no longer holds makes a sort necessary.
 */
function recordIdOrder(recordIds: readonly string[], pairs: PairTable): string[] {
  const ids = new Set(recordIds);
  const known = ids.size;
  for (let i = 0; i < pairs.size; i++) ids.add(pairs.idA[i]!).add(pairs.idB[i]!);
  return ids.size === known && known === recordIds.length ? [...recordIds] : [...ids].sort(compareRecordIds);
}
