import { CONDITIONS, DESIGNS, EXOSOME_SOURCES } from "../../model/taxonomy.js";
import { classifyArticle } from "./classify.js";
import type { CompiledRules } from "./compile.js";
import { goldToArticle, parseGold } from "./gold.js";

/** `litreview eval classify`: the classifiers measured against labelled articles. */

export interface LabelMetrics {
  label: string;
  support: number;
  predicted: number;
  tp: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface MultiLabelMetrics {
  perLabel: LabelMetrics[];
  macroF1: number;
  microPrecision: number;
  microRecall: number;
  microF1: number;
}

export interface DesignError {
  id: string;
  title: string;
  gold: string;
  predicted: string;
  uncertain: boolean;
}

export interface ClassifyMetrics {
  articles: number;
  rulesVersion: string;
  design: {
    accuracy: number;
    macroF1: number;
    uncertain: number;
    perLabel: LabelMetrics[];
    /** rows: gold design, columns: predicted design, in `labels` order. */
    confusion: { labels: string[]; matrix: number[][] };
    errors: DesignError[];
  };
  conditions: MultiLabelMetrics;
  sources: MultiLabelMetrics;
  relevance: { accuracy: number; precision: number; recall: number; f1: number };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1Of = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function labelMetrics(label: string, pairs: { gold: string[]; pred: string[] }[]): LabelMetrics {
  let support = 0;
  let predicted = 0;
  let tp = 0;
  for (const { gold, pred } of pairs) {
    const g = gold.includes(label);
    const p = pred.includes(label);
    if (g) support++;
    if (p) predicted++;
    if (g && p) tp++;
  }
  const precision = ratio(tp, predicted);
  const recall = ratio(tp, support);
  return { label, support, predicted, tp, precision: round(precision), recall: round(recall), f1: round(f1Of(precision, recall)) };
}

/** Per-label figures over the labels seen in the gold set or the predictions; macro and micro averages. */
export function multiLabelMetrics(labels: readonly string[], pairs: { gold: string[]; pred: string[] }[]): MultiLabelMetrics {
  const perLabel = labels.map((l) => labelMetrics(l, pairs)).filter((m) => m.support > 0 || m.predicted > 0);
  const tp = perLabel.reduce((s, m) => s + m.tp, 0);
  const predicted = perLabel.reduce((s, m) => s + m.predicted, 0);
  const support = perLabel.reduce((s, m) => s + m.support, 0);
  const p = ratio(tp, predicted);
  const r = ratio(tp, support);
  return {
    perLabel,
    macroF1: round(ratio(perLabel.reduce((s, m) => s + m.f1, 0), perLabel.length)),
    microPrecision: round(p),
    microRecall: round(r),
    microF1: round(f1Of(p, r)),
  };
}

export function evalClassify(goldJsonlText: string, rules: CompiledRules, file?: string): ClassifyMetrics {
  const gold = parseGold(goldJsonlText, file);
  const results = gold.map((g) => ({ g, c: classifyArticle(goldToArticle(g), rules) }));
  const designPairs = results.map(({ g, c }) => ({ gold: [g.design], pred: [c.design as string] }));
  const design = multiLabelMetrics(DESIGNS, designPairs);
  const index = new Map<string, number>(DESIGNS.map((d, i) => [d, i]));
  const matrix = DESIGNS.map(() => DESIGNS.map(() => 0));
  for (const { g, c } of results) {
    const row = index.get(g.design);
    if (row !== undefined) matrix[row]![index.get(c.design)!]!++;
  }
  const correctExo = results.filter(({ g, c }) => g.is_exosome_topic === c.aboutExosomes).length;
  const exoTp = results.filter(({ g, c }) => g.is_exosome_topic && c.aboutExosomes).length;
  const exoP = ratio(exoTp, results.filter(({ c }) => c.aboutExosomes).length);
  const exoR = ratio(exoTp, results.filter(({ g }) => g.is_exosome_topic).length);
  return {
    articles: results.length,
    rulesVersion: rules.rulesVersion,
    design: {
      accuracy: round(ratio(results.filter(({ g, c }) => g.design === c.design).length, results.length)),
      macroF1: design.macroF1,
      uncertain: results.filter(({ c }) => c.designUncertain).length,
      perLabel: design.perLabel,
      confusion: { labels: [...DESIGNS], matrix },
      errors: results
        .filter(({ g, c }) => g.design !== c.design)
        .map(({ g, c }) => ({ id: g.id, title: g.title ?? "", gold: g.design, predicted: c.design, uncertain: c.designUncertain })),
    },
    conditions: multiLabelMetrics(CONDITIONS, results.map(({ g, c }) => ({ gold: g.conditions, pred: c.conditions }))),
    sources: multiLabelMetrics(EXOSOME_SOURCES, results.map(({ g, c }) => ({ gold: g.exosome_source, pred: c.exosomeSources }))),
    relevance: { accuracy: round(ratio(correctExo, results.length)), precision: round(exoP), recall: round(exoR), f1: round(f1Of(exoP, exoR)) },
  };
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const num = (x: number) => x.toFixed(3);

function table(title: string, m: MultiLabelMetrics): string[] {
  const lines = [title, `  ${pad("label", 24)}${pad("support", 9)}${pad("pred", 6)}${pad("precision", 11)}${pad("recall", 8)}f1`];
  for (const l of m.perLabel) lines.push(`  ${pad(l.label, 24)}${pad(l.support, 9)}${pad(l.predicted, 6)}${pad(num(l.precision), 11)}${pad(num(l.recall), 8)}${num(l.f1)}`);
  lines.push(`  macro-F1 ${num(m.macroF1)}   micro precision ${num(m.microPrecision)}  recall ${num(m.microRecall)}  F1 ${num(m.microF1)}`);
  return lines;
}

const SHORT: Record<string, string> = {
  "systematic-review": "SR", rct: "RCT", "clinical-nonrandomized": "CNR", "case-report": "CASE",
  animal: "ANIMAL", "in-vitro": "VITRO", review: "REVIEW", other: "OTHER",
};

/** A readable report of the metrics. */
export function formatClassifyMetrics(m: ClassifyMetrics): string {
  const abbrev = m.design.confusion.labels.map((l) => SHORT[l] ?? l.slice(0, 6));
  const lines = [
    `Classifier evaluation on ${m.articles} labelled articles (rules ${m.rulesVersion})`,
    "",
    `Design: accuracy ${num(m.design.accuracy)}, macro-F1 ${num(m.design.macroF1)}, uncertain ${m.design.uncertain}`,
    ...table("", { ...m.conditions, perLabel: m.design.perLabel, macroF1: m.design.macroF1, microPrecision: m.design.accuracy, microRecall: m.design.accuracy, microF1: m.design.accuracy }).slice(1, -1),
    "",
    "Design confusion matrix (rows: gold, columns: predicted; CNR = clinical-nonrandomized)",
    `  ${pad("", 24)}${abbrev.map((a) => pad(a, 8)).join("")}`,
    ...m.design.confusion.labels.map((l, i) => `  ${pad(l, 24)}${m.design.confusion.matrix[i]!.map((v) => pad(v, 8)).join("")}`),
    "",
    ...table("Conditions", m.conditions),
    "",
    ...table("Exosome sources", m.sources),
    "",
    `Relevance (about exosomes): accuracy ${num(m.relevance.accuracy)}, precision ${num(m.relevance.precision)}, recall ${num(m.relevance.recall)}, F1 ${num(m.relevance.f1)}`,
  ];
  if (m.design.errors.length) {
    lines.push("", "Design disagreements (gold -> predicted)");
    for (const e of m.design.errors) lines.push(`  ${e.gold} -> ${e.predicted}${e.uncertain ? " (uncertain)" : ""}: ${e.title.slice(0, 90)}`);
  }
  return lines.join("\n");
}
