import { describe, expect, it } from "vitest";
import { parsePubmedXml } from "../../src/stages/parse/pubmed-xml/index.js";
import { SOURCE, cassetteBody, edited, parseFixture, record } from "./helpers.js";

describe("authors", () => {
  it("reads last name, fore name, initials and affiliations", () => {
    const a = record("biopython-pubmed6-mathml.xml");
    expect(a.authors[0]).toEqual({
      lastName: "Garcia-Tabar",
      foreName: "Ibai",
      initials: "I",
      suffix: null,
      collectiveName: null,
      orcid: null,
      affiliations: ["Studies, Research and Sports Medicine Center, Government of Navarre, Pamplona, Spain."],
    });
  });

  it("keeps a collective name in its place among persons", () => {
    const a = record("metapub-pmid38534005-collective-unassigned.xml");
    const i = a.authors.findIndex((x) => x.collectiveName !== null);
    expect(a.authors[i]).toMatchObject({
      lastName: null,
      collectiveName: "Task and Finish Group for Urinalysis (TFG-U), European Federation of Clinical Chemistry and Laboratory Medicine (EFLM)",
    });
    expect(a.authors.filter((x) => x.lastName !== null).length).toBe(a.authors.length - 1);
    expect(record("metapub-pmid23435529-rct-collective.xml").authors.map((x) => x.collectiveName).filter(Boolean)).toEqual(["TAX 325 Study Group"]);
  });

  it("reads bare ORCIDs and ORCID URLs as bare ids", () => {
    expect(record("metapub-pmid33856845-systematic-review.xml").authors.map((x) => x.orcid)).toEqual([
      "0000-0002-9485-5207",
      "0000-0001-9358-433X",
      "0000-0002-2894-5108",
    ]);
    const urls = record("biopython-pubmed7-mathml-collective.xml").authors.map((x) => x.orcid).filter(Boolean);
    expect(urls).toEqual(["0000-0002-4590-7461", "0000-0003-3525-2788"]);
  });

  it("reads an ORCID written as its 16 characters without hyphens, bare or in a URL", () => {
    // NLM's element descriptions give <Identifier Source="ORCID">0000000179841889</Identifier> as the example.
    const xml = edited("metapub-pmid33856845-systematic-review.xml", "0000-0002-9485-5207", "0000000294855207")
      .replace("0000-0001-9358-433X", "https://orcid.org/000000019358433x");
    const result = parsePubmedXml(xml, SOURCE, "edited.xml");
    expect(result.records[0]!.authors.map((x) => x.orcid)).toEqual(["0000-0002-9485-5207", "0000-0001-9358-433X", "0000-0002-2894-5108"]);
    expect(result.diagnostics).toEqual([]);
  });

  it("drops a truncated ORCID with a warning naming the record", () => {
    const xml = edited("metapub-pmid33856845-systematic-review.xml", "0000-0002-9485-5207", "0000-0002-9485");
    const result = parsePubmedXml(xml, SOURCE, "edited.xml");
    expect(result.records[0]!.authors[0]!.orcid).toBeNull();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", recordId: "33856845", location: "edited.xml" }),
    ]);
    expect(result.diagnostics[0]!.message).toContain('"0000-0002-9485"');
  });

  it("leaves out an author name NLM marks invalid (ValidYN=\"N\", the misspelt form kept after an erratum)", () => {
    // NLM element descriptions, AuthorList: the corrected name is listed with ValidYN="Y" and the name
    // as first published is kept, last, with ValidYN="N".
    const misspelt = '<Author ValidYN="N"><LastName>Franc</LastName><ForeName>Nicolas</ForeName><Initials>N</Initials></Author></AuthorList>';
    const xml = edited("metapub-pmid33856845-systematic-review.xml", "</AuthorList>", misspelt);
    const a = parsePubmedXml(xml, SOURCE, "edited.xml").records[0]!;
    expect(a.authors.map((x) => x.lastName)).toEqual(["Manoli", "Cervello", "Franck"]);
  });

  it("reads Suffix (Jr) and repeated AffiliationInfo", () => {
    const all = ["pubmedparser-pubmed21n1001-subset.xml", "pubmedparser-pubmed21n1005-subset.xml"]
      .flatMap((f) => parseFixture(f).records)
      .flatMap((r) => r.authors);
    expect(all.filter((x) => x.suffix === "Jr").length).toBeGreaterThanOrEqual(3);
    const napolitano = record("metapub-pmid20301577-book-article.xml").authors[0]!;
    expect(napolitano.affiliations).toHaveLength(2);
  });

  it("decodes character references in names", () => {
    const names = record("metapub-pmid38534005-collective-unassigned.xml").authors.map((x) => `${x.foreName ?? ""} ${x.lastName ?? ""}`);
    expect(names.join("|")).not.toMatch(/&#x?[0-9a-f]+;/i);
    expect(names.join("|")).toMatch(/[^\x00-\x7f]/);
  });

  it("reads EqualContrib as the source gives it, and leaves it out where the source says nothing", () => {
    // Real record: authors 1 and 3 are marked EqualContrib="Y"; author 2 has no such attribute.
    expect(record("pubmed-client-pmid36789012-aheadofprint.xml").authors.map((x) => x.equalContrib)).toEqual([true, undefined, true]);
    // Real 2019 efetch answer: every author carries EqualContrib="N".
    const no = record("carrot2-pmid31121636-equalcontrib-n.xml").authors;
    expect(no).toHaveLength(9);
    expect(no.every((x) => x.equalContrib === false)).toBe(true);
    expect(record("biopython-pubmed6-mathml.xml").authors.every((x) => !("equalContrib" in x))).toBe(true);
  });

  it("says whether the author list is complete: CompleteYN=\"N\" (\"et al.\") is false, no author list is null", () => {
    expect(record("metapub-pmid33856845-systematic-review.xml").authorListComplete).toBe(true);
    const xml = edited("metapub-pmid33856845-systematic-review.xml", '<AuthorList CompleteYN="Y">', '<AuthorList CompleteYN="N">');
    const a = parsePubmedXml(xml, SOURCE, "edited.xml").records[0]!;
    expect(a.authorListComplete).toBe(false);
    expect(a.authors).toHaveLength(3);
    // PMID 31418831 (baseline subset) has no AuthorList at all.
    expect(record("pubmedparser-pubmed21n1001-subset.xml", "31418831").authorListComplete).toBeNull();
    // A book's editors do not make its author list complete or not.
    expect(record("metapub-pmid20301577-book-article.xml").authorListComplete).toBe(true);
  });

  it("keeps a group author's members (InvestigatorList) apart from the authors", () => {
    const a = parsePubmedXml(cassetteBody("biocommons-cassette-efetch-pmid23121403.yaml"), SOURCE, "cassette").records[0]!;
    expect(a.authors.map((x) => x.collectiveName).filter(Boolean)).toEqual(["ASPIRE Investigators"]);
    expect(a.investigators).toHaveLength(147);
    expect(a.investigators[0]).toEqual({
      lastName: "Brighton", foreName: "T", initials: "T", suffix: null, collectiveName: null, orcid: null, affiliations: [],
    });
    expect(a.investigators.some((i) => a.authors.some((x) => x.lastName === i.lastName && x.foreName === i.foreName))).toBe(false);
    expect(record("metapub-pmid33856845-systematic-review.xml").investigators).toEqual([]);
  });

  it("leaves out an investigator NLM marks invalid, and reads an investigator's ORCID and affiliations", () => {
    const body = cassetteBody("biocommons-cassette-efetch-pmid23121403.yaml");
    const brighton = '<Investigator ValidYN="Y"><LastName>Brighton</LastName><ForeName>T</ForeName><Initials>T</Initials></Investigator>';
    if (!body.includes(brighton)) throw new Error("cassette changed");
    const xml = body
      .replace(brighton, brighton.replace('ValidYN="Y"', 'ValidYN="N"'))
      .replace(
        '<Investigator ValidYN="Y"><LastName>Eikelboom</LastName><ForeName>J</ForeName><Initials>J</Initials>',
        '<Investigator ValidYN="Y"><LastName>Eikelboom</LastName><ForeName>J</ForeName><Initials>J</Initials><Identifier Source="ORCID">0000-0002-1825-0097</Identifier><AffiliationInfo><Affiliation>McMaster University, Hamilton, Canada.</Affiliation></AffiliationInfo>',
      );
    const a = parsePubmedXml(xml, SOURCE, "edited.xml").records[0]!;
    expect(a.investigators).toHaveLength(146);
    expect(a.investigators[0]).toMatchObject({ lastName: "Eikelboom", orcid: "0000-0002-1825-0097", affiliations: ["McMaster University, Hamilton, Canada."] });
  });
});
