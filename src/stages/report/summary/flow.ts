import { databaseName, REASON_TEXT } from "../prisma.js";
import type { PrismaCounts, ReasonCount } from "../prisma.js";
import { mermaidText, table } from "./markdown.js";

function reasonLines(counts: readonly ReasonCount[]): string {
  return counts.map((r) => `<br/>- ${mermaidText(REASON_TEXT[r.reason])} n = ${r.n}`).join("");
}

/**
 * The PRISMA 2020 flow as a Mermaid flowchart; every box's number is derived from the same counts. Every
 * exclusion is made before screening (PRISMA 2020: by automation tools, or for other reasons), and the
 * records left go to the included studies with no reviewer's screening and no full-text assessment, which
 * the arrow says rather than boxes with made-up numbers.
 */
export function flowSection(p: PrismaCounts): string[] {
  const lines = ["## PRISMA 2020 flow", "", "```mermaid", "flowchart TD"];
  p.bySource.forEach((s, i) => {
    lines.push(`  src${i}["Records identified from ${mermaidText(databaseName(s.database))}<br/>n = ${s.n}"]`);
    lines.push(`  src${i} --> identified`);
  });
  lines.push(`  identified["Records identified<br/>n = ${p.identified}"]`);
  lines.push(
    `  removed["Records removed before screening:<br/>Duplicate records n = ${p.duplicates}` +
      `<br/>Records marked as ineligible by automation tools (keyword rules on titles and abstracts) n = ${p.automaticTotal}${reasonLines(p.automatic)}` +
      `<br/>Records removed for other reasons n = ${p.otherTotal}${reasonLines(p.other)}"]`,
  );
  lines.push(`  included["Studies included in review<br/>n = ${p.included}"]`);
  lines.push(
    "  identified --> removed",
    '  identified -->|"not screened by a reviewer; full texts not retrieved or assessed"| included',
    "```",
    "",
  );
  lines.push(
    `Identified ${p.identified} = duplicates ${p.duplicates} + marked as ineligible by automation tools ${p.automaticTotal} ` +
      `+ removed for other reasons ${p.otherTotal} + included ${p.included}. The automation tools are litreview's keyword ` +
      "rules on titles and abstracts; no reviewer screened the records and no full text was retrieved or assessed, so " +
      "`prisma.csv` gives 0 for those boxes and says they were not done. Every row of `articles.csv` has its one " +
      "`exclusion_reason`, checked in the order deleted, duplicate, notice, retracted, unclassified, not-exosome, not-skin.",
    "",
  );
  return lines;
}

/** The counts in a small table, for writers who paste numbers. */
export function countsSection(p: PrismaCounts): string[] {
  const rows: string[][] = [
    ["records stored", String(p.identified)],
    ["duplicates", String(p.duplicates)],
    ["deleted by the source", String(p.deleted)],
    ...[...p.other, ...p.automatic].filter((r) => r.reason !== "deleted").map((r) => [REASON_TEXT[r.reason].toLowerCase(), String(r.n)]),
    ["included", String(p.included)],
  ];
  return ["## Counts", "", ...table(["", "records"], rows), ""];
}
