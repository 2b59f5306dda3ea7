import { describe, expect, it } from "vitest";
import { detectFormat, isGzip } from "../../src/imports/detect.js";

describe("detectFormat", () => {
  it("reads the format from the content, whatever headers come first", () => {
    expect(detectFormat('<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "x" "y">\n<PubmedArticleSet>')).toBe("pubmed-xml");
    expect(detectFormat("\nPMID- 12230038\nOWN - NLM\n")).toBe("medline");
    expect(detectFormat("Record #3 of 18\nProvider: John Wiley & Sons, Ltd.\n\nTY  -  JOUR\nAN  -  CN-00778158\n")).toBe("ris");
    expect(detectFormat("1.\nTY  - JOUR\nID  - 2019-65183-001\n")).toBe("ris");
    expect(detectFormat("\uFEFFFN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n")).toBe("wos");
    expect(detectFormat("PT J\nAU Parkes-Loach, PS\nTI Interactions\n")).toBe("wos");
    expect(detectFormat("\n<3001. >\nVN  - Ovid Technologies\nDB  - Embase\n")).toBe("ovid");
    expect(detectFormat('\uFEFF"Authors","Author full names","Title","Year","Source title","EID"\n')).toBe("scopus-csv");
  });

  it("the first distinctive line decides: a RIS whose abstract quotes a PMID line stays RIS", () => {
    expect(detectFormat("TY  - JOUR\nAB  - text\nPMID- 123 quoted\nER  - \n")).toBe("ris");
  });

  it("returns null for anything else", () => {
    expect(detectFormat("Just some notes\nabout papers\n")).toBeNull();
    expect(detectFormat("")).toBeNull();
    expect(detectFormat("<html><body>Search Backend failed</body></html>")).toBeNull();
  });

  it("knows gzip by its magic bytes", () => {
    expect(isGzip(Uint8Array.from([0x1f, 0x8b, 8]))).toBe(true);
    expect(isGzip(Buffer.from("TY  - "))).toBe(false);
  });
});
