import { LitreviewError } from "../../errors.js";
import type { Db } from "../../store/open.js";
import { getRecord } from "../../store/records.js";
import type { Label } from "../../model/classification.js";
import type { PossibleDuplicateReason } from "../../model/dedupe.js";
import { roundScore } from "./csv.js";
import { PAIR_REASON_WORDS } from "./possible-duplicates.js";
import { EXCLUSION_ORDER, type ReportExclusionReason } from "./inclusion.js";
import { explainDedupe } from "../dedupe/explain.js";
import { loadClassification, loadCluster, loadDecision } from "./load.js";
import { databaseName, REASON_TEXT } from "./prisma.js";
import type { ReportRecord } from "./types.js";
import { plural } from "./summary/markdown.js";
import { buildViews, compareRecordIds, dataBankIds, formatEvidence, recordUrl } from "./view.js";
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

function dedupeLines(db: Db, v: RecordView): string[] {
  const d = v.decision;
  if (!d) return ["Deduplication: not run yet for this record."];
  const [first, ...more] = explainDedupe(d, loadCluster(db, d.clusterId));
  const lines = [`Deduplication: ${first}.`, ...more.map((line) => `  ${line}.`), ...possibleDuplicateLines(db, v.recordId)];
  if (v.retracted && !d.retracted) lines.push("Retracted: yes (publication type Retracted Publication).");
  return lines;
}

/** Pairs listed at most; the rest are counted. */
const PAIRS_SHOWN = 10;

/** The pairs of possible-duplicates.csv this record is in, closest first. */
function possibleDuplicateLines(db: Db, recordId: string): string[] {
  const rows = db
    .prepare<[string, string, string], { other: string; score: number; reason: PossibleDuplicateReason | null; title: string | null }>(
      `SELECT p.other, p.score, p.reason, json_extract(r.article, '$.title') AS title
       FROM (SELECT CASE WHEN record_id_a = ? THEN record_id_b ELSE record_id_a END AS other, score, reason
             FROM possible_duplicates WHERE record_id_a = ? OR record_id_b = ?) p
       LEFT JOIN records r ON r.record_id = p.other`,
    )
    .all(recordId, recordId, recordId)
    .sort((x, y) => y.score - x.score || compareRecordIds(x.other, y.other));
  if (rows.length === 0) return [];
  const lines = [`  ${plural(rows.length, "possible duplicate")} for a human to check (possible-duplicates.csv):`];
  for (const r of rows.slice(0, PAIRS_SHOWN)) {
    const why = r.reason ? `${r.reason}: ${PAIR_REASON_WORDS[r.reason]}` : "reason not stored: run dedupe again";
    lines.push(`    ${r.other}, score ${roundScore(r.score)} (${why}): ${r.title ?? "(no title)"}`);
  }
  if (rows.length > PAIRS_SHOWN) lines.push(`    and ${rows.length - PAIRS_SHOWN} more`);
  return lines;
}


/**
 * What the relevance rules found when they said not-exosome. classify.ts keeps evidence only when an
 * exclusion rule (the RNA exosome complex, EXOSC genes) vetoed the record; otherwise the confidence is
 * 1 - the about-exosomes confidence, so 1 means its score was 0: not one exosome or EV term matched.
 */
function notExosomeReason(label: Label): string {
  if (label.evidence.length > 0) return "an exclusion rule matched";
  if (label.confidence === 1) return "no exosome or extracellular-vesicle term was found";
  return "exosome or extracellular-vesicle terms were too few (a passing mention) or outweighed by conditioned-medium or secretome terms";
}

function labelLine(label: Label): string {
  const line = `  ${label.dimension} ${label.label} (confidence ${label.confidence})`;
  return label.label === "not-exosome" ? `${line}: ${notExosomeReason(label)}` : line;
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
  if (c.followupWeeks !== null) lines.push(`  follow-up: ${plural(c.followupWeeks, "week")}`);
  for (const label of c.labels) {
    // The design and its evidence are the lines above.
    if (label.dimension === "design" && label.label === c.design) continue;
    lines.push(labelLine(label));
    for (const e of formatEvidence(label.evidence)) lines.push(`    ${e}`);
  }
  return lines;
}

/** REASON_TEXT less the words that only restate the reason: "Duplicate" → "", "Deleted by the source" → "by the source". */
function reasonGloss(reason: ReportExclusionReason): string {
  const text = REASON_TEXT[reason];
  const words = reason.replace(/-/g, " ");
  if (!text.toLowerCase().startsWith(words)) return text.charAt(0).toLowerCase() + text.slice(1);
  return text.slice(words.length).trim().replace(/^\((.*)\)$/, "$1");
}

function verdictLine(v: RecordView): string {
  if (v.included) return "Verdict: included in the evidence tables.";
  const gloss = reasonGloss(v.exclusionReason!);
  return `Verdict: excluded, reason ${v.exclusionReason}${gloss ? ` (${gloss})` : ""}; reasons are checked in the order ${EXCLUSION_ORDER.join(" > ")}.`;
}

/** The trial registrations and data deposits the record names, when it names any. */
function dataBankLines(db: Db, v: RecordView): string[] {
  const ids = dataBankIds(v.article);
  if (ids.length === 0) return [];
  const lines = [`Registrations and data: ${ids.join("; ")}.`];
  for (const other of recordsNamingTheSame(db, v)) lines.push(`  also named by ${other}`);
  return lines;
}

/**
 * Other stored records that name one of this record's accession numbers: reports of the same study (a
 * trial's protocol, its results, a follow-up), which a reviewer collates, and which dedupe rightly keeps apart.
 */
function recordsNamingTheSame(db: Db, v: RecordView): string[] {
  const accessions = [...new Set(v.article.dataBanks.flatMap((bank) => bank.accessionNumbers))];
  const marks = accessions.map(() => "?").join(", ");
  // The text search first, so that only the few records holding one of the numbers are parsed as JSON.
  const rows = db
    .prepare<string[], { record_id: string; title: string | null }>(
      `SELECT DISTINCT r.record_id, json_extract(r.article, '$.title') AS title
       FROM (SELECT record_id, article FROM records
             WHERE deleted = 0 AND record_id <> ? AND (${accessions.map(() => "instr(article, ?) > 0").join(" OR ")})) r,
            json_each(r.article, '$.dataBanks') bank, json_each(bank.value, '$.accessionNumbers') accession
       WHERE accession.value IN (${marks})`,
    )
    .all(v.recordId, ...accessions, ...accessions);
  return rows
    .sort((a, b) => compareRecordIds(a.record_id, b.record_id))
    .map((r) => `${r.record_id}: ${r.title ?? "(no title)"}`);
}

/** The text of `litreview explain PMID_OR_ID`: why a record is kept, merged, excluded or included. */
export function explainRecord(db: Db, id: string): string {
  const recordId = findRecordId(db, id);
  if (recordId === null) {
    throw new LitreviewError("USAGE", `no record ${id} in the store ${db.name}: give a PMID, a DOI or a record_id as articles.csv lists it (is --db the store of this review?)`);
  }
  const v = loadView(db, recordId);
  const lines = [
    `Record ${v.recordId}${v.article.pmid && v.article.pmid !== v.recordId ? ` (PMID ${v.article.pmid})` : ""}: ${v.article.title ?? "(no title)"}`,
    `Source: ${databaseName(v.article.source.database)}${v.article.source.file ? ` (${v.article.source.file})` : ""}; first seen ${v.firstSeen.slice(0, 10)}${v.deleted ? "; deleted by the source" : ""}.`,
    `URL: ${recordUrl(v.article) ?? "none"}`,
    ...dataBankLines(db, v),
    verdictLine(v),
    ...dedupeLines(db, v),
    ...classificationLines(v),
  ];
  return lines.join("\n");
}
