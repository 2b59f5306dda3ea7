import { describe, expect, it } from "vitest";
import { releaseStageGarbage } from "../../src/pipeline/memory.js";

function makeGarbage(): number {
  return new Array(5_000_000).fill(1).length; // about 40 MB, unreferenced once this returns
}

describe("releaseStageGarbage", () => {
  it("collects what is no longer referenced, without --expose-gc", () => {
    releaseStageGarbage();
    const before = process.memoryUsage().heapUsed;
    makeGarbage();
    expect(process.memoryUsage().heapUsed - before).toBeGreaterThan(30e6);
    releaseStageGarbage();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(10e6);
  });
});
