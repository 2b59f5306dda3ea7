import { describe, expect, it } from "vitest";
import { capCell, CELL_LIMIT, formatCell, neutraliseFormula, renderCsv } from "../../src/stages/report/csv.js";

describe("csv cells", () => {
  it("neutralises text a spreadsheet would run as a formula", () => {
    for (const text of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"]) expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula("a=1")).toBe("a=1");
  });

  it("writes numbers as numbers, negative ones included, and booleans as true/false", () => {
    expect(formatCell(-3)).toBe("-3");
    expect(formatCell(0.5)).toBe("0.5");
    expect(formatCell(true)).toBe("true");
    expect(formatCell(false)).toBe("false");
    expect(formatCell(null)).toBe("");
    expect(formatCell("-3")).toBe("'-3");
  });

  it("caps a cell at the spreadsheet limit with a visible marker", () => {
    const capped = capCell("x".repeat(40_000));
    expect(capped).toHaveLength(CELL_LIMIT);
    expect(capped.endsWith(" [… truncated: 40000 characters in full]")).toBe(true);
    expect(capCell("short")).toBe("short");
  });

  it("never splits a surrogate pair when cutting", () => {
    const marker = " [… truncated: 40000 characters in full]";
    const cut = CELL_LIMIT - marker.length;
    const text = "a".repeat(cut - 1) + "😀".repeat((40_000 - cut + 1) / 2);
    const capped = capCell(text);
    expect(capped.slice(0, -marker.length)).toBe("a".repeat(cut - 1));
  });

  it("quotes per RFC 4180, ends records with CRLF and starts with a BOM when asked", () => {
    const out = renderCsv(["a", "b"], [{ a: 'say "hi", then\nleave', b: 1 }], { bom: true });
    expect(out).toBe('\ufeffa,b\r\n"say ""hi"", then\nleave",1\r\n');
    expect(renderCsv(["a"], [], { bom: false })).toBe("a\r\n");
  });
});
