import { describe, expect, it } from "vitest";
import { dedupeStage } from "../../src/stages/dedupe/index.js";
import type { DedupeDecision } from "../../src/model/dedupe.js";
import { openStore } from "../../src/store/open.js";
import type { Db } from "../../src/store/open.js";
import { markDeleted, upsertRecord } from "../../src/store/records.js";
import { pipelineSchema } from "../../src/config/pipeline.js";
import type { PipelineConfig } from "../../src/config/pipeline.js";
import { noProgress, silentLogger } from "../../src/pipeline/context.js";
import type { StageContext } from "../../src/pipeline/context.js";
import type { Article } from "../../src/model/article.js";
import { makeArticle, pubmedArticle } from "./builders.js";

interface DecisionRow {
  record_id: string;
  cluster_id: string;
  kept_record_id: string;
  role: DedupeDecision["role"];
  rule: string | null;
  score: number | null;
  notice: DedupeDecision["notice"];
  concerns: string | null;
  retracted: number;
}

/** The stored verdicts, by record_id. */
function loadDedupeDecisions(db: Db): Map<string, DedupeDecision> {
  const rows = db.prepare<[], DecisionRow>("SELECT * FROM dedupe_decisions ORDER BY record_id").all();
  return new Map(
    rows.map((r) => [
      r.record_id,
      {
        recordId: r.record_id,
        clusterId: r.cluster_id,
        keptRecordId: r.kept_record_id,
        role: r.role,
        rule: r.rule,
        score: r.score,
        notice: r.notice,
        concerns: r.concerns,
        retracted: r.retracted === 1,
      },
    ]),
  );
}


function context(db: Db, preprints: "linked" | "merged" = "linked"): StageContext {
  const file = pipelineSchema.parse({ name: "test", title: "Test", query: "q.txt", dedupe: { preprints } });
  const config: PipelineConfig = { ...file, file: "pipelines/test.yaml", queryText: "exosomes" };
  return {
    db,
    config,
    runId: 1,
    clock: () => new Date("2026-01-01T00:00:00Z"),
    logger: silentLogger,
    progress: noProgress,
    client: null,
    outDir: "reports/test",
    since: null,
    full: false,
    report: { bom: true },
  };
}

const TITLE = "Exosomes derived from human adipose tissue stem cells improve photoaged skin in mice";
const records: Article[] = [
  pubmedArticle("111", { title: TITLE, doi: "10.1000/abc", year: 2021, authors: ["Kim, J"] }),
  makeArticle("scopus:1", { title: TITLE.toUpperCase(), year: 2021, authors: ["Kim, J."], source: { database: "scopus", file: "s.ris", ownId: "1", importedAt: "2026-01-01T00:00:00.000Z" } }),
  pubmedArticle("222", { title: `Erratum: ${TITLE}`, year: 2022, publicationTypes: ["Published Erratum"], commentsCorrections: [["ErratumFor", "111"]] }),
  pubmedArticle("333", { title: "Platelet exosomes for scalp hair growth", year: 2020, publicationTypes: ["Retracted Publication"] }),
  makeArticle("scopus:2", { title: TITLE, doi: "10.1000/other", year: 2021, authors: ["Kim, J"] }),
  pubmedArticle("444", { title: "A withdrawn record about exosome toxicity", year: 2019 }),
];

function store(): Db {
  const db = openStore(":memory:");
  for (const r of records) upsertRecord(db, r, 1, "2026-01-01T00:00:00Z");
  markDeleted(db, ["444"], "2026-01-01T00:00:00Z");
  return db;
}

describe("dedupeStage", () => {
  it("stores a verdict for every non-deleted record and counts what it found", async () => {
    const db = store();
    const outcome = await dedupeStage(context(db));
    expect(outcome.counts).toEqual({ records: 5, clusters: 4, duplicates: 1, versions: 0, notices: 1, retracted: 1, possible: 2 });
    const decisions = loadDedupeDecisions(db);
    expect([...decisions.keys()]).toEqual(["111", "222", "333", "scopus:1", "scopus:2"]);
    expect(decisions.get("scopus:1")).toMatchObject({ role: "duplicate", keptRecordId: "111", rule: "title+year+author" });
    expect(decisions.get("222")).toMatchObject({ notice: "erratum", concerns: "111", role: "kept" });
    expect(decisions.get("333")?.retracted).toBe(true);
    // scopus:2 has another DOI than 111: its title match with scopus:1 is refused (it would chain the two
    // DOIs into one work) and listed for a human, like its near miss with 111.
    const possible = db.prepare("SELECT record_id_a, record_id_b, field_scores, reason FROM possible_duplicates ORDER BY 1, 2").all() as {
      record_id_a: string;
      record_id_b: string;
      field_scores: string;
      reason: string;
    }[];
    expect(possible.map((p) => [p.record_id_a, p.record_id_b, p.reason])).toEqual([
      ["111", "scopus:2", "different-ids"],
      ["scopus:1", "scopus:2", "different-ids"],
    ]);
    expect(JSON.parse(possible[0]!.field_scores)).toMatchObject({ title: 1, year: 1, author: 1 });
  });

  it("replaces the previous verdicts when run again", async () => {
    const db = store();
    await dedupeStage(context(db));
    markDeleted(db, ["scopus:1"], "2026-01-02T00:00:00Z");
    const outcome = await dedupeStage(context(db));
    expect(outcome.counts.duplicates).toBe(0);
    expect(loadDedupeDecisions(db).has("scopus:1")).toBe(false);
    const n = db.prepare("SELECT COUNT(*) AS n FROM dedupe_decisions").get() as { n: number };
    expect(n.n).toBe(4);
  });
});
