import type { RecordFeatures } from "./features.js";

/** An accepted match between two records (indices into the sorted input). */
export interface Edge {
  a: number;
  b: number;
  rule: string;
  score: number;
  version: boolean;
}

export function unionFindClusters(n: number, edges: readonly Edge[]): number[][] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[x] !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  for (const e of edges) {
    const ra = find(e.a);
    const rb = find(e.b);
    // The smaller index becomes the root, so the result does not depend on edge order.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()];
}

/**
 * The kept record: the most complete PubMed record. A journal version is kept over its preprint; then a
 * record with a PMID; then the one with most fields filled; then the smallest record_id.
 */
export function chooseKept(members: readonly RecordFeatures[]): RecordFeatures {
  const published = members.filter((m) => !m.preprint);
  const pool = published.length > 0 ? published : members;
  return [...pool].sort(
    (x, y) =>
      Number(y.pmid !== null) - Number(x.pmid !== null) ||
      y.completeness - x.completeness ||
      (x.recordId < y.recordId ? -1 : x.recordId > y.recordId ? 1 : 0),
  )[0]!;
}

const EXACT_PRIORITY: Record<string, number> = { pmid: 0, pmcid: 1, doi: 2, "update-of": 3 };

function edgeOrder(x: Edge, y: Edge): number {
  return (
    (EXACT_PRIORITY[x.rule] ?? 4) - (EXACT_PRIORITY[y.rule] ?? 4) ||
    y.score - x.score ||
    x.a - y.a ||
    x.b - y.b
  );
}

/**
 * Why each member is in its cluster: the strongest edge that reaches it from the kept record, growing a
 * tree outward (identifiers first, then fuzzy matches by score). Members reached only through another
 * duplicate get the edge to that duplicate, which is the honest explanation.
 */
export function explainCluster(kept: number, edges: readonly Edge[]): Map<number, Edge> {
  const sorted = [...edges].sort(edgeOrder);
  const reached = new Set<number>([kept]);
  const via = new Map<number, Edge>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of sorted) {
      const inA = reached.has(e.a);
      const inB = reached.has(e.b);
      if (inA === inB) continue;
      const next = inA ? e.b : e.a;
      reached.add(next);
      via.set(next, e);
      grew = true;
    }
  }
  return via;
}
