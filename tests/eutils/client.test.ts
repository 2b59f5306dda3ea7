import { createServer } from "node:net";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { LitreviewError } from "../../src/errors.js";
import { EutilsClient, clientOptionsFromEnv, type EutilsClientOptions } from "../../src/eutils/client.js";
import { createRateLimiter } from "../../src/eutils/rate-limit.js";
import { fixture, recordingLogger } from "./helpers.js";

const BASE = "https://eutils.example.test/entrez/eutils/";
const KEY = "SECRETKEY0123456789";

function client(overrides: Partial<EutilsClientOptions> = {}): EutilsClient {
  return new EutilsClient({
    baseUrl: BASE,
    apiKey: KEY,
    email: "reviewer@example.org",
    tool: "litreview",
    backoffBaseMs: 5,
    maxAttempts: 3,
    timeoutMs: 2000,
    limiter: createRateLimiter(100),
    ...overrides,
  });
}

async function caught(promise: Promise<unknown>): Promise<LitreviewError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LitreviewError) return error;
    throw error;
  }
  throw new Error("expected a LitreviewError");
}

/** nock needs a real Error here: a plain object leaves the request hanging. */
function netError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

const scope = () => nock("https://eutils.example.test");

afterEach(() => {
  nock.cleanAll();
});

describe("clientOptionsFromEnv", () => {
  it("reads the environment, with NCBI's URL and the litreview tool name as defaults", () => {
    expect(clientOptionsFromEnv({})).toMatchObject({
      baseUrl: "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/",
      apiKey: null,
      email: null,
      tool: "litreview",
    });
    expect(
      clientOptionsFromEnv({ EUTILS_BASE_URL: "http://127.0.0.1:9/e/", NCBI_API_KEY: "k", NCBI_EMAIL: "a@b.c", NCBI_TOOL: "mytool" }),
    ).toMatchObject({ baseUrl: "http://127.0.0.1:9/e/", apiKey: "k", email: "a@b.c", tool: "mytool" });
    expect(clientOptionsFromEnv({ NCBI_API_KEY: "" }).apiKey).toBeNull();
  });

  it("paces 3 requests a second without a key and 10 with one", () => {
    expect(new EutilsClient(clientOptionsFromEnv({})).requestsPerSecond).toBe(3);
    expect(new EutilsClient(clientOptionsFromEnv({ NCBI_API_KEY: "k" })).requestsPerSecond).toBe(10);
  });
});

describe("EutilsClient on recorded answers", () => {
  it("sends tool, email and api_key with every request and parses a real esearch answer", async () => {
    const bodies: string[] = [];
    scope()
      .post("/entrez/eutils/esearch.fcgi")
      .reply(200, (_uri, body) => {
        bodies.push(String(body));
        return fixture("biopython-esearch2-webenv.xml");
      });
    const result = await client().esearch({ term: "cancer", retmax: 100, usehistory: true });
    expect(result.count).toBe(42249);
    expect(result.webEnv).toBe("MCID_6927d6e7fee3e90f880ec190");
    const sent = new URLSearchParams(bodies[0]);
    expect(sent.get("tool")).toBe("litreview");
    expect(sent.get("email")).toBe("reviewer@example.org");
    expect(sent.get("api_key")).toBe(KEY);
    expect(result.request).not.toContain(KEY);
  });

  it("retries 'Search Backend failed' inside HTTP 200, then uses the good answer", async () => {
    scope()
      .post("/entrez/eutils/esearch.fcgi")
      .reply(200, "<eSearchResult><ERROR>Search Backend failed: Database is not supported: pubmed</ERROR></eSearchResult>")
      .post("/entrez/eutils/esearch.fcgi")
      .reply(200, fixture("biopython-esearch1.xml"));
    const result = await client().esearch({ term: "biopython", retmax: 20 });
    expect(result.count).toBe(63);
    expect(result.ids).toHaveLength(20);
  });

  it("honours Retry-After on a 429 with NCBI's JSON body", async () => {
    const logger = recordingLogger();
    scope()
      .post("/entrez/eutils/efetch.fcgi")
      .reply(429, '{"error":"API rate limit exceeded","api-key":"1.2.3.4","count":"5","limit":"3"}', { "Retry-After": "1" })
      .post("/entrez/eutils/efetch.fcgi")
      .reply(200, fixture("biopython-pubmed1-2008.xml"));
    const answer = await client({ logger }).efetch(["12091962", "9997"]);
    expect(answer.attempts).toBe(2);
    const retry = logger.lines.find((l) => l.startsWith("E-utilities request failed, retrying"))!;
    expect(JSON.parse(retry.slice(retry.indexOf("{"))).delayMs).toBeGreaterThanOrEqual(1000);
    expect(retry).toContain("rate-limit");
  });

  it("rides through a 503 HTML page, a reset connection and a truncated body", async () => {
    const whole = fixture("pubmedparser-pubmed21n1005-subset.xml");
    scope()
      .post("/entrez/eutils/efetch.fcgi")
      .reply(503, fixture("biopython-pubmed3-html-not-xml.html"))
      .post("/entrez/eutils/efetch.fcgi")
      .replyWithError(netError("ECONNRESET", "socket hang up"))
      .post("/entrez/eutils/efetch.fcgi")
      .reply(200, whole.slice(0, 200_000))
      .post("/entrez/eutils/efetch.fcgi")
      .reply(200, whole);
    const answer = await client({ maxAttempts: 4 }).efetch(["31540984"]);
    expect(answer.attempts).toBe(4);
    expect(answer.body).toBe(whole);
  });

  it("retries an <ERROR> inside HTTP 400", async () => {
    scope()
      .post("/entrez/eutils/efetch.fcgi")
      .reply(400, "<eFetchResult><ERROR>Search Backend failed: Unable to open connection</ERROR></eFetchResult>")
      .post("/entrez/eutils/efetch.fcgi")
      .reply(200, fixture("metapub-pmid37909814-empty-set.xml"));
    expect((await client().efetch(["37909814"])).attempts).toBe(2);
  });

  it("times out a request that does not answer and tries again", async () => {
    scope().post("/entrez/eutils/efetch.fcgi").delay(1500).reply(200, fixture("biopython-pubmed1-2008.xml"));
    scope().post("/entrez/eutils/efetch.fcgi").reply(200, fixture("biopython-pubmed1-2008.xml"));
    const answer = await client({ timeoutMs: 300 }).efetch(["9997"]);
    expect(answer.attempts).toBe(2);
  });

  it("gives up after the attempts allowed, naming the request, attempts and last status, without the key", async () => {
    scope()
      .post("/entrez/eutils/esearch.fcgi")
      .times(3)
      .reply(200, "<eSearchResult><ERROR>Search Backend failed: Unable to open connection to #PMQuerySrv?dbaf=pubmed</ERROR></eSearchResult>");
    const error = await caught(client().esearch({ term: "exosome AND skin", retmax: 10 }));
    expect(error.code).toBe("EUTILS_ERROR");
    expect(error.message).toContain("esearch.fcgi");
    expect(error.message).toContain('"exosome AND skin"');
    expect(error.message).toContain("after 3 attempts");
    expect(error.message).toContain("HTTP 200");
    expect(error.message).toContain("Search Backend failed");
    expect(JSON.stringify({ m: error.message, c: error.context })).not.toContain(KEY);
  });

  it("does not retry a client error such as 414", async () => {
    scope().post("/entrez/eutils/efetch.fcgi").reply(414, "Request-URI Too Long");
    const error = await caught(client().efetch(["1"]));
    expect(error.message).toContain("after 1 attempt ");
    expect(error.message).toContain("HTTP 414");
  });

  it("stops at once with a configuration error (exit 2) naming NCBI_API_KEY when NCBI refuses the key", async () => {
    const logger = recordingLogger();
    let requests = 0;
    scope()
      .post("/entrez/eutils/esearch.fcgi")
      .times(6)
      .reply(() => {
        requests++;
        // NCBI's answer to an invalid key: HTTP 400, and the key itself echoed in the body.
        return [400, `{"error":"API key invalid","api-key":"${KEY}","type":"api-key","status":"unknown"}`];
      });
    const error = await caught(client({ logger, maxAttempts: 6 }).esearch({ term: "exosome AND skin", retmax: 10 }));
    expect(requests).toBe(1);
    expect(error.code).toBe("CONFIG");
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      "NCBI refused the API key (HTTP 400: API key invalid): check NCBI_API_KEY, or unset it to run without a key (3 requests a second instead of 10)",
    );
    expect(JSON.stringify({ m: error.message, c: error.context, log: logger.lines })).not.toContain(KEY);
  });

  it("does not retry an error about the request itself inside HTTP 200, nor blame NCBI for it", async () => {
    let requests = 0;
    scope()
      .post("/entrez/eutils/esearch.fcgi")
      .times(3)
      .reply(() => {
        requests++;
        return [200, "<eSearchResult><ERROR>Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, ESearch can only retrieve the first 9,999 records matching the query.</ERROR></eSearchResult>"];
      });
    const error = await caught(client().esearch({ webEnv: "MCID_x", queryKey: "1", retstart: 9999, retmax: 10 }));
    expect(requests).toBe(1);
    expect(error.code).toBe("EUTILS_ERROR");
    expect(error.message).toContain("'retstart' cannot be larger than 9998");
    expect(error.message).toContain("not sent again: E-utilities refused the request itself");
    expect(error.message).not.toContain("run again later");
  });

  it("reports an expired history session at once, for the caller to search again", async () => {
    scope()
      .post("/entrez/eutils/esearch.fcgi")
      .reply(200, '{"header":{"type":"esearch","version":"0.3"},"esearchresult":{"ERROR":"Unable to obtain query #1"}}');
    const error = await caught(client().esearch({ webEnv: "MCID_x", queryKey: "1", retmax: 10 }));
    expect(error.context).toMatchObject({ sessionExpired: true, attempts: 1 });
  });
});

describe("an unreachable service", () => {
  it("fails at once with SERVICE_UNAVAILABLE and suggests the demo, for a refused connection", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const error = await caught(client({ baseUrl: `http://127.0.0.1:${port}/entrez/eutils/`, maxAttempts: 6, backoffBaseMs: 60_000 }).esearch({ term: "x", retmax: 1 }));
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain("npm run demo");
    expect(error.message).not.toContain("\n");
  });

  it("does the same when the name does not resolve", async () => {
    scope().post("/entrez/eutils/esearch.fcgi").replyWithError(netError("ENOTFOUND", "getaddrinfo ENOTFOUND eutils.example.test"));
    const error = await caught(client({ backoffBaseMs: 60_000 }).esearch({ term: "x", retmax: 1 }));
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.message).toContain("eutils.example.test");
    expect(error.cause).toBeUndefined();
    expect(JSON.stringify({ message: error.message, context: error.context })).not.toContain(KEY);
  });
});
