import { describe, expect, it } from "vitest";
import type { PossibleDuplicate } from "../../src/model/dedupe.js";
import { formatCell } from "../../src/stages/report/csv.js";
import { pairRecordsOf, pairTableOf, possibleDuplicatesCsvChunks } from "../../src/stages/report/possible-duplicates.js";
import { buildViews } from "../../src/stages/report/view.js";
import { makeArticle, makeRecord } from "./builders.js";

/** A score cell as the file has always written it: rounded to four decimals, then formatted. */
function expectedCell(score: number | null): string {
  return score === null ? "" : formatCell(Math.round(score * 10_000) / 10_000);
}

describe("possible-duplicates.csv", () => {
  it("writes every score rounded to four decimals, the same value however often it comes", () => {
    const views = buildViews(["1", "2", "3"].map((id) => makeRecord(makeArticle(id), null)));
    const scores = [0.88, 0.88004, 0.87996, 1 / 3, 2 / 3, 0.123449999, 0.00005, -0, 0, 1, 1e-9, 0.99995, 0.1 + 0.2];
    const pairs: PossibleDuplicate[] = scores.map((score, i) => ({
      recordIdA: "1",
      recordIdB: i % 2 === 0 ? "2" : "3",
      score: 0.5,
      fieldScores: { title: score, abstract: i % 3 === 0 ? null : score / 2, year: scores[(i + 1) % scores.length]! },
      reason: null,
    }));
    const [header, ...lines] = [...possibleDuplicatesCsvChunks(pairTableOf(pairs), pairRecordsOf(views), { bom: false })].join("").split("\r\n").slice(0, -1);
    expect(lines).toHaveLength(pairs.length);
    const columns = ["score_abstract", "score_title", "score_year"].map((c) => header!.split(",").indexOf(c));
    const byRecordB = new Map<string, string[][]>();
    for (const line of lines) {
      const cells = line.split(",");
      byRecordB.set(cells[1]!, [...(byRecordB.get(cells[1]!) ?? []), columns.map((c) => cells[c]!)]);
    }
    for (const recordB of ["2", "3"]) {
      const expected = pairs
        .filter((p) => p.recordIdB === recordB)
        .map((p) => ["abstract", "title", "year"].map((f) => expectedCell(p.fieldScores[f] ?? null)));
      expect(byRecordB.get(recordB)).toEqual(expected);
    }
  });

  it("always has the same columns, with or without pairs, whatever fields the pairs were scored on", () => {
    const views = buildViews(["1", "2"].map((id) => makeRecord(makeArticle(id), null)));
    const header = (pairs: PossibleDuplicate[]) =>
      [...possibleDuplicatesCsvChunks(pairTableOf(pairs), pairRecordsOf(views), { bom: false })].join("").split("\r\n")[0];
    const expected =
      "record_id_a,record_id_b,score,title_a,title_b,url_a,url_b,score_abstract,score_author,score_journal,score_pages,score_title,score_year,reason";
    expect(header([])).toBe(expected);
    expect(header([{ recordIdA: "1", recordIdB: "2", score: 0.2, fieldScores: {}, reason: "similar" }])).toBe(expected);
  });

  it("ends each pair with why it was left for a human, empty where the store does not say", () => {
    const views = buildViews(["1", "2", "3"].map((id) => makeRecord(makeArticle(id), null)));
    const pairs: PossibleDuplicate[] = [
      { recordIdA: "1", recordIdB: "2", score: 0.9, fieldScores: {}, reason: "different-ids" },
      { recordIdA: "1", recordIdB: "3", score: 0.8, fieldScores: {}, reason: "meeting-abstract" },
      { recordIdA: "2", recordIdB: "3", score: 0.7, fieldScores: {}, reason: null },
    ];
    const lines = [...possibleDuplicatesCsvChunks(pairTableOf(pairs), pairRecordsOf(views), { bom: false })].join("").split("\r\n").slice(1, -1);
    expect(lines.map((line) => line.split(",").at(-1))).toEqual(["different-ids", "meeting-abstract", ""]);
  });
});
