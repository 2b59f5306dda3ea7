import type { ClaimId, ConditionId, DesignGroup, DesignId, ExosomeSourceId } from "./taxonomy.js";

export type Dimension = "design" | "condition" | "source" | "claim" | "relevance";

/** Why a label was given: the rule that fired, the text it matched and the field it matched in. */
export interface Evidence {
  rule: string;
  /** title, abstract, abstract:METHODS, keywords, mesh, publication_types, ... */
  field: string;
  text: string;
}

export interface Label {
  dimension: Dimension;
  label: string;
  /** 0..1 */
  confidence: number;
  evidence: Evidence[];
}

export interface Classification {
  recordId: string;
  design: DesignId;
  designGroup: DesignGroup;
  evidenceLevel: number | null;
  designConfidence: number;
  /** True when the rules could not decide the design; `design` then holds the best guess. */
  designUncertain: boolean;
  designEvidence: Evidence[];
  conditions: ConditionId[];
  exosomeSources: ExosomeSourceId[];
  claims: ClaimId[];
  /** About exosomes or extracellular vesicles. */
  aboutExosomes: boolean;
  /** About skin (conditions is not only not-skin). */
  aboutSkin: boolean;
  participants: number | null;
  followupWeeks: number | null;
  /** Every label with its evidence (one tags.csv row each). */
  labels: Label[];
  /** Version of the rules that produced this, so reruns can tell reclassification apart. */
  rulesVersion: string;
}
