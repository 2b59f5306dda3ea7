import { describe, expect, it } from "vitest";
import { HEADING_RE, sectionsFromPlainText } from "../../src/stages/classify/fields.js";
import { randomText, seeded } from "./random-text.js";

/** sectionsFromPlainText's labels and texts as a scan of HEADING_RE over every position gives them. */
function reference(text: string): [string | null, string][] {
  const out: [string | null, string][] = [];
  let last = 0;
  let label: string | null = null;
  for (const m of text.matchAll(HEADING_RE)) {
    out.push([label, text.slice(last, m.index).trim()]);
    label = m[1] ?? null;
    last = m.index + m[0].length;
  }
  out.push([label, text.slice(last).trim()]);
  return out.filter(([, t]) => t.length > 0);
}

const PIECES = [
  "Background", "METHODS", "results", "Conclusion", "Design", "Materials and Methods", "(1) ", "Aims/Objectives", "and",
  ":", ": ", ".", ". ", "!", "?", "?\n", "\n", "\n\n", " ", "\t", "\u00a0", "Some text", "cells", "Resulting", "x", "A", "1",
];

describe("sectionsFromPlainText", () => {
  it("finds the headings HEADING_RE finds scanning every position", () => {
    const random = seeded(7);
    for (let n = 0; n < 3000; n++) {
      const text = randomText(random, PIECES, 25);
      expect(sectionsFromPlainText(text).map((s): [string | null, string] => [s.label, s.text]), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});

describe("headings of congress and journal abstracts", () => {
  it("reads 'Materials / method:' and 'Material & Methods' as the methods section", () => {
    for (const heading of ["Materials / method:", "Material & Methods:", "Materials/Methods\n"]) {
      const sections = sectionsFromPlainText(`Introduction: Bites leave scars.\n${heading} We report the case of a woman treated with exosomes.`);
      expect(sections.map((s) => s.nlmCategory), heading).toEqual(["BACKGROUND", "METHODS"]);
    }
  });
});
