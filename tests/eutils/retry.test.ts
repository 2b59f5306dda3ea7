import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, parseRetryAfter, retryDelay } from "../../src/eutils/retry.js";
import { tagBalanceProblem } from "../../src/eutils/well-formed.js";
import { fixture } from "./helpers.js";

describe("retry policy", () => {
  it("backs off exponentially with jitter, up to a ceiling", () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 8000 };
    expect(retryDelay(policy, 1, null, () => 0)).toBe(500);
    expect(retryDelay(policy, 1, null, () => 1)).toBe(1000);
    expect(retryDelay(policy, 3, null, () => 1)).toBe(4000);
    expect(retryDelay(policy, 10, null, () => 1)).toBe(8000);
  });

  it("waits at least what Retry-After asks, capped", () => {
    expect(retryDelay(DEFAULT_RETRY, 1, 2000, () => 0)).toBe(2000);
    expect(retryDelay(DEFAULT_RETRY, 1, 2000, () => 1)).toBe(2250);
    expect(retryDelay(DEFAULT_RETRY, 1, 3_600_000, () => 0)).toBe(DEFAULT_RETRY.maxRetryAfterMs);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-11-27T10:00:00Z");
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter("Fri, 27 Nov 2026 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

describe("tag balance", () => {
  it("accepts real answers whatever their layout", () => {
    for (const name of ["pubmedparser-pubmed21n1005-subset.xml", "biopython-pubmed1-2008.xml", "metapub-pmid37693885-exosome-review.xml", "metapub-pmid37909814-empty-set.xml"]) {
      expect(tagBalanceProblem(fixture(name)), name).toBeNull();
    }
  });

  it("finds a body cut anywhere, and crossed tags", () => {
    const whole = fixture("metapub-pmid37693885-exosome-review.xml");
    for (const at of [10, 500, 20_000, whole.length - 3]) expect(tagBalanceProblem(whole.slice(0, at)), String(at)).not.toBeNull();
    expect(tagBalanceProblem("<a><b></a></b>")).toMatch(/closes <b>/);
    expect(tagBalanceProblem("<a/><b>x</b>")).toMatch(/second root element <b>/);
  });
});
