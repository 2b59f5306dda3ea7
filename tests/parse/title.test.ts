import { describe, expect, it } from "vitest";
import { parsePubmedXml } from "../../src/stages/parse/pubmed-xml/index.js";
import { SOURCE, edited, record } from "./helpers.js";

describe("title, vernacular title, languages", () => {
  it("flattens <i> in the title without losing the words around it", () => {
    expect(record("biopython-pubmed4-structured-inline.xml").title).toBe(
      "Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.",
    );
  });

  it("keeps punctuation when a tag boundary cuts through an entity", () => {
    // A &quot;<i>Blood Relationship&quot;</i> Between ...
    expect(record("biopython-pubmed6-mathml.xml").title).toBe(
      'A "Blood Relationship" Between the Overlooked Minimum Lactate Equivalent and Maximal Lactate Steady State in Trained Runners. Back to the Old Days?',
    );
  });

  it("decodes a hex character reference inside inline markup", () => {
    expect(record("metapub-pmid37167981-inline-title.xml").title).toBe(
      "Monte Carlo simulation of micro-x-ray fluorescence (\u03bc-XRF) based detection of immunomagnetically labeled tumor cells.",
    );
  });

  it("adds no space where the source has none after a tag", () => {
    expect(record("metapub-pmid38914053-sub-no-space.xml").title).toMatch(/^Doped SnO2thin films fabricated/);
  });

  it("keeps a translated title in brackets and the original in vernacularTitle", () => {
    const a = record("metapub-pmid38048813-vernacular-title.xml");
    expect(a.title).toBe("[A Broader Scope - Bio-Psycho-Social Medicine In Global Focus].");
    expect(a.vernacularTitle).toBe("A Broader Scope \u2013 Bio-psycho-soziale Medizin im globalen Fokus.");
    expect(a.languages).toEqual(["ger"]);
  });

  it("keeps a no-break space and å in a vernacular title, and several languages", () => {
    const a = record("metapub-pmid36987902-vernacular-nbsp.xml");
    expect(a.vernacularTitle).toBe("Pasienter over 75\u00a0år innlagt ved Brannskadeavdelinga, Haukeland universitetssjukehus 2000\u201319.");
    expect(a.languages).toEqual(["eng", "nor"]);
    expect(a.vernacularTitle!.includes("\u00a0")).toBe(true);
  });

  it("reads raw UTF-8 (2019 efetch, baseline files) the same as character references", () => {
    const a = record("pubmedparser-pubmed21n1001-subset.xml");
    expect(a.title).not.toMatch(/&#x?[0-9a-f]+;/i);
  });

  it("gives NFC text and decodes entities exactly once", () => {
    const xml = edited(
      "biopython-pubmed2.xml",
      "Is cryopreservation a homogeneous process?",
      "Cafe\u0301 &amp;lt;b&amp;gt; &#xe9;t&#233; process?",
    );
    const a = parsePubmedXml(xml, SOURCE, "edited").records[0]!;
    expect(a.title).toMatch(/^Caf\u00e9 &lt;b&gt; \u00e9t\u00e9 process\? Ultrastructure/);
  });

  it("gives null, not an empty string, for an absent or empty title", () => {
    const xml = edited("biopython-pubmed2.xml", /<ArticleTitle>[^<]*<\/ArticleTitle>/, "<ArticleTitle/>");
    const result = parsePubmedXml(xml, SOURCE, "edited");
    expect(result.records[0]!.title).toBeNull();
    expect(result.records[0]!.vernacularTitle).toBeNull();
    expect(result.diagnostics.map((d) => d.message)).toEqual(["PubmedArticle has no ArticleTitle"]);
  });

  it("takes the original-language title when ArticleTitle is PubMed's placeholder or empty", () => {
    // NLM element descriptions, ArticleTitle: "[In Process Citation]" and "Not Available" stand for a
    // title not yet translated; PMID 34969511 (Bull Cancer 2022) reads "[Not Available]." beside its French title.
    const german = "A Broader Scope \u2013 Bio-psycho-soziale Medizin im globalen Fokus.";
    const placeholders = ["[Not Available].", "[In Process Citation]", "Not Available", ""];
    for (const placeholder of placeholders) {
      const xml = edited("metapub-pmid38048813-vernacular-title.xml", /<ArticleTitle>[^<]*<\/ArticleTitle>/, `<ArticleTitle>${placeholder}</ArticleTitle>`);
      const result = parsePubmedXml(xml, SOURCE, "edited");
      expect(result.records[0]!.title).toBe(german);
      expect(result.records[0]!.vernacularTitle).toBe(german);
      expect(result.diagnostics).toEqual([]);
    }
    const untitled = edited("biopython-pubmed2.xml", /<ArticleTitle>[^<]*<\/ArticleTitle>/, "<ArticleTitle>[Not Available].</ArticleTitle>");
    const result = parsePubmedXml(untitled, SOURCE, "edited");
    expect(result.records[0]!.title).toBeNull();
    expect(result.diagnostics.map((d) => d.message)).toEqual(["PubmedArticle has no ArticleTitle"]);
  });
});
