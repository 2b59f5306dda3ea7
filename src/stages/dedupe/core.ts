import type { Article } from "../../model/article.js";
import type { DedupeDecision, PossibleDuplicate } from "../../model/dedupe.js";
import { candidatePairs } from "./blocking.js";
import { chooseKept, constrainedClusters, explainCluster } from "./cluster.js";
import type { Edge } from "./cluster.js";
import { comparePair } from "./compare.js";
import { recordFeatures } from "./features.js";
import type { RecordFeatures } from "./features.js";

export interface DedupeOptions {
  /** A preprint and its journal version: "linked" keeps both (role `version`), "merged" makes the preprint a duplicate. */
  preprints: "linked" | "merged";
}

export interface DedupeResult {
  decisions: DedupeDecision[];
  possible: PossibleDuplicate[];
  /** Candidate blocks too large to compare in full (compared by sorted neighbourhood). */
  largeBlocks: number;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One decision for every input record, and the near misses. Deterministic: the input is sorted by
 * record_id first, so the same records in any order give the same output.
 */
export function dedupeRecords(records: readonly Article[], options: DedupeOptions): DedupeResult {
  return dedupeFeatures(records.map(recordFeatures), options);
}

/**
 * The same over features made one record at a time (the stage streams records from the store and keeps
 * only their features). Sorts by record_id and renumbers, so any input order gives the same output.
 */
export function dedupeFeatures(unsorted: RecordFeatures[], options: DedupeOptions): DedupeResult {
  const features = [...unsorted].sort((a, b) => compareIds(a.recordId, b.recordId));
  features.forEach((f, i) => (f.index = i));
  const { pairs, largeBlocks } = candidatePairs(features);
  const edges: ScoredEdge[] = [];
  const nearMisses: ScoredPair[] = [];
  for (let k = 0; k < pairs.length; k++) {
    const i = pairs.first[k]!;
    const j = pairs.second[k]!;
    const v = comparePair(features[i]!, features[j]!);
    if (!v.rule && !v.near) continue;
    const pair: ScoredPair = { a: i, b: j, score: v.score, fieldScores: v.fieldScores, reason: v.reason };
    if (v.rule) edges.push({ a: i, b: j, rule: v.rule, score: v.score, version: v.version, pair });
    else nearMisses.push(pair);
  }
  const { clusters, accepted, refused } = constrainedClusters(features, edges);
  // A match refused for joining two different DOIs or PMIDs is exactly what a human should look at.
  for (const e of refused) nearMisses.push({ ...e.pair, reason: "different-ids" });
  const clusterOf = clusterIndex(features.length, clusters);
  const decisions = decide(features, clusters, clusterOf, accepted, options);
  // Indices follow record_id order, so this is record_id order too.
  nearMisses.sort((x, y) => x.a - y.a || x.b - y.b);
  // A near miss between two records that other matches already put in one cluster is no longer a question.
  const possible = nearMisses
    .filter((p) => clusterOf[p.a] !== clusterOf[p.b])
    .map((p) => ({ recordIdA: features[p.a]!.recordId, recordIdB: features[p.b]!.recordId, score: p.score, fieldScores: p.fieldScores, reason: p.reason }));
  return { decisions, possible, largeBlocks };
}

/** A compared pair (indices into the sorted features) with its scores. */
interface ScoredPair {
  a: number;
  b: number;
  score: number;
  fieldScores: PossibleDuplicate["fieldScores"];
  reason: PossibleDuplicate["reason"];
}

/** A match, with its pair's scores for when it is refused. */
interface ScoredEdge extends Edge {
  pair: ScoredPair;
}

/** The cluster number of each record. */
function clusterIndex(n: number, clusters: number[][]): Int32Array {
  const clusterOf = new Int32Array(n);
  clusters.forEach((members, c) => members.forEach((m) => (clusterOf[m] = c)));
  return clusterOf;
}

/** A record alone in its cluster is kept, and reached by no edge. */
const NOTHING_TO_EXPLAIN: ReadonlyMap<number, Edge> = new Map();

function decide(
  features: RecordFeatures[],
  clusters: number[][],
  clusterOf: Int32Array,
  edges: Edge[],
  options: DedupeOptions,
): DedupeDecision[] {
  const edgesByCluster = new Map<number, Edge[]>();
  for (const e of edges) {
    const c = clusterOf[e.a]!;
    const list = edgesByCluster.get(c);
    if (list) list.push(e);
    else edgesByCluster.set(c, [e]);
  }
  const decisions: DedupeDecision[] = new Array(features.length);
  clusters.forEach((members, c) => {
    const kept = members.length === 1 ? features[members[0]!]! : chooseKept(members.map((m) => features[m]!));
    const via = members.length === 1 ? NOTHING_TO_EXPLAIN : explainCluster(kept.index, edgesByCluster.get(c) ?? []);
    for (const m of members) {
      const f = features[m]!;
      const edge = via.get(m) ?? null;
      const role = f === kept ? "kept" : f.preprint && !kept.preprint && options.preprints === "linked" ? "version" : "duplicate";
      decisions[m] = {
        recordId: f.recordId,
        clusterId: kept.recordId,
        keptRecordId: kept.recordId,
        role,
        rule: edge?.rule ?? null,
        score: edge?.score ?? null,
        notice: f.kind === "article" ? null : f.kind,
        concerns: null,
        retracted: f.retracted,
      };
    }
  });
  // Only notices look works up, and most stores have few: the table is made when first needed.
  let works: Map<string, string> | undefined;
  const workOf = (pmid: string): string | undefined => (works ??= workByPmid(features, decisions)).get(pmid);
  linkNotices(features, decisions, workOf);
  propagateRetraction(features, decisions, workOf);
  return decisions;
}

/** Kept record_id of the work each PMID belongs to (articles only: a notice is not what notices concern). */
function workByPmid(features: RecordFeatures[], decisions: DedupeDecision[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of features) {
    if (f.pmid && f.kind === "article" && !out.has(f.pmid)) out.set(f.pmid, decisions[f.index]!.keptRecordId);
  }
  return out;
}

/** The kept record_id of the work a PMID belongs to (see workByPmid). */
type WorkOf = (pmid: string) => string | undefined;

function linkNotices(features: RecordFeatures[], decisions: DedupeDecision[], workOf: WorkOf): void {
  for (const f of features) {
    if (f.kind === "article") continue;
    const pmid = f.concernsPmid;
    if (pmid) decisions[f.index]!.concerns = workOf(pmid) ?? pmid;
  }
}

/**
 * A work is retracted when any copy of it says so, or a stored retraction notice names it: the Scopus
 * copy of a retracted PubMed article is just as retracted. A preprint linked as a version keeps its own flag.
 */
function propagateRetraction(features: RecordFeatures[], decisions: DedupeDecision[], workOf: WorkOf): void {
  const retractedClusters = new Set<string>();
  for (const d of decisions) if (d.retracted && d.role !== "version" && d.notice === null) retractedClusters.add(d.clusterId);
  for (const f of features) {
    if (f.kind !== "retraction-notice") continue;
    const work = f.concernsPmid ? workOf(f.concernsPmid) : undefined;
    if (work) retractedClusters.add(work);
  }
  for (const d of decisions) {
    if (d.role !== "version" && d.notice === null && retractedClusters.has(d.clusterId)) d.retracted = true;
  }
}
