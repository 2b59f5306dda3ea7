import { describe, expect, it } from "vitest";
import type { Classification } from "../../src/model/classification.js";
import { noProgress, silentLogger } from "../../src/pipeline/context.js";
import type { StageContext } from "../../src/pipeline/context.js";
import type { PipelineConfig } from "../../src/config/pipeline.js";
import { classifyStage } from "../../src/stages/classify/index.js";
import { openStore } from "../../src/store/open.js";
import type { Db } from "../../src/store/open.js";
import { markDeleted, upsertRecord } from "../../src/store/records.js";
import { makeArticle } from "./builders.js";

const NOW = "2026-02-01T10:00:00.000Z";

function context(db: Db, vocab = "data/vocab"): StageContext {
  const config = { name: "test", title: "Test", database: "pubmed", query: "q.txt", vocab, file: "p.yaml", queryText: "q" } as unknown as PipelineConfig;
  return { db, config, runId: 1, clock: () => new Date(NOW), logger: silentLogger, progress: noProgress, client: null, outDir: "out", since: null, full: false, report: { bom: true } };
}

function seed(db: Db): void {
  upsertRecord(db, makeArticle("1", { title: "Adipose stem cell exosomes for acne scars: a randomized split-face trial", abstract: "Twenty-five patients were randomly assigned; one side of the face received exosome gel." }), 1, NOW);
  upsertRecord(db, makeArticle("2", { title: "Exosomes in psoriasis: a review", abstract: "In this review we discuss exosomes in psoriasis." }), 1, NOW);
  upsertRecord(db, makeArticle("3", { title: "Microneedling alone for rosacea", abstract: "Thirty patients with rosacea were enrolled in this prospective study and treated with microneedling; erythema improved at 12 weeks." }), 1, NOW);
  upsertRecord(db, makeArticle("4", { title: "Exosomes and skin", abstract: "Exosomes are small vesicles." }), 1, NOW);
  upsertRecord(db, makeArticle("5", { title: "Withdrawn record about exosomes in wounds" }), 1, NOW);
  markDeleted(db, ["5"], NOW);
}

const stored = (db: Db) =>
  db.prepare<[], { record_id: string; result: string; rules_version: string; classified_at: string }>("SELECT * FROM classifications ORDER BY record_id").all();

describe("classifyStage", () => {
  it("classifies every live record into the classifications table and counts what it did", async () => {
    const db = openStore(":memory:");
    seed(db);
    const outcome = await classifyStage(context(db));
    expect(outcome.counts).toEqual({ classified: 4, uncertain: 1, about_exosomes: 3, about_skin: 4 });
    expect(outcome.warnings).toEqual([expect.stringMatching(/could not decide the design of 1 record/)]);
    const rows = stored(db);
    expect(rows.map((r) => r.record_id)).toEqual(["1", "2", "3", "4"]);
    const first = JSON.parse(rows[0]!.result) as Classification;
    expect(first).toMatchObject({ recordId: "1", design: "rct", aboutExosomes: true, participants: 25 });
    expect(first.conditions).toEqual(expect.arrayContaining(["acne", "scar"]));
    expect(rows[0]!.rules_version).toBe(first.rulesVersion);
    expect(rows[0]!.classified_at).toBe(NOW);
    expect(JSON.parse(rows[2]!.result)).toMatchObject({ exosomeSources: ["not-exosome"], aboutExosomes: false, conditions: ["rosacea"] });
  });

  it("replaces earlier results on a rerun and drops those of records deleted since", async () => {
    const db = openStore(":memory:");
    seed(db);
    await classifyStage(context(db));
    markDeleted(db, ["4"], NOW);
    const outcome = await classifyStage(context(db));
    expect(outcome.counts.classified).toBe(3);
    expect(stored(db).map((r) => r.record_id)).toEqual(["1", "2", "3"]);
  });

  it("pages through more records than one transaction holds", async () => {
    const db = openStore(":memory:");
    db.transaction(() => {
      for (let i = 0; i < 2100; i++) upsertRecord(db, makeArticle(String(100000 + i), { title: `Exosomes for wound healing ${i}` }), 1, NOW);
    })();
    const outcome = await classifyStage(context(db));
    expect(outcome.counts.classified).toBe(2100);
    expect((db.prepare("SELECT COUNT(*) AS n FROM classifications").get() as { n: number }).n).toBe(2100);
  });

  it("fails with a CONFIG error naming the folder when the vocabulary is missing, storing nothing", async () => {
    const db = openStore(":memory:");
    seed(db);
    await expect(classifyStage(context(db, "no/vocab"))).rejects.toMatchObject({ code: "CONFIG", message: expect.stringContaining("no/vocab") });
    expect(stored(db)).toEqual([]);
  });
});
