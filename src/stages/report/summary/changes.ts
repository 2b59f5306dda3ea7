import type { Changes, Merged, Reclassified } from "../changes.js";
import { EXCLUSION_ORDER } from "../inclusion.js";
import { conditionName, designName } from "../labels.js";
import { databaseName, REASON_TEXT } from "../prisma.js";
import type { ReportRef, SnapshotRow } from "../types.js";
import type { RecordView } from "../view.js";
import { md, plural, recordLink, shortCitation, table } from "./markdown.js";

/** Lists longer than this are cut in summary.md; articles.csv has every record (first_seen, included). */
const LIST_LIMIT = 50;

function listed(views: readonly RecordView[], describe: (v: RecordView) => string = () => ""): string[] {
  const items = views.slice(0, LIST_LIMIT).map((v) => `- ${shortCitation(v.article)}${describe(v)}`);
  if (views.length > LIST_LIMIT) items.push(`- … and ${views.length - LIST_LIMIT} more (see \`articles.csv\`).`);
  return items;
}

/** "RCT; acne, scars" */
function designAndConditions(s: Pick<SnapshotRow, "design" | "conditions">): string {
  const conditions = s.conditions.length === 0 ? "no condition" : s.conditions.map(conditionName).join(", ");
  return `${s.design === null ? "unclassified" : designName(s.design)}; ${conditions}`;
}

/** Why a record is excluded now, in words: "duplicate of PMID 1", "not about skin". */
function reasonOf(view: RecordView): string {
  if (view.exclusionReason === "duplicate" && view.duplicateOf) return `duplicate of ${idText(view.duplicateOf)}`;
  return view.exclusionReason === null ? "" : REASON_TEXT[view.exclusionReason].toLowerCase();
}

/** "PMID 123" for a PubMed record id, else the record id as stored. */
function idText(recordId: string): string {
  return /^\d+$/.test(recordId) ? `PMID ${recordId}` : recordId;
}

/** "2026-11-27 19:14 UTC" of an ISO timestamp. */
function when(ref: ReportRef): string {
  return ref.date === null ? "an earlier run (no date recorded)" : `${ref.date.slice(0, 10)} ${ref.date.slice(11, 16)} UTC`;
}

function sinceLine(changes: Changes): string {
  const { baseline, repeats } = changes;
  if (baseline === null && repeats === null) return "This is the first report of this store.";
  if (baseline === null) return `Nothing changed since the first report of this store, of ${when(repeats!)}: every record is listed as new, as it was then.`;
  if (repeats === null) return `Compared with the report of ${when(baseline)}.`;
  return (
    `Nothing changed since the report of ${when(repeats)}; as it did, this compares with the report of ${when(baseline)}, ` +
    "the last one that said something different."
  );
}

/** New excluded records, one row per reason: how many, and their ids (duplicates with the work they copy). */
function excludedByReason(views: readonly RecordView[]): string[] {
  const rows: string[][] = [];
  for (const reason of EXCLUSION_ORDER) {
    const of = views.filter((v) => v.exclusionReason === reason);
    if (of.length === 0) continue;
    const ids = of.slice(0, LIST_LIMIT).map((v) => (reason === "duplicate" && v.duplicateOf ? `${v.recordId} (of ${v.duplicateOf})` : v.recordId));
    if (of.length > LIST_LIMIT) ids.push(`… and ${of.length - LIST_LIMIT} more`);
    rows.push([REASON_TEXT[reason], String(of.length), md(ids.join(", "))]);
  }
  return table(["reason", "records", "record ids"], rows);
}

function newSection(added: readonly RecordView[]): string[] {
  const included = added.filter((v) => v.included);
  const excluded = added.filter((v) => !v.included);
  const lines = [`### New (${plural(added.length, "record")}: ${included.length} included, ${excluded.length} excluded)`, ""];
  if (included.length > 0) {
    lines.push(`Included (${included.length}):`, "", ...listed(included, (v) => ` — ${md(designAndConditions(v.classification!))}`), "");
  }
  if (excluded.length > 0) lines.push(`Excluded (${excluded.length}), by reason:`, "", ...excludedByReason(excluded), "");
  return lines;
}

function mergedSection(merged: readonly Merged[]): string[] {
  const lines = [`### Merged into works already reported (${merged.length})`, ""];
  if (merged.length === 0) return lines;
  lines.push("Other copies of articles an earlier report listed (another database's record, or one now found to be the same work); not new articles.", "");
  const rows = merged.slice(0, LIST_LIMIT).map((m) => [
    md(m.view.recordId),
    md(databaseName(m.view.article.source.database)),
    recordLink(m.reported.article),
    md(m.reported.article.title ?? ""),
    md(idText(m.keptRecordId)),
  ]);
  lines.push(...table(["record", "from", "same work as", "title", "copy kept"], rows), "");
  if (merged.length > LIST_LIMIT) lines.push(`… and ${merged.length - LIST_LIMIT} more.`, "");
  return lines;
}

function reclassifiedSection(reclassified: readonly Reclassified[]): string[] {
  const lines = [`### Reclassified (${reclassified.length})`, ""];
  if (reclassified.length === 0) return lines;
  const before = (s: SnapshotRow): string => `${s.included ? "included" : "excluded"}; ${designAndConditions(s)}`;
  const now = (r: Reclassified): string => `${r.after.included ? "included" : `excluded (${reasonOf(r.view)})`}; ${designAndConditions(r.after)}`;
  const rows = reclassified.slice(0, LIST_LIMIT).map((r) => [recordLink(r.view.article), md(r.view.article.title ?? ""), md(before(r.before)), md(now(r))]);
  lines.push(...table(["record", "title", "before", "now"], rows), "");
  if (reclassified.length > LIST_LIMIT) lines.push(`… and ${reclassified.length - LIST_LIMIT} more.`, "");
  return lines;
}

/** New, merged, reclassified and newly retracted since the baseline report (see loadBaseline). */
export function changesSection(changes: Changes): string[] {
  const lines = ["## Changes since the last report", "", sinceLine(changes), ""];
  lines.push(...newSection(changes.added), ...mergedSection(changes.merged), ...reclassifiedSection(changes.reclassified));
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
