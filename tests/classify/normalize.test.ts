import { describe, expect, it } from "vitest";
import { StemCache, americanize, normalizeText, phraseStems, prepareText, splitSentences } from "../../src/stages/classify/normalize.js";
import { randomText, seeded } from "./random-text.js";

describe("americanize", () => {
  it("maps the regular British spellings", () => {
    expect(["randomised", "randomisation", "tumour", "ageing", "photoageing", "centre", "analysed", "haemorrhage", "oedema", "colour"].map(americanize)).toEqual([
      "randomized", "randomization", "tumor", "aging", "photoaging", "center", "analyzed", "hemorrhage", "edema", "color",
    ]);
  });

  it("leaves words that only look British alone", () => {
    expect(["exercise", "precise", "promise", "disease", "analysis", "otherwise", "rise"].map(americanize)).toEqual([
      "exercise", "precise", "promise", "disease", "analysis", "otherwise", "rise",
    ]);
  });
});

describe("prepareText", () => {
  it("spells Greek letters, strips diacritics and joins hyphenated prefixes", () => {
    expect(prepareText("TNF-α")).toContain("alpha");
    expect(prepareText("TGF-β1")).toContain("beta");
    expect(prepareText("Café naïve")).toBe("cafe naive");
    expect(prepareText("non-randomized pre-clinical")).toBe("nonrandomized preclinical");
  });

  it("joins prefixes on ASCII text as the prefix pattern does wherever it matches", () => {
    const prefixPattern = /\b(non|pre|post|anti|co|re|sub|intra|inter|multi|hyper|hypo|photo|micro|nano)[-\u2010-\u2014]\s*(?=[a-z])/g;
    const pieces = ["non", "Pre", "post", "co", "re", "nano", "micro", "x", "a", "_", "1", "-", "--", " ", "\n", "derived", "IL", "6", ".", "(", "anon", "score"];
    const random = seeded(7);
    for (let n = 0; n < 5000; n++) {
      const text = randomText(random, pieces, 16);
      expect(prepareText(text), JSON.stringify(text)).toBe(text.toLowerCase().replace(prefixPattern, "$1"));
    }
  });
});

describe("normalizeText", () => {
  it("gives British and American forms the same stems", () => {
    const stems = new StemCache();
    const uk = normalizeText("Patients were randomised", stems).tokens.map((t) => t.stem);
    const us = normalizeText("patients were randomized", stems).tokens.map((t) => t.stem);
    expect(uk).toEqual(us);
  });

  it("keeps sentence numbers so context never crosses a sentence", () => {
    const t = normalizeText("Mice were used. Patients were randomly assigned.\nResults", new StemCache());
    expect(t.sentences).toHaveLength(3);
    expect(t.tokens.find((x) => x.word === "patients")!.sentence).toBe(1);
  });

  it("never stems the same word twice", () => {
    const stems = new StemCache();
    normalizeText("exosomes exosomes exosomes vesicles", stems);
    normalizeText("Exosomes and vesicles", stems);
    expect(stems.stemmed).toBe(3);
  });
});

describe("phraseStems", () => {
  it("marks gaps and exact words", () => {
    const stems = new StemCache();
    expect(phraseStems("randomly ... assigned", stems)).toHaveLength(3);
    expect(phraseStems("=prospective", stems)[0]).not.toBe(phraseStems("prospects", stems)[0]);
  });
});

describe("splitSentences", () => {
  it("does not split decimals or lower-case abbreviations", () => {
    expect(splitSentences("p = 0.05 was found. Then more, e.g. this.")).toEqual(["p = 0.05 was found.", "Then more, e.g. this."]);
  });
});

describe("StemCache", () => {
  it("finds each of many words again, as the word it was given", () => {
    const stems = new StemCache();
    const words = Array.from({ length: 20000 }, (_, i) => `w${i.toString(36)}x`);
    const forms = words.map((w) => stems.entry(w));
    expect(stems.size).toBe(words.length);
    words.forEach((w, i) => {
      expect(stems.entry(w)).toBe(forms[i]);
      expect(forms[i]!.word).toBe(w);
    });
    expect(normalizeText(words.slice(0, 50).join(" "), stems).tokens.map((t) => t.form)).toEqual(forms.slice(0, 50));
    expect(stems.stemmed).toBe(words.length);
  });
});
