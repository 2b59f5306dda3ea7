import type { Evidence } from "../../model/classification.js";
import type { DesignId } from "../../model/taxonomy.js";
import type { DecisionStep } from "./vocab-schema.js";
import type { CompiledDimension } from "./compile.js";
import type { Scores } from "./match.js";
import { confidenceOf } from "./match.js";

/**
 * The design decision: the steps of design.yaml tried in order (the taxonomy's precedence: review
 * types first, then human > animal > cell), the first that holds wins. No step holding means the
 * rules cannot decide: the fallback is given and marked uncertain.
 */

export interface DesignDecision {
  design: DesignId;
  confidence: number;
  uncertain: boolean;
  evidence: Evidence[];
  /** The step that decided, for explanations ("fallback" when none held). */
  step: string;
}

function scoreOf(scores: Scores, name: string): number {
  return scores.get(name)?.score ?? 0;
}

export function stepHolds(step: DecisionStep, scores: Scores): boolean {
  const own = scores.get(step.label);
  if (!own || own.vetoedBy || own.score < (step.min ?? own.threshold)) return false;
  // for...in rather than Object.entries: each record tries many steps, and entries() makes arrays for each.
  for (const name in step.when) if (scoreOf(scores, name) < step.when[name]!) return false;
  for (const name in step.unless) if (scoreOf(scores, name) >= step.unless[name]!) return false;
  const strength = scoreOf(scores, step.strength ?? step.label);
  for (const name in step.unless_stronger) {
    if (scoreOf(scores, name) > strength * step.unless_stronger[name]!) return false;
  }
  return true;
}

function evidenceOf(scores: Scores, names: string[]): Evidence[] {
  return names
    .flatMap((n) => scores.get(n)?.hits ?? [])
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, 4)
    .map((h) => h.evidence);
}

export function decideDesign(dim: CompiledDimension, scores: Scores): DesignDecision {
  const steps = dim.spec.decision ?? [];
  const confidentAt = dim.spec.confident_at;
  for (const [i, step] of steps.entries()) {
    if (!stepHolds(step, scores)) continue;
    const strength = scoreOf(scores, step.strength ?? step.label);
    return {
      design: step.label as DesignId,
      confidence: step.uncertain ? Math.min(0.4, confidenceOf(strength, confidentAt)) : confidenceOf(strength, confidentAt),
      uncertain: step.uncertain,
      evidence: evidenceOf(scores, [step.label, ...Object.keys(step.when)]),
      step: `decision.${i}`,
    };
  }
  const fallback = (dim.spec.fallback ?? "other") as DesignId;
  return { design: fallback, confidence: 0.2, uncertain: true, evidence: evidenceOf(scores, [fallback]), step: "fallback" };
}
