import { describe, expect, it } from "vitest";
import { bodyProblem, efetchProblem, esearchProblem, transientProblem } from "../../src/eutils/body.js";
import { fixture } from "./helpers.js";

describe("response bodies, judged from the body and not the status", () => {
  it("accept real esearch answers, including the no-hits answer with an ErrorList", () => {
    for (const name of ["biopython-esearch1.xml", "biopython-esearch2-webenv.xml", "biopython-esearch8-phrasenotfound.xml", "biopython-esearch8-2008.xml"]) {
      expect(esearchProblem(fixture(name)), name).toBeNull();
    }
  });

  it("accept real efetch answers, the empty set and a book article included", () => {
    for (const name of ["pubmedparser-pubmed21n1005-subset.xml", "metapub-pmid37909814-empty-set.xml", "metapub-pmid20301577-book-article.xml", "biopython-pubmed1-2008.xml"]) {
      expect(efetchProblem(fixture(name)), name).toBeNull();
    }
  });

  it("find every <ERROR> in real error bodies", () => {
    expect(bodyProblem(fixture("biopython-epost3-two-errors.xml"))).toEqual({
      kind: "error",
      message: "Empty ID list; Nothing to store; Some IDs have invalid value and were omitted. Maximum ID value 18446744073709551615",
    });
    expect(bodyProblem(fixture("biopython-esummary8-error.xml"))).toEqual({ kind: "error", message: "Neither query_key nor id specified" });
  });

  it("see an HTML page where XML was expected", () => {
    expect(efetchProblem(fixture("biopython-pubmed3-html-not-xml.html"))).toEqual({ kind: "not-xml", message: "HTML page: PmFetch response" });
  });

  it("refuse a truncated efetch answer", () => {
    const whole = fixture("pubmedparser-pubmed21n1005-subset.xml");
    expect(efetchProblem(whole.slice(0, Math.floor(whole.length * 0.7)))?.kind).toBe("malformed");
    expect(efetchProblem(fixture("biopython-einfo4-truncated.xml"))?.kind).toBe("malformed");
  });

  it("read 'Search Backend failed' as an error, not as an empty result", () => {
    const body = `<?xml version="1.0" encoding="UTF-8" ?>\n<eSearchResult><ERROR>Search Backend failed: Database is not supported: pubmed</ERROR></eSearchResult>`;
    expect(esearchProblem(body)).toEqual({ kind: "error", message: "Search Backend failed: Database is not supported: pubmed" });
  });

  it("read JSON errors: the rate limit, an expired session, and the retstart error that is not valid JSON", () => {
    expect(bodyProblem('{"error":"API rate limit exceeded","api-key":"1.2.3.4","count":"5","limit":"3"}')?.kind).toBe("rate-limit");
    expect(bodyProblem('{"header":{"type":"esearch","version":"0.3"},"esearchresult":{"ERROR":"Unable to obtain query #1"}}')).toEqual({
      kind: "session-expired",
      message: "Unable to obtain query #1",
    });
    const broken = '{"header":{"type":"esearch"},"esearchresult":{"ERROR":"Search Backend failed: Exception:\n\'retstart\' cannot be larger than 9998."}}';
    expect(bodyProblem(broken)).toEqual({ kind: "error", message: "Search Backend failed: Exception: 'retstart' cannot be larger than 9998." });
  });

  it("treat plain text and empty bodies as server trouble", () => {
    expect(bodyProblem("Unable to route request! service name: /http/service/ratecontrol")?.kind).toBe("not-xml");
    expect(bodyProblem("")?.kind).toBe("not-xml");
  });

  it("read NCBI's answer to an invalid API key as a key problem, without the key", () => {
    const problem = bodyProblem('{"error":"API key invalid","api-key":"0123456789abcdef","type":"api-key","status":"unknown"}');
    expect(problem).toEqual({ kind: "api-key", message: "API key invalid" });
    expect(transientProblem(problem!)).toBe(false);
  });

  it("tell errors that may pass (outages, rate limit, broken bodies) from errors about the request itself", () => {
    const transient = [
      "Search Backend failed: Database is not supported: pubmed",
      "Search Backend failed: Unable to open connection to #PMQuerySrv?dbaf=taxonomy",
      "Search Backend failed: Couldn't resolve #pmquerysrv-mz?dbaf=pubmed, the address table is empty.",
    ];
    for (const message of transient) expect(transientProblem({ kind: "error", message }), message).toBe(true);
    expect(transientProblem(bodyProblem('{"error":"API rate limit exceeded","api-key":"1.2.3.4","count":"5","limit":"3"}')!)).toBe(true);
    expect(transientProblem(bodyProblem("Unable to route request! service name: /http/service/ratecontrol")!)).toBe(true);
    expect(transientProblem(efetchProblem(fixture("biopython-einfo4-truncated.xml"))!)).toBe(true);
    const permanent = [
      "Empty term and query_key - nothing todo",
      "Empty id list - nothing todo",
      "Search Backend failed: Exception: 'retstart' cannot be larger than 9998.",
    ];
    for (const message of permanent) expect(transientProblem({ kind: "error", message }), message).toBe(false);
    expect(transientProblem(bodyProblem(fixture("biopython-esummary8-error.xml"))!)).toBe(false);
    expect(transientProblem(bodyProblem(fixture("biopython-epost3-two-errors.xml"))!)).toBe(false);
  });
});
