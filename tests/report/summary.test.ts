import { describe, expect, it } from "vitest";
import { claimsSection } from "../../src/stages/report/summary/claims.js";
import { conditionSection } from "../../src/stages/report/summary/conditions.js";
import { accuracySection } from "../../src/stages/report/summary/accuracy.js";
import { md, shortCitation } from "../../src/stages/report/summary/markdown.js";
import { yearsSection } from "../../src/stages/report/summary/years.js";
import { renderReports } from "../../src/stages/report/render.js";
import { evidenceMatrixRows } from "../../src/stages/report/tables.js";
import { buildViews } from "../../src/stages/report/view.js";
import type { PairReasonCount } from "../../src/stages/report/types.js";
import { makeArticle, makeClassification, makeInput, makeRecord } from "./builders.js";

function rct(id: number, participants: number | null, year: number) {
  const article = makeArticle(String(id), { pubDate: { raw: String(year), year, month: null, day: null, source: "PubDate" } });
  return makeRecord(article, makeClassification(String(id), { design: "rct", conditions: ["acne"], participants }));
}

/** GitHub's heading slug: lower case, punctuation other than hyphens dropped, spaces to hyphens. */
function githubSlug(heading: string): string {
  return heading.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").replace(/\s/g, "-");
}

describe("summary.md", () => {
  const summary = renderReports(makeInput(), ["summary.md"], { bom: true }).get("summary.md")!;

  it("says how many possible duplicates are left for a human and why, or that there are none", () => {
    const render = (pairReasons: PairReasonCount[]) => renderReports(makeInput({ pairReasons }), ["summary.md"], { bom: false }).get("summary.md")!;
    expect(render([])).toContain("- Possible duplicates: none for a human to check (`possible-duplicates.csv` has no pairs).");
    expect(
      render([
        { reason: "different-ids", pairs: 3 },
        { reason: "meeting-abstract", pairs: 1 },
        { reason: null, pairs: 2 },
      ]),
    ).toContain(
      "(`possible-duplicates.csv`, column `reason`): 6 pairs: 3 alike but with different PMIDs, DOIs or PMCIDs; 1 a meeting abstract beside a paper; 2 stored before reasons were kept.",
    );
  });

  it("links every evidence-map count to a condition heading that exists", () => {
    const anchors = new Set([...summary.matchAll(/\]\(#([a-z0-9-]+)\)/g)].map((m) => m[1]!));
    const slugs = new Set([...summary.matchAll(/^#{2,3} (.+)$/gm)].map((m) => githubSlug(m[1]!)));
    expect(anchors.size).toBeGreaterThan(3);
    for (const a of anchors) expect(slugs, a).toContain(a);
  });

  it("gives PubMed's translation once for searches over different date windows, and again only when it changed", () => {
    const input = makeInput();
    const first = input.searches[0]!;
    const windowed = (searchId: number, day: string, translation: string) => ({
      ...first,
      searchId,
      windowFrom: `2026/03/${day}`,
      queryTranslation: `(${translation}) AND 2026/03/${day}:2026/03/31[Date - Create]`,
      searchedAt: `2026-03-${day}T09:00:00.000Z`,
    });
    const mapped = '"exosomes"[MeSH Terms] OR "exosome*"[tiab]';
    const remapped = '"exosomes"[MeSH Terms] OR "extracellular vesicles"[MeSH Terms] OR "exosome*"[tiab]';
    const searches = [{ ...first, queryTranslation: mapped }, windowed(2, "08", mapped), windowed(3, "15", remapped), windowed(4, "22", remapped)];
    const text = (s: typeof searches) => renderReports({ ...input, searches: s }, ["summary.md"], { bom: true }).get("summary.md")!;
    const lines = (s: typeof searches) => text(s).split("\n").filter((l) => l.startsWith("- PubMed's translation"));
    expect(lines(searches.slice(0, 2))).toEqual(["- PubMed's translation of the query:"]);
    expect(text(searches.slice(0, 2))).toContain(`\n${mapped}\n`);
    expect(lines(searches)).toEqual([
      "- PubMed's translation of the query in the searches of 2026-03-01 to 2026-03-08:",
      "- PubMed's translation of the query in the searches of 2026-03-15 to 2026-03-22:",
    ]);
  });

  it("puts the report date on one line only", () => {
    expect(summary.split("\n").filter((l) => l.includes("2026-03-01") && !l.startsWith("|"))).toEqual(["Report date: 2026-03-01"]);
  });

  it("lists the strongest trials first and cuts long lists with a pointer to articles.csv", () => {
    const records = Array.from({ length: 60 }, (_, i) => rct(1000 + i, i === 7 ? 500 : i < 3 ? null : 20, 2020 + (i % 3)));
    const lines = conditionSection("acne", buildViews(records));
    const items = lines.filter((l) => l.startsWith("- "));
    expect(items).toHaveLength(51);
    expect(items[0]).toContain("PMID 1007");
    expect(items[0]).toContain("500 participants");
    expect(items[50]).toBe("- … and 10 more: filter `articles.csv` by `conditions` and `design`.");
  });

  it("writes one participant and one week in the singular", () => {
    const caseReport = makeRecord(
      makeArticle("77"),
      makeClassification("77", { design: "case-report", conditions: ["acne"], participants: 1, followupWeeks: 1 }),
    );
    const twoCases = makeRecord(makeArticle("78"), makeClassification("78", { design: "case-report", conditions: ["acne"], participants: 2, followupWeeks: 6 }));
    const items = conditionSection("acne", buildViews([caseReport, twoCases])).filter((l) => l.startsWith("- "));
    expect(items.find((l) => l.includes("PMID 77"))).toMatch(/ — 1 participant, 1 week follow-up$/);
    expect(items.find((l) => l.includes("PMID 78"))).toMatch(/ — 2 participants, 6 weeks follow-up$/);
  });

  it("names a trial's registrations after its size, so a writer can find its protocol", () => {
    const dataBanks = [
      { name: "ClinicalTrials.gov", accessionNumbers: ["NCT02149199"] },
      { name: "ISRCTN", accessionNumbers: ["ISRCTN12345678"] },
    ];
    const registered = makeRecord(makeArticle("79", { dataBanks }), makeClassification("79", { design: "rct", conditions: ["acne"], participants: 40 }));
    const unsized = makeRecord(makeArticle("80", { dataBanks: dataBanks.slice(0, 1) }), makeClassification("80", { design: "rct", conditions: ["acne"] }));
    const items = conditionSection("acne", buildViews([registered, unsized])).filter((l) => l.startsWith("- "));
    expect(items.find((l) => l.includes("PMID 79"))).toMatch(/ — 40 participants; ClinicalTrials.gov: NCT02149199, ISRCTN: ISRCTN12345678$/);
    expect(items.find((l) => l.includes("PMID 80"))).toMatch(/ — ClinicalTrials.gov: NCT02149199$/);
  });

  it("fills years without articles with zeros in the chart", () => {
    const lines = yearsSection(buildViews([rct(1, 10, 2015), rct(2, 10, 2018)]));
    expect(lines).toContain('  x-axis ["2015", "2016", "2017", "2018"]');
    expect(lines).toContain("  line [0, 0, 0, 0]");
    expect(lines).toContain("  line [1, 0, 0, 1]");
  });

  it("keeps pasted accuracy headings below its own section", () => {
    expect(accuracySection("# Accuracy\n## Design")).toEqual(expect.arrayContaining(["#### Accuracy", "##### Design"]));
    expect(accuracySection(null).join("\n")).toContain("Not measured for this run");
  });

  it("escapes Markdown in titles so a table row stays one row", () => {
    expect(md("a | b *c* [d]\nnext")).toBe("a \\| b \\*c\\* \\[d\\] next");
  });

  it("ends a citation with one full stop when the journal's abbreviation already ends with one", () => {
    const journal = (isoAbbreviation: string) => ({ title: null, isoAbbreviation, issn: null, volume: null, issue: null, pages: null });
    expect(shortCitation(makeArticle("33073298", { journal: journal("Acta Derm. Venereol.") }))).toContain("*Acta Derm. Venereol.* [PMID 33073298]");
    expect(shortCitation(makeArticle("33073298", { journal: journal("Life") }))).toContain("*Life*. [PMID 33073298]");
  });

  it("cites a sole listed author of a list the source cut short as 'et al.' too", () => {
    const authors = [{ lastName: "Kim", foreName: null, initials: "SH", suffix: null, collectiveName: null, orcid: null, affiliations: [] }];
    expect(shortCitation(makeArticle("1", { authors, authorListComplete: false }))).toMatch(/^Kim SH et al\. \(/);
    expect(shortCitation(makeArticle("1", { authors, authorListComplete: true }))).toMatch(/^Kim SH \(/);
  });

  it("names each imported file by its own name, not the path typed at import, with its import date", () => {
    const imports = [
      { database: "embase", file: "../embase-sim.ris", importedOn: "2026-11-20", records: 2 },
      { database: "scopus", file: "C:\\exports\\scopus.csv", importedOn: "2026-11-21", records: 5 },
    ];
    const text = renderReports(makeInput({ imports }), ["summary.md"], { bom: true }).get("summary.md")!;
    expect(text).toContain("| Embase | embase-sim.ris | 2026-11-20 | 2 |");
    expect(text).toContain("| Scopus | scopus.csv | 2026-11-21 | 5 |");
    expect(text).not.toContain("../");
  });

  it("never lists an included article under not-skin: beside a skin condition that label is not a condition", () => {
    // PMID 37704991 (data/sample), a review of platelet EVs the classifier tagged wound-healing and not-skin.
    const article = makeArticle("37704991", {
      title: "Expanding applications of allogeneic platelets, platelet lysates, and platelet extracellular vesicles in cell therapy, regenerative medicine, and targeted drug delivery",
    });
    const records = [makeRecord(article, makeClassification("37704991", { design: "review", conditions: ["wound-healing", "not-skin"] }))];
    const text = renderReports(makeInput({ records, previous: null }), ["summary.md"], { bom: true }).get("summary.md")!;
    const map = text.slice(text.indexOf("## Evidence map"), text.indexOf("## Claims vs evidence"));
    expect(map).toMatch(/wound/i);
    expect(map).not.toMatch(/not-skin|not about skin/i);
    expect(text).not.toMatch(/### Condition: (not-skin|not about skin)/i);
    const matrix = evidenceMatrixRows(buildViews(records));
    expect(matrix.find((r) => r.condition === "not-skin")!.total).toBe(0);
    expect(matrix.find((r) => r.condition === "wound-healing")!.total).toBe(1);
  });

  it("names designs, conditions and claims as a reader reads them, not by their label ids", () => {
    expect(summary).toContain("| condition | systematic review | RCT | non-randomised clinical study | case report or series |");
    expect(summary).toContain("### Condition: Skin aging");
    expect(summary).toContain("[Skin aging](#condition-skin-aging)");
    expect(summary).toContain("| Collagen and elastin | ");
    expect(summary).toContain("(non-randomised clinical study)");
    const prose = summary.split("\n").filter((l) => !l.startsWith("```") && !l.includes("exclusion_reason"));
    for (const id of ["clinical-nonrandomized", "skin-aging", "collagen-elastin", "atopic-dermatitis"]) {
      expect(prose.filter((l) => l.includes(id) && !l.includes(`#condition-${id}`)), id).toEqual([]);
    }
  });

  it("says right under the claims table that the strength words count studies, not results, and names the articles behind each claim", () => {
    const lines = summary.split("\n");
    const lastRow = lines.findIndex((l) => l.startsWith("| Safety |"));
    expect(lines[lastRow + 2]).toMatch(/^\*\*The strength words count studies, not their results\.\*\*.*positive, negative or null/);
    const scar = lines.find((l) => l.startsWith("- **Scar remodelling** (moderate): "))!;
    expect(scar).toContain("RCTs: [PMID 33073298](https://pubmed.ncbi.nlm.nih.gov/33073298/)");
    expect(lines.some((l) => l.startsWith("- **Collagen and elastin**"))).toBe(false);
  });

  it("cuts a claim's list of one kind of study at ten articles", () => {
    const records = Array.from({ length: 12 }, (_, i) => rct(2000 + i, 20, 2024)).map((r) => ({
      ...r,
      classification: { ...r.classification!, claims: ["safety" as const] },
    }));
    const item = claimsSection(buildViews(records)).find((l) => l.startsWith("- **Safety**"))!;
    expect(item).toContain("(established): RCTs: [PMID 2000]");
    expect(item).toContain("[PMID 2009](https://pubmed.ncbi.nlm.nih.gov/2009/), and 2 more.");
    expect(item).not.toContain("PMID 2010");
  });
});
