import type { NoticeKind } from "../../model/dedupe.js";
import { diceBigrams } from "./dice.js";
import type { DedupeInput } from "./load.js";
import { concernedPmid, isPreprint, isRetractedRecord, noticeKind } from "./kinds.js";
import { THRESHOLDS } from "./thresholds.js";
import {
  firstPage,
  journalWords,
  nameKey,
  normalizeDoi,
  normalizePmcid,
  normalizePmid,
  normalizeText,
  numberSignature,
  significantWords,
  titleWords,
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
  numbers: string;
  year: number | null;
  author: string | null;
  journals: string[][];
  issn: string | null;
  page: string | null;
  /** Normalised abstract text (words separated by single spaces); trigrams are made from it when first compared. */
  abstractText: string;
  /** Number of words in abstractText. */
  abstractWordCount: number;
  /** Sorted unique 32-bit hashes of the abstract's word trigrams, once computed (see abstractShingles). */
  shingleCache: Uint32Array | null;
  /** Hashes of the significant words of the abstract's start, for blocking (numbers, not strings: memory). */
  abstractStart: Uint32Array;
  kind: NoticeKind | "article";
  /** For a notice: PMID of the article it concerns (its CommentsCorrections link), when given. */
  concernsPmid: string | null;
  preprint: boolean;
  retracted: boolean;
  /** PMIDs of earlier versions this record says it updates (CommentsCorrections UpdateOf). */
  updateOf: string[];
  /** Fields filled, for choosing the kept record. */
  completeness: number;
}

const MAX_ABSTRACT_WORDS = 400;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Word trigram hashes, combined from per-word hashes (no trigram strings are built). */
function shingleHashes(words: readonly string[]): Uint32Array {
  if (words.length < 3) return new Uint32Array(0);
  const wordHash = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHash[i] = fnv1a(words[i]!);
  const out = new Uint32Array(words.length - 2);
  for (let i = 0; i + 2 < words.length; i++) {
    const h = Math.imul(wordHash[i]!, 0x9e3779b1) ^ Math.imul(wordHash[i + 1]!, 0x85ebca77) ^ wordHash[i + 2]!;
    out[i] = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  }
  out.sort();
  let unique = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[unique - 1]) out[unique++] = out[i]!;
  return out.slice(0, unique);
}

/** Most records never meet a candidate, so trigram hashes are made on first comparison only. */
export function abstractShingles(f: RecordFeatures): Uint32Array {
  f.shingleCache ??= shingleHashes(f.abstractText === "" ? [] : f.abstractText.split(" ", MAX_ABSTRACT_WORDS));
  return f.shingleCache;
}

function countWords(text: string): number {
  if (text === "") return 0;
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

/** Share of the smaller sorted hash set found in the larger one. */
export function shingleContainment(a: Uint32Array, b: Uint32Array): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < small.length && j < large.length) {
    const x = small[i]!;
    const y = large[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / small.length;
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

export function recordFeatures(article: DedupeInput, index: number): RecordFeatures {
  const words = titleWords(article.title);
  const titleSquash = words.length > 0 ? words.join("") : null;
  const abstractText = article.abstract ? normalizeText(article.abstract) : "";
  const abstractStart = abstractText.split(" ", 2 * THRESHOLDS.abstractBlockingWords);
  const journals = [article.journal.title, article.journal.isoAbbreviation]
    .map(journalWords)
    .filter((w) => w.length > 0);
  const kind = noticeKind(article);
  return {
    index,
    recordId: article.recordId,
    pmid: normalizePmid(article.pmid),
    doi: normalizeDoi(article.doi),
    pmcid: normalizePmcid(article.pmcid),
    titleWords: words,
    titleSquash,
    titleBigrams: titleSquash === null ? new Uint32Array(0) : diceBigrams(titleSquash),
    numbers: numberSignature(words),
    year: article.pubDate.year,
    author: firstAuthor(article),
    journals,
    issn: article.journal.issn ? article.journal.issn.replace(/[^0-9x]/gi, "").toUpperCase() || null : null,
    page: firstPage(article.journal.pages),
    abstractText,
    abstractWordCount: countWords(abstractText),
    shingleCache: null,
    abstractStart: Uint32Array.from(significantWords(abstractStart).slice(0, THRESHOLDS.abstractBlockingWords), fnv1a),
    kind: kind ?? "article",
    concernsPmid: kind ? normalizePmid(concernedPmid(article, kind)) : null,
    preprint: isPreprint(article),
    retracted: isRetractedRecord(article),
    updateOf: article.commentsCorrections
      .filter((c) => c.refType === "UpdateOf" && c.pmid)
      .map((c) => normalizePmid(c.pmid))
      .filter((p): p is string => p !== null),
    completeness: completeness(article),
  };
}
