import { describe, expect, it } from "vitest";
import { patternFor } from "../../src/stages/classify/compile.js";
import { prepareText } from "../../src/stages/classify/normalize.js";
import { projectRules } from "./builders.js";

const SENTENCES = [
  "We report three patients with psoriasis treated with MSC-derived exosomes.",
  "A 45-year-old woman presented with alopecia areata; p < 0.05 (P value = .03).",
  "Thirty-two healthy volunteers and 120 participants were enrolled over 12 weeks.",
  "EXOSC10 and the RNA exosome complex; MMP-9 and MMPs 2 were measured.",
  "Kelvin k, long s ſ and µ-scale vesicles ≤ 0.05",
];

describe("ASCII pattern twins", () => {
  it("match exactly where the Unicode pattern matches, on ASCII sentences", () => {
    const rules = Object.values(projectRules().dims).flatMap((d) => [...d.labels, ...d.signals]).flatMap((g) => [...g.rules, ...g.exclude]);
    const withTwin = rules.filter((r) => r.pattern && r.asciiPattern);
    expect(withTwin.length).toBeGreaterThan(0);
    for (const rule of withTwin) {
      for (const sentence of SENTENCES.map(prepareText)) {
        const twin = patternFor(rule, sentence)!.exec(sentence);
        const unicode = rule.pattern!.exec(sentence);
        expect([twin?.index, twin?.[0]]).toEqual([unicode?.index, unicode?.[0]]);
      }
    }
  });
});
