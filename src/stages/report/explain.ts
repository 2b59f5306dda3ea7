import { LitreviewError } from "../../errors.js";
import type { Db } from "../../store/open.js";
import { getRecord } from "../../store/records.js";
import { EXCLUSION_ORDER } from "./inclusion.js";
import { loadClassification, loadDecision } from "./load.js";
import { REASON_TEXT } from "./prisma.js";
import type { ReportRecord } from "./types.js";
import { buildViews, formatEvidence, recordUrl } from "./view.js";
import type { RecordView } from "./view.js";

/** Finds a record by record_id, else by PMID, else by DOI (case-insensitive). */
function findRecordId(db: Db, id: string): string | null {
  const trimmed = id.trim();
  const row =
    db.prepare<[string], { record_id: string }>("SELECT record_id FROM records WHERE record_id = ?").get(trimmed) ??
    db.prepare<[string], { record_id: string }>("SELECT record_id FROM records WHERE pmid = ? ORDER BY record_id LIMIT 1").get(trimmed) ??
    db.prepare<[string], { record_id: string }>("SELECT record_id FROM records WHERE lower(doi) = lower(?) ORDER BY record_id LIMIT 1").get(trimmed);
  return row?.record_id ?? null;
}

function loadView(db: Db, recordId: string): RecordView {
  const stored = getRecord(db, recordId)!;
  const record: ReportRecord = {
    article: stored.article,
    deleted: stored.deleted,
    firstSeen: stored.firstSeen,
    decision: loadDecision(db, recordId),
    classification: loadClassification(db, recordId),
  };
  return buildViews([record])[0]!;
}

/** Records merged into or linked to a kept record, with the rule and score that put each there. */
function clusterMembers(db: Db, recordId: string): string[] {
  return db
    .prepare<[string, string], { record_id: string; role: string; rule: string | null; score: number | null }>(
      "SELECT record_id, role, rule, score FROM dedupe_decisions WHERE kept_record_id = ? AND record_id <> ? ORDER BY record_id",
    )
    .all(recordId, recordId)
    .map((m) => `  ${m.role === "duplicate" ? "merged into it" : "linked version"}: ${m.record_id}${m.rule ? ` by rule ${m.rule}` : ""}${m.score === null ? "" : ` (score ${m.score})`}`);
}

function dedupeLines(db: Db, v: RecordView): string[] {
  const d = v.decision;
  if (!d) return ["Deduplication: not run yet for this record."];
  const how = d.rule ? ` by rule ${d.rule}${d.score === null ? "" : ` (score ${d.score})`}` : "";
  const lines = [
    d.role === "kept"
      ? `Deduplication: kept as the cluster's record (cluster ${d.clusterId}); the kept record is the most complete PubMed record.`
      : d.role === "duplicate"
        ? `Deduplication: merged as a duplicate of ${d.keptRecordId}${how}.`
        : `Deduplication: linked as an earlier version of ${d.keptRecordId}${how}; both are listed, and the evidence counts the work once, under ${d.keptRecordId}.`,
  ];
  if (d.role === "kept") lines.push(...clusterMembers(db, v.recordId));
  if (d.notice) lines.push(`Notice: ${d.notice}${d.concerns ? ` concerning ${d.concerns}` : ""}.`);
  if (v.retracted) lines.push("Retracted: yes.");
  return lines;
}

function classificationLines(v: RecordView): string[] {
  const c = v.classification;
  if (!c) return ["Classification: not run yet for this record."];
  const lines = [
    `Classification (rules ${c.rulesVersion}): design ${c.design}${c.designUncertain ? " (uncertain)" : ""}, group ${c.designGroup}, evidence level ${c.evidenceLevel ?? "none"}, confidence ${c.designConfidence}.`,
  ];
  for (const e of formatEvidence(c.designEvidence)) lines.push(`  design evidence: ${e}`);
  lines.push(`  about exosomes: ${c.aboutExosomes ? "yes" : "no"}; about skin: ${c.aboutSkin ? "yes" : "no"}`);
  if (c.participants !== null) lines.push(`  participants: ${c.participants}`);
  if (c.followupWeeks !== null) lines.push(`  follow-up: ${c.followupWeeks} weeks`);
  for (const label of c.labels) {
    lines.push(`  ${label.dimension} ${label.label} (confidence ${label.confidence})`);
    for (const e of formatEvidence(label.evidence)) lines.push(`    ${e}`);
  }
  return lines;
}

/** The text of `litreview explain PMID_OR_ID`: why a record is kept, merged, excluded or included. */
export function explainRecord(db: Db, id: string): string {
  const recordId = findRecordId(db, id);
  if (recordId === null) {
    throw new LitreviewError("USAGE", `no record ${id} in the store: give a PMID, a DOI or a record_id as articles.csv lists it`);
  }
  const v = loadView(db, recordId);
  const verdict = v.included
    ? "Verdict: included in the evidence tables."
    : `Verdict: excluded, reason ${v.exclusionReason} (${REASON_TEXT[v.exclusionReason!]}); reasons are checked in the order ${EXCLUSION_ORDER.join(" > ")}.`;
  const lines = [
    `Record ${v.recordId}${v.article.pmid && v.article.pmid !== v.recordId ? ` (PMID ${v.article.pmid})` : ""}: ${v.article.title ?? "(no title)"}`,
    `Source: ${v.article.source.database}${v.article.source.file ? ` (${v.article.source.file})` : ""}; first seen ${v.firstSeen.slice(0, 10)}${v.deleted ? "; deleted by the source" : ""}.`,
    `URL: ${recordUrl(v.article) ?? "none"}`,
    verdict,
    ...dedupeLines(db, v),
    ...classificationLines(v),
  ];
  return lines.join("\n");
}
