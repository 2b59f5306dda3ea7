import { describe, expect, it } from "vitest";
import { fixtureText, record } from "./helpers.js";

describe("publication types, MeSH, keywords, chemicals, grants", () => {
  it("lists publication types in order", () => {
    expect(record("metapub-pmid23435529-rct-collective.xml").publicationTypes).toEqual([
      "Journal Article",
      "Randomized Controlled Trial",
      "Research Support, Non-U.S. Gov't",
    ]);
    expect(record("metapub-pmid35830032-meta-analysis-season.xml").publicationTypes).toEqual(["Journal Article", "Meta-Analysis", "Review"]);
    expect(record("metapub-pmid33856845-systematic-review.xml").publicationTypes).toContain("Systematic Review");
  });

  it("reads MeSH descriptors with UI, major-topic flags and qualifiers", () => {
    const mesh = record("metapub-pmid38958301-practice-guideline-mesh.xml").mesh;
    expect(mesh.find((m) => m.descriptor === "Focal Nodular Hyperplasia")).toEqual({
      descriptor: "Focal Nodular Hyperplasia",
      descriptorUi: "D020518",
      majorTopic: true,
      qualifiers: [
        { name: "diagnosis", ui: "Q000175", majorTopic: false },
        { name: "pathology", ui: "Q000473", majorTopic: false },
      ],
    });
    expect(mesh.find((m) => m.descriptor === "Humans")).toEqual({ descriptor: "Humans", descriptorUi: "D006801", majorTopic: false, qualifiers: [] });
    const qualifiers = mesh.flatMap((m) => m.qualifiers);
    expect(qualifiers).toHaveLength((fixtureText("metapub-pmid38958301-practice-guideline-mesh.xml").match(/<QualifierName /g) ?? []).length);
  });

  it("reads MeSH from the 2008 DTD, which has no UI attributes", () => {
    const mesh = record("biopython-pubmed1-2008.xml", "9997").mesh;
    expect(mesh.length).toBe(13);
    expect(mesh.every((m) => m.descriptorUi === null)).toBe(true);
  });

  it("has no MeSH for a record not yet indexed", () => {
    const a = record("pubmed-client-pmid36789012-aheadofprint.xml");
    expect(a.mesh).toEqual([]);
  });

  it("reads keywords of every owner (KIE, NOTO)", () => {
    expect(record("biopython-pubmed1.xml", "12091962").keywords).toEqual(["Health Care and Public Health", "Legal Approach"]);
    expect(record("biopython-pubmed6-mathml.xml").keywords).toContain("Owles' point");
  });

  it("reads chemical names", () => {
    expect(record("biopython-pubmed1.xml", "9997").chemicals.slice(0, 2)).toEqual(["Cytochrome c Group", "Flavins"]);
  });

  it("reads grants with id, agency and country", () => {
    const grants = record("biopython-pubmed4-structured-inline.xml").grants;
    expect(grants).toHaveLength(35);
    expect(grants[0]).toEqual({ grantId: "KL2 TR001100", agency: "NCATS NIH HHS", country: "United States" });
  });
});
