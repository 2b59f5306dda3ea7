import { describe, expect, it } from "vitest";
import { medlineAuthors, parseMedline, parseMesh } from "../../src/imports/medline.js";
import type { ImportItem } from "../../src/imports/types.js";
import { readFileSync } from "node:fs";
import { byId, chunked, fixture, parseFixture } from "./helpers.js";

describe("MEDLINE (PubMed format) exports", () => {
  it("2004 export: leading empty line, 6-space continuation lines, FAU+AU, starred MeSH", async () => {
    const { records } = await parseFixture("biopython-medline-pubmed_result1.txt");
    const r = records[0]!;
    expect(r.abstract).toMatch(/^Bioinformatics research is often difficult to do with commercial software\. The Open Source BioPerl/);
    expect(r.abstract).not.toMatch(/\s{2}/);
    expect(r.authors).toEqual([
      { lastName: "Mangalam", foreName: "Harry", initials: "H", suffix: null, collectiveName: null, orcid: null, affiliations: ["tacg Informatics, Irvine, CA 92612, USA. hjm@tacgi.com"] },
    ]);
    expect(r.mesh[0]).toEqual({ descriptor: "Computational Biology", descriptorUi: null, majorTopic: true, qualifiers: [] });
    expect(r.pubDate).toMatchObject({ raw: "2002 Sep", year: 2002, month: 9 });
    expect(r.status).toBe("MEDLINE");
    expect(r.journal).toEqual({ title: "Briefings in bioinformatics", isoAbbreviation: "Brief Bioinform", issn: "1467-5463", volume: "3", issue: "3", pages: "296-302" });
  });

  it("HTML entities a PubMed-format file may carry in its title and abstract are decoded once", async () => {
    const text = readFileSync(fixture("biopython-medline-pubmed_result1.txt"), "utf8")
      .replace("TI  - The Bio* toolkits--a brief overview.", "TI  - The Bio* toolkits&mdash;a brief overview of &beta;-releases &amp;amp; more.")
      .replace("AB  - Bioinformatics research", "AB  - Bio&shy;informatics&nbsp;research");
    const items: ImportItem[] = [];
    for await (const item of parseMedline(chunked(text, 500), { file: "x.nbib", importedAt: "2026-01-01T00:00:00.000Z" })) items.push(item);
    const r = items[0]!.record!;
    expect(r.title).toBe("The Bio* toolkits\u2014a brief overview of \u03b2-releases &amp; more.");
    expect(r.abstract).toMatch(/^Bio\u00adinformatics research is often difficult/);
  });

  it("2023 export without a final newline: several AD per author, multi-line title, history, ahead-of-print status", async () => {
    const { records } = await parseFixture("biopython-medline-pubmed_result4.txt");
    const r = records[0]!;
    expect(r.title).toBe(
      "High extracellular glucose promotes cell motility by modulating cell deformability and contractility via cAMP-RhoA-ROCK axis in human breast cancer cells.",
    );
    expect(r.authors[1]!.affiliations).toHaveLength(2);
    expect(r.authors[3]).toMatchObject({ lastName: "Kim", foreName: "Tae-Hyung", initials: "TH" });
    expect(r.history).toEqual({ entrez: "2023-05-17", pubmed: "2023-05-17", medline: "2023-05-17" });
    expect(r).toMatchObject({ status: "Publisher", publicationStatus: "aheadofprint", doi: "10.1091/mbc.E22-12-0560" });
    expect(r.pubDate).toMatchObject({ year: 2023, month: 5, day: 17 });
  });

  it("acne .nbib (CRLF, UTF-8): non-ASCII text, a bare LID that is not a DOI, CommentIn and UpdateOf links", async () => {
    const { records } = await parseFixture("reflib-pubmed-blue-light-acne.nbib");
    expect(records.some((r) => r.abstract?.includes("0.25 μg/ml"))).toBe(true);
    expect(records.every((r) => r.doi === null || r.doi.startsWith("10."))).toBe(true);
    const commented = byId(records, "27575854");
    expect(commented.commentsCorrections).toContainEqual({ refType: "CommentIn", pmid: "28884800", refSource: "Int J Dermatol. 2017 Dec;56(12):1489-1490." });
    expect(records.some((r) => r.commentsCorrections.some((c) => c.refType === "UpdateOf"))).toBe(true);
    expect(byId(records, "28403266").abstract).toMatch(/^Photodynamic therapy \(PDT\) uses a topical photosensitizing agent/);
  });

  it("'PubMed format' saved as .ris is read as MEDLINE; a PMID split over a continuation line is kept", async () => {
    const { records, format } = await parseFixture("cff-pubmed-format-named-ris.ris");
    expect(format).toBe("medline");
    const r = byId(records, "33990610");
    expect(r.commentsCorrections).toContainEqual(expect.objectContaining({ refType: "ErratumIn", pmid: "34294709" }));
  });

  it("reads MeSH qualifiers and their stars", () => {
    expect(parseMesh("Acne Vulgaris/*therapy/drug therapy")).toEqual({
      descriptor: "Acne Vulgaris",
      descriptorUi: null,
      majorTopic: false,
      qualifiers: [
        { name: "therapy", ui: null, majorTopic: true },
        { name: "drug therapy", ui: null, majorTopic: false },
      ],
    });
  });

  it("tag lines before the first PMID line are reported as a record without PMID, with their position, the others kept", async () => {
    const text = "\nTI  - No id here.\nAU  - Doe J\n\nPMID- 1\nTI  - One.\n\nPMID- 3\nTI  - Three.\n";
    const items: ImportItem[] = [];
    for await (const item of parseMedline(chunked(text, 5), { file: "x.nbib", importedAt: "2026-01-01T00:00:00.000Z" })) items.push(item);
    expect(items.filter((i) => i.record).map((i) => i.record!.recordId)).toEqual(["1", "3"]);
    expect(items.find((i) => i.diagnostic)?.diagnostic).toMatchObject({ severity: "error", location: "x.nbib", position: "record 1 (line 2)" });
  });

  it("a blank line inside a record does not cut it: the tag lines after it, up to the next PMID, are the same record's", async () => {
    const original = readFileSync(fixture("biopython-medline-pubmed_result4.txt"), "utf8");
    const parse = async (text: string) => {
      const items: ImportItem[] = [];
      for await (const item of parseMedline(chunked(text, 300), { file: "x.nbib", importedAt: "2026-01-01T00:00:00.000Z" })) items.push(item);
      return items;
    };
    // Blank lines before the abstract and before the authors, as a mailer or editor leaves them.
    const gapped = original.replace("\nAB  - ", "\n\nAB  - ").replace("\nFAU - Oh, Mijung", "\n\r\n\nFAU - Oh, Mijung");
    expect(gapped).not.toBe(original);
    const [whole, cut] = [await parse(original), await parse(gapped)];
    expect(cut.filter((i) => i.diagnostic)).toEqual([]);
    expect(cut.map((i) => i.record)).toEqual(whole.map((i) => i.record));
    expect(cut[0]!.record!.authors.length).toBeGreaterThan(3);
    expect(cut[0]!.record!.abstract).toMatch(/^The mechanical properties/);
  });

  it("a COIS line holding U+2028 (real: the blue-light acne review) stays its own field, not glued onto the PMC id", async () => {
    const { records } = await parseFixture("reflib-pubmed-blue-light-acne.nbib");
    const r = byId(records, "27670126");
    expect(r.pmcid).toBe("PMC6457763");
    expect(r.authors.map((a) => a.lastName)).toEqual(["Barbaric", "Abbott", "Posadzki", "Car", "Gunn", "Layton", "Majeed", "Car"]);
  });

  it("AU initials of any length and name suffixes (real: Buzatti KCLR, Hensley DT Jr, Bitter P Jr)", async () => {
    const { records } = await parseFixture("revtools-pubmed-restoration.nbib");
    const author = (pmid: string, lastName: string) => byId(records, pmid).authors.find((a) => a.lastName === lastName);
    expect(author("30624520", "Buzatti")).toMatchObject({ foreName: "Kelly Cristine de Lacerda Rodrigues", initials: "KCLR", suffix: null });
    expect(author("30624520", "Correia")).toMatchObject({ initials: "MITD" });
    expect(author("30630211", "Hensley")).toMatchObject({ foreName: "Dana T", initials: "DT", suffix: "Jr" });
    const acne = await parseFixture("reflib-pubmed-blue-light-acne.nbib");
    expect(byId(acne.records, "28095551").authors[0]).toMatchObject({ lastName: "Bitter", foreName: "Patrick", initials: "P", suffix: "Jr" });
  });

  it("AU alone: the last all-capital token is the initials, whatever its length; a trailing Jr or 3rd is the suffix", () => {
    const record = (fields: [string, string][]) => medlineAuthors({ fields, startLine: 1, index: 1 });
    expect(record([["AU", "Buzatti KCLR"], ["AU", "de la Cruz JA"], ["AU", "Gates WH 3rd"], ["AU", "Smith IV"]])).toMatchObject([
      { lastName: "Buzatti", initials: "KCLR", suffix: null },
      { lastName: "de la Cruz", initials: "JA", suffix: null },
      { lastName: "Gates", initials: "WH", suffix: "3rd" },
      { lastName: "Smith", initials: "IV", suffix: null },
    ]);
  });

  it("a PubMed placeholder or empty TI gives way to the title in the original language (TT), as in PubMed XML (real: Hautarzt 2010)", async () => {
    const nbib = readFileSync(fixture("reflib-pubmed-blue-light-acne.nbib"), "utf8").replace(/\r\n/g, "\n");
    const record = /PMID- 20107751\n[\s\S]*?\n\n/.exec(nbib)![0];
    const ti = /\nTI  - [^\n]*\n(?: {6}[^\n]*\n)*/.exec(record)![0];
    const withTitle = (line: string) => record.replace(ti, `\n${line}\n`);
    const parse = async (text: string) => {
      const items: ImportItem[] = [];
      for await (const item of parseMedline(chunked(text, 400), { file: "x.nbib", importedAt: "2026-01-01T00:00:00.000Z" })) items.push(item);
      return items[0]!.record!;
    };
    const vernacular = "Physikalische Therapieverfahren bei Akne. Licht, Laser, photodynamische Therapie und Peeling.";
    expect((await parse(record)).title).toBe("[Physical treatment methods for acne. Light, laser, photodynamic therapy and peeling].");
    for (const line of ["TI  - [Not Available].", "TI  - [In Process Citation]", "TI  - "]) {
      const r = await parse(withTitle(line));
      expect(r.title).toBe(vernacular);
      expect(r.vernacularTitle).toBe(vernacular);
    }
    expect((await parse(withTitle("TI  - [Not Available].").replace(/\nTT  - [^\n]*\n(?: {6}[^\n]*\n)*/, "\n"))).title).toBeNull();
  });
  it("SI, FIR/IR and OAB/OABL: data banks, a group's investigators and other abstracts, as PubMed XML gives them", async () => {
    const { records } = await parseFixture("cff-pubmed-format-named-ris.ris");
    // Three figshare deposits are one databank with three accession numbers, in file order.
    expect(byId(records, "37777554").dataBanks).toEqual([
      { name: "figshare", accessionNumbers: ["10.6084/m9.figshare.23749107", "10.6084/m9.figshare.23749260", "10.6084/m9.figshare.23751186"] },
    ]);
    expect(byId(records, "33990610").dataBanks).toEqual([{ name: "Dryad", accessionNumbers: ["10.5061/dryad.0cfxpnw24"] }]);
    const other = byId(records, "35289749").otherAbstracts;
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({ type: null, language: "eng", copyright: null });
    expect(other[0]!.text).toMatch(/^From the plated Stegosaurus to the tank-like Ankylosaurus, armoured dinosaurs are /);
    expect(other[0]!.text).toMatch(/dinosaur evolution\.$/);
    expect(byId(records, "35289749").abstract).not.toContain("From the plated Stegosaurus");
    expect(byId(records, "37068225")).toMatchObject({ dataBanks: [], otherAbstracts: [], investigators: [] });

    const guideline = byId((await parseFixture("reflib-pubmed-blue-light-acne.nbib")).records, "18688101");
    expect(guideline.investigators).toHaveLength(16);
    expect(guideline.investigators[0]).toEqual({
      lastName: "Mysore", foreName: "Venkataram", initials: "V", suffix: null, collectiveName: null, orcid: null, affiliations: [],
    });
    expect(guideline.investigators[8]).toMatchObject({ lastName: "Shetty", initials: "MK" });
    expect(guideline.authors.map((a) => a.lastName)).not.toContain("Joshipura");
  });

  it("an OABL names the language of the OAB before it; an SI without a databank name keeps its accession", async () => {
    const text = [
      "PMID- 1", "TI  - A title.", "OAB - Un résumé.", "OABL- fre", "OAB - A plain summary.", "SI  - NCT02149199",
      "SI  - ClinicalTrials.gov/NCT00000001", "SI  - ISRCTN/ISRCTN12345678", "SI  - ClinicalTrials.gov/NCT00000002", "",
    ].join("\n");
    const items: ImportItem[] = [];
    for await (const item of parseMedline(chunked(text, 16), { file: "x.nbib", importedAt: "2026-01-01T00:00:00.000Z" })) items.push(item);
    const r = items[0]!.record!;
    expect(r.otherAbstracts.map((a) => [a.language, a.text])).toEqual([["fre", "Un résumé."], ["eng", "A plain summary."]]);
    expect(r.dataBanks).toEqual([
      { name: null, accessionNumbers: ["NCT02149199"] },
      { name: "ClinicalTrials.gov", accessionNumbers: ["NCT00000001", "NCT00000002"] },
      { name: "ISRCTN", accessionNumbers: ["ISRCTN12345678"] },
    ]);
  });
});
