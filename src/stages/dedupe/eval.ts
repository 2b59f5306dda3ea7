import type { DedupeDecision } from "../../model/dedupe.js";
import { dedupeRecords } from "./core.js";
import type { DedupeOptions } from "./core.js";
import { readGold } from "./gold.js";

/** A pair of records named in the evaluation, with what dedupe said about them. */
export interface PairDetail {
  recordIdA: string;
  recordIdB: string;
  titleA: string | null;
  titleB: string | null;
  /** How the pair came to share a cluster (false merges), or null. */
  ruleB: string | null;
}

/** Pairwise evaluation: a pair counts when both records are in one cluster (as duplicate or version). */
export interface DedupeMetrics {
  records: number;
  works: number;
  goldPairs: number;
  predictedPairs: number;
  truePairs: number;
  /** 1 when nothing was merged: no merge is no false merge. */
  precision: number;
  /** 1 when the gold set has no pairs. */
  recall: number;
  f1: number;
  clusters: number;
  duplicates: number;
  versions: number;
  notices: number;
  retracted: number;
  possible: number;
  falseMerges: PairDetail[];
  missedPairs: PairDetail[];
}

function pairsWithin(groups: Map<string, string[]>): Set<string> {
  const out = new Set<string>();
  for (const ids of groups.values()) {
    const sorted = [...ids].sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) out.add(`${sorted[i]}\t${sorted[j]}`);
  }
  return out;
}

function groupBy(entries: [string, string][]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, key] of entries) {
    const list = out.get(key);
    if (list) list.push(id);
    else out.set(key, [id]);
  }
  return out;
}

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d;
}

export function evalDedupe(goldJsonlText: string, options: DedupeOptions = { preprints: "linked" }, file?: string): DedupeMetrics {
  const gold = readGold(goldJsonlText, file);
  const { decisions, possible } = dedupeRecords(
    gold.map((g) => g.article),
    options,
  );
  const byId = new Map<string, DedupeDecision>(decisions.map((d) => [d.recordId, d]));
  const titles = new Map(gold.map((g) => [g.article.recordId, g.article.title]));
  const goldPairs = pairsWithin(groupBy(gold.map((g) => [g.article.recordId, g.work])));
  const predicted = pairsWithin(groupBy(decisions.map((d) => [d.recordId, d.clusterId])));
  const detail = (pair: string): PairDetail => {
    const [a, b] = pair.split("\t") as [string, string];
    return { recordIdA: a, recordIdB: b, titleA: titles.get(a) ?? null, titleB: titles.get(b) ?? null, ruleB: byId.get(b)?.rule ?? null };
  };
  const truePairs = [...predicted].filter((p) => goldPairs.has(p)).length;
  const precision = ratio(truePairs, predicted.size);
  const recall = ratio(truePairs, goldPairs.size);
  return {
    records: gold.length,
    works: new Set(gold.map((g) => g.work)).size,
    goldPairs: goldPairs.size,
    predictedPairs: predicted.size,
    truePairs,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    clusters: new Set(decisions.map((d) => d.clusterId)).size,
    duplicates: decisions.filter((d) => d.role === "duplicate").length,
    versions: decisions.filter((d) => d.role === "version").length,
    notices: decisions.filter((d) => d.notice !== null).length,
    retracted: decisions.filter((d) => d.retracted).length,
    possible: possible.length,
    falseMerges: [...predicted].filter((p) => !goldPairs.has(p)).sort().map(detail),
    missedPairs: [...goldPairs].filter((p) => !predicted.has(p)).sort().map(detail),
  };
}

function short(title: string | null): string {
  if (title === null) return "(no title)";
  return title.length > 70 ? `${title.slice(0, 67)}...` : title;
}

export function formatDedupeMetrics(m: DedupeMetrics): string {
  const f = (x: number): string => x.toFixed(3);
  const lines = [
    `records ${m.records}, works ${m.works}, clusters ${m.clusters} (duplicates ${m.duplicates}, versions ${m.versions}, notices ${m.notices}, retracted ${m.retracted}, possible duplicates ${m.possible})`,
    `pairs: gold ${m.goldPairs}, predicted ${m.predictedPairs}, correct ${m.truePairs}`,
    `precision ${f(m.precision)}  recall ${f(m.recall)}  F1 ${f(m.f1)}`,
  ];
  if (m.falseMerges.length > 0) {
    lines.push(`false merges (${m.falseMerges.length}):`);
    for (const p of m.falseMerges) lines.push(`  ${p.recordIdA} + ${p.recordIdB} [${p.ruleB ?? "via cluster"}]: ${short(p.titleA)} | ${short(p.titleB)}`);
  }
  if (m.missedPairs.length > 0) {
    lines.push(`missed pairs (${m.missedPairs.length}):`);
    for (const p of m.missedPairs) lines.push(`  ${p.recordIdA} + ${p.recordIdB}: ${short(p.titleA)} | ${short(p.titleB)}`);
  }
  return lines.join("\n");
}
