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
    expect(explainDedupe(get("111"), cluster("111"))[0]).toMatch(/^kept for its cluster of 2 \(scopus:1\): the most complete PubMed record/);
  });
  it("says what a duplicate matched on", () => {
    expect(explainDedupe(get("scopus:1"), cluster("scopus:1"))).toEqual(["duplicate of 111: title, year and author agree"]);
  });
  it("says a notice is excluded and what it concerns", () => {
    expect(explainDedupe(get("222"), cluster("222"))).toEqual([
      "kept: no other record is the same work",
      "excluded as notice: an erratum about 111, never merged with the article it concerns",
    ]);
  });
  it("reads rules aloud", () => {
    expect(describeRule("doi", 1)).toBe("same DOI");
    expect(describeRule("abstract", 0.8123)).toBe("same abstract text (similarity 0.81)");
  });
});
