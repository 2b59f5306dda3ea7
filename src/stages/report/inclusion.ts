import type { Article } from "../../model/article.js";
import type { Classification } from "../../model/classification.js";
import type { DedupeDecision } from "../../model/dedupe.js";
import type { ExclusionReason } from "../../model/taxonomy.js";

/**
 * Why a record is left out of the evidence tables. `unclassified` is the report's own addition to the
 * taxonomy's reasons: a record the classify stage has not tagged yet is neither in nor silently out.
 */
export type ReportExclusionReason = ExclusionReason | "unclassified";

/**
 * The order reasons are checked in; the first that applies is the record's one reason, so every record
 * lands in exactly one PRISMA box and the flow counts add up.
 */
export const EXCLUSION_ORDER: readonly ReportExclusionReason[] = [
  "deleted",
  "duplicate",
  "notice",
  "retracted",
  "unclassified",
  "not-exosome",
  "not-skin",
];

export interface InclusionDecision {
  included: boolean;
  exclusionReason: ReportExclusionReason | null;
}

const NOTICE_TYPES = new Set([
  "published erratum",
  "erratum",
  "retraction of publication",
  "expression of concern",
  "comment",
]);

/** Retracted: the dedupe stage says so, or PubMed marks it (publication type or a RetractionIn link). */
export function isRetracted(article: Article, decision: DedupeDecision | null): boolean {
  if (decision?.retracted) return true;
  if (article.publicationTypes.some((t) => t.toLowerCase() === "retracted publication")) return true;
  return article.commentsCorrections.some((c) => c.refType === "RetractionIn");
}

/** A notice about another article. The dedupe stage decides; publication types stand in before it ran. */
export function isNotice(article: Article, decision: DedupeDecision | null): boolean {
  if (decision) return decision.notice !== null;
  return article.publicationTypes.some((t) => NOTICE_TYPES.has(t.toLowerCase()));
}

/** Relevance rule of taxonomy.md plus deleted and retracted records, checked in EXCLUSION_ORDER. */
export function decideInclusion(
  record: { article: Article; deleted: boolean },
  decision: DedupeDecision | null,
  classification: Classification | null,
): InclusionDecision {
  const reason = firstReason(record, decision, classification);
  return { included: reason === null, exclusionReason: reason };
}

function firstReason(
  record: { article: Article; deleted: boolean },
  decision: DedupeDecision | null,
  classification: Classification | null,
): ReportExclusionReason | null {
  if (record.deleted) return "deleted";
  // A linked preprint stays listed, but its work is counted once: under the published version.
  if (decision?.role === "duplicate" || decision?.role === "version") return "duplicate";
  if (isNotice(record.article, decision)) return "notice";
  if (isRetracted(record.article, decision)) return "retracted";
  if (!classification) return "unclassified";
  if (!isAboutExosomes(classification)) return "not-exosome";
  if (!isAboutSkin(classification)) return "not-skin";
  return null;
}

/** taxonomy.md: `exosome_sources` is not `not-exosome`; the classifier's flag must agree. */
function isAboutExosomes(c: Classification): boolean {
  return c.aboutExosomes && !onlyLabel(c.exosomeSources, "not-exosome");
}

/** taxonomy.md: `conditions` is not only `not-skin`; the classifier's flag must agree. */
function isAboutSkin(c: Classification): boolean {
  return c.aboutSkin && !onlyLabel(c.conditions, "not-skin");
}

function onlyLabel(labels: readonly string[], label: string): boolean {
  return labels.length > 0 && labels.every((l) => l === label);
}
