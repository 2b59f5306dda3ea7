import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { isoDate, parseDateText, publicationDate } from "../../src/imports/dates.js";
import { parserFor } from "../../src/imports/parsers.js";
import type { Article } from "../../src/model/article.js";
import { chunked, fixture } from "./helpers.js";

const ymd = (text: string) => {
  const d = parseDateText(text);
  return [d.year, d.month, d.day];
};

describe("parseDateText", () => {
  it("reads RIS slash dates with empty parts", () => {
    expect(ymd("2019///")).toEqual([2019, null, null]);
    expect(ymd("2016/01/")).toEqual([2016, 1, null]);
    expect(ymd("2019/10//undefined")).toEqual([2019, 10, null]);
    expect(ymd("2018/05/04/")).toEqual([2018, 5, 4]);
    expect(ymd("2020//")).toEqual([2020, null, null]);
    expect(ymd("2021/09/23")).toEqual([2021, 9, 23]);
  });

  it("reads compact, ISO and MEDLINE forms", () => {
    expect(ymd("20180327")).toEqual([2018, 3, 27]);
    expect(ymd("2020-11-06")).toEqual([2020, 11, 6]);
    expect(ymd("2002 Sep")).toEqual([2002, 9, null]);
    expect(ymd("2019 Jan 28")).toEqual([2019, 1, 28]);
    expect(ymd("1998 Dec-1999 Jan")).toEqual([1998, 12, null]);
    expect(ymd("2000 Spring")).toEqual([2000, null, null]);
  });

  it("reads free-text dates (IEEE, WoS) and bare months", () => {
    expect(ymd("1 Jan.-Feb. 2019")).toEqual([2019, 1, 1]);
    expect(ymd("24-27 Sept. 2019")).toEqual([2019, 9, 24]);
    expect(ymd("DEC 16 2020")).toEqual([2020, 12, 16]);
    expect(ymd("2020-Dec")).toEqual([2020, 12, null]);
    expect(ymd("Jun")).toEqual([null, 6, null]);
    expect(ymd("Mar 1")).toEqual([null, 3, 1]);
  });
});

describe("publicationDate", () => {
  it("takes the year from PY when DA only has a month", () => {
    expect(publicationDate(["Jun", null, "2011"])).toEqual({ raw: "2011", year: 2011, month: 6, day: null, source: "export" });
  });

  it("is all null without any date", () => {
    expect(publicationDate([null, "  "])).toEqual({ raw: null, year: null, month: null, day: null, source: null });
  });

  it("isoDate reads MEDLINE history stamps", () => {
    expect(isoDate("2019/01/29 06:00")).toBe("2019-01-29");
    expect(isoDate("garbage")).toBeNull();
  });
});

describe("impossible dates", () => {
  it("keeps year and month but no day the month does not have", () => {
    expect(ymd("2019 Feb 30")).toEqual([2019, 2, null]);
    expect(ymd("2019 Jun 31")).toEqual([2019, 6, null]);
    expect(ymd("2019/02/29")).toEqual([2019, 2, null]);
    expect(ymd("20190230")).toEqual([2019, 2, null]);
    expect(ymd("2020 Feb 29")).toEqual([2020, 2, 29]);
    expect(ymd("2019/13/45")).toEqual([2019, null, null]);
    expect(ymd("Feb 29")).toEqual([null, 2, 29]);
  });

  it("a day given without its year must exist in the year another field gives", () => {
    expect(publicationDate(["Feb 29", null, "2019"])).toMatchObject({ year: 2019, month: 2, day: null });
    expect(publicationDate(["Feb 29", null, "2020"])).toMatchObject({ year: 2020, month: 2, day: 29 });
  });

  it("isoDate gives no date that does not exist", () => {
    expect(isoDate("2019/13/45")).toBeNull();
    expect(isoDate("2019/02/30 00:00")).toBeNull();
    expect(isoDate("2020-2-29")).toBe("2020-02-29");
  });

  it("'Sep-Oct 2019' gives 2019 and September, in RIS and as a PubMed XML MedlineDate", async () => {
    expect(ymd("Sep-Oct 2019")).toEqual([2019, 9, null]);
    const xml = readFileSync(fixture("pubmedparser-pubmed21n1001-subset.xml"), "utf8").replace(
      "<PubDate>\n              <Year>2019</Year>\n              <Month>09</Month>\n            </PubDate>",
      "<PubDate><MedlineDate>Sep-Oct 2019</MedlineDate></PubDate>",
    );
    const records: Article[] = [];
    for await (const item of parserFor("pubmed-xml")(chunked(xml, 65536), { file: "x.xml", importedAt: "2026-01-01T00:00:00.000Z" })) if (item.record) records.push(item.record);
    expect(records.find((r) => r.recordId === "31418820")!.pubDate).toMatchObject({ raw: "Sep-Oct 2019", year: 2019, month: 9, source: "MedlineDate" });
  });
});
