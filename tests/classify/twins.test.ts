import { describe, expect, it } from "vitest";
import { asciiTwin } from "../../src/stages/classify/compile.js";

const ASCII_TEXTS = [
  "p < 0.05 and p=.03, p value = 0.2; p ≤ .1 is not ascii",
  "the mmp-9 and mmps 2 levels; exosc10; kelvin k and long s",
  "a 45-year-old woman; we report three patients",
  "p<.5 p >0.1 p value <= 0.01 skin kinetics",
];

describe("asciiTwin", () => {
  it("twins patterns whose non-ASCII characters cannot match ASCII text, matching the same spans there", () => {
    for (const source of ["\\bp\\s*(value)?\\s*[<=>≤≥]\\s*0?\\.\\d", "µ?m|mm", "\\bexosc\\d*\\b", "k[≤s]"]) {
      const twin = asciiTwin(source);
      expect(twin, source).not.toBeNull();
      const unicode = new RegExp(source, "iu");
      for (const text of ASCII_TEXTS.filter((t) => /^[\x00-\x7f]*$/.test(t))) {
        const a = twin!.exec(text);
        const b = unicode.exec(text);
        expect([a?.index, a?.[0]], `${source} on ${text}`).toEqual([b?.index, b?.[0]]);
      }
    }
  });

  it("refuses characters that match ASCII only under `iu`, astral characters, range ends and Unicode escapes", () => {
    // ſ matches "s" and K (Kelvin) "k" under iu; [ā-ƀ] spans ſ; 😀? may match nothing under u only.
    for (const source of ["ſ", "\u212a", "[ā-ƀ]", "[a-ƀ]", "x😀?", "\\u{41}", "\\p{L}"]) expect(asciiTwin(source), source).toBeNull();
    expect(new RegExp("ſ", "iu").test("s")).toBe(true);
    expect(new RegExp("[ā-ƀ]", "iu").test("s")).toBe(true);
    expect(new RegExp("x😀?", "iu").test("x")).toBe(true);
  });
});
