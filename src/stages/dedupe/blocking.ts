import type { RecordFeatures } from "./features.js";
import { significantWords } from "./normalize.js";
import { THRESHOLDS as T } from "./thresholds.js";

/**
 * Candidate pairs without comparing every pair: records meet when they share an identifier, or one of
 * their k rarest title words, or one of the k rarest words of their abstract's start. Rarity is counted
 * over the whole input, ignoring words only one record has (they can pair with nothing), so two copies of
 * one work meet on the words they alone share. Blocks over T.maxBlockSize are skipped and counted.
 */
export interface Candidates {
  pairs: [number, number][];
  skippedBlocks: number;
}

function documentFrequency(wordLists: readonly string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const words of wordLists) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  return df;
}

function rarest(words: readonly string[], df: ReadonlyMap<string, number>, k: number): string[] {
  const unique = [...new Set(words)].filter((w) => (df.get(w) ?? 0) >= 2);
  unique.sort((x, y) => df.get(x)! - df.get(y)! || (x < y ? -1 : x > y ? 1 : 0));
  return unique.slice(0, k);
}

function addToBlock(blocks: Map<string, number[]>, key: string, index: number): void {
  const block = blocks.get(key);
  if (block) block.push(index);
  else blocks.set(key, [index]);
}

export function buildBlocks(records: readonly RecordFeatures[]): Map<string, number[]> {
  const titleLists = records.map((r) => significantWords(r.titleWords));
  const abstractLists = records.map((r) => r.abstractStart.slice(0, T.abstractBlockingWords));
  const titleDf = documentFrequency(titleLists);
  const abstractDf = documentFrequency(abstractLists);
  const byPmid = new Map(records.filter((r) => r.pmid).map((r) => [r.pmid!, r.index]));
  const blocks = new Map<string, number[]>();
  for (const r of records) {
    if (r.pmid) addToBlock(blocks, `p:${r.pmid}`, r.index);
    if (r.doi) addToBlock(blocks, `d:${r.doi}`, r.index);
    if (r.pmcid) addToBlock(blocks, `c:${r.pmcid}`, r.index);
    for (const w of rarest(titleLists[r.index]!, titleDf, T.rareTitleWords)) addToBlock(blocks, `t:${w}`, r.index);
    for (const w of rarest(abstractLists[r.index]!, abstractDf, T.rareAbstractWords)) addToBlock(blocks, `a:${w}`, r.index);
    for (const pmid of r.updateOf) {
      const earlier = byPmid.get(pmid);
      if (earlier !== undefined) addToBlock(blocks, `u:${r.index}`, earlier);
      if (earlier !== undefined) addToBlock(blocks, `u:${r.index}`, r.index);
    }
  }
  return blocks;
}

export function candidatePairs(records: readonly RecordFeatures[]): Candidates {
  const n = records.length;
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  let skippedBlocks = 0;
  for (const [key, members] of buildBlocks(records)) {
    if (members.length < 2) continue;
    const byWord = key.startsWith("t:") || key.startsWith("a:");
    if (byWord && members.length > T.maxBlockSize) {
      skippedBlocks++;
      continue;
    }
    const sorted = [...new Set(members)].sort((x, y) => x - y);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const key = sorted[i]! * n + sorted[j]!;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([sorted[i]!, sorted[j]!]);
      }
    }
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { pairs, skippedBlocks };
}
