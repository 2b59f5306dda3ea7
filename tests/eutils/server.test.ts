import { afterEach, describe, expect, it } from "vitest";
import { startEutilsServer, type EutilsServer, type EutilsServerOptions } from "../../src/demo/eutils-server.js";
import { crdtWindows, inWindows } from "../../src/demo/eutils-server/term.js";
import { bodyProblem, efetchProblem, esearchProblem } from "../../src/eutils/body.js";
import { receivedPmids } from "../../src/eutils/efetch-pmids.js";
import { parseEsearch } from "../../src/eutils/esearch.js";
import { syntheticRecords } from "./helpers.js";

let server: EutilsServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(options: Partial<EutilsServerOptions> = {}): Promise<EutilsServer> {
  server = await startEutilsServer({ records: syntheticRecords(30, 30_000_000, "2020/01/01", 10), ...options });
  return server;
}

async function get(s: EutilsServer, utility: string, params: Record<string, string>) {
  const res = await fetch(`${s.url}${utility}.fcgi?${new URLSearchParams(params)}`);
  return { status: res.status, headers: res.headers, body: await res.text() };
}

async function post(s: EutilsServer, utility: string, params: Record<string, string>) {
  const res = await fetch(`${s.url}${utility}.fcgi`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

describe("crdt windows in a term", () => {
  it("read every window, widening year and month dates, and intersect them", () => {
    const windows = crdtWindows('(skin) AND ("2001"[crdt] : "2001/06"[crdt]) AND ("2001/03/01"[CRDT] : "2002/01/01"[crdt])');
    expect(windows).toEqual([
      { from: "2001/01/01", to: "2001/06/31" },
      { from: "2001/03/01", to: "2002/01/01" },
    ]);
    expect(inWindows("2001/04/15", windows)).toBe(true);
    expect(inWindows("2001/02/15", windows)).toBe(false);
    expect(inWindows("1999/01/01", [])).toBe(true);
  });
});

describe("the local E-utilities server", () => {
  it("answers esearch by GET like PubMed: 20 ids by default, newest first, filtered by creation date", async () => {
    const s = await start();
    const all = await get(s, "esearch", { db: "pubmed", term: "anything" });
    expect(esearchProblem(all.body)).toBeNull();
    const r = parseEsearch(all.body);
    expect(r.count).toBe(30);
    expect(r.ids).toHaveLength(20);
    expect(r.ids[0]).toBe("30000029");
    const windowed = parseEsearch((await get(s, "esearch", { term: 'x AND ("2020/01/02"[crdt] : "2020/01/02"[crdt])', retmax: "100" })).body);
    expect(windowed.ids).toEqual(["30000019", "30000018", "30000017", "30000016", "30000015", "30000014", "30000013", "30000012", "30000011", "30000010"]);
  });

  it("keeps searches in a history server and pages through them by POST", async () => {
    const s = await start();
    const first = parseEsearch((await post(s, "esearch", { term: "x", usehistory: "y", retmax: "10" })).body);
    expect(first.webEnv).toMatch(/^MCID_/);
    expect(first.queryKey).toBe("1");
    const page = parseEsearch((await post(s, "esearch", { WebEnv: first.webEnv!, query_key: "1", retstart: "10", retmax: "10" })).body);
    expect(page.count).toBe(30);
    expect(page.ids[0]).toBe("30000019");
    const lost = await post(s, "esearch", { WebEnv: "MCID_unknown", query_key: "1", retmax: "10" });
    expect(bodyProblem(lost.body)).toEqual({ kind: "session-expired", message: "Unable to obtain query #1" });
  });

  it("caps retrieval at 9,999 ids as PubMed does", async () => {
    server = await startEutilsServer({ records: syntheticRecords(10_050) });
    const capped = parseEsearch((await post(server, "esearch", { term: "x", retmax: "20000" })).body);
    expect(capped.count).toBe(10_050);
    expect(capped.ids).toHaveLength(9999);
    const edge = parseEsearch((await post(server, "esearch", { term: "x", retstart: "9500", retmax: "500" })).body);
    expect(edge.ids).toHaveLength(499);
    const beyond = await post(server, "esearch", { term: "x", retstart: "9999", retmax: "10" });
    expect(bodyProblem(beyond.body)?.message).toMatch(/'retstart' cannot be larger than 9998/);
  });

  it("reports phrases it was told not to find in an ErrorList", async () => {
    const s = await start({ phrasesNotFound: ["exosomez"] });
    const r = parseEsearch((await get(s, "esearch", { term: "exosomez AND skin" })).body);
    expect(r.errors).toEqual([{ kind: "PhraseNotFound", text: "exosomez" }]);
    expect(r.count).toBe(0);
  });

  it("answers efetch with the records asked for, leaving out unknown and unavailable PMIDs", async () => {
    const s = await start({ unavailable: ["30000002"] });
    const got = await post(s, "efetch", { db: "pubmed", id: "30000001,30000002,99999999,30000003", retmode: "xml" });
    expect(got.headers.get("content-type")).toBe("text/xml; charset=UTF-8");
    expect(efetchProblem(got.body)).toBeNull();
    expect(receivedPmids(got.body)).toEqual(["30000001", "30000003"]);
    expect(receivedPmids((await get(s, "efetch", { id: "30000004" })).body)).toEqual(["30000004"]);
    const none = await post(s, "efetch", { db: "pubmed", id: "" });
    expect(none.status).toBe(400);
    expect(bodyProblem(none.body)?.message).toBe("Empty id list - nothing todo");
  });

  it("enforces the rate with HTTP 429, NCBI's JSON body and Retry-After, when asked to", async () => {
    const s = await start({ rateLimit: true });
    const answers = await Promise.all([1, 2, 3, 4].map(() => get(s, "esearch", { term: "x" })));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(1);
    expect(JSON.parse(limited[0]!.body)).toMatchObject({ error: "API rate limit exceeded", limit: "3", count: "4" });
    expect(limited[0]!.headers.get("retry-after")).toBe("2");
    const withKey = await Promise.all([1, 2, 3, 4].map(() => get(s, "esearch", { term: "x", api_key: "k" })));
    expect(withKey.every((a) => a.status === 200)).toBe(true);
  });

  it("injects faults on a fixed schedule: every 2nd efetch truncated, every 3rd batch short", async () => {
    const s = await start({ faults: { truncate: 2, shortBatch: 3 } });
    const ids = { id: "30000001,30000002,30000003,30000004" };
    const first = await post(s, "efetch", ids);
    const second = await post(s, "efetch", ids);
    expect(receivedPmids(first.body)).toHaveLength(4);
    expect(efetchProblem(second.body)?.kind).toBe("malformed");
    const third = await post(s, "efetch", ids);
    expect(efetchProblem(third.body)).toBeNull();
    expect(receivedPmids(third.body)).toHaveLength(3);
    expect(s.stats.faults).toMatchObject({ truncate: 1, shortBatch: 1 });
  });
});
