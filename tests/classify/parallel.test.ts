import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyStore, loadVocabulary } from "../../src/stages/classify/index.js";
import { goldToArticle, parseGold } from "../../src/stages/classify/gold.js";
import { openStore } from "../../src/store/open.js";
import type { Db } from "../../src/store/open.js";
import { markDeleted, upsertRecord } from "../../src/store/records.js";

const NOW = "2026-02-01T10:00:00.000Z";

/** The labelled development articles, three times over under fresh ids: several pages of varied records. */
function seeded(): Db {
  const db = openStore(":memory:");
  const gold = parseGold(readFileSync("tests/fixtures/classify/dev.jsonl", "utf8"));
  db.transaction(() => {
    for (let copy = 0; copy < 3; copy++) {
      gold.forEach((g, i) => upsertRecord(db, { ...goldToArticle(g), recordId: `r${copy}-${String(i).padStart(3, "0")}` }, 1, NOW));
    }
  })();
  markDeleted(db, ["r1-007"], NOW);
  return db;
}

const stored = (db: Db) => db.prepare("SELECT record_id, result, rules_version, classified_at FROM classifications ORDER BY rowid").all();

describe("classifyStore on worker threads", () => {
  it("stores the same classifications, in the same order, as in the main thread", async () => {
    const vocabulary = loadVocabulary("data/vocab");
    const inline = seeded();
    const threaded = seeded();
    const progress: number[] = [];
    const countsInline = await classifyStore(inline, vocabulary, NOW, { threads: 1 });
    const countsThreaded = await classifyStore(threaded, vocabulary, NOW, { threads: 2, onProgress: (done) => progress.push(done) });
    expect(countsThreaded).toEqual(countsInline);
    expect(countsInline.classified).toBe(272);
    expect(stored(threaded)).toEqual(stored(inline));
    expect(progress.at(-1)).toBe(272);
  });
});
