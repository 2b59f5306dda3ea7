import { describe, expect, it } from "vitest";
import { WordTokenizer } from "natural/lib/natural/tokenizers/index.js";
import { prepareText, tokenize } from "../../src/stages/classify/normalize.js";

describe("tokenize", () => {
  it("gives the words natural's WordTokenizer gives", () => {
    const natural = new WordTokenizer();
    const texts = [
      "",
      " ",
      "Exosome-derived miR-21 (n = 24) reduced IL-6 by 35%; p < 0.05.",
      "  leading and trailing   spaces _under_score_ ",
      "Кириллица and α-ketoglutarate, TGF-β1/Smad3 — 2-3 weeks…",
      "non-randomised, placebo-controlled trial\nof 120 patients\t(aged 18–65)",
    ];
    for (const raw of texts) {
      for (const text of [raw, prepareText(raw)]) expect(tokenize(text)).toEqual(natural.tokenize(text));
    }
  });
});
