import type { ClassifyInput } from "./input.js";
import type { Classification, Dimension, Evidence, Label } from "../../model/classification.js";
import { DESIGN_INFO } from "../../model/taxonomy.js";
import type { ClaimId, ConditionId, ExosomeSourceId } from "../../model/taxonomy.js";
import type { CompiledDimension, CompiledRule, CompiledRules } from "./compile.js";
import { decideDesign, stepHolds } from "./design.js";
import { extractFollowupWeeks, extractParticipants } from "./extract.js";
import { articleFields } from "./fields.js";
import type { ArticleField } from "./fields.js";
import { LazyScores, confidenceOf, locatePhrases } from "./match.js";
import type { Scores } from "./match.js";

/** Labels of a multi-label dimension that reach their threshold, with what they imply. */
interface Assigned {
  label: string;
  confidence: number;
  evidence: Evidence[];
}

function scoresOf(dim: CompiledDimension, fields: ArticleField[], found: Set<CompiledRule>): Scores {
  return new LazyScores(dim, fields, found);
}

function assignedLabels(dim: CompiledDimension, scores: Scores, skip: Set<string>): Assigned[] {
  const out = new Map<string, Assigned>();
  for (const g of dim.labels) {
    const s = scores.get(g.name)!;
    if (skip.has(g.name) || s.vetoedBy || s.score < s.threshold || s.score <= 0) continue;
    out.set(g.name, { label: g.name, confidence: confidenceOf(s.score, dim.spec.confident_at), evidence: s.hits.slice(0, 3).map((h) => h.evidence) });
  }
  for (const a of [...out.values()]) {
    for (const implied of dim.spec.implies[a.label] ?? []) {
      if (!out.has(implied)) out.set(implied, { ...a, label: implied, evidence: [{ rule: `implied-by:${a.label}`, field: a.evidence[0]?.field ?? "", text: a.evidence[0]?.text ?? "" }] });
    }
  }
  // Deterministic order: the vocabulary's label order.
  const order = Object.keys(dim.spec.labels);
  return [...out.values()].sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
}

function aboutExosomes(dim: CompiledDimension, scores: Scores): boolean {
  const steps = dim.spec.decision;
  if (steps && steps.length) return steps.some((s) => stepHolds(s, scores));
  const s = scores.get("about-exosomes");
  return !!s && !s.vetoedBy && s.score >= s.threshold;
}

function conditionsOf(dim: CompiledDimension, scores: Scores): Assigned[] {
  const found = assignedLabels(dim, scores, new Set(["other-skin", "not-skin"]));
  const other = scores.get("other-skin");
  const skin = scores.get("skin");
  if (other && !other.vetoedBy && other.score >= other.threshold) {
    found.push({ label: "other-skin", confidence: confidenceOf(other.score, dim.spec.confident_at), evidence: other.hits.slice(0, 3).map((h) => h.evidence) });
  } else if (found.length === 0 && skin && skin.score >= skin.threshold) {
    // Skin is the topic but no named condition fits: the taxonomy's catch-all.
    found.push({ label: "other-skin", confidence: confidenceOf(skin.score, dim.spec.confident_at), evidence: skin.hits.slice(0, 3).map((h) => h.evidence) });
  }
  const notSkin = scores.get("not-skin");
  // Another organ dominates only if it outscores the skin vocabulary and every skin condition found.
  const skinEvidence = Math.max(skin?.score ?? 0, ...found.map((f) => scores.get(f.label)?.score ?? 0));
  const notSkinStrong = notSkin && !notSkin.vetoedBy && notSkin.score >= notSkin.threshold && notSkin.score > skinEvidence;
  if (found.length === 0 || notSkinStrong) {
    const skinScore = skin?.score ?? 0;
    found.push({
      label: "not-skin",
      confidence: found.length === 0 ? Math.max(0.5, 1 - confidenceOf(skinScore, dim.spec.confident_at)) : confidenceOf(notSkin!.score, dim.spec.confident_at),
      evidence: notSkin?.hits.slice(0, 3).map((h) => h.evidence) ?? [],
    });
  }
  return found;
}

function toLabels(dimension: Dimension, list: Assigned[]): Label[] {
  return list.map((a) => ({ dimension, label: a.label, confidence: a.confidence, evidence: a.evidence }));
}

/** Classifies one article (pure apart from the stem cache inside `rules`). */
export function classifyArticle(article: ClassifyInput, rules: CompiledRules): Classification {
  const fields = articleFields(article, rules.stems);
  const found = locatePhrases(fields, rules.words);
  const { design: dDim, condition: cDim, source: sDim, claim: clDim, relevance: rDim } = rules.dims;

  const relScores = scoresOf(rDim, fields, found);
  const isExo = aboutExosomes(rDim, relScores);
  const exoScore = relScores.get("about-exosomes")?.score ?? 0;
  const relEvidence = (relScores.get("about-exosomes")?.hits ?? []).slice(0, 3).map((h) => h.evidence);

  const decision = decideDesign(dDim, scoresOf(dDim, fields, found));
  const info = DESIGN_INFO[decision.design];

  const conditions = conditionsOf(cDim, scoresOf(cDim, fields, found));
  const skin = conditions.filter((c) => c.label !== "not-skin");

  let sources: Assigned[];
  if (!isExo) {
    const why = relScores.get("about-exosomes")?.vetoedBy;
    sources = [{ label: "not-exosome", confidence: Math.max(0.5, 1 - confidenceOf(exoScore, rDim.spec.confident_at)), evidence: why ? [why] : [] }];
  } else {
    sources = assignedLabels(sDim, scoresOf(sDim, fields, found), new Set(["not-stated", "not-exosome"]));
    if (sources.length === 0) sources = [{ label: "not-stated", confidence: 0.6, evidence: relEvidence.slice(0, 1) }];
  }

  const claims = assignedLabels(clDim, scoresOf(clDim, fields, found), new Set());
  const human = info.group === "clinical";
  const labels: Label[] = [
    { dimension: "design", label: decision.design, confidence: decision.confidence, evidence: decision.evidence },
    ...toLabels("condition", conditions),
    ...toLabels("source", sources),
    ...toLabels("claim", claims),
  ];
  if (isExo) labels.push({ dimension: "relevance", label: "about-exosomes", confidence: confidenceOf(exoScore, rDim.spec.confident_at), evidence: relEvidence });
  if (skin.length) labels.push({ dimension: "relevance", label: "about-skin", confidence: Math.max(...skin.map((s) => s.confidence)), evidence: skin[0]!.evidence.slice(0, 1) });

  return {
    recordId: article.recordId,
    design: decision.design,
    designGroup: info.group,
    evidenceLevel: info.evidenceLevel,
    designConfidence: decision.confidence,
    designUncertain: decision.uncertain,
    designEvidence: decision.evidence,
    conditions: conditions.map((c) => c.label as ConditionId),
    exosomeSources: sources.map((s) => s.label as ExosomeSourceId),
    claims: claims.map((c) => c.label as ClaimId),
    aboutExosomes: isExo,
    aboutSkin: skin.length > 0,
    participants: human ? extractParticipants(article.abstract) : null,
    followupWeeks: human ? extractFollowupWeeks(article.abstract) : null,
    labels,
    rulesVersion: rules.rulesVersion,
  };
}
