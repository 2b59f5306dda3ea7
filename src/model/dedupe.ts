/** Kinds of publication that are notices about another article, never duplicates of it. */
export type NoticeKind = "erratum" | "retraction-notice" | "expression-of-concern" | "comment";

export type DedupeRole = "kept" | "duplicate" | "version";

/** The dedupe stage's verdict for one record. */
export interface DedupeDecision {
  recordId: string;
  /** Id of the cluster (the kept record's id). */
  clusterId: string;
  keptRecordId: string;
  role: DedupeRole;
  /** Rule that put this record in the cluster ("pmid", "doi", "pmcid", "title+year+author", ...), null for the kept one. */
  rule: string | null;
  score: number | null;
  /** Set when the record is a notice (erratum, retraction, comment, ...) about another article. */
  notice: NoticeKind | null;
  /** record_id (or PMID) of the article a notice concerns, when it is known. */
  concerns: string | null;
  retracted: boolean;
}

/** The fields dedupe scores for a pair of records, in the order possible-duplicates.csv lists them. */
export const PAIR_SCORE_FIELDS = ["abstract", "author", "journal", "pages", "title", "year"] as const;
export type PairScoreField = (typeof PAIR_SCORE_FIELDS)[number];

/**
 * Why a pair was left for a human rather than merged (the first that applies: `meeting-abstract`, then the
 * others in this order; listed in this order in reports):
 * - `different-ids`: title or abstract match, but the records carry different PMIDs, DOIs or PMCIDs;
 * - `meeting-abstract`: one is a meeting abstract, the other not (a poster and its paper are two works), whatever their ids;
 * - `shared-doi`: they share a DOI but little else (a supplement's meeting abstracts, a book's chapters);
 * - `similar`: title or abstract alike, but not alike enough, or too few other fields agree.
 */
export const POSSIBLE_DUPLICATE_REASONS = ["different-ids", "meeting-abstract", "shared-doi", "similar"] as const;
export type PossibleDuplicateReason = (typeof POSSIBLE_DUPLICATE_REASONS)[number];

/** A pair just under the fuzzy threshold, for a human to check. */
export interface PossibleDuplicate {
  recordIdA: string;
  recordIdB: string;
  score: number;
  fieldScores: Record<string, number | null>;
  /** Null for a pair stored by a version before reasons were kept. */
  reason: PossibleDuplicateReason | null;
}
