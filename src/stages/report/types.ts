import type { StoredSearch } from "../../store/retrieval.js";
import type { Article } from "../../model/article.js";
import type { Classification, Evidence, Label } from "../../model/classification.js";
import type { DedupeDecision, PossibleDuplicate, PossibleDuplicateReason } from "../../model/dedupe.js";

/** One stored record with everything the reports say about it. */
export interface ReportRecord {
  article: Article;
  deleted: boolean;
  /** ISO timestamp the store first saw the record. */
  firstSeen: string;
  decision: DedupeDecision | null;
  classification: Classification | null;
}

/** One esearch slice as the search stage recorded it (PRISMA-S). */
export type SearchRow = StoredSearch;

/** What the previous report said about one record. */
export interface SnapshotRow {
  recordId: string;
  included: boolean;
  design: string | null;
  conditions: string[];
  retracted: boolean;
}

/** An earlier report: its run, and the ISO timestamp that run started (null when the store has no row for it). */
export interface ReportRef {
  runId: number;
  date: string | null;
}

/** The earlier report this one is compared with, and what it said per record. */
export interface Baseline extends ReportRef {
  rows: SnapshotRow[];
}

export interface RetrievalCounts {
  /** Distinct PMIDs that any search returned. */
  searched: number;
  /** Of those, how many are stored as records. */
  received: number;
  /** PMIDs efetch never returned, by PMID. */
  unavailable: string[];
}

/** Records imported from files, per database (other sources than the E-utilities searches). */
export interface ImportCount {
  database: string;
  /** The file's path as typed at import. */
  file: string;
  /** YYYY-MM-DD the file was imported (PRISMA-S: a date per database). */
  importedOn: string;
  records: number;
}

/**
 * The heavy fields, held apart from the records (design evidence and labels as JSON text, parsed only
 * when written) so that the stage can let them go once articles.csv and tags.csv are written.
 */
export interface DetailSource {
  abstract(recordId: string): string | null;
  designEvidence(recordId: string): Evidence[];
  labels(recordId: string): Label[];
}

export interface PairReasonCount {
  reason: PossibleDuplicateReason | null;
  pairs: number;
}

/** Everything the renderers need: plain values read from the store, so rendering is pure. */
export interface ReportInput {
  pipeline: { name: string; title: string; question: string | null; queryText: string };
  /** YYYY-MM-DD of this report; printed on one line of summary.md only. */
  runDate: string;
  records: ReportRecord[];
  searches: SearchRow[];
  imports: ImportCount[];
  retrieval: RetrievalCounts;
  possibleDuplicates: PossibleDuplicate[];
  /** How many pairs possible-duplicates.csv lists, by reason (null: stored before reasons were kept). */
  pairReasons: PairReasonCount[];
  /**
   * The report to compare with: the latest earlier one that said something different (see loadBaseline),
   * or null when there is none.
   */
  previous: Baseline | null;
  /** The latest earlier report when it said the same as this one (a re-render), else null. */
  repeats: ReportRef | null;
  /** The classifiers' measured accuracy as Markdown (measured at report time), or null when not measured. */
  accuracy: string | null;
  /** Where abstracts, design evidence and labels come from when the records were loaded without them; null = from the records. */
  details: DetailSource | null;
}
