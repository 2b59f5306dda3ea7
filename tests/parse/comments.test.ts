import { describe, expect, it } from "vitest";
import { fixtureText, record } from "./helpers.js";

describe("comments and corrections", () => {
  it("ErratumIn on the article, ErratumFor on the erratum notice", () => {
    expect(record("metapub-pmid35649368-erratum-in.xml").commentsCorrections).toEqual([
      { refType: "ErratumIn", pmid: "35767954", refSource: expect.stringContaining("Cell Rep") },
    ]);
    const notice = record("metapub-pmid38833988-erratum-for.xml");
    expect(notice.commentsCorrections.map((c) => [c.refType, c.pmid])).toEqual([["ErratumFor", "33279609"]]);
    expect(notice.publicationTypes).toEqual(["Published Erratum"]);
  });

  it("RetractionIn together with the Retracted Publication type", () => {
    const a = record("pubmedparser-pubmed21n1005-subset.xml", "31541003");
    expect(a.commentsCorrections).toEqual([{ refType: "RetractionIn", pmid: "32167152", refSource: "Biosci Rep. 2020 Mar 27;40(3):" }]);
    expect(a.publicationTypes).toContain("Retracted Publication");
  });

  it("CommentOn, UpdateOf", () => {
    expect(record("metapub-pmid34529508-comment-on.xml").commentsCorrections.map((c) => [c.refType, c.pmid])).toEqual([["CommentOn", "34473563"]]);
    expect(record("metapub-pmid36156117-update-of.xml").commentsCorrections.map((c) => [c.refType, c.pmid])).toEqual([["UpdateOf", "35794888"]]);
  });

  it("keeps every link of a record that has ErratumIn, CommentIn and UpdateIn together", () => {
    const links = record("pubmed-client-pmid32887691-erratum-comment-update.xml").commentsCorrections;
    const count = (t: string): number => links.filter((c) => c.refType === t).length;
    expect([count("ErratumIn"), count("CommentIn"), count("UpdateIn")]).toEqual([1, 4, 4]);
  });

  it("leaves out RefType=Cites (references in pre-2019 DTDs)", () => {
    expect((fixtureText("biopython-pubmed4-structured-inline.xml").match(/RefType="Cites"/g) ?? []).length).toBe(48);
    expect(record("biopython-pubmed4-structured-inline.xml").commentsCorrections).toEqual([
      { refType: "CommentIn", pmid: "27920200", refSource: expect.any(String) },
    ]);
  });
});
