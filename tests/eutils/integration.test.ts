import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEutilsServer, type EutilsServer } from "../../src/demo/eutils-server.js";
import { FAULT_KINDS } from "../../src/demo/eutils-server/faults.js";
import { EutilsClient, clientOptionsFromEnv } from "../../src/eutils/client.js";
import { runFetch } from "../../src/stages/fetch/index.js";
import { runSearch } from "../../src/stages/search/index.js";
import { makeContext, receivedPmidCounts, recordingLogger, syntheticRecords, testConfig } from "./helpers.js";

const KEY = "integration-test-key-0123";
const N = 12_000;
/** Requests per second allowed by the server for a key and used by the client (NCBI: 10). */
const RATE = 10;

/**
 * Issue 3's "done when": 12,000 matching records against a server that enforces NCBI's rate with 429s
 * and injects every fault; all arrive exactly once and the client's own pacing causes no 429.
 * To keep it to seconds the test runs at the API-key rate (10/s) with batches of 400; the 3/s rule
 * is shown by tests/eutils/rate-limit.test.ts.
 */
describe("complete retrieval from a faulty, rate-limited E-utilities server", () => {
  let server: EutilsServer;
  beforeAll(async () => {
    server = await startEutilsServer({
      records: syntheticRecords(N, 30_000_000, "2015/01/01", 20),
      // see SCHEDULING_TOLERANCE_MS in rate-limit.test.ts: the in-process server's clock lags under load
      rateLimit: { perSecond: 3, perSecondWithKey: RATE, windowMs: 600 },
      // every Nth request that a fault can apply to
      faults: { status503: 23, reset: 29, resetMidBody: 31, errorIn200: 19, truncate: 17, shortBatch: 7, expireSession: 4 },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("ends with every record exactly once and no 429 caused by its own pacing", async () => {
    const logger = recordingLogger();
    const env = { EUTILS_BASE_URL: server.url, NCBI_API_KEY: KEY, NCBI_EMAIL: "it@example.org" };
    const client = new EutilsClient({ ...clientOptionsFromEnv(env), requestsPerSecond: RATE, backoffBaseMs: 200, maxAttempts: 8, logger });
    const ctx = makeContext({ client, logger, config: testConfig({ batchSize: 400 }) });
    const started = performance.now();
    const search = await runSearch(ctx, 1000);
    const fetch = await runFetch(ctx);
    const seconds = (performance.now() - started) / 1000;

    expect(search.counts.searched).toBe(N);
    expect(fetch.counts).toMatchObject({ requested: N, received: N, unavailable: 0 });
    expect(fetch.incomplete).toBeUndefined();
    const counts = receivedPmidCounts(ctx.db);
    expect(counts.size).toBe(N);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    expect(server.stats.rateLimited).toBe(0);
    for (const kind of FAULT_KINDS) expect(server.stats.faults[kind], kind).toBeGreaterThan(0);
    const slices = ctx.db.prepare("SELECT count FROM searches").all() as { count: number }[];
    expect(slices.every((s) => s.count <= 9999)).toBe(true);

    const stored = JSON.stringify([ctx.db.prepare("SELECT request FROM raw_responses").all(), ctx.db.prepare("SELECT * FROM searches").all()]);
    expect(stored).not.toContain(KEY);
    expect(logger.lines.join("\n")).not.toContain(KEY);

    const requests = server.stats.requests.length;
    console.info(`integration: ${requests} requests in ${seconds.toFixed(1)} s; rate floor at ${RATE}/s ${(requests / RATE).toFixed(1)} s; faults ${JSON.stringify(server.stats.faults)}`);
  });
});
