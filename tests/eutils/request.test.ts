import { describe, expect, it } from "vitest";
import { redactSecrets } from "../../src/errors.js";
import { describeRequest, efetchRequest, esearchRequest } from "../../src/eutils/request.js";

const base = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/";

describe("request builders", () => {
  it("send tool and email with every request, and api_key only when set", () => {
    const withAll = new URLSearchParams(
      efetchRequest(base, { tool: "litreview", email: "me@example.org", apiKey: "SECRETKEY123" }, ["1", "2"]).body!,
    );
    expect(withAll.get("tool")).toBe("litreview");
    expect(withAll.get("email")).toBe("me@example.org");
    expect(withAll.get("api_key")).toBe("SECRETKEY123");
    const bare = new URLSearchParams(esearchRequest(base, { tool: "litreview", email: null, apiKey: null }, { term: "x", retmax: 5 }).body!);
    expect(bare.get("tool")).toBe("litreview");
    expect(bare.has("email")).toBe(false);
    expect(bare.has("api_key")).toBe(false);
  });

  it("post id lists to efetch.fcgi as abstracts in XML, however many ids", () => {
    const ids = Array.from({ length: 500 }, (_, i) => String(30_000_000 + i));
    const req = efetchRequest(base.slice(0, -1), { tool: "t", email: null, apiKey: null }, ids);
    expect(req.method).toBe("POST");
    expect(req.url).toBe(`${base}efetch.fcgi`);
    const body = new URLSearchParams(req.body!);
    expect(body.get("id")!.split(",")).toHaveLength(500);
    expect(body.get("db")).toBe("pubmed");
    expect(body.get("retmode")).toBe("xml");
    expect(body.get("rettype")).toBe("abstract");
  });

  it("ask esearch for a history session and page through it", () => {
    const first = new URLSearchParams(esearchRequest(base, { tool: "t", email: null, apiKey: null }, { term: "skin", retmax: 9999, usehistory: true }).body!);
    expect(first.get("usehistory")).toBe("y");
    expect(first.get("term")).toBe("skin");
    const page = new URLSearchParams(
      esearchRequest(base, { tool: "t", email: null, apiKey: null }, { webEnv: "MCID_1", queryKey: "1", retstart: 500, retmax: 500 }).body!,
    );
    expect(page.get("WebEnv")).toBe("MCID_1");
    expect(page.get("query_key")).toBe("1");
    expect(page.get("retstart")).toBe("500");
    expect(page.has("term")).toBe(false);
  });

  it("describe a request without the API key", () => {
    const req = esearchRequest(base, { tool: "t", email: null, apiKey: "SECRETKEY123" }, { term: "skin", retmax: 1 });
    const text = describeRequest({ ...req, method: "GET", url: `${req.url}?${req.body}` }, (t) => redactSecrets(t, "SECRETKEY123"));
    expect(text).not.toContain("SECRETKEY123");
    expect(text).toContain("api_key=REDACTED");
    expect(text).toContain('"skin"');
  });
});
