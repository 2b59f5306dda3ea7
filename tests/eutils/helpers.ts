import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { pipelineSchema, type PipelineConfig } from "../../src/config/pipeline.js";
import type { EutilsClient } from "../../src/eutils/client.js";
import { noProgress, silentLogger, type Logger, type StageContext } from "../../src/pipeline/context.js";
import { openStore, type Db } from "../../src/store/open.js";
import type { ServerRecord } from "../../src/demo/eutils-server.js";

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/eutils/${name}`, import.meta.url)), "utf8");
}

export function testConfig(overrides: { batchSize?: number; from?: string | null; overlapDays?: number } = {}): PipelineConfig {
  const file = pipelineSchema.parse({
    name: "test-review",
    title: "Test review",
    query: "queries/test.txt",
    search: { from: overrides.from ?? null, overlap_days: overrides.overlapDays ?? 7 },
    fetch: { batch_size: overrides.batchSize ?? 200 },
  });
  return { ...file, file: "pipelines/test.yaml", queryText: "(exosome*[tiab]) AND skin[tiab]" };
}

/** Adds a run row (searches and search_hits refer to it) and returns its id. */
export function addRun(db: Db, startedAt: string, outcome = "running", counts: Record<string, unknown> = {}): number {
  return Number(
    db
      .prepare("INSERT INTO runs (pipeline, command, started_at, outcome, counts) VALUES ('test-review', 'run', ?, ?, ?)")
      .run(startedAt, outcome, JSON.stringify(counts)).lastInsertRowid,
  );
}

export interface ContextOptions {
  db?: Db;
  client: EutilsClient | null;
  config?: PipelineConfig;
  now?: string;
  since?: string | null;
  full?: boolean;
  logger?: Logger;
}

export function makeContext(o: ContextOptions): StageContext {
  const db = o.db ?? openStore(":memory:");
  const now = o.now ?? "2026-11-27T08:00:00.000Z";
  const runId = addRun(db, now);
  return {
    db,
    config: o.config ?? testConfig(),
    runId,
    clock: () => new Date(now),
    logger: o.logger ?? silentLogger,
    progress: noProgress,
    client: o.client,
    outDir: "unused",
    since: o.since ?? null,
    full: o.full ?? false,
    report: { bom: true },
  };
}

/** A minimal but real-shaped PubmedArticle, with a cited PMID that must not be mistaken for its own. */
export function syntheticArticle(pmid: string): string {
  return (
    `<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">${pmid}</PMID>` +
    `<Article PubModel="Print"><ArticleTitle>Synthetic record ${pmid} on exosomes in skin.</ArticleTitle></Article>` +
    `<CommentsCorrectionsList><CommentsCorrections RefType="CommentIn"><RefSource>X</RefSource><PMID Version="1">1</PMID></CommentsCorrections></CommentsCorrectionsList>` +
    `</MedlineCitation><PubmedData><PublicationStatus>ppublish</PublicationStatus>` +
    `<ArticleIdList><ArticleId IdType="pubmed">${pmid}</ArticleId></ArticleIdList></PubmedData></PubmedArticle>`
  );
}

/** `n` records with PMIDs from `firstPmid`, creation dates spread over the days from `firstDay`. */
export function syntheticRecords(n: number, firstPmid = 30_000_000, firstDay = "2015/01/01", perDay = 5): ServerRecord[] {
  const start = Date.parse(`${firstDay.replace(/\//g, "-")}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => {
    const pmid = String(firstPmid + i);
    const d = new Date(start + Math.floor(i / perDay) * 86_400_000);
    const createdDate = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}`;
    return { pmid, createdDate, xml: syntheticArticle(pmid) };
  });
}

/** A logger that keeps every line, to check that the API key never reaches the logs. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (fields: Record<string, unknown>, message: string): void => {
    lines.push(`${message} ${JSON.stringify(fields)}`);
  };
  return { lines, debug: push, info: push, warn: push, error: push };
}

/** Every PMID that stored efetch answers hold, with how many answers hold it (completeness checks). */
export function receivedPmidCounts(db: Db): Map<string, number> {
  const rows = db
    .prepare<[], { pmid: string; n: number }>(
      `SELECT j.value AS pmid, count(*) AS n FROM raw_responses rr, json_each(rr.pmids) j WHERE rr.kind = 'efetch' GROUP BY j.value`,
    )
    .all();
  return new Map(rows.map((r) => [r.pmid, r.n]));
}
