import { CLAIMS, CONDITIONS, EXOSOME_SOURCES } from "../../model/taxonomy.js";
import { csvChunks, joinValues, roundScore } from "./csv.js";
import type { CsvOptions, CsvRow } from "./csv.js";
import { authorNames, bylineNames, dataBankIds, formatEvidence, isoDate, recordUrl } from "./view.js";
import type { DetailSource } from "./types.js";
import type { RecordView } from "./view.js";

/** The columns of issue 7, in its order, then the extra ones at the end. */
export const ARTICLE_COLUMNS = [
  "record_id",
  "pmid",
  "doi",
  "pmcid",
  "title",
  "journal",
  "year",
  "first_author",
  "authors",
  "publication_types",
  "design",
  "design_group",
  "evidence_level",
  "design_evidence",
  "conditions",
  "exosome_sources",
  "claims",
  "participants",
  "followup_weeks",
  "included",
  "exclusion_reason",
  "retracted",
  "duplicate_of",
  "first_seen",
  "url",
  "abstract",
  "design_confidence",
  "design_uncertain",
  "source_database",
  "notice",
  "notice_concerns",
  "dedupe_rule",
  "dedupe_score",
  "data_banks",
] as const;

/** Label lists in taxonomy.md's order, so a cell does not change when a classifier emits them differently. */
export function inTaxonomyOrder(values: readonly string[], order: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : a > b ? 1 : 0));
}

function rank(order: readonly string[], value: string): number {
  const i = order.indexOf(value);
  return i === -1 ? order.length : i;
}

export function articleRow(view: RecordView, details: DetailSource | null = null): CsvRow {
  const { article, classification: c, decision } = view;
  const authors = authorNames(article);
  return {
    record_id: view.recordId,
    pmid: article.pmid,
    doi: article.doi,
    pmcid: article.pmcid,
    title: article.title,
    journal: article.journal.title ?? article.journal.isoAbbreviation,
    year: article.pubDate.year,
    first_author: authors[0] ?? null,
    authors: joinValues(bylineNames(article)),
    publication_types: joinValues(article.publicationTypes),
    design: c?.design ?? null,
    design_group: c?.designGroup ?? null,
    evidence_level: c?.evidenceLevel ?? null,
    design_evidence: c ? joinValues(formatEvidence(details ? details.designEvidence(view.recordId) : c.designEvidence)) : null,
    conditions: c ? joinValues(inTaxonomyOrder(c.conditions, CONDITIONS)) : null,
    exosome_sources: c ? joinValues(inTaxonomyOrder(c.exosomeSources, EXOSOME_SOURCES)) : null,
    claims: c ? joinValues(inTaxonomyOrder(c.claims, CLAIMS)) : null,
    participants: c?.participants ?? null,
    followup_weeks: c?.followupWeeks ?? null,
    included: view.included,
    exclusion_reason: view.exclusionReason,
    retracted: view.retracted,
    duplicate_of: view.duplicateOf,
    first_seen: isoDate(view.firstSeen),
    url: recordUrl(article),
    abstract: details ? details.abstract(view.recordId) : article.abstract,
    design_confidence: c ? roundScore(c.designConfidence) : null,
    design_uncertain: c ? c.designUncertain : null,
    source_database: article.source.database,
    notice: decision?.notice ?? null,
    notice_concerns: decision?.concerns ?? null,
    dedupe_rule: decision?.rule ?? null,
    dedupe_score: typeof decision?.score === "number" ? roundScore(decision.score) : null,
    data_banks: joinValues(dataBankIds(article)),
  };
}

function* articleRows(views: readonly RecordView[], details: DetailSource | null): Generator<CsvRow> {
  for (const view of views) yield articleRow(view, details);
}

/** articles.csv: one row per stored record, included or not, in record-id order. */
export function articlesCsvChunks(views: readonly RecordView[], options: CsvOptions, details: DetailSource | null = null): Iterable<string> {
  return csvChunks(ARTICLE_COLUMNS, articleRows(views, details), options);
}
