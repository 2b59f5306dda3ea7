import { readdirSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { databaseName, REASON_TEXT } from "../../src/stages/report/prisma.js";
import { renderReports } from "../../src/stages/report/render.js";
import { FIXTURES, parseFixture } from "../imports/helpers.js";
import { makeInput } from "./builders.js";

describe("PRISMA counts", () => {
  const files = renderReports(makeInput(), ["articles.csv", "prisma.csv", "summary.md"], { bom: true });
  const articles = parse(files.get("articles.csv")!, { bom: true, columns: true }) as Record<string, string>[];
  const prisma = new Map(
    (parse(files.get("prisma.csv")!, { bom: true, columns: true }) as Record<string, string>[]).map((r) => [r.data!, r]),
  );
  const n = (key: string): number => Number(prisma.get(key)!.n);
  const reason = (r: string): number => articles.filter((a) => a.exclusion_reason === r).length;

  it("add up against articles.csv", () => {
    expect(n("database_results")).toBe(articles.length);
    expect(n("duplicates")).toBe(reason("duplicate"));
    expect(n("excluded_automatic")).toBe(reason("not-exosome") + reason("not-skin"));
    expect(n("excluded_other")).toBe(["deleted", "notice", "retracted", "unclassified"].reduce((s, r) => s + reason(r), 0));
    expect(n("new_studies")).toBe(articles.filter((a) => a.included === "true").length);
    expect(n("database_results")).toBe(n("duplicates") + n("excluded_automatic") + n("excluded_other") + n("new_studies"));
    expect(n("records_screened") - n("records_excluded")).toBe(n("dbr_sought_reports"));
    expect(n("dbr_sought_reports") - n("dbr_notretrieved_reports")).toBe(n("dbr_assessed"));
  });

  it("count the keyword rules' exclusions as automation tools', and no screening or full-text assessment that was not done", () => {
    expect(n("excluded_automatic")).toBeGreaterThan(0);
    expect(prisma.get("excluded_automatic")!.breakdown).toMatch(/^Not about exosomes or extracellular vesicles, \d+; Not about skin, \d+$/);
    for (const key of ["records_screened", "records_excluded", "dbr_sought_reports", "dbr_notretrieved_reports", "dbr_assessed", "dbr_excluded"]) {
      expect(n(key), key).toBe(0);
      expect(prisma.get(key)!.box, key).toContain("not done");
    }
  });

  it("every excluded row has a reason and every included row none", () => {
    for (const a of articles) expect(a.included === "true").toBe(a.exclusion_reason === "");
  });

  it("per-source counts add up to the records identified", () => {
    const parts = prisma.get("database_results")!.breakdown!.split("; ").map((p) => Number(p.split(", ")[1]));
    expect(parts.reduce((s, x) => s + x, 0)).toBe(articles.length);
  });

  it("the Mermaid flowchart shows the same numbers", () => {
    const summary = files.get("summary.md")!;
    expect(summary).toContain(`Records identified<br/>n = ${n("database_results")}`);
    expect(summary).toContain(`Duplicate records n = ${n("duplicates")}`);
    expect(summary).toContain(`Records marked as ineligible by automation tools (keyword rules on titles and abstracts) n = ${n("excluded_automatic")}`);
    expect(summary).toContain(`Records removed for other reasons n = ${n("excluded_other")}`);
    expect(summary).not.toContain("Records screened");
    expect(summary).toContain(`Studies included in review<br/>n = ${n("new_studies")}`);
  });
});

describe("database names in the PRISMA report", () => {
  it("name every database a real export is imported from as its readers know it", async () => {
    const databases = new Set<string>();
    for (const file of readdirSync(FIXTURES).filter((f) => f !== "SOURCES.md")) {
      for (const record of (await parseFixture(file)).records) databases.add(record.source.database);
    }
    expect([...databases].sort().map((d) => [d, databaseName(d)])).toEqual([
      ["cochrane", "Cochrane Library"],
      ["dimensions", "Dimensions"],
      ["ebsco", "EBSCOhost"],
      ["embase", "Embase"],
      ["eric", "ERIC"],
      ["lens", "Lens.org"],
      ["proquest", "ProQuest"],
      ["psycinfo", "APA PsycInfo"],
      ["pubmed", "PubMed"],
      ["ris", "RIS export (database not named)"],
      ["scopus", "Scopus"],
      ["wos", "Web of Science"],
    ]);
  });

  it("name the databases no export here comes from, and keep an unknown id as stored", () => {
    expect(["ieee", "cinahl", "ovid", "openalex"].map(databaseName)).toEqual([
      "IEEE Xplore",
      "CINAHL",
      "Ovid export (database not named)",
      "openalex",
    ]);
  });
});

describe("prisma.csv breakdowns", () => {
  it("split back into their parts: no reason or database name holds the ', ' that separates a name from its count", () => {
    const names = [...Object.values(REASON_TEXT), ...["ieee", "cinahl", "ovid", "ris", "cochrane", "psycinfo", "lens", "wos"].map(databaseName)];
    for (const name of names) expect(name, name).not.toContain(",");
  });
});
