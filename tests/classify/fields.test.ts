import { describe, expect, it } from "vitest";
import { articleFields, sectionsFromPlainText } from "../../src/stages/classify/fields.js";
import { StemCache } from "../../src/stages/classify/normalize.js";
import { makeArticle } from "./builders.js";

describe("sectionsFromPlainText", () => {
  it("splits a plain abstract at its own headings", () => {
    const s = sectionsFromPlainText("Background:\nAcne scars are common.\nMaterials and Methods:\nThirty patients.\nResults: Better.\nConclusion:\nGood.");
    expect(s.map((x) => x.nlmCategory)).toEqual(["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]);
    expect(s[1]!.text).toBe("Thirty patients.");
  });

  it("keeps an abstract without headings whole", () => {
    expect(sectionsFromPlainText("Exosomes are vesicles. They carry cargo.")).toEqual([{ label: null, nlmCategory: null, text: "Exosomes are vesicles. They carry cargo." }]);
  });
});

describe("articleFields", () => {
  it("uses NLM sections, keywords, MeSH and publication types when the record has them", () => {
    const a = makeArticle("1", {
      title: "T",
      abstractSections: [
        { label: "METHODS", nlmCategory: "METHODS", text: "Mice." },
        { label: "RESULTS", nlmCategory: "RESULTS", text: "Better." },
      ],
      keywords: ["exosomes"],
      mesh: [{ descriptor: "Exosomes", descriptorUi: null, majorTopic: true, qualifiers: [] }],
      publicationTypes: ["Journal Article"],
    });
    expect(articleFields(a, new StemCache()).map((f) => f.field)).toEqual(["title", "abstract:METHODS", "abstract:RESULTS", "keywords", "mesh", "publication_types"]);
  });
});
