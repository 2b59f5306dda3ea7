import { describe, expect, it } from "vitest";
import { describeRule, explainDedupe } from "../../src/stages/dedupe/explain.js";
import { dedupeRecords } from "../../src/stages/dedupe/core.js";
import { makeArticle, pubmedArticle } from "./builders.js";

describe("explainDedupe", () => {
  const title = "Exosomes derived from human adipose tissue stem cells improve photoaged skin in mice";
  const { decisions } = dedupeRecords(
    [
      pubmedArticle("111", { title, year: 2021, authors: ["Kim, J"], doi: "10.1000/abc" }),
      makeArticle("scopus:1", { title: title.toUpperCase(), year: 2021, authors: ["Kim, J."] }),
      pubmedArticle("222", { title: "Erratum", publicationTypes: ["Published Erratum"], commentsCorrections: [["ErratumFor", "111"]] }),
    ],
    { preprints: "linked" },
  );
  const get = (id: string) => decisions.find((d) => d.recordId === id)!;
  const cluster = (id: string) => decisions.filter((d) => d.clusterId === get(id).clusterId);

  it("says which record was kept and why", () => {
    expect(explainDedupe(get("111"), cluster("111"))).toEqual([
      expect.stringMatching(/^kept for its cluster of 2, as its most complete record \(a journal version over its preprint, then a record with a PMID/),
      "scopus:1: merged into it, title, year and author agree",
    ]);
  });
  it("says what a duplicate matched on", () => {
    expect(explainDedupe(get("scopus:1"), cluster("scopus:1"))).toEqual(["duplicate of 111: title, year and author agree"]);
  });
  it("says a notice is excluded and what it concerns", () => {
    expect(explainDedupe(get("222"), cluster("222"))).toEqual([
      "kept; no other record is the same work",
      "excluded as notice: an erratum about 111, never merged with the article it concerns",
    ]);
  });
  it("reads rules aloud", () => {
    expect(describeRule("doi", 1)).toBe("same DOI");
    expect(describeRule("abstract", 0.8123)).toBe("same abstract text (similarity 0.81)");
  });
  it("says a preprint is linked to its journal version, from both sides", () => {
    const preprint = pubmedArticle("35794888", { title: null, doi: "10.21203/rs.3.rs-1800050/v1", year: 2022, publicationTypes: ["Preprint"] });
    const journal = pubmedArticle("36156117", { title: "Remdesivir resistance", year: 2023, commentsCorrections: [["UpdateOf", "35794888"]] });
    const linked = dedupeRecords([preprint, journal], { preprints: "linked" }).decisions;
    const [pre, pub] = ["35794888", "36156117"].map((id) => linked.find((d) => d.recordId === id)!);
    expect(explainDedupe(pub!, linked)[1]).toBe("35794888: linked to it as an earlier version, PubMed links the journal version to this preprint (UpdateOf)");
    expect(explainDedupe(pre!, linked)).toEqual([
      "earlier version (preprint) of 36156117, linked, not dropped: PubMed links the journal version to this preprint (UpdateOf); " +
        "the evidence counts the work once, under 36156117",
    ]);
  });
});
