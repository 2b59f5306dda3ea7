import { describe, expect, it } from "vitest";
import { isoDate, parseDateText, publicationDate } from "../../src/imports/dates.js";

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
