import { describe, expect, it } from "vitest";
import { dedupeRecords } from "../../src/stages/dedupe/core.js";
import { isMeetingAbstract, isPreprint } from "../../src/stages/dedupe/kinds.js";
import { makeArticle, pubmedArticle } from "./builders.js";

/*
 * Titles and DOIs of real records: the Preprints.org copy and the journal version of one review
 * (duplicate-groups.jsonl, group dup-029; the abstract below is a short stand-in written for this test),
 * and PubMed 36156117, whose UpdateOf link names the Research Square preprint 35794888
 * (metapub-pmid36156117-update-of.xml; only the preprint's DOI and date are known from its RefSource).
 */
const ABSTRACT =
  "Melanin transfer from melanocytes to keratinocytes is a key step in skin pigmentation. Several models have been " +
  "proposed, including cytophagocytosis, membrane fusion, shedding of melanosome-laden vesicles and exocytosis of the " +
  "melanin core followed by endocytosis by keratinocytes. We review the evidence for each model, the molecular " +
  "players identified so far and how the control of melanin transfer could be exploited to treat pigmentation disorders.";
const published = makeArticle("mdpi:ijms22094466", {
  title: "Melanin Transfer in the Epidermis: The Pursuit of Skin Pigmentation Control Mechanisms",
  doi: "10.3390/ijms22094466",
  year: 2021,
  journal: { title: "International Journal of Molecular Sciences" },
  abstract: ABSTRACT,
  publicationTypes: ["Review"],
});
const preprint = makeArticle("preprints:202104.0441", {
  title: "Melanin transfer in the epidermis: the pursuit of skin pigmen-tation control mechanisms",
  doi: "10.20944/preprints202104.0441.v1",
  year: 2021,
  abstract: ABSTRACT,
});

describe("preprints", () => {
  it("links a preprint to its journal version as a version of one work when linked", () => {
    const { decisions } = dedupeRecords([published, preprint], { preprints: "linked" });
    const pre = decisions.find((d) => d.recordId === "preprints:202104.0441");
    expect(pre).toMatchObject({ role: "version", keptRecordId: "mdpi:ijms22094466", clusterId: "mdpi:ijms22094466" });
    expect(pre?.rule).toMatch(/^title\+year\+/);
    expect(decisions.find((d) => d.recordId === "mdpi:ijms22094466")?.role).toBe("kept");
  });

  it("makes the preprint a duplicate when merged", () => {
    const { decisions } = dedupeRecords([published, preprint], { preprints: "merged" });
    expect(decisions.find((d) => d.recordId === "preprints:202104.0441")).toMatchObject({ role: "duplicate", keptRecordId: "mdpi:ijms22094466" });
  });

  it("keeps the journal version even when the preprint is the PubMed record", () => {
    const pubmedPreprint = pubmedArticle("35794888", {
      title: null,
      doi: "10.21203/rs.3.rs-1800050/v1",
      year: 2022,
      journal: { title: "Research square" },
      publicationTypes: ["Preprint"],
    });
    const journal = pubmedArticle("36156117", {
      title: "Remdesivir Resistance in Transplant Recipients With Persistent Coronavirus Disease 2019.",
      doi: "10.1093/cid/ciac769",
      year: 2023,
      journal: { title: "Clinical infectious diseases" },
      commentsCorrections: [["UpdateOf", "35794888"]],
    });
    const { decisions } = dedupeRecords([pubmedPreprint, journal], { preprints: "linked" });
    expect(decisions.find((d) => d.recordId === "35794888")).toMatchObject({ role: "version", keptRecordId: "36156117", rule: "update-of" });
  });

  it("takes two versions of one preprint, each with its own version DOI, for one work", () => {
    // Constructed records: the version DOIs follow each server's scheme.
    const title = "Topical exosome gel for facial erythema: an open-label pilot study";
    for (const [v1, v2] of [
      ["10.21203/rs.3.rs-2222222/v1", "10.21203/rs.3.rs-2222222/v2"],
      ["10.20944/preprints202301.0001.v1", "10.20944/preprints202301.0001.v2"],
      ["10.1101/2023.01.02.522222", "10.1101/2023.01.02.522222v3"],
    ]) {
      const a = makeArticle("europepmc:a", { title, doi: v1, year: 2023 });
      const b = makeArticle("dimensions:b", { title: `${title}.`, doi: v2, year: 2023 });
      const { decisions } = dedupeRecords([a, b], { preprints: "linked" });
      expect(decisions.find((d) => d.role !== "kept")).toMatchObject({ role: "duplicate", rule: "doi" });
    }
  });

  it("keeps different preprints on one server apart", () => {
    const a = makeArticle("a", { title: "Exosome gel for erythema", doi: "10.21203/rs.3.rs-2222222/v1", year: 2023 });
    const b = makeArticle("b", { title: "Exosome gel for erythema", doi: "10.21203/rs.3.rs-2222223/v1", year: 2023 });
    const { decisions } = dedupeRecords([a, b], { preprints: "linked" });
    expect(decisions.every((d) => d.role === "kept")).toBe(true);
  });

  it("does not link a preprint to a different journal article", () => {
    const other = makeArticle("other", { title: "Melanocyte dendrites and keratinocyte uptake of melanosomes in vitiligo", doi: "10.3390/ijms2200001", year: 2021 });
    const { decisions } = dedupeRecords([other, preprint], { preprints: "linked" });
    expect(decisions.every((d) => d.role === "kept")).toBe(true);
  });
});

/*
 * Copernicus (EGU) records of the Dimensions export in heldout-5.jsonl (groups s5-06, s5-L03, s5-L04): a
 * discussion preprint on EGUsphere and its journal version, and a General Assembly abstract beside the
 * paper it became.
 */
describe("Copernicus preprints and EGU abstracts", () => {
  const authors = ["Benso MR", "Gesualdo GC", "Silva GJ", "Rápalo LMC", "Navarro FAR", "Silva RF", "Mendiondo EM"];
  const discussion = makeArticle("dimensions:pub.1149304307", {
    title: "Review article: Design and Evaluation of Weather Index Insurance for Multi-Hazard Resilience and Food Insecurity",
    doi: "10.5194/egusphere-2022-498",
    journal: { title: "EGUsphere" },
    year: 2022,
    authors,
  });
  const article = makeArticle("dimensions:pub.1157095069", {
    title: "Review article: Design and evaluation of weather index insurance for multi-hazard resilience and food insecurity",
    doi: "10.5194/nhess-23-1335-2023",
    journal: { title: "Natural Hazards and Earth System Sciences" },
    year: 2023,
    authors: ["Benso MR", "Gesualdo GC", "Silva RF", "Silva GJ", "Rápalo LMC", "Navarro FAR", "Marques PAA", "Marengo JA", "Mendiondo EM"],
  });

  it("tells a discussion preprint's DOI from a final paper's and from a General Assembly abstract's", () => {
    const withDoi = (doi: string) => makeArticle(doi, { doi });
    expect(["10.5194/egusphere-2022-498", "10.5194/hess-2019-123"].map((d) => isPreprint(withDoi(d)))).toEqual([true, true]);
    expect(["10.5194/nhess-23-1335-2023", "10.5194/egusphere-egu21-3097"].map((d) => isPreprint(withDoi(d)))).toEqual([false, false]);
    expect(["10.5194/egusphere-egu21-3097", "10.5194/egusphere-egu2020-210", "10.5194/egusphere-2022-498"].map((d) => isMeetingAbstract(withDoi(d)))).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("links an EGUsphere discussion preprint to its journal version despite their two DOIs", () => {
    const { decisions } = dedupeRecords([article, discussion], { preprints: "linked" });
    expect(decisions.find((d) => d.recordId === discussion.recordId)).toMatchObject({ role: "version", keptRecordId: article.recordId });
  });

  it("lists a General Assembly abstract beside the paper it became as a meeting abstract, unmerged", () => {
    const paper = makeArticle("dimensions:pub.1136750078", {
      title: "Effectiveness of post-fire soil erosion mitigation treatments: A systematic review and meta-analysis",
      doi: "10.1016/j.earscirev.2021.103611",
      journal: { title: "Earth-Science Reviews" },
      year: 2021,
      authors: ["Girona-García A", "Vieira DCS"],
    });
    const abstract = makeArticle("dimensions:pub.1135989240", {
      title: "A meta-analysis on the effectiveness of post-fire soil erosion mitigation treatments",
      doi: "10.5194/egusphere-egu21-3097",
      year: 2021,
      authors: ["Girona-García A", "Vieira D"],
    });
    const { decisions, possible } = dedupeRecords([paper, abstract], { preprints: "linked" });
    expect(decisions.every((d) => d.role === "kept")).toBe(true);
    expect(possible.map((p) => p.reason)).toEqual(["meeting-abstract"]);
  });
});
