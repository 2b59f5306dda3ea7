import { describe, expect, it } from "vitest";
import { record } from "./helpers.js";

describe("history dates and statuses", () => {
  it("reads entrez, pubmed and medline dates as ISO dates", () => {
    expect(record("metapub-pmid23435529-rct-collective.xml").history).toEqual({
      entrez: "2013-02-26",
      pubmed: "2013-02-26",
      medline: "2013-10-01",
    });
  });

  it("leaves a date null when the 2008 record lacks it", () => {
    expect(record("biopython-pubmed1-2008.xml", "9997").history).toEqual({ entrez: null, pubmed: "1976-09-28", medline: "1976-09-28" });
  });

  it("reads MedlineCitation Status and PublicationStatus", () => {
    expect([record("metapub-pmid23435529-rct-collective.xml").status, record("metapub-pmid23435529-rct-collective.xml").publicationStatus]).toEqual([
      "MEDLINE",
      "ppublish",
    ]);
    const ahead = record("pubmed-client-pmid36789012-aheadofprint.xml");
    expect([ahead.status, ahead.publicationStatus]).toEqual(["Publisher", "aheadofprint"]);
    expect(record("biopython-pubmed5-nlmcategory.xml").status).toBe("In-Data-Review");
    expect(record("biopython-pubmed2.xml", "11700088").status).toBe("PubMed-not-MEDLINE");
    expect(record("biopython-pubmed6-mathml.xml").publicationStatus).toBe("epublish");
  });
});
