import { describe, expect, it } from "vitest";
import { parsePubmedXml } from "../../src/stages/parse/pubmed-xml/index.js";
import { SOURCE, edited, record } from "./helpers.js";

describe("PubmedBookArticle", () => {
  const book = record("metapub-pmid20301577-book-article.xml");

  it("is a first-class record of kind book", () => {
    expect(book.kind).toBe("book");
    expect(book.recordId).toBe("20301577");
    expect(book.pmid).toBe("20301577");
    expect(book.doi).toBeNull();
  });

  it("takes the chapter title, flattened, and the book title as its journal", () => {
    expect(book.title).toBe("CACNA1C-Related Disorders");
    expect(book.journal.title).toBe("GeneReviews\u00ae");
    expect(book.pubDate).toEqual({ raw: "1993", year: 1993, month: null, day: null, source: "PubDate" });
    expect(book.languages).toEqual(["eng"]);
  });

  it("lists the chapter's authors, not the book's editors", () => {
    expect(book.authors.map((a) => a.lastName)).toEqual(["Napolitano", "Priori"]);
  });

  it("keeps the structured abstract labels, the copyright apart, and the keywords", () => {
    expect(book.abstractSections.map((s) => s.label)).toEqual(["CLINICAL CHARACTERISTICS", "DIAGNOSIS/TESTING", "MANAGEMENT", "GENETIC COUNSELING"]);
    expect(book.abstractSections[0]!.text).toContain("developmental delay\u00a0/ intellectual disability");
    expect(book.copyright).toMatch(/^Copyright \u00a9 1993-2025, University of Washington/);
    expect(book.keywords.length).toBe(8);
  });

  it("reads publication type, history and status from PubmedBookData", () => {
    expect(book.publicationTypes).toEqual(["Review"]);
    expect(book.history).toEqual({ entrez: "2024-12-19", pubmed: "2024-12-19", medline: "2024-12-19" });
    expect(book.publicationStatus).toBe("ppublish");
    expect(book.status).toBeNull();
  });

  it("takes the DOI from Book/ELocationID and the pages from BookDocument/Pagination", () => {
    // Where DTDs since 2018 put them (Springer and other publishers' books in the NCBI Bookshelf have a DOI there).
    const xml = edited(
      "metapub-pmid20301577-book-article.xml",
      "<Medium>Internet</Medium></Book>",
      '<ELocationID EIdType="doi" ValidYN="Y">10.1007/978-3-319-00000-0</ELocationID><Medium>Internet</Medium></Book>',
    ).replace("<Language>eng</Language>", "<Pagination><MedlinePgn>1-30</MedlinePgn></Pagination><Language>eng</Language>");
    const chapter = parsePubmedXml(xml, SOURCE, "edited.xml").records[0]!;
    expect(chapter.doi).toBe("10.1007/978-3-319-00000-0");
    expect(chapter.journal.pages).toBe("1-30");
  });
});
