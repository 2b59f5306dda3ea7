import { describe, expect, it } from "vitest";
import { parsePubmedXml } from "../../src/stages/parse/pubmed-xml/index.js";
import { SOURCE, edited, parseFixture, record } from "./helpers.js";

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
});
