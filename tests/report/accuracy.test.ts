import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/config/load.js";
import { LitreviewError } from "../../src/errors.js";
import { measureAccuracy } from "../../src/stages/report/index.js";

const config = loadPipeline("pipelines/exosome-dermatology.yaml");

describe("measureAccuracy", () => {
  it("gives the same section on a thread beside the main one as inline", async () => {
    const inline = await measureAccuracy(config, 0);
    expect(inline).toContain("design");
    expect(await measureAccuracy(config, 1_000_000)).toBe(inline);
  });

  it("names the pipeline file and the gold file it cannot read", async () => {
    const broken = { ...config, evaluation: { ...config.evaluation, gold: "data/sample/missing.jsonl" } };
    const error = await measureAccuracy(broken, 1_000_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LitreviewError);
    expect((error as Error).message).toMatch(/evaluation\.gold: cannot read data\/sample\/missing\.jsonl/);
  });

  it("is null when the pipeline names no gold file", async () => {
    expect(await measureAccuracy({ ...config, evaluation: { ...config.evaluation, gold: null } }, 1_000_000)).toBeNull();
  });
});
