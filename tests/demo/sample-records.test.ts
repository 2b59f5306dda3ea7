import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { abstractSections, corpusLineToRecord, sampleRecordsFromJsonl } from "../../src/demo/sample-records.js";

describe("demo sample records", () => {
  it("builds one PubmedArticle per sample line with its PMID, DOI and escaped text", () => {
    const records = sampleRecordsFromJsonl(readFileSync("data/sample/dev.jsonl", "utf8"), "dev.jsonl");
    expect(records).toHaveLength(91);
    expect(new Set(records.map((r) => r.pmid)).size).toBe(91);
    const first = records[0]!;
    expect(first.pmid).toBe("29138430");
    expect(first.createdDate).toBe("2017/01/01");
    expect(first.xml).toContain('<ELocationID EIdType="doi" ValidYN="Y">10.1038/s41598-017-15505-3</ELocationID>');
  });

  it("turns heading lines into labelled sections and escapes markup characters", () => {
    expect(abstractSections("Background:\nIt is hard.\nMore text.\nResults:\nP < 0.05")).toEqual([
      { label: "BACKGROUND", text: "It is hard. More text." },
      { label: "RESULTS", text: "P < 0.05" },
    ]);
    const rec = corpusLineToRecord({ id: "x", pmid: "1", doi: null, title: "A & B <i>", journal: null, year: null, publication_type: "Symposium (review)", abstract: null });
    expect(rec.xml).toContain("<ArticleTitle>A &amp; B &lt;i&gt;</ArticleTitle>");
    expect(rec.xml).toContain("<PublicationType>Journal Article</PublicationType></PublicationTypeList>");
  });

  it("names the line of a bad sample record", () => {
    expect(() => sampleRecordsFromJsonl('{"pmid":"1"}\nnot json\n', "s.jsonl")).toThrow(/^s\.jsonl:2: not valid JSON/);
  });
});
