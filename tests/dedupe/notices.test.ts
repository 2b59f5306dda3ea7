import { describe, expect, it } from "vitest";
import { dedupeRecords } from "../../src/stages/dedupe/core.js";
import type { DedupeDecision } from "../../src/model/dedupe.js";
import { makeArticle, pubmedArticle } from "./builders.js";

/*
 * Records built by hand from the fields of real PubMed records (tests/fixtures/dedupe/SOURCES.md):
 * - 38833988, "Published Erratum", ErratumFor 33279609 (metapub-pmid38833988-erratum-for.xml); the
 *   article it corrects is described by that record's RefSource (title, journal, year, DOI).
 * - 34529508, Editorial + Comment, CommentOn 34473563 (metapub-pmid34529508-comment-on.xml).
 * - 31541003, "Retracted Publication", RetractionIn 32167152 (pubmedparser-pubmed21n1005-subset.xml).
 */
const MAGEC2 = "MageC2 protein is upregulated by oncogenic activation of MAPK pathway and causes impairment of the p53 transactivation function";
const BBA = { title: "Biochimica et biophysica acta. Molecular cell research", isoAbbreviation: "Biochim Biophys Acta Mol Cell Res" };

const original = pubmedArticle("33279609", {
  title: MAGEC2,
  doi: "10.1016/j.bbamcr.2020.118918",
  year: 2021,
  journal: { ...BBA, pages: "118918" },
  authors: ["Pascucci, F"],
  publicationTypes: ["Journal Article"],
});
const erratum = pubmedArticle("38833988", {
  title: `Corrigendum to "${MAGEC2}" [Biochim. Biophys. Acta, Mol. Cell Res. vol. 1868 (Issue 3) (March 2021) 118918].`,
  doi: "10.1016/j.bbamcr.2024.119767",
  year: 2024,
  journal: { ...BBA, pages: "119767" },
  authors: ["Pascucci, F"],
  publicationTypes: ["Published Erratum"],
  commentsCorrections: [["ErratumFor", "33279609"]],
});

function verdicts(decisions: DedupeDecision[]): Map<string, DedupeDecision> {
  return new Map(decisions.map((d) => [d.recordId, d]));
}

const linked = { preprints: "linked" } as const;

describe("notices", () => {
  it("marks an erratum as a notice about the stored article it corrects, never its duplicate", () => {
    const d = verdicts(dedupeRecords([original, erratum], linked).decisions);
    expect(d.get("38833988")).toMatchObject({ role: "kept", notice: "erratum", concerns: "33279609", retracted: false });
    expect(d.get("33279609")).toMatchObject({ role: "kept", notice: null });
  });

  it("gives the PMID of the concerned article when it is not stored", () => {
    const d = verdicts(dedupeRecords([erratum], linked).decisions);
    expect(d.get("38833988")?.concerns).toBe("33279609");
  });

  it("never merges a notice with its article even with the same title, journal, year, authors and DOI", () => {
    // Scopus exports errata under the corrected article's own title and, at times, its DOI.
    const scopusErratum = makeArticle("scopus:2-s2.0-9", {
      title: MAGEC2,
      doi: "10.1016/j.bbamcr.2020.118918",
      year: 2021,
      journal: { ...BBA },
      authors: ["Pascucci, F."],
      publicationTypes: ["Erratum"],
    });
    const { decisions } = dedupeRecords([original, scopusErratum], linked);
    expect(decisions.every((x) => x.role === "kept")).toBe(true);
    expect(verdicts(decisions).get("scopus:2-s2.0-9")?.notice).toBe("erratum");
  });

  it("recognises notices from other databases by their title when they carry no publication type", () => {
    const correction = makeArticle("wos:1", { title: `Correction to: ${MAGEC2}`, year: 2021, journal: { ...BBA } });
    const retraction = makeArticle("wos:2", { title: `Retraction Note: ${MAGEC2}`, year: 2023 });
    const concern = makeArticle("wos:3", { title: `Expression of Concern: ${MAGEC2}`, year: 2023 });
    const d = verdicts(dedupeRecords([original, correction, retraction, concern], linked).decisions);
    expect([...d.values()].map((x) => [x.recordId, x.role, x.notice])).toEqual([
      ["33279609", "kept", null],
      ["wos:1", "kept", "erratum"],
      ["wos:2", "kept", "retraction-notice"],
      ["wos:3", "kept", "expression-of-concern"],
    ]);
  });

  it("takes an authors' reply titled after the letter it answers for a comment, not a copy of the letter", () => {
    // Constructed in the pattern of BJD / JAAD correspondence.
    const letter = "Facial erythema after microneedling with a commercial exosome serum";
    const original = makeArticle("scopus:l", { title: letter, year: 2024, authors: ["Lee, S"], journal: { title: "Br J Dermatol" } });
    for (const title of [`${letter}: reply`, `${letter}. Authors' reply`, `Authors' response: ${letter}`]) {
      const reply = makeArticle("scopus:r", { title, year: 2024, authors: ["Lee S"], journal: { title: "Br J Dermatol" } });
      const { decisions } = dedupeRecords([original, reply], linked);
      expect(decisions.find((d) => d.recordId === "scopus:r")).toMatchObject({ role: "kept", notice: "comment" });
    }
  });

  it("recognises Springer Nature's and PNAS's correction titles as errata", () => {
    for (const title of [`Author Correction: ${MAGEC2}`, `Publisher Correction: ${MAGEC2}`, `Correction for Smith et al., ${MAGEC2}`]) {
      const notice = makeArticle("scopus:n", { title, year: 2021 });
      const { decisions } = dedupeRecords([original, notice], linked);
      expect(decisions.find((d) => d.recordId === "scopus:n")).toMatchObject({ role: "kept", notice: "erratum" });
    }
  });

  it("does not take ordinary titles for notices", () => {
    const titles = ["Correction of acne scars with fractional laser", "Retraction of the upper eyelid after filler injection", "Response to dupilumab in atopic dermatitis", "Exosomes in psoriasis: immune response", "Atopic dermatitis: treatment response", "Author correction of galley proofs and citation errors"];
    const { decisions } = dedupeRecords(titles.map((title, i) => makeArticle(`x${i}`, { title })), linked);
    expect(decisions.map((x) => x.notice)).toEqual(titles.map(() => null));
  });

  it("marks a comment about another article, and does not merge two errata titled alike", () => {
    const comment = pubmedArticle("34529508", {
      title: "Public Health Responses to Pandemics in 1918 and 2020.",
      doi: "10.2105/AJPH.2021.306453",
      year: 2021,
      publicationTypes: ["Editorial", "Comment"],
      commentsCorrections: [["CommentOn", "34473563"]],
    });
    const e1 = makeArticle("scopus:e1", { title: "Erratum", year: 2023, journal: { title: "J Cosmet Dermatol" }, publicationTypes: ["Erratum"] });
    const e2 = makeArticle("scopus:e2", { title: "Erratum", year: 2023, journal: { title: "J Cosmet Dermatol" }, publicationTypes: ["Erratum"] });
    const d = verdicts(dedupeRecords([comment, e1, e2], linked).decisions);
    expect(d.get("34529508")).toMatchObject({ notice: "comment", concerns: "34473563" });
    expect(d.get("scopus:e1")?.role).toBe("kept");
    expect(d.get("scopus:e2")?.role).toBe("kept");
  });

  it("merges copies of one notice that share an identifier", () => {
    const copy = makeArticle("embase:1", { doi: "10.1016/J.BBAMCR.2024.119767", title: erratum.title, publicationTypes: ["Erratum"] });
    const d = verdicts(dedupeRecords([erratum, copy], linked).decisions);
    expect(d.get("embase:1")).toMatchObject({ role: "duplicate", keptRecordId: "38833988", notice: "erratum", rule: "doi" });
  });
});

describe("retractions", () => {
  const retracted = pubmedArticle("31541003", {
    title: "MicroRNA-367 promotes progression of hepatocellular carcinoma through PTEN/PI3K/AKT signaling pathway.",
    doi: "10.1042/BSR20182466",
    year: 2019,
    journal: { title: "Bioscience reports" },
    authors: ["Wang, X"],
    publicationTypes: ["Journal Article", "Retracted Publication"],
    commentsCorrections: [["RetractionIn", "32167152"]],
  });

  it("flags a retracted article and every copy of it", () => {
    const scopusCopy = makeArticle("scopus:1", { doi: "10.1042/bsr20182466", title: retracted.title, year: 2019 });
    const d = verdicts(dedupeRecords([retracted, scopusCopy], linked).decisions);
    expect(d.get("31541003")).toMatchObject({ role: "kept", retracted: true, notice: null });
    expect(d.get("scopus:1")).toMatchObject({ role: "duplicate", retracted: true });
  });

  it("flags an article as retracted on a RetractionIn link alone", () => {
    const linkOnly = pubmedArticle("31541003", { ...retracted, publicationTypes: ["Journal Article"] });
    expect(dedupeRecords([linkOnly], linked).decisions[0]?.retracted).toBe(true);
  });

  it("flags the article a stored retraction notice names, and links the notice to it", () => {
    const unflagged = pubmedArticle("31541003", { ...retracted, publicationTypes: ["Journal Article"], commentsCorrections: [] });
    const notice = pubmedArticle("32167152", {
      title: `Retraction: ${retracted.title}`,
      year: 2020,
      journal: { title: "Bioscience reports" },
      publicationTypes: ["Retraction of Publication"],
      commentsCorrections: [["RetractionOf", "31541003"]],
    });
    const d = verdicts(dedupeRecords([unflagged, notice], linked).decisions);
    expect(d.get("31541003")).toMatchObject({ retracted: true, role: "kept" });
    expect(d.get("32167152")).toMatchObject({ notice: "retraction-notice", concerns: "31541003", retracted: false, role: "kept" });
  });

  it("merges a copy of a retracted article under its own title with the publisher's record marked retracted, and flags both", () => {
    // Hindawi's page of a retracted review (tests/fixtures/dedupe/heldout-4.jsonl, s4-12) and a copy from
    // before the retraction, under the title without the mark.
    const title = "Mesenchymal Stem Cell-Derived Exosomes and Their Potential Agents in Hematological Diseases";
    const journal = { title: "Oxidative Medicine and Cellular Longevity" };
    for (const mark of ["[Retracted] ", "RETRACTED: ", "Retracted article: ", "[RETRACTED ARTICLE]: "]) {
      const publisher = makeArticle("hindawi:1", { title: `${mark}${title}`, year: 2021, authors: ["Zhang F"], journal });
      const copy = makeArticle("scopus:1", { title, year: 2021, authors: ["Zhang, F"], journal });
      const d = verdicts(dedupeRecords([publisher, copy], linked).decisions);
      expect(d.get("hindawi:1")?.clusterId).toBe(d.get("scopus:1")?.clusterId);
      expect([d.get("hindawi:1")?.retracted, d.get("scopus:1")?.retracted]).toEqual([true, true]);
    }
  });

  it("flags a publisher's RETRACTED: title from an export", () => {
    const elsevier = makeArticle("scopus:r", { title: "RETRACTED: Exosomes from adipose stem cells reverse photoaging", year: 2021 });
    expect(dedupeRecords([elsevier], linked).decisions[0]?.retracted).toBe(true);
  });
});
