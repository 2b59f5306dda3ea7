/** Label ids fixed by the review's taxonomy (shared/taxonomy.md). Use exactly these everywhere. */

export const DESIGNS = [
  "systematic-review",
  "rct",
  "clinical-nonrandomized",
  "case-report",
  "animal",
  "in-vitro",
  "review",
  "other",
] as const;
export type DesignId = (typeof DESIGNS)[number];

export type DesignGroup = "review" | "clinical" | "preclinical" | "other";

export const DESIGN_INFO: Record<DesignId, { group: DesignGroup; evidenceLevel: number | null }> = {
  "systematic-review": { group: "review", evidenceLevel: 1 },
  rct: { group: "clinical", evidenceLevel: 2 },
  "clinical-nonrandomized": { group: "clinical", evidenceLevel: 3 },
  "case-report": { group: "clinical", evidenceLevel: 4 },
  animal: { group: "preclinical", evidenceLevel: 5 },
  "in-vitro": { group: "preclinical", evidenceLevel: 5 },
  review: { group: "review", evidenceLevel: 5 },
  other: { group: "other", evidenceLevel: null },
};

export const DESIGN_GROUPS: readonly DesignGroup[] = ["review", "clinical", "preclinical", "other"];

export const CONDITIONS = [
  "skin-aging",
  "wound-healing",
  "scar",
  "acne",
  "alopecia",
  "atopic-dermatitis",
  "psoriasis",
  "pigmentation",
  "vitiligo",
  "burn",
  "diabetic-ulcer",
  "rosacea",
  "systemic-sclerosis",
  "skin-cancer",
  "other-skin",
  "not-skin",
] as const;
export type ConditionId = (typeof CONDITIONS)[number];

export const EXOSOME_SOURCES = [
  "msc",
  "platelet",
  "plant",
  "milk",
  "other-cell",
  "bacterial",
  "engineered",
  "not-stated",
  "not-exosome",
] as const;
export type ExosomeSourceId = (typeof EXOSOME_SOURCES)[number];

/** The marketed benefits of exosome skincare that the review checks against evidence. */
export const CLAIMS = [
  "collagen-elastin",
  "elasticity-firmness",
  "wrinkles",
  "wound-closure",
  "scar-remodelling",
  "anti-inflammation",
  "barrier-hydration",
  "mmp-inhibition",
  "angiogenesis",
  "pigmentation",
  "hair-growth",
  "safety",
] as const;
export type ClaimId = (typeof CLAIMS)[number];

/** Why a record is left out of the evidence tables. */
export const EXCLUSION_REASONS = ["duplicate", "notice", "retracted", "not-exosome", "not-skin", "deleted"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];
