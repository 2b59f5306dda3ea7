import { databaseName, REASON_TEXT } from "../prisma.js";
import type { PrismaCounts } from "../prisma.js";
import { mermaidText, table } from "./markdown.js";

/** The PRISMA 2020 flow as a Mermaid flowchart; every box's number is derived from the same counts. */
export function flowSection(p: PrismaCounts): string[] {
  const eligible = p.screened - p.screenedOut;
  const lines = ["## PRISMA 2020 flow", "", "```mermaid", "flowchart TD"];
  p.bySource.forEach((s, i) => {
    lines.push(`  src${i}["Records identified from ${mermaidText(databaseName(s.database))}<br/>n = ${s.n}"]`);
    lines.push(`  src${i} --> identified`);
  });
  lines.push(`  identified["Records identified<br/>n = ${p.identified}"]`);
  lines.push(`  removed["Records removed before screening:<br/>duplicates n = ${p.duplicates}<br/>deleted by the source n = ${p.deleted}"]`);
  lines.push(`  screened["Records screened (titles and abstracts)<br/>n = ${p.screened}"]`);
  const reasons = p.screeningExcluded.map((r) => `<br/>${mermaidText(REASON_TEXT[r.reason])} n = ${r.n}`).join("");
  lines.push(`  excluded["Records excluded<br/>n = ${p.screenedOut}${reasons}"]`);
  lines.push(`  included["Studies included in review<br/>n = ${p.included}"]`);
  lines.push("  identified --> removed", "  identified --> screened", "  screened --> excluded", "  screened --> included", "```", "");
  lines.push(
    `Identified ${p.identified} = duplicates ${p.duplicates} + deleted ${p.deleted} + excluded at screening ` +
      `${p.screenedOut} + included ${p.included}. litreview screens titles and abstracts only; ` +
      `the ${eligible} eligible records' full texts were not assessed by it. Every row of \`articles.csv\` has ` +
      "its one `exclusion_reason`, checked in the order deleted, duplicate, notice, retracted, unclassified, " +
      "not-exosome, not-skin.",
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
    ...p.screeningExcluded.map((r) => [REASON_TEXT[r.reason].toLowerCase(), String(r.n)]),
    ["included", String(p.included)],
  ];
  return ["## Counts", "", ...table(["", "records"], rows), ""];
}
