import { describe, expect, it } from "vitest";
import { addDays, normaliseDate, queryChanged, splitWindow, startDate, translationWithoutWindow, windowTerm } from "../../src/stages/search/window.js";

const QUERY = "exosomes[tiab] AND skin[tiab]";
const base = { since: null, full: false, configFrom: null, overlapDays: 7, lastSearchStart: null, lastSearchQuery: QUERY, query: QUERY };

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

  it("searches the full range when the query differs from the last successful search's", () => {
    const changed = { ...base, lastSearchStart: "2026-03-05T02:00:00.000Z", query: `(${QUERY}) OR exosome*[tiab]` };
    expect(queryChanged(changed)).toBe(true);
    expect(startDate(changed)).toBeNull();
    expect(startDate({ ...changed, configFrom: "2000/01/01" })).toBe("2000/01/01");
    expect(startDate({ ...changed, lastSearchQuery: null })).toBeNull();
    expect(startDate({ ...changed, since: "2026/01/01" })).toBe("2026/01/01");
    expect(queryChanged({ ...base, lastSearchStart: "2026-03-05T02:00:00.000Z" })).toBe(false);
    expect(queryChanged({ ...base, query: "other" })).toBe(false);
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

describe("a query translation without its date window", () => {
  it("drops the window as PubMed writes it back (Biopython's recorded esearch answer) and as sent", () => {
    expect(translationWithoutWindow('("cancer"[All Fields] OR "neoplasms"[MeSH Terms]) AND 2025/09/27:2025/11/26[Date - Entry]')).toBe(
      '"cancer"[All Fields] OR "neoplasms"[MeSH Terms]',
    );
    expect(translationWithoutWindow(windowTerm('exosome[tiab] AND (skin OR "hair (loss)")', { from: "2026/11/20", to: "2026/11/28" }))).toBe(
      'exosome[tiab] AND (skin OR "hair (loss)")',
    );
  });

  it("keeps what is not a trailing date window, and parentheses that do not wrap the whole query", () => {
    expect(translationWithoutWindow('("stem cells"[MeSH Terms]) AND hasabstract[All Fields]')).toBe('("stem cells"[MeSH Terms]) AND hasabstract[All Fields]');
    expect(translationWithoutWindow("(a[tiab]) AND (b[tiab]) AND 2025/09/27:2025/11/26[Date - Create]")).toBe("(a[tiab]) AND (b[tiab])");
    expect(translationWithoutWindow('2020/01/01:2020/12/31[dp] AND skin[tiab]')).toBe('2020/01/01:2020/12/31[dp] AND skin[tiab]');
  });
});
