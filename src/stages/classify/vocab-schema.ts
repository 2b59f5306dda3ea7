import { z } from "zod";

/**
 * Shape of one vocabulary file (data/vocab/*.yaml). A researcher edits these; zod checks them at load
 * time so a typo names the file and the field instead of silently changing the classifier.
 */

const fieldWeightsSchema = z.record(z.string().min(1), z.number().min(0));

const patternSchema = z.string().min(1).refine(
  (p) => {
    try {
      new RegExp(p, "iu");
      return true;
    } catch {
      return false;
    }
  },
  { message: "is not a valid regular expression" },
);

export const ruleSchema = z
  .object({
    /** Name shown in evidence; defaults to the first phrase or the pattern. */
    id: z.string().min(1).optional(),
    /** Phrases matched on word stems, in order; "..." inside a phrase allows up to 3 words in between. */
    phrases: z.array(z.string().min(1)).min(1).optional(),
    /** A regular expression (case-insensitive) tried on each sentence's normalised text. */
    pattern: patternSchema.optional(),
    weight: z.number().default(1),
    /** Only these fields (title, abstract, abstract:METHODS, keywords, mesh, publication_types). */
    fields: z.array(z.string().min(1)).min(1).optional(),
    /** The match counts only when one of these phrases is in the same sentence within `window` words. */
    near: z.array(z.string().min(1)).min(1).optional(),
    /** The match does not count when one of these phrases is in the same sentence within `window` words. */
    not_near: z.array(z.string().min(1)).min(1).optional(),
    /** The match does not count when one of these phrases ends within `window` words before it (same sentence). */
    not_after: z.array(z.string().min(1)).min(1).optional(),
    window: z.number().int().min(1).max(60).optional(),
    /** How many matches per field add to the score. */
    max_count: z.number().int().min(1).max(100).default(1),
  })
  .strict()
  .refine((r) => r.phrases !== undefined || r.pattern !== undefined, {
    message: "a rule needs `phrases` or `pattern`",
  });

export const groupSchema = z
  .object({
    description: z.string().optional(),
    /** Score the label needs to be assigned. */
    threshold: z.number().min(0).default(1),
    rules: z.array(ruleSchema).default([]),
    /** Phrases that veto the label wherever they match (fields and context as in rules). */
    exclude: z.array(ruleSchema).default([]),
  })
  .strict();

const stepSchema = z
  .object({
    label: z.string().min(1),
    /** Score the label needs in this step (defaults to the label's threshold). */
    min: z.number().min(0).optional(),
    /** Every named signal must reach the given score. */
    when: z.record(z.string().min(1), z.number()).default({}),
    /** The step is skipped when any named signal reaches the given score. */
    unless: z.record(z.string().min(1), z.number()).default({}),
    /** The step is skipped when any named signal scores more than the step's strength times the factor. */
    unless_stronger: z.record(z.string().min(1), z.number().min(0)).default({}),
    /** Which signal's score measures the decision's strength and confidence (defaults to the label's own). */
    strength: z.string().min(1).optional(),
    /** A best guess: the design is given but marked uncertain. */
    uncertain: z.boolean().default(false),
  })
  .strict();

export const vocabFileSchema = z
  .object({
    dimension: z.enum(["design", "condition", "source", "claim", "relevance"]),
    description: z.string().optional(),
    /** Multiplier per field; abstract:<SECTION> falls back to abstract; fields not listed count 0. */
    field_weights: fieldWeightsSchema,
    /** Default context window, in words, for near / not_near. */
    window: z.number().int().min(1).max(60).default(8),
    labels: z.record(z.string().min(1), groupSchema),
    /** Auxiliary signals (not labels) that decisions may use. */
    signals: z.record(z.string().min(1), groupSchema).default({}),
    /** design only: steps tried in order; the first that holds gives the design. */
    decision: z.array(stepSchema).optional(),
    /** design only: label used when no step holds (marked uncertain). */
    fallback: z.string().min(1).optional(),
    /** A label assigned brings these labels with it (diabetic-ulcer brings wound-healing). */
    implies: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
    /** Score at which a label's confidence reaches about 0.9. */
    confident_at: z.number().positive().default(6),
  })
  .strict();

export type RuleSpec = z.infer<typeof ruleSchema>;
export type GroupSpec = z.infer<typeof groupSchema>;
export type DecisionStep = z.infer<typeof stepSchema>;
export type VocabFile = z.infer<typeof vocabFileSchema>;
export type VocabDimension = VocabFile["dimension"];

/** All vocabulary files, one per dimension, plus the version that identifies their content. */
export interface Vocabulary {
  dir: string;
  files: Record<VocabDimension, VocabFile & { file: string }>;
  rulesVersion: string;
}
