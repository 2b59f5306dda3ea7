import { describe, expect, it } from "vitest";
import { chunk, compareBatch, listPmids, roundSizes } from "../../src/stages/fetch/batches.js";

describe("efetch batch planning", () => {
  it("refetches in rounds of the batch size, a tenth of it, then one by one", () => {
    expect(roundSizes(200)).toEqual([200, 20, 1]);
    expect(roundSizes(5)).toEqual([5, 1]);
    expect(roundSizes(1)).toEqual([1]);
  });

  it("chunks in order", () => {
    expect(chunk(["1", "2", "3", "4", "5"], 2)).toEqual([["1", "2"], ["3", "4"], ["5"]]);
  });

  it("tells received, missing and unasked PMIDs apart", () => {
    expect(compareBatch(["1", "2", "3"], ["3", "1", "9"])).toEqual({ received: ["1", "3"], missing: ["2"], extra: ["9"] });
  });

  it("lists long PMID lists briefly", () => {
    expect(listPmids(["1", "2", "3"], 2)).toBe("1, 2 and 1 more");
  });
});
