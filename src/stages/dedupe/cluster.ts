import type { RecordFeatures } from "./features.js";

/** An accepted match between two records (indices into the sorted input). */
export interface Edge {
  a: number;
  b: number;
  rule: string;
  score: number;
  version: boolean;
}

/** Identifiers a cluster already holds, kept apart for journal versions and preprints (a list: a cluster holds few). */
interface ClusterIds {
  pmids: string[];
  dois: string[];
}

function idsOf(pmid: string | null, doi: string | null): ClusterIds {
  return { pmids: pmid ? [pmid] : [], dois: doi ? [doi] : [] };
}

function disjoint(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  for (const x of a) if (b.includes(x)) return false;
  return true;
}

function conflicting(a: ClusterIds, b: ClusterIds): boolean {
  return disjoint(a.pmids, b.pmids) || disjoint(a.dois, b.dois);
}

function absorb(into: ClusterIds, from: ClusterIds): void {
  for (const x of from.pmids) if (!into.pmids.includes(x)) into.pmids.push(x);
  for (const x of from.dois) if (!into.dois.includes(x)) into.dois.push(x);
}

export interface Clustering<E extends Edge = Edge> {
  clusters: number[][];
  /** The other edges, each within one cluster, strongest first. */
  accepted: E[];
  /** Edges refused because they would put two different DOIs or PMIDs in one cluster. */
  refused: E[];
}

/**
 * Union-find over the accepted edges, strongest first, refusing any union that would join two clusters
 * holding different DOIs or PMIDs: A (DOI x) ~ C (no DOI) ~ B (DOI y) must not make A and B one work.
 * Preprints' identifiers are tracked apart, since a preprint has its own DOI by design.
 */
export function constrainedClusters<E extends Edge>(features: readonly RecordFeatures[], edges: readonly E[]): Clustering<E> {
  const n = features.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  // Made when a record first meets an edge (most never do); until then a record is its own root.
  const journal = new Array<ClusterIds | undefined>(n);
  const preprint = new Array<ClusterIds | undefined>(n);
  const idsAt = (root: number): void => {
    if (journal[root]) return;
    const f = features[root]!;
    journal[root] = f.preprint ? idsOf(null, null) : idsOf(f.pmid, f.doi);
    preprint[root] = f.preprint ? idsOf(f.pmid, f.doi) : idsOf(null, null);
  };
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
  const accepted: E[] = [];
  const refused: E[] = [];
  for (const e of [...edges].sort(edgeOrder)) {
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra === rb) {
      accepted.push(e);
      continue;
    }
    idsAt(ra);
    idsAt(rb);
    if (conflicting(journal[ra]!, journal[rb]!) || conflicting(preprint[ra]!, preprint[rb]!)) {
      refused.push(e);
      continue;
    }
    accepted.push(e);
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    absorb(journal[root]!, journal[child]!);
    absorb(preprint[root]!, preprint[child]!);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return { clusters: [...groups.values()], accepted, refused };
}

/**
 * The kept record: a journal version is kept over its preprint; then the PubMed record itself (its
 * record_id is its PMID: it has PubMed's MeSH and publication types, which another database's copy that
 * carries the PMID lacks); then a record with a PMID; then the one with most fields filled; then the
 * smallest record_id.
 */
export function chooseKept(members: readonly RecordFeatures[]): RecordFeatures {
  const published = members.filter((m) => !m.preprint);
  const pool = published.length > 0 ? published : members;
  const isPubmedRecord = (m: RecordFeatures) => Number(m.pmid !== null && m.recordId === m.pmid);
  return [...pool].sort(
    (x, y) =>
      isPubmedRecord(y) - isPubmedRecord(x) ||
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
