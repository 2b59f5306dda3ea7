import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { startEutilsServer, type EutilsServer } from "../../src/demo/eutils-server.js";
import { LitreviewError } from "../../src/errors.js";
import { EutilsClient } from "../../src/eutils/client.js";
import { createRateLimiter } from "../../src/eutils/rate-limit.js";
import { runSearch, searchStage } from "../../src/stages/search/index.js";
import { openStore } from "../../src/store/open.js";
import { addRun, fixture, makeContext, syntheticRecords, testConfig } from "../eutils/helpers.js";

let server: EutilsServer | null = null;
afterEach(async () => {
  nock.cleanAll();
  await server?.close();
  server = null;
});

function localClient(url: string, apiKey: string | null = null): EutilsClient {
  return new EutilsClient({ baseUrl: url, apiKey, email: null, tool: "litreview", backoffBaseMs: 5, limiter: createRateLimiter(200) });
}

function tableCount(ctx: { db: ReturnType<typeof openStore> }, table: string): number {
  return (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe("search stage", () => {
  it("searches all years on a first run and stores the search and every PMID", async () => {
    server = await startEutilsServer({ records: syntheticRecords(250) });
    const ctx = makeContext({ client: localClient(server.url) });
    const outcome = await searchStage(ctx);
    expect(outcome.counts).toEqual({ searched: 250, new_pmids: 250, slices: 1 });
    const row = ctx.db.prepare("SELECT * FROM searches").get() as Record<string, unknown>;
    expect(row).toMatchObject({ base_term: ctx.config.queryText, term: ctx.config.queryText, count: 250, retrieved: 250, window_from: null });
    expect(tableCount(ctx, "search_hits")).toBe(250);
  });

  it("pages ids through the history server and searches again when the session expires", async () => {
    server = await startEutilsServer({ records: syntheticRecords(1000), faults: { expireSession: 3 } });
    const ctx = makeContext({ client: localClient(server.url) });
    const outcome = await runSearch(ctx, 100);
    expect(outcome.counts.searched).toBe(1000);
    expect(server.stats.faults.expireSession).toBeGreaterThan(0);
    const withHistory = server.stats.requests.filter((r) => r.utility === "esearch");
    expect(withHistory.length).toBeGreaterThan(10);
  });

  it("splits by creation date until every slice is under 9,999 and records each slice", async () => {
    server = await startEutilsServer({ records: syntheticRecords(12_000, 30_000_000, "2015/01/01", 20) });
    const ctx = makeContext({ client: localClient(server.url) });
    const outcome = await searchStage(ctx);
    expect(outcome.counts.searched).toBe(12_000);
    const slices = ctx.db.prepare("SELECT window_from, window_to, count FROM searches ORDER BY window_from").all() as {
      window_from: string;
      window_to: string;
      count: number;
    }[];
    expect(slices.length).toBeGreaterThan(1);
    expect(slices.every((s) => s.count <= 9999)).toBe(true);
    expect(slices.reduce((n, s) => n + s.count, 0)).toBe(12_000);
    expect(slices[0]!.window_from).toBe("1800/01/01");
    expect(slices.at(-1)!.window_to).toBe("2026/11/28");
  });

  it("searches incrementally from the last successful search, with overlap, and counts only new PMIDs", async () => {
    server = await startEutilsServer({ records: syntheticRecords(100, 30_000_000, "2026/11/01", 5) });
    const db = openStore(":memory:");
    const earlier = addRun(db, "2026-11-15T10:00:00.000Z", "success", { search: { searched: 70 } });
    const query = testConfig().queryText;
    db.prepare("INSERT INTO searches (run_id, base_term, term, count, retrieved, searched_at) VALUES (?, ?, ?, 70, 70, ?)").run(
      earlier,
      query,
      query,
      "2026-11-15T10:00:00.000Z",
    );
    addRun(db, "2026-11-20T10:00:00.000Z", "failed", { search: {} });
    addRun(db, "2026-11-21T10:00:00.000Z", "success", { report: {} });
    const first = makeContext({ db, client: localClient(server.url), full: true });
    expect((await searchStage(first)).counts.searched).toBe(100);
    const second = makeContext({ db, client: localClient(server.url), now: "2026-11-27T08:00:00.000Z" });
    const outcome = await searchStage(second);
    const last = db.prepare("SELECT term, window_from FROM searches WHERE run_id = ?").get(second.runId) as { term: string; window_from: string };
    expect(last.window_from).toBe("2026/11/08");
    expect(last.term).toContain('"2026/11/08"[crdt] : "2026/11/28"[crdt]');
    // records created from 2026/11/08 on: days 7..19 of the range, 5 a day
    expect(outcome.counts).toEqual({ searched: 65, new_pmids: 0, slices: 1 });
  });

  it("records the WarningList of a search with its row", async () => {
    server = await startEutilsServer({ records: syntheticRecords(10, 30_000_000, "2020/01/01", 5) });
    const ctx = makeContext({ client: localClient(server.url), since: "2026/01/01" });
    const outcome = await searchStage(ctx);
    expect(outcome.counts).toEqual({ searched: 0, new_pmids: 0, slices: 1 });
    const row = ctx.db.prepare("SELECT warnings, count FROM searches").get() as { warnings: string; count: number };
    expect(JSON.parse(row.warnings)).toEqual(["No items found."]);
  });

  it("uses --since when given", async () => {
    server = await startEutilsServer({ records: syntheticRecords(100, 30_000_000, "2026/11/01", 5) });
    const ctx = makeContext({ client: localClient(server.url), since: "2026-11-19" });
    expect((await searchStage(ctx)).counts.searched).toBe(10);
  });

  it("stops with QUERY_ERROR naming the phrase when PubMed did not run the query as written (real answer)", async () => {
    nock("https://eutils.example.test").post("/entrez/eutils/esearch.fcgi").reply(200, fixture("biopython-esearch8-phrasenotfound.xml"));
    const ctx = makeContext({ client: localClient("https://eutils.example.test/entrez/eutils/") });
    const error = await searchStage(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LitreviewError);
    expect((error as LitreviewError).code).toBe("QUERY_ERROR");
    expect((error as LitreviewError).message).toContain('PhraseNotFound "abcXYZ"');
    expect((error as LitreviewError).message).toContain("queries/test.txt");
    expect(tableCount(ctx, "searches")).toBe(0);
  });

  it("changes nothing in the store when the service fails part-way", async () => {
    server = await startEutilsServer({ records: syntheticRecords(300), faults: { errorIn200: 1 } });
    const client = new EutilsClient({ baseUrl: server.url, apiKey: null, email: null, tool: "litreview", backoffBaseMs: 5, maxAttempts: 2, limiter: createRateLimiter(200) });
    const ctx = makeContext({ client });
    await expect(searchStage(ctx)).rejects.toMatchObject({ code: "EUTILS_ERROR" });
    expect(tableCount(ctx, "searches") + tableCount(ctx, "search_hits")).toBe(0);
  });

  it("refuses to run offline", async () => {
    await expect(searchStage(makeContext({ client: null }))).rejects.toMatchObject({ code: "USAGE" });
  });
});

/** An esearch answer shaped as PubMed sends them now (biopython-esearch2-webenv.xml, 2025): one page, every id. */
function esearchAnswer(ids: readonly string[], translation: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" ?>\n' +
    '<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n' +
    `<eSearchResult><Count>${ids.length}</Count><RetMax>${ids.length}</RetMax><RetStart>0</RetStart><QueryKey>1</QueryKey>` +
    `<WebEnv>MCID_6927d6e7fee3e90f880ec190</WebEnv><IdList>\n${ids.map((id) => `<Id>${id}</Id>\n`).join("")}</IdList>` +
    `<TranslationSet/><QueryTranslation>${translation}</QueryTranslation></eSearchResult>\n`
  );
}

describe("search stage when the query changes (recorded-style answers, nock)", () => {
  const BASE = "https://eutils.example.test/entrez/eutils/";

  /** Answers every esearch with these ids and keeps the terms sent. */
  function answer(ids: readonly string[], translation: string, terms: string[]): void {
    nock("https://eutils.example.test")
      .post("/entrez/eutils/esearch.fcgi")
      .reply(200, (_uri, body) => {
        terms.push(new URLSearchParams(String(body)).get("term")!);
        return esearchAnswer(ids, translation);
      });
  }

  function finish(ctx: { db: ReturnType<typeof openStore>; runId: number }): void {
    ctx.db.prepare("UPDATE runs SET outcome = 'success', counts = ? WHERE run_id = ?").run(JSON.stringify({ search: {} }), ctx.runId);
  }

  it("searches all years, and says so, when the query differs from the last successful search's", async () => {
    const db = openStore(":memory:");
    const client = localClient(BASE);
    const narrow = "exosomes[tiab] AND skin[tiab]";
    const broad = "(exosome*[tiab] OR extracellular vesicle*[tiab]) AND skin[tiab]";
    const terms: string[] = [];

    answer(["41282813", "41148224"], '"exosomes"[Title/Abstract] AND "skin"[Title/Abstract]', terms);
    const first = makeContext({ db, client, config: { ...testConfig(), queryText: narrow }, now: "2026-11-20T06:00:00.000Z" });
    await searchStage(first);
    finish(first);

    answer(["41282813", "41148224", "38808697"], '"exosome*"[Title/Abstract] AND "skin"[Title/Abstract]', terms);
    const second = makeContext({ db, client, config: { ...testConfig(), queryText: broad }, now: "2026-11-27T06:00:00.000Z" });
    const changed = await searchStage(second);
    finish(second);

    expect(terms[1]).toBe(broad);
    expect(db.prepare("SELECT window_from, window_to FROM searches WHERE run_id = ?").get(second.runId)).toEqual({ window_from: null, window_to: null });
    expect(changed.counts).toEqual({ searched: 3, new_pmids: 1, slices: 1 });
    expect(changed.warnings).toEqual([
      "query changed: queries/test.txt differs from the query of the last successful search (2026-11-20T06:00:00.000Z), so the full range is searched (all years), not only the days since then",
    ]);

    answer(["38808697"], '"exosome*"[Title/Abstract] AND "skin"[Title/Abstract]', terms);
    const third = makeContext({ db, client, config: { ...testConfig(), queryText: broad }, now: "2026-11-28T06:00:00.000Z" });
    const same = await searchStage(third);
    expect(terms[2]).toBe(`(${broad}) AND ("2026/11/20"[crdt] : "2026/11/29"[crdt])`);
    expect(same.warnings).toEqual([]);
  });

  it("searches from the pipeline's search.from when the query changed and that is set", async () => {
    const db = openStore(":memory:");
    const client = localClient(BASE);
    const terms: string[] = [];
    const config = { ...testConfig({ from: "2010/01/01" }), queryText: "exosomes[tiab] AND skin[tiab]" };
    answer(["41282813"], '"exosomes"[Title/Abstract]', terms);
    const first = makeContext({ db, client, config, now: "2026-11-20T06:00:00.000Z" });
    await searchStage(first);
    finish(first);
    answer(["41282813"], '"exosome*"[Title/Abstract]', terms);
    const second = makeContext({ db, client, config: { ...config, queryText: "exosome*[tiab] AND skin[tiab]" }, now: "2026-11-27T06:00:00.000Z" });
    const outcome = await searchStage(second);
    expect(terms[1]).toBe('(exosome*[tiab] AND skin[tiab]) AND ("2010/01/01"[crdt] : "2026/11/28"[crdt])');
    expect(outcome.warnings[0]).toContain("so the full range is searched (from 2010/01/01, search.from)");
  });
});
