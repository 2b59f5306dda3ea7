import type { PipelineConfig } from "../../src/config/pipeline.js";
import { noProgress, silentLogger } from "../../src/pipeline/context.js";
import type { StageContext } from "../../src/pipeline/context.js";
import { openStore } from "../../src/store/open.js";
import type { Db } from "../../src/store/open.js";
import { markDeleted, upsertRecord } from "../../src/store/records.js";
import { makeInput, NOW } from "./builders.js";

/** A store holding what the other stages would have written for makeInput()'s records. */
export function buildStore(): Db {
  const db = openStore(":memory:");
  const input = makeInput();
  db.prepare("INSERT INTO runs (run_id, pipeline, command, started_at, outcome) VALUES (1, 'exosome-dermatology', 'litreview run', ?, 'success')").run(NOW);
  for (const r of input.records) {
    upsertRecord(db, r.article, 1, NOW);
    if (r.deleted) markDeleted(db, [r.article.recordId], NOW);
    if (r.decision) {
      const d = r.decision;
      db.prepare("INSERT INTO dedupe_decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").run(
        d.recordId, d.clusterId, d.keptRecordId, d.role, d.rule, d.score, d.notice, d.concerns, d.retracted ? 1 : 0,
      );
    }
    if (r.classification) {
      db.prepare("INSERT INTO classifications VALUES (?, ?, ?, ?)").run(r.article.recordId, JSON.stringify(r.classification), "test-1", NOW);
    }
  }
  const s = input.searches[0]!;
  db.prepare(
    `INSERT INTO searches (search_id, run_id, database, base_term, term, query_translation, window_from, window_to, count, retrieved, warnings, searched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.searchId, s.runId, s.database, s.baseTerm, s.term, s.queryTranslation, s.windowFrom, s.windowTo, s.count, s.retrieved, JSON.stringify(s.warnings), s.searchedAt);
  const hit = db.prepare("INSERT INTO search_hits VALUES (?, 1, 1, ?)");
  for (const pmid of ["29138430", "29996938", "32256789", "33073298", "40000099"]) hit.run(pmid, NOW);
  db.prepare("INSERT INTO unavailable VALUES ('40000099', 1, ?, 'not returned by efetch')").run(NOW);
  db.prepare("INSERT INTO possible_duplicates VALUES ('29996938', '32164386', 0.88, ?, 'different-ids')").run(JSON.stringify({ title: 0.88, year: 0, author: null }));
  return db;
}

export function makeConfig(overrides: Partial<PipelineConfig> = {}): PipelineConfig {
  const input = makeInput();
  return {
    name: input.pipeline.name,
    title: input.pipeline.title,
    question: input.pipeline.question!,
    database: "pubmed",
    query: "queries/exosome-dermatology.txt",
    search: { from: null, overlap_days: 7 },
    fetch: { batch_size: 200 },
    vocab: "data/vocab",
    evaluation: { gold: null },
    dedupe: { preprints: "linked" },
    outputs: ["articles.csv", "tags.csv", "evidence-matrix.csv", "claims.csv", "prisma.csv", "possible-duplicates.csv", "summary.md"],
    file: "pipelines/exosome-dermatology.yaml",
    queryText: input.pipeline.queryText,
    ...overrides,
  };
}

export function makeContext(db: Db, outDir: string, overrides: Partial<StageContext> = {}): StageContext {
  return {
    db,
    config: makeConfig(),
    runId: 2,
    clock: () => new Date(NOW),
    logger: silentLogger,
    progress: noProgress,
    client: null,
    outDir,
    since: null,
    full: false,
    report: { bom: true },
    ...overrides,
  };
}
