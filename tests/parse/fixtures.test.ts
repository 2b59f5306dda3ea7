import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePubmedXml } from "../../src/stages/parse/pubmed-xml/index.js";
import { FIXTURES, SOURCE, cassetteBody, fixtureText, parseFixture } from "./helpers.js";

const PUBMED_XML = readdirSync(FIXTURES).filter((f) => f.endsWith(".xml") && !f.startsWith("biopython-einfo"));

/** Every string value in a record, however deep. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

function recordCount(xml: string): number {
  return (xml.match(/<(PubmedArticle|PubmedBookArticle)>/g) ?? []).length;
}

describe("every PubMed XML fixture", () => {
  it.each(PUBMED_XML)("%s parses completely, without an error", (name) => {
    const xml = fixtureText(name);
    const result = parseFixture(name);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.records).toHaveLength(recordCount(xml));
    for (const r of result.records) {
      expect(r.recordId).toBe(r.pmid);
      expect(r.title).not.toBeNull();
      for (const s of strings(r)) {
        expect(s).not.toMatch(/^(|undefined|null)$|&#x?[0-9a-fA-F]+;|&(amp|lt|gt|quot|apos);|<\/?(i|b|u|sup|sub|mml:\w+)>/);
        expect(s).toBe(s.normalize("NFC"));
        expect(s).toBe(s.trim());
      }
    }
  });

  it("covers every fixture kind the issue names", () => {
    expect(PUBMED_XML.length).toBeGreaterThanOrEqual(32);
  });

  it.each(["biocommons-cassette-efetch-pubmed.yaml", "biocommons-cassette-efetch-pmid23121403.yaml"])(
    "the efetch body recorded in %s parses",
    (name) => {
      const result = parsePubmedXml(cassetteBody(name), SOURCE, name);
      expect(result.diagnostics).toEqual([]);
      expect(result.records).toHaveLength(1);
    },
  );

  it("reads a 1975 record with a Year-only PubDate and no abstract (2024 efetch)", () => {
    const a = parsePubmedXml(cassetteBody("biocommons-cassette-efetch-pubmed.yaml"), SOURCE, "c").records[0]!;
    expect(a.pmid).toBe("1234567");
    expect(a.pubDate).toEqual({ raw: "1975", year: 1975, month: null, day: null, source: "PubDate" });
    expect(a.abstract).toBeNull();
    expect(a.title).toBe("The effect of castration and peroral estrogen therapy on some psychological functions.");
  });

  it("reads the ASPIRE trial: collective author, structured abstract, RCT, CommentIn links", () => {
    const a = parsePubmedXml(cassetteBody("biocommons-cassette-efetch-pmid23121403.yaml"), SOURCE, "c").records[0]!;
    expect(a.pmid).toBe("23121403");
    expect(a.authors.map((x) => x.collectiveName).filter(Boolean)).toEqual(["ASPIRE Investigators"]);
    expect(a.publicationTypes).toContain("Randomized Controlled Trial");
    expect(a.abstractSections.map((s) => s.label)).toEqual(["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]);
    expect(a.commentsCorrections.filter((c) => c.refType === "CommentIn")).toHaveLength(8);
  });

  it("names the line of a truncated record in a pretty-printed baseline file", () => {
    const xml = fixtureText("pubmedparser-pubmed21n1005-subset.xml");
    let start = -1;
    for (let i = 0; i < 3; i++) start = xml.indexOf("<PubmedArticle>", start + 1);
    const line = xml.slice(0, start).split("\n").length;
    const result = parsePubmedXml(xml.slice(0, start + 500), SOURCE, "baseline.xml");
    expect(result.records).toHaveLength(2);
    expect(result.diagnostics.map((d) => d.position)).toEqual([`record 3, line ${line}`]);
  });
});
