import { describe, expect, it } from "vitest";
import { addDays, normaliseDate, splitWindow, startDate, windowTerm } from "../../src/stages/search/window.js";

const base = { since: null, full: false, configFrom: null, overlapDays: 7, lastSearchStart: null };

describe("where a search starts", () => {
  it("searches all years on a first run, or from the pipeline's `from`", () => {
    expect(startDate(base)).toBeNull();
    expect(startDate({ ...base, configFrom: "2000/01/01" })).toBe("2000/01/01");
  });

  it("reaches back overlap_days before the last successful search", () => {
    expect(startDate({ ...base, lastSearchStart: "2026-03-05T02:00:00.000Z" })).toBe("2026/02/26");
    expect(startDate({ ...base, overlapDays: 0, lastSearchStart: "2026-03-05T02:00:00.000Z" })).toBe("2026/03/05");
  });

  it("lets --since override, and --full ignore the last run", () => {
    expect(startDate({ ...base, since: "2020/06/01", lastSearchStart: "2026-03-05T02:00:00.000Z" })).toBe("2020/06/01");
    expect(startDate({ ...base, full: true, lastSearchStart: "2026-03-05T02:00:00.000Z" })).toBeNull();
  });
});

describe("date windows by creation date", () => {
  it("write the window into the term as PubMed expects", () => {
    expect(windowTerm("exosome AND skin", { from: null, to: null })).toBe("exosome AND skin");
    expect(windowTerm("exosome AND skin", { from: "2001/01/01", to: "2001/06/30" })).toBe(
      '(exosome AND skin) AND ("2001/01/01"[crdt] : "2001/06/30"[crdt])',
    );
  });

  it("split into two halves that cover the window without overlap", () => {
    expect(splitWindow("2001/01/01", "2001/12/31")).toEqual([
      { from: "2001/01/01", to: "2001/07/02" },
      { from: "2001/07/03", to: "2001/12/31" },
    ]);
    expect(splitWindow("2001/01/01", "2001/01/02")).toEqual([
      { from: "2001/01/01", to: "2001/01/01" },
      { from: "2001/01/02", to: "2001/01/02" },
    ]);
    expect(splitWindow("2001/01/01", "2001/01/01")).toBeNull();
  });

  it("do date arithmetic across months and leap days, and refuse impossible dates", () => {
    expect(addDays("2024/02/28", 1)).toBe("2024/02/29");
    expect(addDays("2024/03/01", -1)).toBe("2024/02/29");
    expect(normaliseDate("2024-02-29")).toBe("2024/02/29");
    expect(normaliseDate("2023/02/29")).toBeNull();
    expect(normaliseDate("yesterday")).toBeNull();
  });
});
