import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evalClassify, formatClassifyMetrics, multiLabelMetrics } from "../../src/stages/classify/eval.js";
import { goldToArticle, parseGold } from "../../src/stages/classify/gold.js";
import type { LitreviewError } from "../../src/errors.js";
import { projectRules } from "./builders.js";

const DEV = readFileSync("tests/fixtures/classify/dev.jsonl", "utf8");

describe("evalClassify on the development set (tests/fixtures/classify/dev.jsonl)", () => {
  const m = evalClassify(DEV, projectRules());
  const design = (id: string) => m.design.perLabel.find((l) => l.label === id)!;

  it("meets the design targets", () => {
    expect(m.articles).toBe(91);
    expect(m.design.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(m.design.macroF1).toBeGreaterThanOrEqual(0.85);
    expect(design("rct").recall).toBe(1);
    expect(design("rct").precision).toBeGreaterThanOrEqual(0.8);
    expect(design("systematic-review").recall).toBeGreaterThanOrEqual(0.95);
  });

  it("meets the condition and relevance targets", () => {
    expect(m.conditions.microF1).toBeGreaterThanOrEqual(0.9);
    expect(m.relevance.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps a confusion matrix whose rows add up to the gold counts", () => {
    const rows = m.design.confusion.matrix.map((r) => r.reduce((a, b) => a + b, 0));
    expect(rows.reduce((a, b) => a + b, 0)).toBe(91);
    expect(rows[m.design.confusion.labels.indexOf("review")]).toBe(41);
  });

  it("prints a readable table", () => {
    const text = formatClassifyMetrics(m);
    expect(text).toContain("Design: accuracy");
    expect(text).toContain("Design confusion matrix");
    expect(text).toMatch(/Conditions\n {2}label\s+support/);
    expect(text).toContain("Relevance (about exosomes)");
  });
});

describe("multiLabelMetrics", () => {
  it("computes per-label, macro and micro figures", () => {
    const m = multiLabelMetrics(["a", "b", "c"], [
      { gold: ["a"], pred: ["a"] },
      { gold: ["a", "b"], pred: ["a"] },
      { gold: ["b"], pred: ["a", "b"] },
    ]);
    expect(m.perLabel.map((l) => [l.label, l.precision, l.recall])).toEqual([
      ["a", 0.667, 1],
      ["b", 1, 0.5],
    ]);
    expect(m.microPrecision).toBe(0.75);
    expect(m.microRecall).toBe(0.75);
  });
});

describe("gold records", () => {
  it("become articles with the fields a parser would fill", () => {
    const [g] = parseGold(DEV.split("\n")[0]!);
    const a = goldToArticle(g!);
    expect(a).toMatchObject({ recordId: "29138430", pmid: "29138430", doi: "10.1038/s41598-017-15505-3", pubDate: { year: 2017 } });
    expect(a.title).toContain("Extracellular vesicles derived from MSCs");
    expect(a.abstract).toBeTruthy();
  });

  it("name the line of a broken record", () => {
    expect(() => parseGold(`${DEV.split("\n")[0]}\n{"id": "x"}\n`)).toThrow(/gold file line 2: field design/);
    expect(() => parseGold("not json")).toThrow(/gold file line 1: not valid JSON/);
  });

  it("are a usage error (exit 2) when malformed, and label ids must be the taxonomy's", () => {
    const record = (labels: string) => `{"id": "x", "is_exosome_topic": true, ${labels}}`;
    const thrown = (text: string) => {
      try {
        parseGold(text, "labels.jsonl");
      } catch (e) {
        return e as LitreviewError;
      }
      throw new Error("parseGold accepted a malformed file");
    };
    expect(thrown("{broken").exitCode).toBe(2);
    const typo = thrown(record(`"design": "rtc", "conditions": [], "exosome_source": []`));
    expect(typo.exitCode).toBe(2);
    expect(typo.message).toMatch(/labels\.jsonl line 1: field design: "rtc" is not a design id/);
    expect(thrown(record(`"design": "rct", "conditions": ["acnee"], "exosome_source": []`)).message).toMatch(/field conditions\.0: "acnee" is not a condition id/);
    expect(thrown(record(`"design": "rct", "conditions": [], "exosome_source": ["stem cells"]`)).message).toMatch(/field exosome_source\.0: "stem cells"/);
    expect(parseGold(record(`"design": "rct", "conditions": ["acne", "scar"], "exosome_source": ["msc"]`))).toHaveLength(1);
  });
});
