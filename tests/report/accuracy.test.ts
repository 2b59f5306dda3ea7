import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/config/load.js";
import { LitreviewError } from "../../src/errors.js";
import { accuracyTask, measureAccuracyOf } from "../../src/stages/report/accuracy.js";

const config = loadPipeline("pipelines/exosome-dermatology.yaml");

describe("the accuracy measure", () => {
  it("measures the classifiers on the pipeline's labelled articles", () => {
    expect(measureAccuracyOf(accuracyTask(config)!)).toMatch(/design/);
  });

  it("names the pipeline file and the gold file it cannot read", () => {
    const broken = { ...config, evaluation: { ...config.evaluation, gold: "data/sample/missing.jsonl" } };
    let error: unknown;
    try {
      accuracyTask(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LitreviewError);
    expect((error as Error).message).toMatch(/evaluation\.gold: cannot read data\/sample\/missing\.jsonl/);
  });

  it("names the gold file and line of a malformed labelled article", () => {
    const task = { ...accuracyTask(config)!, goldText: '{"id": "a"}\n{not json', goldFile: "data/sample/broken.jsonl" };
    expect(() => measureAccuracyOf(task)).toThrow(/data\/sample\/broken\.jsonl line 1/);
  });

  it("is null when the pipeline names no gold file", () => {
    expect(accuracyTask({ ...config, evaluation: { ...config.evaluation, gold: null } })).toBeNull();
  });
});
