import { describe, expect, it } from "vitest";
import { asciiTwin } from "../../src/stages/classify/compile.js";
import { prepareText } from "../../src/stages/classify/normalize.js";
import { requiredStrings } from "../../src/stages/classify/requirements.js";
import { randomText, seeded } from "./random-text.js";

const PATTERNS = [
  "\\bp\\s*(value)?\\s*[<=>≤≥]\\s*0?\\.\\d",
  "\\bexosc\\d*\\b",
  "\\bmmps?[- ]?\\d*\\b",
  "\\byear[- ]old (man|woman|male|female|boy|girl|patient|child)\\b",
  "\\b(we|here we) (describe|report|present) (two|three|2|3) (patients|women|cases)\\b",
  "(?:Split|half)[- ]face(?= trial)",
  "a{2,}b+c?(de|fg){1,2}(?<name>hi|j)x{0}y",
  "(?<!no )random(ly|ized)\\b",
  "\\w",
];

describe("requiredStrings", () => {
  it("reads what every match contains", () => {
    expect(requiredStrings(PATTERNS[0]!)).toEqual([["p"], ["."]]);
    expect(requiredStrings(PATTERNS[1]!)).toEqual([["exosc"]]);
    expect(requiredStrings(PATTERNS[3]!)).toEqual([["year"], ["old "], ["man", "woman", "male", "female", "boy", "girl", "patient", "child"]]);
    expect(requiredStrings(PATTERNS[5]!)).toEqual([["split", "half"], ["face"]]);
    expect(requiredStrings(PATTERNS[6]!)).toEqual([["de", "fg"], ["hi", "j"], ["y"]]);
    expect(requiredStrings("\\w")).toEqual([]);
    expect(requiredStrings("[<=>]x")).toEqual([["<", "=", ">"], ["x"]]);
    expect(requiredStrings("ſ|≤")).toBeNull();
    expect(requiredStrings("ſ")).toEqual([]);
  });

  it("promises nothing for syntax it does not read", () => {
    for (const source of ["a|b", "(a)\\1", "\\x41", "\\u0041", "\\p{L}", "\\k<n>(?<n>a)", "[\\b]", "\\cA"]) expect(requiredStrings(source), source).toBeNull();
  });

  it("never rules out a lower-case ASCII text that the pattern's ASCII twin matches", () => {
    const pieces = ["p", " ", "value", "<", "=", ">", "0", ".", "5", "exosc", "10", "mmp", "s", "-", "year", "old ", "woman", "we", "here ", "report", "two",
      "patients", "split", "half", "face", " trial", "aa", "b", "c", "de", "fg", "hi", "j", "x", "y", "no ", "random", "ly", "ized", "q"];
    const random = seeded(11);
    let matched = 0;
    for (let n = 0; n < 20000; n++) {
      const text = randomText(random, pieces, 12);
      for (const source of PATTERNS) {
        if (!asciiTwin(source)!.test(text)) continue;
        matched++;
        for (const choices of requiredStrings(source)!) expect(choices.some((c: string) => text.includes(c)), `${source} on ${text}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(1000);
  });

  it("never rules out a prepared sentence that the Unicode pattern matches", () => {
    const pieces = ["P", " ", "Value", "≤", "<", "0", ".", "5", "EXOSC", "ſ", "\u212a", "é", "É", "±", "–", "α", "MMP", "s", "-", "Year", "old ", "Woman",
      "We", "here ", "Report", "two", "Patients", "Split", "half", "face", " trial", "aa", "b", "de", "FG", "hi", "y", "no ", "random", "ly"];
    const random = seeded(5);
    let matched = 0;
    for (let n = 0; n < 20000; n++) {
      const text = prepareText(randomText(random, pieces, 12));
      for (const source of PATTERNS) {
        if (!new RegExp(source, "iu").test(text)) continue;
        matched++;
        for (const choices of requiredStrings(source)!) expect(choices.some((c: string) => text.includes(c)), `${source} on ${text}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(1000);
  });
});
