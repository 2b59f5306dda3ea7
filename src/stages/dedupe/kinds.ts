import type { NoticeKind } from "../../model/dedupe.js";
import type { DedupeInput } from "./load.js";
import { normalizeDoi } from "./normalize.js";

/**
 * What kind of publication a record is, from PubMed publication types and CommentsCorrections links
 * (https://www.nlm.nih.gov/bsd/mms/medlineelements.html#cc), with title prefixes as the fallback for
 * exports from other databases that carry neither.
 */

const NOTICE_PUBLICATION_TYPES: Record<string, NoticeKind> = {
  "published erratum": "erratum",
  erratum: "erratum",
  correction: "erratum",
  "retraction of publication": "retraction-notice",
  "retraction notice": "retraction-notice",
  "expression of concern": "expression-of-concern",
  comment: "comment",
};

/** RefType on the notice that names the article it concerns. */
export const CONCERNS_REF_TYPE: Record<NoticeKind, string> = {
  erratum: "ErratumFor",
  "retraction-notice": "RetractionOf",
  "expression-of-concern": "ExpressionOfConcernFor",
  comment: "CommentOn",
};

const REF_TYPE_KIND: Record<string, NoticeKind> = Object.fromEntries(
  Object.entries(CONCERNS_REF_TYPE).map(([kind, ref]) => [ref, kind as NoticeKind]),
);

/** Title openings that only notices use (Scopus, WoS, Embase keep the publisher's notice title). */
const NOTICE_TITLE_PATTERNS: readonly [RegExp, NoticeKind][] = [
  [/^\W*(erratum|corrigendum)\b/i, "erratum"],
  [/^\W*correction(\s+to\b|\s+for\b|\s+notice\b|\s*[:.]|\s*$)/i, "erratum"],
  // Springer Nature's notices: "Author Correction: <title>", "Publisher Correction: <title>".
  [/^\W*(author|publisher)['’]?s?\s+correction(\s*[:.]|\s+to\b)/i, "erratum"],
  [/^\W*(retraction note|retraction notice|notice of retraction)\b/i, "retraction-notice"],
  [/^\W*retraction\s*([:.(\-–—]|$)/i, "retraction-notice"],
  [/^\W*(editorial )?expression of concern\b/i, "expression-of-concern"],
  [/^\W*(comments? on\b|commentary on\b|reply to\b|in reply\b|re:\s|response to\s*[:"“'«]|letter to the editor (regarding|re|about|on)\b)/i, "comment"],
  // The authors' reply under the title of the letter it answers ("<title>: reply", BJD and JAAD style).
  [/^\W*(the )?authors?['’]? (reply|response)\b/i, "comment"],
  [/[:.]\s*(the )?(authors?['’]? )?(reply|response)\W*$/i, "comment"],
];

/** The notice kind of a record, or null for an article that reports its own work. */
export function noticeKind(article: DedupeInput): NoticeKind | null {
  const fromTypes = article.publicationTypes
    .map((t) => NOTICE_PUBLICATION_TYPES[t.trim().toLowerCase()])
    .filter((k): k is NoticeKind => k !== undefined);
  // A retraction notice that is also tagged Comment is a retraction notice first.
  const order: NoticeKind[] = ["retraction-notice", "expression-of-concern", "erratum", "comment"];
  for (const kind of order) if (fromTypes.includes(kind)) return kind;
  for (const kind of order) {
    if (article.commentsCorrections.some((c) => REF_TYPE_KIND[c.refType] === kind)) return kind;
  }
  const title = article.title ?? "";
  for (const [re, kind] of NOTICE_TITLE_PATTERNS) if (re.test(title)) return kind;
  return null;
}

/** PMID of the article a notice concerns, from its CommentsCorrections link. */
export function concernedPmid(article: DedupeInput, kind: NoticeKind): string | null {
  const link = article.commentsCorrections.find((c) => c.refType === CONCERNS_REF_TYPE[kind] && c.pmid);
  return link?.pmid ?? null;
}

/** A publisher's mark before a retracted article's title: "RETRACTED:", "RETRACTED ARTICLE:", "[Retracted]", SciELO's "[RETRACTED ARTICLE]:". */
const RETRACTED_TITLE_MARK = /^\W*retracted( article)?\s*[:.\]]\s*/i;

/** Publication type "Retracted Publication", a RetractionIn link, or a publisher's "RETRACTED:" title. */
export function isRetractedRecord(article: DedupeInput): boolean {
  if (article.publicationTypes.some((t) => t.trim().toLowerCase() === "retracted publication")) return true;
  if (article.commentsCorrections.some((c) => c.refType === "RetractionIn")) return true;
  return RETRACTED_TITLE_MARK.test(article.title ?? "");
}

/**
 * The title without a publisher's retraction mark: copies made before the retraction, and other databases,
 * show the article under its own title. (The mark is kept apart, as the record's retracted flag.)
 */
export function titleWithoutRetractionMark(title: string | null): string | null {
  return title === null ? null : title.replace(RETRACTED_TITLE_MARK, "");
}

/** DOI prefixes registered by preprint servers. */
const PREPRINT_DOI = [
  /^10\.1101\/\d{4}\.\d{2}\.\d{2}\./, // bioRxiv, medRxiv (date-shaped suffix; other 10.1101 DOIs are CSHL journals)
  /^10\.1101\/\d{5,7}$/, // early bioRxiv
  /^10\.20944\/preprints/, // Preprints.org
  /^10\.21203\/rs\./, // Research Square
  /^10\.2139\/ssrn\./, // SSRN
  /^10\.48550\/arxiv\./, // arXiv
  /^10\.31219\/osf\.io/, // OSF Preprints
  /^10\.22541\/au\./, // Authorea
  /^10\.26434\/chemrxiv/, // ChemRxiv
  /^10\.31234\/osf\.io/, // PsyArXiv
  // Copernicus (EGU) discussion preprints: "egusphere-2022-498", "hess-2019-123". Final papers name volume,
  // page and year ("nhess-23-1335-2023"); EGU General Assembly abstracts "egusphere-egu21-3097".
  /^10\.5194\/[a-z]+-\d{4}-\d+$/,
];

const PREPRINT_JOURNAL = /^(biorxiv|medrxiv|research square|ssrn|arxiv|preprints|authorea|chemrxiv|res sq|egusphere)\b/i;

/** A preprint: PubMed's "Preprint" publication type, a preprint server's DOI, or its name as the journal. */
export function isPreprint(article: DedupeInput): boolean {
  if (article.publicationTypes.some((t) => /\bpreprint\b/i.test(t))) return true;
  const doi = normalizeDoi(article.doi);
  if (doi && PREPRINT_DOI.some((re) => re.test(doi))) return true;
  const journal = article.journal.title ?? article.journal.isoAbbreviation;
  return journal !== null && PREPRINT_JOURNAL.test(journal.trim());
}

/** DOIs given to each abstract of a meeting: EGU General Assembly ("10.5194/egusphere-egu21-3097", "...-egu2020-210"). */
const MEETING_ABSTRACT_DOI = /^10\.5194\/egusphere-egu\d+-/;

/**
 * A meeting abstract: PubMed "Congress", Embase "Conference Abstract", Web of Science "Meeting Abstract",
 * or a meeting's abstract DOI (exports such as Dimensions give these records no type).
 * Its title is often that of the full paper that follows a year later, by the same first author.
 */
export function isMeetingAbstract(article: DedupeInput): boolean {
  if (article.publicationTypes.some((t) => /^\s*(congress|(conference|meeting) abstracts?)\s*$/i.test(t))) return true;
  const doi = normalizeDoi(article.doi);
  return doi !== null && MEETING_ABSTRACT_DOI.test(doi);
}
