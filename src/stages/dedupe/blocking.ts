import type { RecordFeatures } from "./features.js";
import { significantWords } from "./normalize.js";
import { THRESHOLDS as T } from "./thresholds.js";

/**
 * Candidate pairs without comparing every pair: records meet when they share an identifier, one of
 * their k rarest title words or k rarest pairs of adjacent title words, or (for a copy without a title)
 * one of the k rarest words of the abstract's start. Rarity is counted
 * over the whole input, ignoring words only one record has (they can pair with nothing), so two copies of
 * one work meet on the words they alone share. Single-word blocks over T.maxWordBlockSize are dropped; in
 * other large blocks (a common word pair, a DOI shared by thousands of benchmark records) each record is
 * compared only with its T.largeBlockWindow neighbours in title order, so the work per record stays bounded.
 */
export interface Candidates {
  pairs: [number, number][];
  /** Blocks too large to compare in full: dropped (single words) or compared by sorted neighbourhood. */
  largeBlocks: number;
}

function documentFrequency<W>(lists: readonly Iterable<W>[]): Map<W, number> {
  const df = new Map<W, number>();
  for (const words of lists) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  return df;
}

/** The k words with the smallest document frequency of at least 2 (ties: smallest first), by selection. */
function rarest<W extends string | number>(words: Iterable<W>, df: ReadonlyMap<W, number>, k: number): W[] {
  const chosen: { word: W; df: number }[] = [];
  for (const word of new Set(words)) {
    const n = df.get(word) ?? 0;
    if (n < 2) continue;
    let at = chosen.length;
    while (at > 0 && (chosen[at - 1]!.df > n || (chosen[at - 1]!.df === n && chosen[at - 1]!.word > word))) at--;
    if (at >= k) continue;
    chosen.splice(at, 0, { word, df: n });
    if (chosen.length > k) chosen.pop();
  }
  return chosen.map((c) => c.word);
}

/**
 * Abstract blocks, for copies without a title: each title-less record's rarest abstract words, and every
 * record whose abstract start has one of them (the only records such a copy can be compared with).
 */
function addAbstractBlocks(records: readonly RecordFeatures[], blocks: Map<string, number[]>): void {
  const titleless = records.filter((r) => r.titleWords.length === 0 && r.abstractStart.length > 0);
  if (titleless.length === 0) return;
  const df = documentFrequency(records.map((r) => r.abstractStart));
  const wanted = new Set<number>();
  for (const r of titleless) for (const w of rarest(r.abstractStart, df, T.rareAbstractWords)) wanted.add(w);
  for (const r of records) {
    for (const w of new Set(r.abstractStart)) if (wanted.has(w)) addToBlock(blocks, `a:${w}`, r.index);
  }
}

function addToBlock(blocks: Map<string, number[]>, key: string, index: number): void {
  const block = blocks.get(key);
  if (block) block.push(index);
  else blocks.set(key, [index]);
}

export function buildBlocks(records: readonly RecordFeatures[]): Map<string, number[]> {
  const titleLists = records.map((r) => significantWords(r.titleWords));
  const bigramLists = titleLists.map((words) => words.slice(1).map((w, i) => `${words[i]} ${w}`));
  const bigramDf = documentFrequency(bigramLists);
  const titleDf = documentFrequency(titleLists);
  const byPmid = new Map(records.filter((r) => r.pmid).map((r) => [r.pmid!, r.index]));
  const blocks = new Map<string, number[]>();
  for (const r of records) {
    if (r.pmid) addToBlock(blocks, `p:${r.pmid}`, r.index);
    if (r.doi) addToBlock(blocks, `d:${r.doi}`, r.index);
    if (r.pmcid) addToBlock(blocks, `c:${r.pmcid}`, r.index);
    for (const w of rarest(titleLists[r.index]!, titleDf, T.rareTitleWords)) addToBlock(blocks, `t:${w}`, r.index);
    for (const w of rarest(bigramLists[r.index]!, bigramDf, T.rareTitleWords)) addToBlock(blocks, `b:${w}`, r.index);
    for (const pmid of r.updateOf) {
      const earlier = byPmid.get(pmid);
      if (earlier !== undefined) addToBlock(blocks, `u:${r.index}`, earlier);
      if (earlier !== undefined) addToBlock(blocks, `u:${r.index}`, r.index);
    }
  }
  addAbstractBlocks(records, blocks);
  return blocks;
}

/**
 * Abstract blocks exist for copies without a title (a page excerpt that starts at the abstract); records
 * with titles meet through their title words, so only pairs with a title-less member are made here.
 */
function abstractPairs(records: readonly RecordFeatures[], members: number[], add: (x: number, y: number) => void): void {
  const sorted = members.sort((x, y) => x - y);
  for (const i of sorted) {
    if (records[i]!.titleWords.length > 0) continue;
    let made = 0;
    for (const j of sorted) {
      if (j === i) continue;
      add(i, j);
      if (++made >= T.maxBlockSize) break;
    }
  }
}

function titleOrder(records: readonly RecordFeatures[]): (x: number, y: number) => number {
  return (x, y) => {
    const a = records[x]!.titleSquash ?? "";
    const b = records[y]!.titleSquash ?? "";
    return a < b ? -1 : a > b ? 1 : x - y;
  };
}

export function candidatePairs(records: readonly RecordFeatures[]): Candidates {
  const n = records.length;
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  let largeBlocks = 0;
  const add = (x: number, y: number): void => {
    const [i, j] = x < y ? [x, y] : [y, x];
    const key = i * n + j;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([i, j]);
  };
  for (const [key, members] of buildBlocks(records)) {
    const unique = [...new Set(members)];
    if (unique.length < 2) continue;
    if (key.startsWith("a:")) {
      abstractPairs(records, unique, add);
      continue;
    }
    // A common single word says nothing; the record's rarest word pairs ("b:" blocks) still find its copies.
    if (key.startsWith("t:") && unique.length > T.maxWordBlockSize) {
      largeBlocks++;
      continue;
    }
    if (unique.length <= T.maxBlockSize) {
      for (let i = 0; i < unique.length; i++) for (let j = i + 1; j < unique.length; j++) add(unique[i]!, unique[j]!);
      continue;
    }
    // Sorted neighbourhood: in a large block, copies of one title sort next to each other.
    largeBlocks++;
    unique.sort(titleOrder(records));
    for (let i = 0; i < unique.length; i++) {
      for (let j = i + 1; j <= i + T.largeBlockWindow && j < unique.length; j++) add(unique[i]!, unique[j]!);
    }
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { pairs, largeBlocks };
}
