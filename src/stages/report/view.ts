import type { Article, Author } from "../../model/article.js";
import { pubmedUrl } from "../../model/article.js";
import type { Evidence } from "../../model/classification.js";
import { decideInclusion, isRetracted } from "./inclusion.js";
import type { ReportExclusionReason } from "./inclusion.js";
import type { ReportRecord } from "./types.js";

/** A record with the verdicts every output shares, computed once. */
export interface RecordView extends ReportRecord {
  recordId: string;
  included: boolean;
  exclusionReason: ReportExclusionReason | null;
  retracted: boolean;
  /** record_id of the kept record when this one is a duplicate of it. */
  duplicateOf: string | null;
}

/**
 * Row order of every per-record output: PMIDs by number, then other record ids (`<source>:<id>`,
 * `<database>:hash-…`) by their UTF-16 code units, so the order never depends on the locale.
 */
export function compareRecordIds(a: string, b: string): number {
  const da = /^\d+$/.test(a);
  const db = /^\d+$/.test(b);
  if (da && db) return a.length - b.length || compareText(a, b);
  if (da !== db) return da ? -1 : 1;
  return compareText(a, b);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildViews(records: readonly ReportRecord[]): RecordView[] {
  return records.map(buildView).sort((a, b) => compareRecordIds(a.recordId, b.recordId));
}

/** Fields named one by one rather than spread: a spread copy takes V8's slower, larger object form. */
function buildView(r: ReportRecord): RecordView {
  const verdict = decideInclusion(r, r.decision, r.classification);
  return {
    article: r.article,
    deleted: r.deleted,
    firstSeen: r.firstSeen,
    decision: r.decision,
    classification: r.classification,
    recordId: r.article.recordId,
    included: verdict.included,
    exclusionReason: verdict.exclusionReason,
    retracted: isRetracted(r.article, r.decision),
    duplicateOf: r.decision && r.decision.role !== "kept" ? r.decision.keptRecordId : null,
  };
}

/** PubMed page when there is a PMID, else the DOI resolver, else null. */
export function recordUrl(article: Pick<Article, "pmid" | "doi">): string | null {
  if (article.pmid) return pubmedUrl(article.pmid);
  if (article.doi) return `https://doi.org/${article.doi}`;
  return null;
}

/** Trial registrations and data deposits as `Registry: id` ("ClinicalTrials.gov: NCT02149199"), in the source's order. */
export function dataBankIds(article: Article): string[] {
  return article.dataBanks.flatMap((bank) => bank.accessionNumbers.map((id) => (bank.name ? `${bank.name}: ${id}` : id)));
}

/** "Kim SH", or the group name for a collective author. */
export function authorName(author: Author): string | null {
  if (author.collectiveName) return author.collectiveName;
  if (!author.lastName) return null;
  const initials = author.initials ?? initialsOf(author.foreName);
  return initials ? `${author.lastName} ${initials}` : author.lastName;
}

function initialsOf(foreName: string | null): string | null {
  if (!foreName) return null;
  const letters = foreName.split(/[\s-]+/).map((part) => part.charAt(0).toUpperCase());
  return letters.join("") || null;
}

export function authorNames(article: Article): string[] {
  return article.authors.map(authorName).filter((n): n is string => n !== null);
}

/** What ends a list of authors the source cut short (PubMed CompleteYN="N"). */
export const ET_AL = "et al.";

/** The byline as the reports list it: every author named, then "et al." when the source says the list is cut short. */
export function bylineNames(article: Article): string[] {
  const names = authorNames(article);
  return article.authorListComplete === false ? [...names, ET_AL] : names;
}

/** One label's evidence as one line: `rule [field]: "matched text"`. */
export function formatEvidence(evidence: readonly Evidence[]): string[] {
  // Several rules can match the same words in the same field (a publication type is matched by a few
  // design rules): one item per matched text, with their names together.
  const byMatch = new Map<string, { rules: string[]; field: string; text: string }>();
  for (const e of evidence) {
    const key = `${e.field}\u0000${e.text}`;
    const seen = byMatch.get(key);
    if (!seen) byMatch.set(key, { rules: [e.rule], field: e.field, text: e.text });
    else if (!seen.rules.includes(e.rule)) seen.rules.push(e.rule);
  }
  return [...byMatch.values()].map((m) => `${m.rules.join(", ")} [${m.field}]: "${m.text}"`);
}

/** ISO date (YYYY-MM-DD) of an ISO timestamp; spreadsheets read it as a date. */
export function isoDate(timestamp: string): string {
  return timestamp.slice(0, 10);
}
