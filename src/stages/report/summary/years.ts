import { DESIGN_GROUPS } from "../../../model/taxonomy.js";
import type { DesignGroup } from "../../../model/taxonomy.js";
import type { RecordView } from "../view.js";
import { plural, table } from "./markdown.js";

interface YearRow {
  year: number;
  counts: Record<DesignGroup, number>;
}

/** Included articles per publication year (gap years filled with zeros) and design group. */
export function yearRows(views: readonly RecordView[]): { rows: YearRow[]; unknownYear: number } {
  const included = views.filter((v) => v.included && v.classification);
  const years = included.map((v) => v.article.pubDate.year).filter((y): y is number => y !== null);
  if (years.length === 0) return { rows: [], unknownYear: included.length };
  const first = years.reduce((a, b) => Math.min(a, b));
  const last = years.reduce((a, b) => Math.max(a, b));
  const rows: YearRow[] = [];
  for (let year = first; year <= last; year++) {
    const counts = { review: 0, clinical: 0, preclinical: 0, other: 0 };
    rows.push({ year, counts });
  }
  for (const v of included) {
    const y = v.article.pubDate.year;
    if (y !== null) rows[y - first]!.counts[v.classification!.designGroup] += 1;
  }
  return { rows, unknownYear: included.length - years.length };
}

/** A Mermaid xychart, one line per design group (in the order the text names), and the same numbers as a table. */
export function yearsSection(views: readonly RecordView[]): string[] {
  const { rows, unknownYear } = yearRows(views);
  const lines = ["## Publications per year by design group", ""];
  if (rows.length === 0) return [...lines, "No included article with a publication year yet.", ""];
  const max = rows.flatMap((r) => DESIGN_GROUPS.map((g) => r.counts[g])).reduce((a, b) => Math.max(a, b), 1);
  lines.push(`Lines, in this order: ${DESIGN_GROUPS.join(", ")}.`, "");
  lines.push("```mermaid", "xychart-beta", '  title "Included articles per year"');
  lines.push(`  x-axis [${rows.map((r) => `"${r.year}"`).join(", ")}]`, `  y-axis "Articles" 0 --> ${max}`);
  for (const g of DESIGN_GROUPS) lines.push(`  line [${rows.map((r) => r.counts[g]).join(", ")}]`);
  lines.push("```", "");
  const tableRows = rows.map((r) => [String(r.year), ...DESIGN_GROUPS.map((g) => String(r.counts[g]))]);
  lines.push(...table(["year", ...DESIGN_GROUPS], tableRows), "");
  if (unknownYear > 0) lines.push(`${plural(unknownYear, "included article")} ${unknownYear === 1 ? "has" : "have"} no publication year.`, "");
  return lines;
}
