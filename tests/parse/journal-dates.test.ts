import { describe, expect, it } from "vitest";
import { parsePubmedXml } from "../../src/stages/parse/pubmed-xml/index.js";
import { dayNumber, monthNumber, parseMedlineDate } from "../../src/stages/parse/pubmed-xml/dates.js";
import { SOURCE, edited, record } from "./helpers.js";

describe("journal", () => {
  it("reads title, ISO abbreviation, ISSN, volume, issue and MEDLINE pages", () => {
    expect(record("metapub-pmid23435529-rct-collective.xml").journal).toEqual({
      title: "Journal of clinical oncology : official journal of the American Society of Clinical Oncology",
      isoAbbreviation: "J. Clin. Oncol.",
      issn: "1527-7755",
      volume: "31",
      issue: "10",
      pages: "1207-13",
    });
  });

  it("leaves pages null for an article located only by ELocationID, and an absent issue null", () => {
    const j = record("metapub-pmid38914053-sub-no-space.xml").journal;
    expect(j.pages).toBeNull();
    expect(record("biopython-pubmed6-mathml.xml").journal.issue).toBeNull();
  });

  it("builds pages from StartPage and EndPage when there is no MedlinePgn", () => {
    const xml = edited("biopython-pubmed1.xml", "<MedlinePgn>113-25</MedlinePgn>", "");
    expect(parsePubmedXml(xml, SOURCE, "edited").records[0]!.journal.pages).toBe("113-125");
  });
});

describe("publication date", () => {
  it("Year Month Day, with the month as a name", () => {
    expect(record("metapub-pmid23435529-rct-collective.xml").pubDate).toEqual({
      raw: "2013 Apr 01", year: 2013, month: 4, day: 1, source: "PubDate",
    });
  });

  it("keeps a numeric month \"06\" as text in raw and reads it as June", () => {
    expect(record("biopython-pubmed4-structured-inline.xml").pubDate).toEqual({
      raw: "2017 06", year: 2017, month: 6, day: null, source: "PubDate",
    });
  });

  it("Year only", () => {
    expect(record("biopython-pubmed6-mathml.xml").pubDate).toEqual({ raw: "2018", year: 2018, month: null, day: null, source: "PubDate" });
  });

  it("a season names no month; a month-range season starts its month", () => {
    expect(record("biopython-pubmed1.xml", "12091962").pubDate).toEqual({
      raw: "1990 Spring", year: 1990, month: null, day: null, source: "Season",
    });
    expect(record("metapub-pmid35830032-meta-analysis-season.xml").pubDate).toEqual({
      raw: "2022 Apr-Jun", year: 2022, month: 4, day: null, source: "Season",
    });
  });

  it("MedlineDate from a baseline file", () => {
    expect(record("pubmedparser-pubmed21n1005-subset.xml", "31540998").pubDate).toEqual({
      raw: "2019 Sep/Oct", year: 2019, month: 9, day: null, source: "MedlineDate",
    });
  });

  it("MedlineDate forms: ranges across years, seasons, day ranges, year ranges", () => {
    expect(parseMedlineDate("1998 Dec-1999 Jan")).toEqual({ raw: "1998 Dec-1999 Jan", year: 1998, month: 12, day: null, source: "MedlineDate" });
    expect(parseMedlineDate("2000 Spring")).toEqual({ raw: "2000 Spring", year: 2000, month: null, day: null, source: "MedlineDate" });
    expect(parseMedlineDate("2019 Sep-Oct")).toMatchObject({ year: 2019, month: 9 });
    expect(parseMedlineDate("2005 Jan 15-21")).toMatchObject({ year: 2005, month: 1, day: 15 });
    expect(parseMedlineDate("1999-2000")).toMatchObject({ year: 1999, month: null });
    expect(parseMedlineDate("Summer")).toEqual({ raw: "Summer", year: null, month: null, day: null, source: "MedlineDate" });
  });

  it("MedlineDate with the year after the month or season keeps its year", () => {
    expect(parseMedlineDate("Sep-Oct 2019")).toEqual({ raw: "Sep-Oct 2019", year: 2019, month: 9, day: null, source: "MedlineDate" });
    expect(parseMedlineDate("Winter 1999-2000")).toEqual({ raw: "Winter 1999-2000", year: 1999, month: null, day: null, source: "MedlineDate" });
    expect(parseMedlineDate("Dec 2009-Jan 2010")).toMatchObject({ year: 2009, month: 12 });
    expect(parseMedlineDate("Summer 2016")).toMatchObject({ year: 2016, month: null });
    // A baseline record (31540998, MedlineDate "2019 Sep/Oct") with the season first keeps its print date,
    // rather than falling back to its electronic ArticleDate (2019 Oct 22).
    const xml = edited("pubmedparser-pubmed21n1005-subset.xml", "<MedlineDate>2019 Sep/Oct</MedlineDate>", "<MedlineDate>Winter 2019-2020</MedlineDate>");
    const d = parsePubmedXml(xml, SOURCE, "edited").records.find((r) => r.pmid === "31540998")!.pubDate;
    expect(d).toEqual({ raw: "Winter 2019-2020", year: 2019, month: null, day: null, source: "MedlineDate" });
  });

  it("never gives an impossible date", () => {
    expect(dayNumber("30", 2023, 2)).toBeNull();
    expect(dayNumber("29", 2024, 2)).toBe(29);
    expect(dayNumber("29", 2023, 2)).toBeNull();
    expect(monthNumber("13")).toBeNull();
    expect(monthNumber("Winter")).toBeNull();
    const xml = edited(
      "metapub-pmid23435529-rct-collective.xml",
      /<Month>Apr<\/Month>(\s*)<Day>01<\/Day>/,
      "<Month>Feb</Month>$1<Day>30</Day>",
    );
    expect(parsePubmedXml(xml, SOURCE, "edited").records[0]!.pubDate).toEqual({
      raw: "2013 Feb 30", year: 2013, month: 2, day: null, source: "PubDate",
    });
  });

  it("falls back to the electronic ArticleDate when PubDate has no year", () => {
    const xml = edited("metapub-pmid33856845-systematic-review.xml", /<PubDate>[\s\S]*?<\/PubDate>/, "<PubDate></PubDate>");
    const d = parsePubmedXml(xml, SOURCE, "edited").records[0]!.pubDate;
    expect(d.source).toBe("ArticleDate");
    expect(d.year).toBe(2021);
    expect(d.month).not.toBeNull();
  });
});
