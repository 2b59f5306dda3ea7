import { shingleContainment } from "./abstract.js";
import { diceBigrams, diceOfBigrams } from "./dice.js";
import type { RecordFeatures } from "./features.js";
import {
  canonicalSpelling,
  journalsAgree,
  journalWords,
  numberSignature,
  prefixedTitle,
  reportKinds,
  transliteratedSurname,
  withoutParticles,
} from "./normalize.js";
import { THRESHOLDS as T } from "./thresholds.js";
import type { PairScoreField, PossibleDuplicateReason } from "../../model/dedupe.js";

export type FieldScores = Record<string, number | null>;

/** The verdict on one candidate pair. */
export interface PairVerdict {
  /** Rule that matched ("pmid", "doi", "title+year+author", ...), or null. */
  rule: string | null;
  score: number;
  /** The pair is a preprint and its journal version (linked, or merged by option). */
  version: boolean;
  /** No rule matched but the pair is close enough for a human to look at. */
  near: boolean;
  /** Why a near pair was not merged; null when the pair matched or is not near. */
  reason: PossibleDuplicateReason | null;
  fieldScores: FieldScores;
}

const NO_MATCH: PairVerdict = { rule: null, score: 0, version: false, near: false, reason: null, fieldScores: {} };

function agree<V>(a: V | null, b: V | null, same: (x: V, y: V) => boolean): boolean | null {
  if (a === null || b === null) return null;
  return same(a, b);
}

function sameSurnameKey(a: string, b: string): boolean {
  // "alexiadesarmenakas" and "alexiades": compound surnames are shortened by some databases.
  return a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)));
}

function sameSurname(a: string, b: string): boolean {
  if (sameSurnameKey(a, b)) return true;
  const [x, y] = [transliteratedSurname(a), transliteratedSurname(b)];
  return sameSurnameKey(x, y) || sameSurnameKey(withoutParticles(x), withoutParticles(y));
}

/** `later` came out at most `years` after `first`, and not before it beyond the tolerance. */
function follows(first: RecordFeatures, later: RecordFeatures, years: number): boolean {
  const gap = later.year! - first.year!;
  return gap >= -T.yearTolerance && gap <= years;
}

/**
 * Years agree within the tolerance; a journal version may follow its preprint, and a paper the meeting
 * abstract it grew from, by a few years (an abstract and its paper never merge: they are listed for a human).
 */
function yearsAgree(a: RecordFeatures, b: RecordFeatures, version: boolean): boolean | null {
  if (a.year === null || b.year === null) return null;
  if (version) return a.preprint ? follows(a, b, T.preprintYears) : follows(b, a, T.preprintYears);
  if (a.meetingAbstract !== b.meetingAbstract) {
    return a.meetingAbstract ? follows(a, b, T.meetingAbstractYears) : follows(b, a, T.meetingAbstractYears);
  }
  return Math.abs(a.year - b.year) <= T.yearTolerance;
}

function journalAgreement(a: RecordFeatures, b: RecordFeatures): boolean | null {
  if (a.issn && b.issn && a.issn === b.issn) return true;
  if (a.journals.length === 0 || b.journals.length === 0) return null;
  return a.journals.some((x) => b.journals.some((y) => journalsAgree(x, y)));
}

/**
 * Journal supplements give all their meeting abstracts one DOI, and books all their chapters: records
 * sharing a DOI are different works when their titles differ and so do their first authors or pages.
 */
function differentWorksSharingDoi(a: RecordFeatures, b: RecordFeatures): boolean {
  if (!a.titleSquash || !b.titleSquash || diceOfBigrams(a.titleBigrams, b.titleBigrams) >= T.sharedDoiTitleFloor) return false;
  return agree(a.author, b.author, sameSurname) === false || agree(a.page, b.page, (x, y) => x === y) === false;
}

function exactRule(a: RecordFeatures, b: RecordFeatures, sharedDoi: boolean): string | null {
  if (a.pmid && a.pmid === b.pmid) return "pmid";
  if (a.pmcid && a.pmcid === b.pmcid) return "pmcid";
  if (sharedDoi && !differentWorksSharingDoi(a, b)) return "doi";
  return null;
}

function idConflict(a: RecordFeatures, b: RecordFeatures): boolean {
  return (
    (a.pmid !== null && b.pmid !== null && a.pmid !== b.pmid) ||
    (a.doi !== null && b.doi !== null && a.doi !== b.doi) ||
    (a.pmcid !== null && b.pmcid !== null && a.pmcid !== b.pmcid)
  );
}

function bool(v: boolean | null): number | null {
  return v === null ? null : v ? 1 : 0;
}

/**
 * Dice of the two titles; when one was cut short (an ellipsis), of it and as much of the other, so that
 * a long enough start of a title ("Platelet-rich plasma-derived exosomes accelerate the healing …")
 * scores as the title it starts.
 */
function titleScore(a: RecordFeatures, b: RecordFeatures): number {
  const whole = diceOfBigrams(a.titleBigrams, b.titleBigrams);
  if (!a.titleTruncated && !b.titleTruncated) return whole;
  const [cut, other] = a.titleTruncated && (!b.titleTruncated || a.titleSquash!.length <= b.titleSquash!.length) ? [a, b] : [b, a];
  if (cut.titleWords.length < T.truncatedTitleMinWords || other.titleSquash!.length <= cut.titleSquash!.length) return whole;
  return Math.max(whole, diceOfBigrams(cut.titleBigrams, diceBigrams(other.titleSquash!.slice(0, cut.titleSquash!.length))));
}

export function pairScores(a: RecordFeatures, b: RecordFeatures, version: boolean): Record<PairScoreField, number | null> {
  const bothAbstracts = Math.min(a.abstractWordCount, b.abstractWordCount) >= T.abstractMinShingles + 2;
  return {
    title: a.titleSquash && b.titleSquash ? titleScore(a, b) : null,
    abstract: bothAbstracts ? shingleContainment(a.abstractShingles, b.abstractShingles) : null,
    year: bool(yearsAgree(a, b, version)),
    author: bool(agree(a.author, b.author, sameSurname)),
    journal: bool(journalAgreement(a, b)),
    pages: bool(agree(a.page, b.page, (x, y) => x === y)),
  };
}

/**
 * Both abstracts too short to score (a site showed a sentence or two, cut where its excerpt ended), yet the
 * shorter one found nearly word for word in the other: as much evidence as a longer abstract sharing a third.
 */
function sameShortAbstract(a: RecordFeatures, b: RecordFeatures): boolean {
  if (Math.min(a.abstractShingles.length, b.abstractShingles.length) < T.shortAbstractMinShingles) return false;
  return shingleContainment(a.abstractShingles, b.abstractShingles) >= T.shortAbstractSame;
}

/**
 * One title is the other's main title, its subtitle left out, and long enough to name one work
 * ("<main>" and "<main>: a randomised controlled trial").
 */
function isMainTitleOf(a: RecordFeatures, b: RecordFeatures): boolean {
  const [short, long] = a.titleWords.length <= b.titleWords.length ? [a, b] : [b, a];
  if (short.mainTitleLength !== 0 || long.mainTitleLength !== short.titleWords.length) return false;
  if (short.titleWords.length < T.mainTitleMinWords) return false;
  return short.titleWords.every((w, i) => long.titleWords[i] === w);
}

/**
 * Words one title puts before the other as a label naming a journal, or 0: Scribd and some aggregators
 * show an upload as "<journal>: <title>" ("Cosmetics: Therapeutic Values of Exosomes in ..."), which says
 * where the work appeared, not that it is another work about it ("An extension of <title>"). The label
 * must be the whole main title (before ": ") and agree with either record's journal.
 */
function journalLabelLength(a: RecordFeatures, b: RecordFeatures): number {
  const [short, long] = a.titleWords.length <= b.titleWords.length ? [a, b] : [b, a];
  const n = long.titleWords.length - short.titleWords.length;
  if (n === 0 || long.mainTitleLength !== n || !prefixedTitle(long.titleWords, short.titleWords)) return 0;
  const label = journalWords(long.titleWords.slice(0, n).join(" "));
  return [...a.journals, ...b.journals].some((j) => journalsAgree(label, j.map(canonicalSpelling))) ? n : 0;
}

/** The record's features with the first `n` title words left out. */
function withoutTitleLabel(f: RecordFeatures, n: number): RecordFeatures {
  const words = f.titleWords.slice(n);
  const squash = words.join("");
  return {
    ...f,
    titleWords: words,
    titleSquash: squash,
    titleBigrams: diceBigrams(squash),
    mainTitleLength: 0,
    reportKinds: reportKinds(words),
    numbers: numberSignature(words),
  };
}

/** The pair as compared: a journal label in front of one title (see journalLabelLength) left out. */
function unlabelled(a: RecordFeatures, b: RecordFeatures): [RecordFeatures, RecordFeatures] {
  const n = journalLabelLength(a, b);
  if (n === 0) return [a, b];
  return a.titleWords.length > b.titleWords.length ? [withoutTitleLabel(a, n), b] : [a, withoutTitleLabel(b, n)];
}

/** Fuzzy rules, strongest first; each names the fields that agreed. */
function fuzzyRule(a: RecordFeatures, b: RecordFeatures, s: FieldScores): { rule: string; score: number } | null {
  const title = s.title ?? null;
  const abstract = s.abstract ?? null;
  if (s.author === 0 || s.year === 0) return null;
  if (title !== null && a.numbers !== b.numbers && a.numbers !== "" && b.numbers !== "") return null;
  if (prefixedTitle(a.titleWords, b.titleWords)) return null;
  if (a.meetingAbstract !== b.meetingAbstract) return null;
  if (title !== null && a.reportKinds !== b.reportKinds) return null;
  const corroborating: string[] = ["author", "journal", "pages"].filter((f) => s[f] === 1);
  if ((abstract !== null && abstract >= T.abstractCorroborate) || (abstract === null && sameShortAbstract(a, b))) corroborating.push("abstract");
  // A title of a few words ("Exosomes in Dermatology") is shared by a review, an editorial and a letter in
  // one journal and year: it names a work only with two fields agreeing.
  const needed = Math.min(a.titleWords.length, b.titleWords.length) <= T.shortTitleMaxWords ? 2 : 1;
  if (title !== null && corroborating.length >= needed) {
    if (s.year === 1 && title >= T.titleMatch) return { rule: ["title", "year", ...corroborating].join("+"), score: title };
    if (s.year === null && title >= T.titleSame) return { rule: ["title", ...corroborating].join("+"), score: title };
  }
  if (s.year === 1 && corroborating.length >= 2 && isMainTitleOf(a, b)) {
    return { rule: ["maintitle", "year", ...corroborating].join("+"), score: title! };
  }
  // A title alone must be the same words: "An extension of <title>" scores 0.97 against <title>. Spaces
  // are left out of the comparison: pages lose one where a line or a tag ended ("Dermal PapillaCell-Derived").
  // With nothing else agreeing, journals that disagree leave it to a human: two reviews in different journals
  // can carry one long title. (A preprint server is not its journal version's journal.)
  const identical = Math.min(a.titleWords.length, b.titleWords.length) >= T.titleAloneMinWords && a.titleSquash === b.titleSquash;
  const otherJournal = s.journal === 0 && a.preprint === b.preprint;
  if (title !== null && identical && !otherJournal) {
    return { rule: s.year === 1 ? "title+year" : "title", score: title };
  }
  // A conference paper and the journal paper that extends it share most of an abstract under near titles
  // (72% in set 5): in journals that disagree they are two publications, left to a human.
  if (abstract !== null && abstract >= T.abstractMatch && (title === null || title >= T.abstractTitleFloor) && !otherJournal) {
    return { rule: "abstract", score: abstract };
  }
  // An upload or a repost shows the work under its own headline ("Exosome Therapy for Hair Restoration
  // Review"): with the first author agreeing, the abstract names the work whatever the headline says. A
  // study's poster shares as much of its article's abstract (63% in set 2) under another title, in another
  // journal: journals that disagree leave that to a human.
  if (abstract !== null && abstract >= T.abstractMatch && s.author === 1 && s.journal !== 0) {
    return { rule: "abstract+author", score: abstract };
  }
  const agreeing = ["year", "journal"].filter((f) => s[f] === 1);
  const shorter = Math.min(a.abstractShingles.length, b.abstractShingles.length);
  if (abstract !== null && abstract >= T.abstractSameText && shorter >= T.abstractSameTextMinShingles && agreeing.length > 0) {
    return { rule: ["abstract", ...agreeing].join("+"), score: abstract };
  }
  return null;
}

/**
 * Decides whether two records are the same work. Records of different kinds (an article and a notice
 * about it, an erratum and a retraction notice) are never compared; notices match on identifiers only,
 * because their titles are generic ("Erratum") or repeat the title of the article they concern.
 */
export function comparePair(a: RecordFeatures, b: RecordFeatures): PairVerdict {
  if (a.kind !== b.kind) return NO_MATCH;
  const pmidConflict = a.pmid !== null && b.pmid !== null && a.pmid !== b.pmid;
  // Two distinct PubMed records never merge on a shared DOI alone (book chapters share the book's DOI).
  const sharedDoi = a.doi !== null && a.doi === b.doi && !pmidConflict;
  const exact = exactRule(a, b, sharedDoi);
  if (exact) return { rule: exact, score: 1, version: false, near: false, reason: null, fieldScores: {} };
  const version = a.preprint !== b.preprint;
  if (version && (a.updateOf.includes(b.pmid ?? "") || b.updateOf.includes(a.pmid ?? ""))) {
    return { rule: "update-of", score: 1, version: true, near: false, reason: null, fieldScores: {} };
  }
  if (a.kind !== "article") return NO_MATCH;
  const year = yearsAgree(a, b, version);
  const author = agree(a.author, b.author, sameSurname);
  // A disagreeing year or first author rules a match out and says "different work" to a human too, but
  // a DOI the pair shares is worth a human's look whatever else disagrees.
  if ((year === false || author === false) && !sharedDoi) return NO_MATCH;
  const [x, y] = unlabelled(a, b);
  const s = pairScores(x, y, version);
  const conflict = !version && idConflict(a, b);
  const fuzzy = conflict ? null : fuzzyRule(x, y, s);
  if (fuzzy) return { rule: fuzzy.rule, score: fuzzy.score, version, near: false, reason: null, fieldScores: s };
  const best = Math.max(s.title ?? 0, s.abstract ?? 0);
  const near = sharedDoi || (s.title ?? 0) >= T.possibleTitle || (s.abstract ?? 0) >= T.possibleAbstract;
  return { rule: null, score: best, version, near, reason: near ? nearReason(a, b, conflict, sharedDoi) : null, fieldScores: s };
}

/**
 * Why a near pair stays two records (see PossibleDuplicateReason); only near pairs pay for it. A meeting
 * abstract beside a paper says so first: a supplement gives its abstracts DOIs of their own, and "different
 * ids" would hide what the human is looking at.
 */
function nearReason(a: RecordFeatures, b: RecordFeatures, conflict: boolean, sharedDoi: boolean): PossibleDuplicateReason {
  if (a.meetingAbstract !== b.meetingAbstract) return "meeting-abstract";
  if (conflict) return "different-ids";
  return sharedDoi ? "shared-doi" : "similar";
}
