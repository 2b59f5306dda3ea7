import { describe, expect, it } from "vitest";
import { dedupeRecords } from "../../src/stages/dedupe/core.js";
import type { Article, Author } from "../../src/model/article.js";
import { makeArticle, pubmedArticle } from "./builders.js";

/*
 * Field values copied by hand from real exports (provenance in tests/fixtures/dedupe/SOURCES.md):
 * - the "Blue Light for Acne" review exported from PubMed (reflib-pubmed-blue-light-acne.nbib) and from
 *   EndNote (reflib-endnote-blue-light-acne.ris). The .ris records carry the PMID in AN; here it is left
 *   out, as Scopus, Web of Science and Embase exports often do, so that only fuzzy matching can pair them.
 * - records shared by a Scopus export (synthesisr-scopus.ris) and a Web of Science export
 *   (synthesisr-wos.ciw), with and without their DOI.
 */
function person(lastName: string, foreName: string | null, suffix: string | null = null): Author {
  return { lastName, foreName, initials: null, suffix, collectiveName: null, orcid: null, affiliations: [] };
}
const ris = (id: string, fields: Parameters<typeof makeArticle>[1]): Article =>
  makeArticle(`endnote:${id}`, { ...fields, source: { database: "endnote", file: "acne.ris", ownId: id, importedAt: "x" } });

const acne: [Article, Article][] = [
  [
    pubmedArticle("16865864", { title: "Anti-inflammatory properties of narrow-band blue light.", year: 2006, pubDate: { raw: "2006 Jul-Aug" }, journal: { title: "Journal of drugs in dermatology : JDD", isoAbbreviation: "J Drugs Dermatol", pages: "605-10" }, authors: [person("Shnitkind", "E")] }),
    ris("1", { title: "Anti-inflammatory properties of narrow-band blue light", year: 2006, journal: { title: "J Drugs Dermatol", volume: "5", issue: "7", pages: "605-10", issn: "1545-9616 (Print)" }, authors: [person("Shnitkind", "E.")] }),
  ],
  [
    pubmedArticle("28095551", { title: "Acne Treatment With 3-Step Broadband Light Protocol.", year: 2016, journal: { isoAbbreviation: "J Drugs Dermatol", title: "Journal of drugs in dermatology : JDD", pages: "1382-1388" }, authors: [person("Bitter", "P", "Jr")], publicationTypes: ["Case Reports", "Journal Article"] }),
    ris("2", { title: "Acne Treatment With 3-Step Broadband Light Protocol", year: 2016, journal: { title: "J Drugs Dermatol", pages: "1382-1388" }, authors: [person("Bitter", "P., Jr.")] }),
  ],
  [
    pubmedArticle("16468292", { title: "Long-pulsed dye laser-mediated photodynamic therapy combined with topical therapy for mild to severe comedonal, inflammatory, or cystic acne.", year: 2006, journal: { isoAbbreviation: "J Drugs Dermatol", pages: "45-55" }, authors: [person("Alexiades-Armenakas", "M")] }),
    ris("3", { title: "Long-pulsed dye laser-mediated photodynamic therapy combined with topical therapy for mild to severe comedonal, inflammatory, or cystic acne", year: 2006, journal: { title: "J Drugs Dermatol", pages: "45-55" }, authors: [person("Alexiades-Armenakas", "M.")] }),
  ],
  [
    pubmedArticle("15301568", { title: "Phototherapy in the treatment of acne vulgaris: what is its role?", year: 2004, doi: "10.2165/00128071-200405040-00001", journal: { isoAbbreviation: "Am J Clin Dermatol", title: "American journal of clinical dermatology", pages: "211-6" }, authors: [person("Charakida", "A")] }),
    ris("4", { title: "Phototherapy in the treatment of acne vulgaris: what is its role?", year: 2004, journal: { title: "Am J Clin Dermatol", pages: "211-6" }, authors: [person("Charakida", "A.")] }),
  ],
];
const trial = "A multicenter, randomized, split-face clinical trial evaluating the efficacy and safety of chromophore gel-assisted blue light phototherapy for the treatment of acne";
const lookalikes = [
  pubmedArticle("27575854", { title: `${trial}.`, year: 2016, doi: "10.1111/ijd.13349", journal: { isoAbbreviation: "Int J Dermatol", pages: "1321-1328" }, authors: [person("Antoniou", "C")] }),
  ris("5", { title: `An extension of a ${trial.slice(2)}`, year: 2018, journal: { title: "Int J Dermatol", pages: "94-103" }, authors: [person("Nikolis", "A.")] }),
];

const scopusSoil = makeArticle("scopus:1", { title: "Soil fauna diversity at different stages of reed restoration in a lakeshore wetland at Lake Taihu, China", year: 2020, doi: "10.1080/20964129.2020.1722034", journal: { title: "Ecosystem Health and Sustainability", isoAbbreviation: "Ecosyst. Health Sustain.", volume: "6", issue: "1", issn: "20964129 (ISSN)" }, authors: [person("Li", "W.")] });
const wosSoil = makeArticle("wos:WOS:000514379300001", { title: "Soil fauna diversity at different stages of reed restoration in a lakeshore wetland at Lake Taihu, China", year: 2020, doi: "10.1080/20964129.2020.1722034", journal: { title: "ECOSYSTEM HEALTH AND SUSTAINABILITY", volume: "6", issue: "1" }, authors: [person("Li", "Wei")] });
const scopusRelic = makeArticle("scopus:3", { title: "Application of Digital Processing in Relic Image Restoration Design", year: 2020, doi: "10.1007/s11220-019-0265-8", journal: { title: "Sensing and Imaging", isoAbbreviation: "Sens. Imaging", volume: "21" }, authors: [person("Tang", "H.")] });
const wosRelic = makeArticle("wos:WOS:000502504100001", { title: "Application of Digital Processing in Relic Image Restoration Design", year: 2020, doi: "10.1007/s11220-019-0265-8", journal: { title: "SENSING AND IMAGING", volume: "21" }, authors: [person("Tang", "Hui")] });

function clusters(records: Article[]): string[][] {
  const { decisions } = dedupeRecords(records, { preprints: "linked" });
  const byCluster = new Map<string, string[]>();
  for (const d of decisions) byCluster.set(d.clusterId, [...(byCluster.get(d.clusterId) ?? []), d.recordId]);
  return [...byCluster.values()].filter((c) => c.length > 1).map((c) => c.sort());
}

describe("across databases", () => {
  it("pairs each PubMed record with its EndNote copy without shared ids, and keeps the PubMed record", () => {
    const records = acne.flat();
    const { decisions } = dedupeRecords(records, { preprints: "linked" });
    for (const [pubmed, copy] of acne) {
      const d = decisions.find((x) => x.recordId === copy.recordId);
      expect(d, copy.recordId).toMatchObject({ role: "duplicate", keptRecordId: pubmed.recordId });
      expect(d?.rule).toMatch(/^title\+year\+author/);
    }
  });

  it("keeps the PubMed record over a fuller copy from another database that carries its PMID", () => {
    const [pubmed] = acne[1]!;
    const embase = makeArticle("embase:L613793574", {
      ...pubmed,
      recordId: "embase:L613793574",
      abstract: "A fuller abstract than PubMed's.",
      keywords: ["acne", "broadband light"],
      source: { database: "embase", file: "embase.ris", ownId: "L613793574", importedAt: "x" },
    });
    const { decisions } = dedupeRecords([embase, pubmed], { preprints: "linked" });
    expect(decisions.find((d) => d.recordId === "embase:L613793574")).toMatchObject({ role: "duplicate", keptRecordId: "28095551" });
  });

  it("keeps apart an extension study and the trial it extends", () => {
    expect(clusters([...acne.flat(), ...lookalikes])).toHaveLength(acne.length);
  });

  it("pairs Scopus and Web of Science records by DOI, and by title, year and author without it", () => {
    expect(clusters([scopusSoil, wosSoil, scopusRelic, wosRelic])).toEqual([
      ["scopus:1", "wos:WOS:000514379300001"],
      ["scopus:3", "wos:WOS:000502504100001"],
    ]);
    const noDoi = [scopusSoil, wosSoil, scopusRelic, wosRelic].map((a) => ({ ...a, doi: null }));
    expect(clusters(noDoi)).toEqual([
      ["scopus:1", "wos:WOS:000514379300001"],
      ["scopus:3", "wos:WOS:000502504100001"],
    ]);
  });
});
