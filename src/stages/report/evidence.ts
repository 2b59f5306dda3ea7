import type { Classification } from "../../model/classification.js";
import { CONDITIONS } from "../../model/taxonomy.js";
import type { ConditionId, DesignId } from "../../model/taxonomy.js";

/**
 * The conditions the evidence tables list: taxonomy.md's `not-skin` means "not about skin", and an included
 * article is about skin by definition, so `not-skin` beside a skin condition is the classifier hedging,
 * not a condition the article has evidence for.
 */
export const SKIN_CONDITIONS: readonly ConditionId[] = CONDITIONS.filter((c) => c !== "not-skin");

/** An included article's conditions as the evidence tables count them (see SKIN_CONDITIONS). */
export function skinConditions(c: Pick<Classification, "conditions">): ConditionId[] {
  return c.conditions.filter((condition) => condition !== "not-skin");
}

export type EvidenceStrength = "established" | "moderate" | "emerging" | "preclinical only" | "reviews only" | "none";

/** How many included articles of each kind report on one claim or condition. */
export interface EvidenceCounts {
  systematicReviews: number;
  rcts: number;
  /** Non-randomised clinical studies, case reports and case series. */
  otherClinical: number;
  /** Animal and in-vitro studies. */
  preclinical: number;
  /** Narrative reviews. */
  reviews: number;
  other: number;
}

export function emptyCounts(): EvidenceCounts {
  return { systematicReviews: 0, rcts: 0, otherClinical: 0, preclinical: 0, reviews: 0, other: 0 };
}

const BUCKET: Record<DesignId, keyof EvidenceCounts> = {
  "systematic-review": "systematicReviews",
  rct: "rcts",
  "clinical-nonrandomized": "otherClinical",
  "case-report": "otherClinical",
  animal: "preclinical",
  "in-vitro": "preclinical",
  review: "reviews",
  other: "other",
};

/** The kind of evidence a design counts as. */
export function evidenceKind(design: DesignId): keyof EvidenceCounts {
  return BUCKET[design];
}

export function addDesign(counts: EvidenceCounts, design: DesignId): void {
  counts[BUCKET[design]] += 1;
}

export function countDesigns(classifications: readonly Classification[]): EvidenceCounts {
  const counts = emptyCounts();
  for (const c of classifications) addDesign(counts, c.design);
  return counts;
}

/**
 * The evidence-strength rule, on included (not retracted, not duplicate) articles only:
 * - established: at least two RCTs;
 * - moderate: one RCT, or at least two other clinical studies;
 * - emerging: one other clinical study (non-randomised study, case report or series);
 * - preclinical only: no human data, at least one animal or in-vitro study;
 * - reviews only: only reviews, systematic reviews or other articles, no primary data;
 * - none: no included article.
 * Reviews never raise the strength: in this field they mostly summarise the same preclinical work.
 */
export function evidenceStrength(c: EvidenceCounts): EvidenceStrength {
  if (c.rcts >= 2) return "established";
  if (c.rcts === 1 || c.otherClinical >= 2) return "moderate";
  if (c.otherClinical === 1) return "emerging";
  if (c.preclinical > 0) return "preclinical only";
  if (c.systematicReviews + c.reviews + c.other > 0) return "reviews only";
  return "none";
}

/** The rule in words, for summary.md and reports/README.md. */
export const EVIDENCE_STRENGTH_RULE =
  "established = at least two RCTs; moderate = one RCT, or at least two other clinical studies; " +
  "emerging = one other clinical study (non-randomised study, case report or series); " +
  "preclinical only = animal or in-vitro studies and no human data; reviews only = reviews and no primary data; " +
  "none = no included article. Reviews never raise the strength.";
