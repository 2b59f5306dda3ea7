import type { NoticeKind } from "../../model/dedupe.js";
import { abstractFeatures } from "./abstract.js";
import type { AbstractFeatures } from "./abstract.js";
import { diceBigrams } from "./dice.js";
import type { DedupeInput } from "./load.js";
import { concernedPmid, isMeetingAbstract, isPreprint, isRetractedRecord, noticeKind, titleWithoutRetractionMark } from "./kinds.js";
import {
  firstPage,
  isTruncatedTitle,
  mainTitleLength,
  reportKinds,
  journalWords,
  nameKey,
  normalizePmcid,
  normalizePmid,
  numberSignature,
  titleWords,
  workDoi,
} from "./normalize.js";

/** Everything dedupe compares about one record, normalised once. */
export interface RecordFeatures {
  /** Position in the record_id-sorted input. */
  index: number;
  recordId: string;
  pmid: string | null;
  doi: string | null;
  pmcid: string | null;
  /** Normalised title words; empty when there is no title. */
  titleWords: string[];
  /** Title without spaces (hyphenation-proof), for ordering large blocks. */
  titleSquash: string | null;
  /** Bigrams of titleSquash, compared with natural's Dice coefficient (see dice.ts); empty without a title. */
  titleBigrams: Uint32Array;
  /** Number of title words before a subtitle (after ": ", " - ", "? "), 0 when there is none. */
  mainTitleLength: number;
  /** The title ends in an ellipsis: a site or export cut it short. */
  titleTruncated: boolean;
  /** What kind of report the title names (protocol, interim, follow-up...; see reportKinds), "" for none. */
  reportKinds: string;
  numbers: string;
  year: number | null;
  author: string | null;
  journals: (readonly string[])[];
  issn: string | null;
  page: string | null;
  /** Number of normalised words of the abstract. */
  abstractWordCount: number;
  /** Sorted unique 32-bit hashes of the abstract's word trigrams (see abstract.ts). */
  abstractShingles: Uint32Array;
  /** Hashes of the significant words of the abstract's start, for blocking (numbers, not strings: memory). */
  abstractStart: Uint32Array;
  kind: NoticeKind | "article";
  /** For a notice: PMID of the article it concerns (its CommentsCorrections link), when given. */
  concernsPmid: string | null;
  preprint: boolean;
  /** A meeting abstract (never a copy of the full paper that shares its title). */
  meetingAbstract: boolean;
  retracted: boolean;
  /** PMIDs of earlier versions this record says it updates (CommentsCorrections UpdateOf). */
  updateOf: string[];
  /** Fields filled, for choosing the kept record. */
  completeness: number;
}

function firstAuthor(article: DedupeInput): string | null {
  const a = article.authors[0];
  if (!a) return null;
  return nameKey(a.lastName ?? a.collectiveName);
}

function completeness(a: DedupeInput): number {
  const filled = [
    a.pmid,
    a.doi,
    a.pmcid,
    a.title,
    a.abstract,
    a.journal.title ?? a.journal.isoAbbreviation,
    a.journal.volume,
    a.journal.issue,
    a.journal.pages,
    a.pubDate.year,
  ].filter((v) => v !== null && v !== undefined).length;
  const lists = [a.authors, a.publicationTypes, a.mesh, a.keywords].filter((l) => l.length > 0).length;
  return filled + lists;
}

// Many records name the same journal: its words are worked out once and shared (bounded memo), never modified.
const journalMemo = new Map<string, readonly string[]>();

function sharedJournalWords(name: string | null): readonly string[] {
  if (!name) return [];
  const known = journalMemo.get(name);
  if (known) return known;
  const words = journalWords(name);
  if (journalMemo.size >= 100_000) journalMemo.clear();
  journalMemo.set(name, words);
  return words;
}

export function recordFeatures(article: DedupeInput, index: number): RecordFeatures {
  return recordFeaturesWith(article, index, abstractFeatures(article.abstract));
}

/** The same, given the abstract's features (made apart; or empty, to be set later with setAbstractFeatures). */
export function recordFeaturesWith(article: DedupeInput, index: number, abstract: AbstractFeatures): RecordFeatures {
  const title = titleWithoutRetractionMark(article.title);
  const words = titleWords(title);
  const titleSquash = words.length > 0 ? words.join("") : null;
  const journals = [article.journal.title, article.journal.isoAbbreviation]
    .map(sharedJournalWords)
    .filter((w) => w.length > 0);
  const kind = noticeKind(article);
  return {
    index,
    recordId: article.recordId,
    pmid: normalizePmid(article.pmid),
    doi: workDoi(article.doi),
    pmcid: normalizePmcid(article.pmcid),
    titleWords: words,
    titleSquash,
    titleBigrams: titleSquash === null ? new Uint32Array(0) : diceBigrams(titleSquash),
    titleTruncated: titleSquash !== null && isTruncatedTitle(title!),
    reportKinds: reportKinds(words),
    mainTitleLength: titleSquash === null ? 0 : mainTitleLength(title!, words.length),
    numbers: numberSignature(words),
    year: article.pubDate.year,
    author: firstAuthor(article),
    // A filtered array keeps room to grow, which 100,000 records pay for: kept as an exact copy.
    journals: journals.slice(),
    issn: article.journal.issn ? article.journal.issn.replace(/[^0-9x]/gi, "").toUpperCase() || null : null,
    page: firstPage(article.journal.pages),
    abstractWordCount: abstract.wordCount,
    abstractShingles: abstract.shingles,
    abstractStart: abstract.start,
    kind: kind ?? "article",
    concernsPmid: kind ? normalizePmid(concernedPmid(article, kind)) : null,
    preprint: isPreprint(article),
    meetingAbstract: isMeetingAbstract(article),
    retracted: isRetractedRecord(article),
    updateOf: article.commentsCorrections
      .filter((c) => c.refType === "UpdateOf" && c.pmid)
      .map((c) => normalizePmid(c.pmid))
      .filter((p): p is string => p !== null),
    completeness: completeness(article),
  };
}

/** Sets the features of a record's abstract, made apart (on a worker thread). */
export function setAbstractFeatures(record: RecordFeatures, abstract: AbstractFeatures): void {
  record.abstractWordCount = abstract.wordCount;
  record.abstractShingles = abstract.shingles;
  record.abstractStart = abstract.start;
}
