import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import type { Article } from "../../src/model/article.js";
import { pipelineSchema, type PipelineConfig } from "../../src/config/pipeline.js";
import { noProgress, silentLogger, type StageContext } from "../../src/pipeline/context.js";
import type { Db } from "../../src/store/open.js";
import { parsePubmedXml, type PubmedParseResult, type PubmedSource } from "../../src/stages/parse/pubmed-xml/index.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/pubmed/", import.meta.url));

export const SOURCE: PubmedSource = { database: "pubmed", file: null, importedAt: "2026-01-02T03:04:05.000Z" };

export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, "utf8");
}

/** The efetch body recorded in a biocommons VCR cassette (first interaction). */
export function cassetteBody(name: string): string {
  const doc = parseYaml(fixtureText(name)) as { interactions: { response: { body: { string: string } } }[] };
  return doc.interactions[0]!.response.body.string;
}

export function parseFixture(name: string): PubmedParseResult {
  return parsePubmedXml(fixtureText(name), SOURCE, name);
}

/** The record with that PMID in a fixture; fails the test when it is missing. */
export function record(name: string, pmid?: string): Article {
  const { records } = parseFixture(name);
  const found = pmid === undefined ? records[0] : records.find((r) => r.pmid === pmid);
  if (!found) throw new Error(`${name} has no record ${pmid ?? "(first)"}`);
  return found;
}

/** A real record edited by one string replacement, to show how the parser treats a broken variant. */
export function edited(name: string, from: string | RegExp, to: string): string {
  const text = fixtureText(name);
  const out = text.replace(from, to);
  if (out === text) throw new Error(`edit of ${name} changed nothing`);
  return out;
}

const STAGE_CONFIG: PipelineConfig = {
  ...pipelineSchema.parse({ name: "test", title: "Test", query: "queries/test.txt" }),
  file: "pipelines/test.yaml",
  queryText: "exosomes AND skin",
};

/** A parse-stage context on `db` with a fixed clock and run; `offline` leaves out the E-utilities client. */
export function stageContext(db: Db, offline = false): StageContext {
  return {
    db,
    config: STAGE_CONFIG,
    runId: 7,
    clock: () => new Date("2026-03-04T05:06:07.000Z"),
    logger: silentLogger,
    progress: noProgress,
    client: offline ? null : ({} as StageContext["client"]),
    outDir: "reports/test",
    since: null,
    full: false,
    report: { bom: true },
  };
}
