import { describe, expect, it } from "vitest";
import { parsePubmedXml } from "../../src/stages/parse/pubmed-xml/index.js";
import { SOURCE, edited, record } from "./helpers.js";

describe("abstract", () => {
  it("keeps Label and NlmCategory even when they differ", () => {
    const a = record("biopython-pubmed5-nlmcategory.xml");
    expect(a.abstractSections.map((s) => [s.label, s.nlmCategory])).toEqual([
      ["OBJECTIVES", "OBJECTIVE"],
      ["METHODS", "METHODS"],
      ["RESULTS", "RESULTS"],
      ["CONCLUSIONS", "CONCLUSIONS"],
    ]);
    expect(a.abstract!.split("\n").map((p) => p.slice(0, p.indexOf(":")))).toEqual(["OBJECTIVES", "METHODS", "RESULTS", "CONCLUSIONS"]);
  });

  it("keeps a Label without NlmCategory (2018 DTD)", () => {
    const a = record("biopython-pubmed4-structured-inline.xml");
    expect(a.abstractSections.map((s) => [s.label, s.nlmCategory])).toEqual([
      ["OBJECTIVE", null],
      ["DESIGN", null],
      ["RESULTS", null],
      ["CONCLUSIONS", null],
    ]);
    expect(a.abstractSections[0]!.text).toMatch(/genetic variants at the telomerase reverse transcriptase \(TERT\) gene region have been/);
  });

  it("keeps UNLABELLED and UNASSIGNED in sections but does not prefix the plain text with them", () => {
    const a = record("metapub-pmid38329942-unlabelled.xml");
    expect(a.abstractSections.map((s) => [s.label, s.nlmCategory])).toEqual([
      ["UNLABELLED", null],
      ["IMPORTANCE", "OBJECTIVE"],
    ]);
    expect(a.abstract!.startsWith("UNLABELLED")).toBe(false);
    expect(a.abstract).toContain("\nIMPORTANCE: ");
    const b = record("metapub-pmid38534005-collective-unassigned.xml");
    expect(b.abstractSections.filter((s) => s.nlmCategory === "UNASSIGNED").map((s) => s.label)).toEqual([
      "MEDICAL NEEDS AND TEST REQUISITION",
      "SPECIMEN COLLECTION",
      "CHEMISTRY",
      "PARTICLES",
      "BACTERIOLOGY",
    ]);
    expect(b.abstract).toContain("SPECIMEN COLLECTION: ");
  });

  it("gives an unlabelled abstract as one section and the same plain text", () => {
    const a = record("biopython-pubmed2.xml", "11748933");
    expect(a.abstractSections).toHaveLength(1);
    expect(a.abstractSections[0]!.label).toBeNull();
    expect(a.abstract).toBe(a.abstractSections[0]!.text);
  });

  it("has no sections and a null abstract when the record has no Abstract", () => {
    const a = record("metapub-pmid34529508-comment-on.xml");
    expect(a.abstractSections).toEqual([]);
    expect(a.abstract).toBeNull();
    expect(a.copyright).toBeNull();
  });

  it("keeps CopyrightInformation apart from the abstract", () => {
    const a = record("biopython-pubmed2.xml", "11748933");
    expect(a.copyright).toBe("Copyright 2001 Elsevier Science.");
    expect(a.abstract).not.toContain("Copyright");
  });

  it("decodes &lt; in abstract text once", () => {
    const a = record("biopython-pubmed5-nlmcategory.xml");
    expect(a.abstract).toContain("(TSH >4.5 mIU/L)");
  });

  it("reads an underlined < (<u>&lt;</u>) as ≤", () => {
    expect(record("biopython-pubmed5-nlmcategory.xml").abstract).toContain("normal TSH (0.4-\u22644.5 mIU/L)");
  });

  it("flattens pretty-printed MathML to its text and keeps the words around it", () => {
    const a = record("biopython-pubmed6-mathml.xml");
    expect(a.abstract).toContain("maximal oxygen uptake ( V.O2max ) 67.6 \u00b1 4.1 ml\u00b7kg-1\u00b7min-1]");
    expect(a.abstract).not.toMatch(/mml:|<\/?\w+>/);
  });

  it("leaves out a formula's other encodings (<annotation>, <annotation-xml>) inside <semantics>", () => {
    // The same pretty-printed formula as above, with a TeX and a content-MathML annotation as publishers write them.
    const xml = edited(
      "biopython-pubmed6-mathml.xml",
      /(<mml:math xmlns:mml="http:\/\/www.w3.org\/1998\/Math\/MathML">)([\s\S]*?)(<\/mml:math>)/,
      '$1<mml:semantics>$2<mml:annotation encoding="application/x-tex">\\dot{V}O_{2max}</mml:annotation>' +
        '<mml:annotation-xml encoding="MathML-Content"><mml:ci>VO2</mml:ci></mml:annotation-xml></mml:semantics>$3',
    );
    const a = parsePubmedXml(xml, SOURCE, "edited").records[0]!;
    expect(a.abstract).toContain("maximal oxygen uptake ( V.O2max ) 67.6 \u00b1 4.1 ml\u00b7kg-1\u00b7min-1]");
  });

  it("flattens MathML isotope notation (mmultiscripts) without stray whitespace", () => {
    const a = record("biopython-pubmed7-mathml-collective.xml");
    expect(a.abstract).not.toMatch(/mml:|\n {2,}/);
    expect(a.abstract).toContain("(1)\u00a0inhaled 3He/129Xe\u2009MRI ventilation and apparent diffusion coefficients");
  });

  it("keeps the words around <sub> and <sup> in abstracts", () => {
    const a = record("biopython-pubmed6-mathml.xml");
    expect(a.abstract).toContain("the disused \"Minimum Lactate Equivalent\" (LEmin), first described");
  });

  it("keeps OtherAbstract (a publisher's abstracts in other languages) apart from the abstract", () => {
    const a = record("pubmedparser-pubmed21n1001-subset.xml", "31418828");
    expect(a.otherAbstracts.map((o) => [o.type, o.language])).toEqual([
      ["Publisher", "fre"], ["Publisher", "ger"], ["Publisher", "ita"], ["Publisher", "rus"], ["Publisher", "spa"], ["Publisher", "chi"],
    ]);
    expect(a.otherAbstracts[0]!.text).toMatch(/^Ecrivant à partir d’expériences de sa pratique/);
    expect(a.otherAbstracts[3]!.text).toMatch(/^Автор, работая в частной практике/);
    expect(a.otherAbstracts[0]!.sections).toEqual([{ label: null, nlmCategory: null, text: a.otherAbstracts[0]!.text }]);
    for (const o of a.otherAbstracts) expect(a.abstract).not.toContain(o.text.slice(0, 30));
    expect(a.abstract).toMatch(/^Writing from experiences/);
    expect(record("biopython-pubmed5-nlmcategory.xml").otherAbstracts).toEqual([]);
  });

  it("gives an OtherAbstract without Language the DTD's default, eng, and leaves out one without text", () => {
    const xml = edited("pubmedparser-pubmed21n1001-subset.xml", '<OtherAbstract Type="Publisher" Language="fre">', '<OtherAbstract Type="plain-language-summary">')
      .replace(/<OtherAbstract Type="Publisher" Language="ger">\s*<AbstractText>[^<]*<\/AbstractText>/, '<OtherAbstract Type="Publisher" Language="ger"><AbstractText> </AbstractText>');
    const a = parsePubmedXml(xml, SOURCE, "edited.xml").records.find((r) => r.pmid === "31418828")!;
    expect(a.otherAbstracts.map((o) => [o.type, o.language])).toEqual([
      ["plain-language-summary", "eng"], ["Publisher", "ita"], ["Publisher", "rus"], ["Publisher", "spa"], ["Publisher", "chi"],
    ]);
  });
});
