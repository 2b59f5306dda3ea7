import type { ClaimId, ConditionId, DesignId } from "../../model/taxonomy.js";

/**
 * The names a reader of summary.md reads for the taxonomy's label ids. The CSVs keep the ids (analysts
 * filter on them); prose and tables for people use these.
 */
const DESIGN_NAMES: Record<DesignId, string> = {
  "systematic-review": "systematic review",
  rct: "RCT",
  "clinical-nonrandomized": "non-randomised clinical study",
  "case-report": "case report or series",
  animal: "animal study",
  "in-vitro": "in-vitro study",
  review: "narrative review",
  other: "other",
};

const CONDITION_NAMES: Record<ConditionId, string> = {
  "skin-aging": "skin aging",
  "wound-healing": "wound healing",
  scar: "scars",
  acne: "acne",
  alopecia: "alopecia",
  "atopic-dermatitis": "atopic dermatitis",
  psoriasis: "psoriasis",
  pigmentation: "pigmentation",
  vitiligo: "vitiligo",
  burn: "burns",
  "diabetic-ulcer": "diabetic ulcers",
  rosacea: "rosacea",
  "systemic-sclerosis": "systemic sclerosis",
  "skin-cancer": "skin cancer",
  "other-skin": "other skin topics",
  "not-skin": "not about skin",
};

const CLAIM_NAMES: Record<ClaimId, string> = {
  "collagen-elastin": "collagen and elastin",
  "elasticity-firmness": "elasticity and firmness",
  wrinkles: "wrinkles",
  "wound-closure": "wound closure",
  "scar-remodelling": "scar remodelling",
  "anti-inflammation": "anti-inflammation",
  "barrier-hydration": "barrier and hydration",
  "mmp-inhibition": "MMP inhibition",
  angiogenesis: "angiogenesis",
  pigmentation: "pigmentation",
  "hair-growth": "hair growth",
  safety: "safety",
};

/** A stored id the taxonomy no longer has (an older store) is shown as stored. */
export function designName(design: string): string {
  return DESIGN_NAMES[design as DesignId] ?? design;
}

export function conditionName(condition: string): string {
  return CONDITION_NAMES[condition as ConditionId] ?? condition;
}

export function claimName(claim: string): string {
  return CLAIM_NAMES[claim as ClaimId] ?? claim;
}

/** "skin aging" → "Skin aging", for headings and the first cell of a row. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
