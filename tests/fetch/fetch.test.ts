import { gunzipSync } from "node:zlib";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { startEutilsServer, type EutilsServer } from "../../src/demo/eutils-server.js";
import { EutilsClient } from "../../src/eutils/client.js";
import { receivedPmids } from "../../src/eutils/efetch-pmids.js";
import { createRateLimiter } from "../../src/eutils/rate-limit.js";
import type { StageContext } from "../../src/pipeline/context.js";
import { fetchStage } from "../../src/stages/fetch/index.js";
import { fixture, makeContext, receivedPmidCounts, recordingLogger, syntheticRecords, testConfig } from "../eutils/helpers.js";

const KEY = "SECRETKEY0123456789";
let server: EutilsServer | null = null;
afterEach(async () => {
  nock.cleanAll();
  await server?.close();
  server = null;
});

function client(url: string, apiKey: string | null = null): EutilsClient {
  return new EutilsClient({ baseUrl: url, apiKey, email: "r@example.org", tool: "litreview", backoffBaseMs: 5, limiter: createRateLimiter(200) });
}

function seedHits(ctx: StageContext, pmids: readonly string[]): void {
  const searchId = ctx.db
    .prepare("INSERT INTO searches (run_id, base_term, term, count, retrieved, searched_at) VALUES (?, 'q', 'q', ?, ?, 'now')")
    .run(ctx.runId, pmids.length, pmids.length).lastInsertRowid;
  const insert = ctx.db.prepare("INSERT INTO search_hits (pmid, first_search_id, first_run_id, first_seen) VALUES (?, ?, ?, 'now')");
  for (const p of pmids) insert.run(p, searchId, ctx.runId);
}

interface RawRow {
  request: string;
  pmids: string;
  body: Buffer;
  parsed_at: string | null;
  kind: string;
}

const rawRows = (ctx: StageContext) => ctx.db.prepare("SELECT * FROM raw_responses ORDER BY raw_id").all() as RawRow[];

describe("fetch stage on recorded answers (nock)", () => {
  it("stores a real efetch answer compressed, with the PMIDs received and the key redacted", async () => {
    const body = fixture("pubmedparser-pubmed21n1005-subset.xml");
    const pmids = receivedPmids(body);
    const sent: string[] = [];
    nock("https://eutils.example.test")
      .post("/entrez/eutils/efetch.fcgi")
      .reply(200, (_u, b) => {
        sent.push(String(b));
        return body;
      });
    const logger = recordingLogger();
    const ctx = makeContext({ client: client("https://eutils.example.test/entrez/eutils/", KEY), logger });
    seedHits(ctx, pmids);
    const outcome = await fetchStage(ctx);
    expect(outcome).toEqual({ counts: { requested: 20, received: 20, unavailable: 0, batches: 1 }, warnings: [] });
    const params = new URLSearchParams(sent[0]);
    expect(params.get("id")!.split(",").sort()).toEqual([...pmids].sort());
    expect(params.get("api_key")).toBe(KEY);
    const [row] = rawRows(ctx);
    expect(row!.kind).toBe("efetch");
    expect(row!.parsed_at).toBeNull();
    expect(JSON.parse(row!.pmids)).toEqual(pmids);
    expect(gunzipSync(row!.body).toString("utf8")).toBe(body);
    expect(row!.request).toContain("api_key=REDACTED");
    expect(row!.request).not.toContain(KEY);
    expect(logger.lines.join("\n")).not.toContain(KEY);
  });

  it("refetches the gap in smaller batches, then one by one, and records what never comes as unavailable", async () => {
    const body = fixture("pubmedparser-pubmed21n1005-subset.xml");
    const pmids = receivedPmids(body);
    const empty = fixture("metapub-pmid37909814-empty-set.xml");
    const asked: number[] = [];
    nock("https://eutils.example.test")
      .post("/entrez/eutils/efetch.fcgi")
      .times(3)
      .reply(200, (_u, b) => {
        const ids = new URLSearchParams(String(b)).get("id")!.split(",");
        asked.push(ids.length);
        return ids.length > 1 ? body : empty;
      });
    const ctx = makeContext({ client: client("https://eutils.example.test/entrez/eutils/"), config: testConfig({ batchSize: 30 }) });
    seedHits(ctx, [...pmids, "99999999"]);
    const outcome = await fetchStage(ctx);
    expect(asked).toEqual([21, 1]);
    expect(outcome.counts).toEqual({ requested: 21, received: 20, unavailable: 1, batches: 2 });
    expect(outcome.incomplete).toBe("1 PMID unavailable from efetch: 99999999");
    expect(ctx.db.prepare("SELECT pmid FROM unavailable").all()).toEqual([{ pmid: "99999999" }]);
    expect(rawRows(ctx)).toHaveLength(1);
  });
});

describe("fetch stage on later runs, for PMIDs efetch did not return (nock, real answers)", () => {
  const BASE = "https://eutils.example.test/entrez/eutils/";
  const PMID = "37693885";

  /** Answers every efetch with `body` and counts the requests. */
  function efetchAnswers(body: string, asked: string[][]): void {
    nock("https://eutils.example.test")
      .post("/entrez/eutils/efetch.fcgi")
      .reply(200, (_u, b) => {
        asked.push(new URLSearchParams(String(b)).get("id")!.split(","));
        return body;
      });
  }

  it("asks again on the next run, clears the PMID once it comes, and leaves the run incomplete until then", async () => {
    const asked: string[][] = [];
    const first = makeContext({ client: client(BASE), now: "2026-11-20T06:00:00.000Z" });
    seedHits(first, [PMID]);
    efetchAnswers(fixture("metapub-pmid37909814-empty-set.xml"), asked);
    expect((await fetchStage(first)).incomplete).toBe(`1 PMID unavailable from efetch: ${PMID}`);

    efetchAnswers(fixture("metapub-pmid37909814-empty-set.xml"), asked);
    const second = await fetchStage(makeContext({ db: first.db, client: client(BASE), now: "2026-11-27T06:00:00.000Z" }));
    expect(asked).toEqual([[PMID], [PMID]]);
    expect(second.counts).toEqual({ requested: 1, received: 0, unavailable: 1, batches: 1 });
    expect(second.incomplete).toBe(`1 PMID unavailable from efetch: ${PMID}`);
    expect(first.db.prepare("SELECT pmid FROM unavailable").all()).toEqual([{ pmid: PMID }]);

    efetchAnswers(fixture("metapub-pmid37693885-exosome-review.xml"), asked);
    const third = await fetchStage(makeContext({ db: first.db, client: client(BASE), now: "2026-12-04T06:00:00.000Z" }));
    expect(asked).toHaveLength(3);
    expect(third).toEqual({ counts: { requested: 1, received: 1, unavailable: 0, batches: 1 }, warnings: [] });
    expect(first.db.prepare("SELECT count(*) AS n FROM unavailable").get()).toEqual({ n: 0 });
    expect(JSON.parse(rawRows(first)[0]!.pmids)).toEqual([PMID]);

    const fourth = await fetchStage(makeContext({ db: first.db, client: client(BASE), now: "2026-12-11T06:00:00.000Z" }));
    expect(fourth.counts).toEqual({ requested: 0, received: 0, unavailable: 0, batches: 0 });
  });
});

describe("fetch stage against the local E-utilities server", () => {
  it("fetches only what it lacks: stored records and stored answers are skipped, unavailable PMIDs asked for again", async () => {
    const records = syntheticRecords(50);
    server = await startEutilsServer({ records });
    const ctx = makeContext({ client: client(server.url), config: testConfig({ batchSize: 10 }) });
    seedHits(ctx, records.map((r) => r.pmid));
    ctx.db
      .prepare("INSERT INTO raw_responses (run_id, kind, request, pmids, body, received_at) VALUES (?, 'efetch', 'earlier', ?, x'00', 'then')")
      .run(ctx.runId, JSON.stringify(records.slice(0, 10).map((r) => r.pmid)));
    ctx.db.prepare("INSERT INTO unavailable (pmid, run_id, recorded_at, reason) VALUES ('30000049', ?, 'then', 'gone')").run(ctx.runId);
    ctx.db
      .prepare(
        "INSERT INTO records (record_id, kind, pmid, source_db, article, content_hash, first_seen, updated_at) VALUES ('30000048', 'article', '30000048', 'pubmed', '{}', 'h', 'then', 'then')",
      )
      .run();
    const outcome = await fetchStage(ctx);
    expect(outcome.counts).toMatchObject({ requested: 39, received: 39, unavailable: 0, batches: 4 });
    expect(server.stats.served.size).toBe(39);
    expect(server.stats.served.has("30000000")).toBe(false);
    expect(server.stats.served.has("30000048")).toBe(false);
    expect(server.stats.served.has("30000049")).toBe(true);
    expect(ctx.db.prepare("SELECT count(*) AS n FROM unavailable").get()).toEqual({ n: 0 });
    const again = await fetchStage(makeContext({ db: ctx.db, client: client(server.url) }));
    expect(again.counts).toEqual({ requested: 0, received: 0, unavailable: 0, batches: 0 });
  });

  it("refetches truncated answers and short batches until every record is stored once", async () => {
    const records = syntheticRecords(300);
    server = await startEutilsServer({ records, faults: { truncate: 3, shortBatch: 2, resetMidBody: 5 }, unavailable: ["30000123"] });
    const ctx = makeContext({ client: client(server.url), config: testConfig({ batchSize: 40 }) });
    seedHits(ctx, records.map((r) => r.pmid));
    const outcome = await fetchStage(ctx);
    expect(server.stats.faults.truncate + server.stats.faults.shortBatch + server.stats.faults.resetMidBody).toBeGreaterThan(3);
    expect(outcome.counts).toMatchObject({ requested: 300, received: 299, unavailable: 1 });
    expect(outcome.incomplete).toContain("30000123");
    const counts = receivedPmidCounts(ctx.db);
    expect(counts.size).toBe(299);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it("resumes after a failure: batches already stored are not fetched again", async () => {
    const records = syntheticRecords(60);
    server = await startEutilsServer({ records, faults: { status503: 4 } });
    const failing = new EutilsClient({ baseUrl: server.url, apiKey: null, email: null, tool: "litreview", backoffBaseMs: 1, maxAttempts: 1, limiter: createRateLimiter(1, 10) });
    const ctx = makeContext({ client: failing, config: testConfig({ batchSize: 10 }) });
    seedHits(ctx, records.map((r) => r.pmid));
    await expect(fetchStage(ctx)).rejects.toMatchObject({ code: "EUTILS_ERROR" });
    const storedBefore = receivedPmidCounts(ctx.db).size;
    expect(storedBefore).toBe(30);
    const outcome = await fetchStage(makeContext({ db: ctx.db, client: client(server.url), config: testConfig({ batchSize: 10 }) }));
    expect(outcome.counts).toMatchObject({ requested: 30, received: 30 });
    const counts = receivedPmidCounts(ctx.db);
    expect(counts.size).toBe(60);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});
