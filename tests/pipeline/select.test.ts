import { describe, expect, it } from "vitest";
import { parseSinceDate, parseStageList, selectStages } from "../../src/pipeline/select.js";

describe("selectStages", () => {
  it("runs all six stages online and parse → report offline", () => {
    expect(selectStages({ offline: false, stages: null, from: null })).toEqual(["search", "fetch", "parse", "dedupe", "classify", "report"]);
    expect(selectStages({ offline: true, stages: null, from: null })).toEqual(["parse", "dedupe", "classify", "report"]);
  });

  it("keeps pipeline order for --stages and starts at --from", () => {
    expect(selectStages({ offline: false, stages: parseStageList("parse,fetch", "--stages"), from: null })).toEqual(["fetch", "parse"]);
    expect(selectStages({ offline: false, stages: null, from: "classify" })).toEqual(["classify", "report"]);
  });

  it("refuses network stages with --offline, unknown stages, and --stages with --from", () => {
    expect(() => selectStages({ offline: true, stages: ["fetch"], from: null })).toThrow(/--offline cannot run fetch/);
    expect(() => parseStageList("parse,clasify", "--stages")).toThrow(/unknown stage clasify/);
    expect(() => selectStages({ offline: false, stages: ["parse"], from: "parse" })).toThrow(/cannot be used together/);
  });
});

describe("parseSinceDate", () => {
  it("accepts ISO and E-utilities forms and returns YYYY/MM/DD", () => {
    expect(parseSinceDate("2024-03-05")).toBe("2024/03/05");
    expect(parseSinceDate("2024/03/05")).toBe("2024/03/05");
  });
  it("rejects impossible and malformed dates", () => {
    expect(() => parseSinceDate("2024-02-30")).toThrow(/not a real date/);
    expect(() => parseSinceDate("March 2024")).toThrow(/YYYY-MM-DD/);
  });
});
