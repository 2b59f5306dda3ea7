import type { Changes } from "../changes.js";
import type { RecordView } from "../view.js";
import { conditionName, designName } from "../labels.js";
import { md, plural, recordLink, shortCitation, table } from "./markdown.js";

/** Lists longer than this are cut in summary.md; articles.csv has every record (first_seen, included). */
const LIST_LIMIT = 50;

function listed(views: readonly RecordView[]): string[] {
  const items = views.slice(0, LIST_LIMIT).map((v) => `- ${shortCitation(v.article)}`);
  if (views.length > LIST_LIMIT) items.push(`- … and ${views.length - LIST_LIMIT} more (see \`articles.csv\`).`);
  return items;
}

function describe(s: { included: boolean; design: string | null; conditions: string[] }): string {
  const conditions = s.conditions.length === 0 ? "no condition" : s.conditions.map(conditionName).join(", ");
  return `${s.included ? "included" : "excluded"}; ${s.design === null ? "unclassified" : designName(s.design)}; ${conditions}`;
}

/** New, reclassified and newly retracted since the previous report. */
export function changesSection(changes: Changes): string[] {
  const since = changes.previousRunId === null ? "This is the first report of this store." : `Compared with the report of run ${changes.previousRunId}.`;
  const lines = ["## Changes since the last report", "", since, ""];
  const newIncluded = changes.added.filter((v) => v.included);
  lines.push(`### New (${plural(changes.added.length, "record")}, ${newIncluded.length} included)`, "");
  if (newIncluded.length > 0) lines.push(...listed(newIncluded), "");
  lines.push(`### Reclassified (${changes.reclassified.length})`, "");
  if (changes.reclassified.length > 0) {
    const shown = changes.reclassified.slice(0, LIST_LIMIT);
    const rows = shown.map((r) => [recordLink(r.view.article), md(r.view.article.title ?? ""), md(describe(r.before)), md(describe(r.after))]);
    lines.push(...table(["record", "title", "before", "now"], rows), "");
    if (changes.reclassified.length > LIST_LIMIT) lines.push(`… and ${changes.reclassified.length - LIST_LIMIT} more.`, "");
  }
  lines.push(`### Newly retracted (${changes.newlyRetracted.length})`, "");
  if (changes.newlyRetracted.length > 0) lines.push(...listed(changes.newlyRetracted), "");
  return lines;
}

/** Every retracted record by name (issue 5): excluded from the counts, flagged in every CSV. */
export function retractedSection(views: readonly RecordView[]): string[] {
  const retracted = views.filter((v) => v.retracted);
  const lines = ["## Retracted articles", ""];
  if (retracted.length === 0) return [...lines, "None.", ""];
  return [...lines, ...retracted.map((v) => `- ${shortCitation(v.article)}`), ""];
}
