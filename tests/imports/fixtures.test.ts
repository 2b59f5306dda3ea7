import { describe, expect, it } from "vitest";
import { byId, parseFixture } from "./helpers.js";

/** One record per real export, with the values its file gives (checked against the file by eye and grep). */
interface Expectation {
  file: string;
  format: string;
  count: number;
  recordId: string;
  database: string;
  ownId: string | null;
  pmid: string | null;
  title: string;
  doi: string | null;
  year: number;
  authors: string[];
  authorCount: number;
}

const CASES: Expectation[] = [
  { file: "asreview-ovid-psycinfo.ris", format: "ris", count: 6, recordId: "psycinfo:2019-29490-001", database: "psycinfo", ownId: "2019-29490-001", pmid: null, title: "Gender differences in inflammatory bowel disease", doi: "10.1177/1359105317742958", year: 2019, authors: ["Trindade|IA", "Ferreira|C"], authorCount: 4 },
  { file: "asreview-proquest.ris", format: "ris", count: 6, recordId: "proquest:2236127104", database: "proquest", ownId: "2236127104", pmid: null, title: "Trajectories of posttraumatic stress disorders", doi: "10.1080/20008198.2019.1586266", year: 2019, authors: ["Liang|Y", "Cheng|J"], authorCount: 4 },
  { file: "asreview-pubmed-endnote.txt", format: "ris", count: 6, recordId: "29459515", database: "pubmed", ownId: "29459515", pmid: "29459515", title: "Yuzu (Citrus junos Tanaka) Peel Attenuates", doi: "10.5650/jos.ess17184", year: 2018, authors: ["Abe|H", "Ishioka|M"], authorCount: 12 },
  { file: "asreview-pubmed-zotero.ris", format: "ris", count: 6, recordId: "ris:hash-60f6b93e2b5f858d", database: "ris", ownId: null, pmid: null, title: "Outcomes of inflammatory bowel disease surgery", doi: "10.1007/s10151-019-02080-0", year: 2019, authors: ["Hicks|G", "Abdulaal|A"], authorCount: 4 },
  { file: "asreview-scopus-via-citavi.txt", format: "ris", count: 7, recordId: "scopus:2-s2.0-85094123996", database: "scopus", ownId: "2-s2.0-85094123996", pmid: null, title: "Validity Frame Driven Computational Design Synthesis", doi: "10.1007/978-3-030-58167-1_7", year: 2020, authors: ["van Acker|B", "Vanommeslaeghe|Y"], authorCount: 4 },
  { file: "asysd-scopus-bom.ris", format: "ris", count: 10, recordId: "scopus:2-s2.0-85214320386", database: "scopus", ownId: "2-s2.0-85214320386", pmid: "39549413", title: "Calcium and magnesium abnormalities in puppies", doi: "10.2460/ajvr.24.07.0187", year: 2025, authors: ["Mouton|A", "Celliers|A"], authorCount: 5 },
  { file: "asysd-wos-ris-bare-cr.ris", format: "ris", count: 50, recordId: "wos:WOS:000322578800011", database: "wos", ownId: "WOS:000322578800011", pmid: null, title: "Generalized progressive retinal atrophy in Cocker", doi: "10.1590/S0103-84782013005000101", year: 2013, authors: ["Gomes|D", "Otsuki|DA"], authorCount: 4 },
  { file: "biopython-medline-pubmed_result1.txt", format: "medline", count: 1, recordId: "12230038", database: "pubmed", ownId: "12230038", pmid: "12230038", title: "The Bio* toolkits--a brief overview.", doi: null, year: 2002, authors: ["Mangalam|H"], authorCount: 1 },
  { file: "biopython-medline-pubmed_result2.txt", format: "medline", count: 4, recordId: "16377612", database: "pubmed", ownId: "16377612", pmid: "16377612", title: "GenomeDiagram: a python package", doi: "10.1093/bioinformatics/btk021", year: 2006, authors: ["Pritchard|L", "White|JA"], authorCount: 4 },
  { file: "biopython-medline-pubmed_result4.txt", format: "medline", count: 1, recordId: "37195739", database: "pubmed", ownId: "37195739", pmid: "37195739", title: "High extracellular glucose promotes cell motility by modulating cell deformability", doi: "10.1091/mbc.E22-12-0560", year: 2023, authors: ["Oh|M", "Batty|S"], authorCount: 4 },
  { file: "cff-cochrane-central-endnote.ris", format: "ris", count: 3, recordId: "cochrane:CN-02677909", database: "cochrane", ownId: "CN-02677909", pmid: "38407106", title: "Time to transfer: long-term effects", doi: "10.1037/dev0001710", year: 2024, authors: ["Kim|JS", "Gilbert|JB"], authorCount: 7 },
  { file: "cff-cochrane-central-refman.ris", format: "ris", count: 3, recordId: "cochrane:CN-02677909", database: "cochrane", ownId: "CN-02677909", pmid: "38407106", title: "Time to transfer: long-term effects", doi: "10.1037/dev0001710", year: 2024, authors: ["Kim|JS", "Gilbert|JB"], authorCount: 7 },
  { file: "cff-embase.ris", format: "ris", count: 10, recordId: "embase:L644585435", database: "embase", ownId: "L644585435", pmid: "38906957", title: "Erratum: Author Correction: A remarkable assemblage", doi: "10.1038/s41598-024-65283-y", year: 2024, authors: ["Troiano|LP", "Dos Santos|HB"], authorCount: 4 },
  { file: "cff-ovid-eric.ris", format: "ris", count: 10, recordId: "eric:EJ1251011", database: "eric", ownId: "EJ1251011", pmid: null, title: "Dinosaurs and Other Dangers", doi: null, year: 2017, authors: ["Underwood|C", "Welsh Mahmood|M"], authorCount: 4 },
  { file: "cff-pubmed-format-named-ris.ris", format: "medline", count: 50, recordId: "37068225", database: "pubmed", ownId: "37068225", pmid: "37068225", title: "Symbiosis between Cretaceous dinosaurs and feather", doi: "10.1073/pnas.2217872120", year: 2023, authors: ["Peñalver|E", "Peris|D"], authorCount: 11 },
  { file: "cff-scopus.csv", format: "scopus-csv", count: 10, recordId: "scopus:2-s2.0-85151426146", database: "scopus", ownId: "2-s2.0-85151426146", pmid: "36971057", title: "The origin of an invasive air sac system", doi: "10.1002/ar.25209", year: 2024, authors: ["Aureliano|T", "Ghilardi|AM"], authorCount: 7 },
  { file: "citesource-dimensions.ris", format: "ris", count: 246, recordId: "dimensions:pub.1165621222", database: "dimensions", ownId: "pub.1165621222", pmid: "37931734", title: "Wildfire smoke exposure during pregnancy", doi: "10.1016/j.envres.2023.117527", year: 2023, authors: ["Foo|D", "Stewart|R"], authorCount: 7 },
  { file: "citesource-lens.ris", format: "ris", count: 49, recordId: "lens:002-369-373-685-368", database: "lens", ownId: "002-369-373-685-368", pmid: "32424665", title: "Measuring Gambling Harm", doi: "10.1007/s10899-020-09954-1", year: 2020, authors: ["Delfabbro|P", "Georgiou|N"], authorCount: 3 },
  { file: "jabref-ncbi-pubmed-ris.ris", format: "ris", count: 1, recordId: "26957754", database: "pubmed", ownId: "26957754", pmid: "26957754", title: "The effect of smartphone usage time on posture", doi: "10.1589/jpts.28.186", year: 2016, authors: ["Jung|SI", "Lee|NK"], authorCount: 5 },
  { file: "knh-ovid-embase-complete-reference.cgi", format: "ovid", count: 2, recordId: "embase:L621381829", database: "embase", ownId: "L621381829", pmid: null, title: "Quality of life in patients with primary ciliary dyskinesia", doi: "10.1186/s12919-018-0099-8", year: 2018, authors: ["Behan|L", "Rubbo|B"], authorCount: 4 },
  { file: "knh-wos-plaintext-fullrecord.txt", format: "wos", count: 12, recordId: "wos:WOS:000424022700040", database: "wos", ownId: "WOS:000424022700040", pmid: "29370169", title: "Interventions to maximize facial cleanliness", doi: "10.1371/journal.pntd.0006178", year: 2018, authors: ["Delea|MG", "Solomon|H"], authorCount: 4 },
  { file: "litstudy-ieee-xplore.ris", format: "ris", count: 25, recordId: "ris:hash-6c94e8eb03e8a752", database: "ris", ownId: null, pmid: null, title: "Reference Exascale Architecture", doi: "10.1109/eScience.2019.00063", year: 2019, authors: ["Bobák|M", "Hluchy|L"], authorCount: 14 },
  { file: "pubmedparser-pubmed21n1001-subset.xml", format: "pubmed-xml", count: 37, recordId: "31418821", database: "pubmed", ownId: "31418821", pmid: "31418821", title: "Improving chemotherapy consent in underserved", doi: "10.1002/cncr.32418", year: 2019, authors: ["Kilbridge|KL"], authorCount: 1 },
  { file: "reflib-endnote-blue-light-acne.ris", format: "ris", count: 102, recordId: "15301568", database: "pubmed", ownId: "15301568", pmid: "15301568", title: "Phototherapy in the treatment of acne vulgaris", doi: "10.2165/00128071-200405040-00001", year: 2004, authors: ["Charakida|A", "Seaton|ED"], authorCount: 6 },
  { file: "reflib-pubmed-blue-light-acne.nbib", format: "medline", count: 80, recordId: "29152718", database: "pubmed", ownId: "29152718", pmid: "29152718", title: "An extension of a multicenter, randomized, split-face", doi: "10.1111/ijd.13814", year: 2018, authors: ["Nikolis|A", "Fauverghe|S"], authorCount: 10 },
  { file: "revtools-pubmed-restoration.nbib", format: "medline", count: 104, recordId: "30687380", database: "pubmed", ownId: "30687380", pmid: "30687380", title: "Seasonal Changes and Vertical Distribution of Fine Root Biomass", doi: "10.3389/fpls.2018.02001", year: 2018, authors: ["Du|H", "Liu|L"], authorCount: 8 },
  { file: "rispy-ovid-embase-empty-sp.ris", format: "ris", count: 1, recordId: "ris:hash-902575295798633c", database: "ris", ownId: null, pmid: null, title: "Outcome Measures After Shoulder Stabilization", doi: "10.1177/2325967120950040", year: 2020, authors: ["Fanning|E"], authorCount: 1 },
  { file: "rispy-wos-plaintext-named-ris.ris", format: "wos", count: 2, recordId: "wos:WOS:000221807500019", database: "wos", ownId: "WOS:000221807500019", pmid: "15170338", title: "Interactions stabilizing the structure of the core", doi: "10.1021/bi049798f", year: 2004, authors: ["Parkes-Loach|PS", "Majeed|AP"], authorCount: 4 },
  { file: "synthesisr-ebsco-academic-search-premier.ris", format: "ris", count: 4, recordId: "ebsco:134056879", database: "ebsco", ownId: "134056879", pmid: null, title: "£330,000 Welsh farmer scheme helps reduce flooding", doi: null, year: 2018, authors: ["James|D"], authorCount: 1 },
  { file: "synthesisr-scopus.ris", format: "ris", count: 3, recordId: "scopus:2-s2.0-85083526403", database: "scopus", ownId: "2-s2.0-85083526403", pmid: null, title: "Impacts of land conversion and management measures", doi: "10.1080/20964129.2020.1749010", year: 2020, authors: ["Cao|F", "Li|J"], authorCount: 4 },
  { file: "synthesisr-wos.ciw", format: "wos", count: 5, recordId: "wos:WOS:000510870600001", database: "wos", ownId: "WOS:000510870600001", pmid: null, title: "Aesthetics and the Containment of Grief", doi: "10.1111/jaac.12686", year: 2020, authors: ["Higgins|KM"], authorCount: 1 },
];

describe("every real export imports with its field values", () => {
  it.each(CASES)("$file", async (c) => {
    const { records, diagnostics, format } = await parseFixture(c.file);
    expect(format).toBe(c.format);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(records).toHaveLength(c.count);
    const r = byId(records, c.recordId);
    expect(r.source).toEqual({ database: c.database, file: c.file, ownId: c.ownId, importedAt: "2026-01-02T03:04:05.000Z" });
    expect(r.pmid).toBe(c.pmid);
    expect(r.title?.startsWith(c.title)).toBe(true);
    expect(r.doi).toBe(c.doi);
    expect(r.pubDate.year).toBe(c.year);
    expect(r.authors.slice(0, 2).map((a) => `${a.lastName}|${a.initials}`)).toEqual(c.authors);
    expect(r.authors).toHaveLength(c.authorCount);
    // Every record of every file: an id, a title, NFC text, no empty strings.
    expect(new Set(records.map((x) => x.recordId)).size).toBe(records.length);
    for (const x of records) {
      expect(x.title, x.recordId).toBeTruthy();
      expect(x.title).toBe(x.title!.normalize("NFC"));
      expect(JSON.stringify(x)).not.toMatch(/:""/);
    }
  });
});
