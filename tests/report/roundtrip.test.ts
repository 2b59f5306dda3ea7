import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ARTICLE_COLUMNS } from "../../src/stages/report/articles.js";
import { CELL_LIMIT } from "../../src/stages/report/csv.js";
import { renderReports } from "../../src/stages/report/render.js";
import type { OutputName } from "../../src/stages/report/render.js";
import { makeInput } from "./builders.js";

const CSVS: OutputName[] = ["articles.csv", "tags.csv", "evidence-matrix.csv", "claims.csv", "prisma.csv", "possible-duplicates.csv"];

function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
}

describe("every CSV parses back with a real CSV parser", () => {
  const input = makeInput();
  const files = renderReports(input, CSVS, { bom: true });

  it("gives every CSV a BOM, a header and rows of the header's width", () => {
    for (const name of CSVS) {
      const text = files.get(name)!;
      expect(text.startsWith("\ufeff"), name).toBe(true);
      const rows = parse(text, { bom: true }) as string[][];
      expect(rows.length, name).toBeGreaterThan(1);
      for (const row of rows) expect(row.length, name).toBe(rows[0]!.length);
    }
  });

  it("round-trips quotes, commas, line breaks, Greek and other non-ASCII text in articles.csv", () => {
    const rows = parseCsv(files.get("articles.csv")!);
    expect(Object.keys(rows[0]!)).toEqual([...ARTICLE_COLUMNS]);
    expect(rows).toHaveLength(input.records.length);
    const hostile = rows.find((r) => r.record_id === "40000001")!;
    const source = input.records.find((r) => r.article.recordId === "40000001")!.article;
    expect(hostile.first_author).toBe("Ødegård Å");
    expect(hostile.abstract!.startsWith("BACKGROUND: TNF-α and IL-1β fell;\nline two\r\nline three.")).toBe(true);
    expect(hostile.title).toBe(`'${source.title}`);
    expect(hostile.journal).toBe("'+Journal of Tests");
    const greek = rows.find((r) => r.record_id === "29996938")!;
    const greekSource = input.records.find((r) => r.article.recordId === "29996938")!.article;
    expect(greek.abstract).toBe(greekSource.abstract);
    expect(greek.title).toBe(greekSource.title);
  });

  it("neutralises formula-like text and caps over-long cells with a visible marker", () => {
    const rows = parseCsv(files.get("articles.csv")!);
    const byId = new Map(rows.map((r) => [r.record_id, r]));
    expect(byId.get("embase:L2000001")!.title).toBe("'@Embase copy of an article");
    expect(byId.get("hash:abc123")!.title).toBe("'\tTab-led title");
    const abstract = byId.get("40000001")!.abstract!;
    expect(abstract).toHaveLength(CELL_LIMIT);
    expect(abstract).toMatch(/ \[… truncated: \d+ characters in full\]$/);
    for (const row of rows) for (const value of Object.values(row)) expect(value.length).toBeLessThanOrEqual(CELL_LIMIT);
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("writes booleans as true/false, ISO dates and links", () => {
    const rows = parseCsv(files.get("articles.csv")!);
    const byId = new Map(rows.map((r) => [r.record_id, r]));
    expect(byId.get("33073298")).toMatchObject({ included: "true", retracted: "false", first_seen: "2026-03-01", url: "https://pubmed.ncbi.nlm.nih.gov/33073298/" });
    expect(byId.get("40000004")).toMatchObject({ included: "false", exclusion_reason: "retracted", retracted: "true" });
    expect(byId.get("embase:L2000001")).toMatchObject({ duplicate_of: "33073298", url: "https://doi.org/10.1000/dup.1", exclusion_reason: "duplicate" });
    expect(byId.get("33073298")!.conditions).toBe("scar; acne"); // taxonomy order, whatever order the classifier gave
  });

  it("round-trips tags.csv evidence and possible-duplicates.csv titles", () => {
    const tags = parseCsv(files.get("tags.csv")!);
    const source = input.records.find((r) => r.article.recordId === "33073298")!.classification!;
    const design = tags.find((t) => t.record_id === "33073298" && t.dimension === "design")!;
    expect(design).toMatchObject({ label: "rct", confidence: "0.9", evidence: 'design:rct [title]: "rct"', included: "true" });
    expect(tags.filter((t) => t.record_id === "33073298")).toHaveLength(source.labels.length);
    const pairs = parseCsv(files.get("possible-duplicates.csv")!);
    expect(pairs[0]).toMatchObject({ record_id_a: "29996938", title_b: "", score_title: "0.88", score_author: "" });
    expect(pairs[0]!.title_a).toBe(input.records.find((r) => r.article.recordId === "29996938")!.article.title);
  });

  it("leaves the BOM out with --no-bom", () => {
    const plain = renderReports(input, ["articles.csv"], { bom: false }).get("articles.csv")!;
    expect(plain.startsWith("record_id,")).toBe(true);
  });
});
