import axios from "axios";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEutilsServer, type EutilsServer } from "../../src/demo/eutils-server.js";
import { EutilsClient, clientOptionsFromEnv } from "../../src/eutils/client.js";
import { sharedRateLimiter } from "../../src/eutils/rate-limit.js";
import { runFetch } from "../../src/stages/fetch/index.js";
import { makeContext, syntheticRecords, testConfig } from "./helpers.js";

/**
 * The stand-in server runs in this process, on a machine shared with other work: its arrival stamps
 * lag behind the wire by up to a few hundred ms when the process is descheduled (measured: up to
 * ~400 ms at load average 10 on 2 cores). So the rule is checked exactly on the times requests leave
 * the client, and the server enforces it with 429s over a window shortened by this tolerance.
 */
const SCHEDULING_TOLERANCE_MS = 400;

let server: EutilsServer | null = null;
let sent: number[] = [];
let interceptor: number | null = null;

beforeEach(() => {
  sent = [];
  interceptor = axios.interceptors.request.use((config) => {
    sent.push(performance.now());
    return config;
  });
});

afterEach(async () => {
  if (interceptor !== null) axios.interceptors.request.eject(interceptor);
  await server?.close();
  server = null;
});

/** The most requests in any window of `windowMs` (each window starting at a request). */
function busiestWindow(requestTimes: readonly number[], windowMs = 1000): number {
  const times = [...requestTimes].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < times.length; i++) {
    let n = 0;
    while (i + n < times.length && times[i + n]! - times[i]! < windowMs) n++;
    most = Math.max(most, n);
  }
  return most;
}

function seedHits(ctx: ReturnType<typeof makeContext>, pmids: string[]): void {
  const searchId = ctx.db
    .prepare("INSERT INTO searches (run_id, base_term, term, count, retrieved, searched_at) VALUES (?, 'q', 'q', ?, ?, 'now')")
    .run(ctx.runId, pmids.length, pmids.length).lastInsertRowid;
  const insert = ctx.db.prepare("INSERT INTO search_hits (pmid, first_search_id, first_run_id, first_seen) VALUES (?, ?, ?, 'now')");
  for (const p of pmids) insert.run(p, searchId, ctx.runId);
}

describe("the sliding-window rate limit, measured at a server that enforces it with 429s", () => {
  it("holds 3 requests a second without a key, under concurrent fetch batches and a second client", async () => {
    const records = syntheticRecords(40);
    server = await startEutilsServer({ records, rateLimit: { windowMs: 1000 - SCHEDULING_TOLERANCE_MS } });
    const env = { EUTILS_BASE_URL: server.url };
    const fetching = new EutilsClient(clientOptionsFromEnv(env));
    const other = new EutilsClient(clientOptionsFromEnv(env));
    const ctx = makeContext({ client: fetching, config: testConfig({ batchSize: 5 }) });
    seedHits(ctx, records.map((r) => r.pmid));
    const [outcome] = await Promise.all([
      runFetch(ctx),
      Promise.all([other.efetch(["30000000"]), other.efetch(["30000001"]), other.efetch(["30000002"])]),
    ]);
    expect(outcome.counts).toMatchObject({ requested: 40, received: 40, batches: 8 });
    expect(server.stats.requests).toHaveLength(11);
    expect(server.stats.rateLimited).toBe(0);
    expect(sent).toHaveLength(11);
    expect(busiestWindow(sent)).toBe(3);
    expect(new Set(server.stats.requests.map((r) => r.tool))).toEqual(new Set(["litreview"]));
  });

  it("holds 10 a second with an API key, and the key shares no window with keyless clients", async () => {
    const records = syntheticRecords(60);
    server = await startEutilsServer({ records, rateLimit: { windowMs: 1000 - SCHEDULING_TOLERANCE_MS } });
    const client = new EutilsClient(clientOptionsFromEnv({ EUTILS_BASE_URL: server.url, NCBI_API_KEY: "test-key" }));
    expect(client.requestsPerSecond).toBe(10);
    const ctx = makeContext({ client, config: testConfig({ batchSize: 3 }) });
    seedHits(ctx, records.map((r) => r.pmid));
    const outcome = await runFetch(ctx);
    expect(outcome.counts).toMatchObject({ received: 60, batches: 20 });
    expect(server.stats.rateLimited).toBe(0);
    expect(server.stats.requests.every((r) => r.hasApiKey)).toBe(true);
    expect(busiestWindow(sent)).toBe(10);
    expect(sharedRateLimiter(10)).not.toBe(sharedRateLimiter(3));
  });

  it("is really enforced by the server: an unpaced burst gets 429s, which the client rides through", async () => {
    server = await startEutilsServer({ records: syntheticRecords(5), rateLimit: { retryAfterSeconds: 1 } });
    // a client that ignores the rule: 5 at once

    const unpaced = new EutilsClient({ ...clientOptionsFromEnv({ EUTILS_BASE_URL: server.url }), requestsPerSecond: 50, backoffBaseMs: 50 });
    const answers = await Promise.all(["30000000", "30000001", "30000002", "30000003", "30000004"].map((p) => unpaced.efetch([p])));
    expect(answers.every((a) => a.body.includes("<PubmedArticle>"))).toBe(true);
    expect(server.stats.rateLimited).toBeGreaterThan(0);
    expect(busiestWindow(sent)).toBeGreaterThan(3);
  });
});
