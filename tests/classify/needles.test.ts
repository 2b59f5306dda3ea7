import { describe, expect, it } from "vitest";
import { locatePhrases } from "../../src/stages/classify/match.js";
import { StemCache, normalizeText } from "../../src/stages/classify/normalize.js";
import type { ArticleField } from "../../src/stages/classify/fields.js";
import { projectRules } from "./builders.js";
import { randomText, seeded } from "./random-text.js";

describe("pattern needle bits", () => {
  const rules = projectRules();
  const patterns = Object.values(rules.dims)
    .flatMap((d) => d.groups)
    .flatMap((g) => [...g.rules, ...g.exclude])
    .filter((r) => r.pattern);

  it("are known for the project's patterns", () => {
    expect(rules.words.needles.length).toBeGreaterThan(5);
    expect(patterns.filter((r) => r.needBits !== 0).length).toBeGreaterThan(4);
    // "here we" is represented by its longest word.
    expect(rules.words.needles).toContainEqual(["we", "here"]);
  });

  it("never rule out a sentence that the pattern matches", () => {
    const pieces = ["We ", "here ", "we ", "report ", "describe ", "two ", "3 ", "patients", "Women", " ", ". ", "A ", "45-year-old ", "year ", "old ", "woman",
      "P", " < ", "0.05", " value", "=", ".03", "EXOSC10", "exosc", "MMP-9", "mmps", "thirty", "volunteers", "studies", "α", "é", "ſ", "Кириллица", "\n", "x"];
    const random = seeded(3);
    const stems = new StemCache();
    let matched = 0;
    for (let n = 0; n < 5000; n++) {
      const text = randomText(random, pieces, 20);
      const field: ArticleField = { field: "abstract", family: "abstract", text: normalizeText(text, stems) };
      locatePhrases([field], rules.words);
      field.text.sentences.forEach((sentence, i) => {
        for (const rule of patterns) {
          if (!rule.pattern!.test(sentence)) continue;
          matched++;
          expect(field.needBits![i]! & rule.needBits, `${rule.id} on ${JSON.stringify(sentence)}`).toBe(rule.needBits);
        }
      });
    }
    expect(matched).toBeGreaterThan(1000);
  });
});
