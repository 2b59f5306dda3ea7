import type { RecordFeatures } from "./features.js";
import { significantWords } from "./normalize.js";
import { THRESHOLDS as T } from "./thresholds.js";

/**
 * Candidate pairs without comparing every pair: records meet when they share an identifier, one of
 * their k rarest title words or k rarest pairs of adjacent title words, one of the k rarest words of their
 * abstracts' starts, or (for a copy whose title meets no other record) when the other's abstract start has
 * one of the copy's k rarest abstract words. Rarity is counted over the whole
 * input, ignoring words only one record has (they can pair with nothing), so two copies of one work meet
 * on the words they alone share. Single-word blocks over T.maxWordBlockSize are dropped; in
 * other large blocks (a common word pair, a DOI shared by thousands of benchmark records) each record is
 * compared only with its T.largeBlockWindow neighbours in title order, so the work per record stays bounded.
 */
export interface Candidates {
  pairs: CandidatePairs;
  /** Blocks too large to compare in full: dropped (single words) or compared by sorted neighbourhood. */
  largeBlocks: number;
}

/** Pair k is (first[k], second[k]), first < second, ordered by first then second; typed arrays: memory. */
export interface CandidatePairs {
  length: number;
  first: Int32Array;
  second: Int32Array;
}

/**
 * Each record's partners after it, without repeats (a pair shared by several blocks is added once per
 * block): lists of a few dozen at most, so a scan finds a repeat, and no pair is held twice.
 */
class PairCollector {
  private readonly partners: (number[] | undefined)[];
  private count = 0;

  constructor(n: number) {
    this.partners = new Array<number[] | undefined>(n);
  }

  add(x: number, y: number): void {
    const [i, j] = x < y ? [x, y] : [y, x];
    const list = this.partners[i];
    if (!list) this.partners[i] = [j];
    else if (!list.includes(j)) list.push(j);
    else return;
    this.count++;
  }

  pairs(): CandidatePairs {
    const first = new Int32Array(this.count);
    const second = new Int32Array(this.count);
    let k = 0;
    this.partners.forEach((list, i) => {
      for (const j of list!.sort((a, b) => a - b)) {
        first[k] = i;
        second[k++] = j;
      }
    });
    return { length: this.count, first, second };
  }
}

/** Records that share something; how their pairs are made depends on what they share. */
interface Block {
  /** "rare-word": a title or abstract word, dropped when common; "abstract-word": pairs with a member found by its abstract only; "shared": all. */
  kind: "rare-word" | "abstract-word" | "shared";
  members: number[];
}

/** Dense ids for keys, in order of first appearance; `keys[id]` is the key. */
class Interner<K> {
  private readonly ids = new Map<K, number>();
  readonly keys: K[] = [];

  id(key: K): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }
}

/** For each id, the number of lists that hold it. */
function documentFrequency(lists: readonly ArrayLike<number>[], ids: number): Int32Array {
  const df = new Int32Array(ids);
  const lastList = new Int32Array(ids).fill(-1);
  lists.forEach((list, l) => {
    for (let k = 0; k < list.length; k++) {
      const id = list[k]!;
      if (lastList[id] !== l) {
        lastList[id] = l;
        df[id] = df[id]! + 1;
      }
    }
  });
  return df;
}

/** The k ids with the smallest document frequency of at least 2 (ties: the id `before` the other first), by selection. */
function rarest(ids: ArrayLike<number>, df: Int32Array, k: number, before: (a: number, b: number) => boolean): number[] {
  const chosen: { id: number; df: number }[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const n = df[id]!;
    if (n < 2 || chosen.some((c) => c.id === id)) continue;
    let at = chosen.length;
    while (at > 0 && (chosen[at - 1]!.df > n || (chosen[at - 1]!.df === n && before(id, chosen[at - 1]!.id)))) at--;
    if (at >= k) continue;
    chosen.splice(at, 0, { id, df: n });
    if (chosen.length > k) chosen.pop();
  }
  return chosen.map((c) => c.id);
}

function addTo<K>(blocks: Map<K, number[]>, key: K, index: number): void {
  const block = blocks.get(key);
  if (block) block.push(index);
  else blocks.set(key, [index]);
}

/**
 * Title words, and pairs of adjacent title words (significant words only), as dense ids with the number
 * of records that have each, so that counting and blocking on them makes no strings.
 */
function titleTerms(records: readonly RecordFeatures[]) {
  const words = new Interner<string>();
  const wordLists = records.map((r) => significantWords(r.titleWords).map((w) => words.id(w)));
  // The pair of word ids (a, b) is first the number a * (number of words) + b.
  const pairs = new Interner<number>();
  const width = words.keys.length;
  const pairLists = wordLists.map((ids) => ids.slice(1).map((b, i) => pairs.id(ids[i]! * width + b)));
  const wordBefore = (a: number, b: number): boolean => words.keys[a]! < words.keys[b]!;
  // In the order of "first second" as text: no word character sorts below the space between them.
  const pairBefore = (a: number, b: number): boolean => {
    const [x, y] = [pairs.keys[a]!, pairs.keys[b]!];
    const [x1, y1] = [Math.floor(x / width), Math.floor(y / width)];
    return x1 === y1 ? wordBefore(x - x1 * width, y - y1 * width) : wordBefore(x1, y1);
  };
  const wordDf = documentFrequency(wordLists, words.keys.length);
  const pairDf = documentFrequency(pairLists, pairs.keys.length);
  return {
    rarestWords: (r: RecordFeatures): number[] => rarest(wordLists[r.index]!, wordDf, T.rareTitleWords, wordBefore),
    rarestPairs: (r: RecordFeatures): number[] => rarest(pairLists[r.index]!, pairDf, T.rareTitleWords, pairBefore),
  };
}

/**
 * Abstract blocks, for copies whose title meets no other record (none, or words no other record has: a
 * copy scraped under a blog's headline or a page title in another language): each such record's rarest
 * abstract words, and every record whose abstract start has one of them (the only records such a copy can
 * be compared with).
 */
function abstractBlocks(records: readonly RecordFeatures[], searching: Uint8Array): { seeking: Map<number, number[]>; rare: Map<number, number[]> } {
  const seeking = new Map<number, number[]>();
  const rare = new Map<number, number[]>();
  const words = new Interner<number>();
  const lists = records.map((r) => Array.from(r.abstractStart, (hash) => words.id(hash)));
  const df = documentFrequency(lists, words.keys.length);
  const before = (a: number, b: number): boolean => words.keys[a]! < words.keys[b]!;
  const wanted = new Set<number>();
  for (const r of records) {
    if (r.abstractStart.length === 0) continue;
    const rarestWords = rarest(lists[r.index]!, df, T.rareAbstractWords, before);
    // Every record meets the records whose rarest abstract words are its own: a copy shown under another
    // headline ("Exosome Therapy for Hair Restoration Review") shares no rare title word with its copies.
    for (const w of rarestWords) addTo(rare, w, r.index);
    if (searching[r.index] === 1) for (const w of rarestWords) wanted.add(w);
  }
  if (wanted.size === 0) return { seeking, rare };
  for (const r of records) {
    for (const w of new Set(lists[r.index])) if (wanted.has(w)) addTo(seeking, w, r.index);
  }
  return { seeking, rare };
}

export function buildBlocks(records: readonly RecordFeatures[]): { blocks: Block[]; searching: Uint8Array } {
  const terms = titleTerms(records);
  // Records that can only be found by their abstract: 1 where the title meets no other record.
  const searching = new Uint8Array(records.length);
  const byPmid = new Map(records.filter((r) => r.pmid).map((r) => [r.pmid!, r.index]));
  const pmids = new Map<string, number[]>();
  const dois = new Map<string, number[]>();
  const pmcids = new Map<string, number[]>();
  const words = new Map<number, number[]>();
  const wordPairs = new Map<number, number[]>();
  const updates = new Map<number, number[]>();
  for (const r of records) {
    if (r.pmid) addTo(pmids, r.pmid, r.index);
    if (r.doi) addTo(dois, r.doi, r.index);
    if (r.pmcid) addTo(pmcids, r.pmcid, r.index);
    const rareWords = terms.rarestWords(r);
    const rarePairs = terms.rarestPairs(r);
    for (const w of rareWords) addTo(words, w, r.index);
    for (const p of rarePairs) addTo(wordPairs, p, r.index);
    if (rareWords.length === 0 && rarePairs.length === 0) searching[r.index] = 1;
    for (const pmid of r.updateOf) {
      const earlier = byPmid.get(pmid);
      if (earlier !== undefined) addTo(updates, r.index, earlier);
      if (earlier !== undefined) addTo(updates, r.index, r.index);
    }
  }
  const blocksOf = (kind: Block["kind"], blocks: Map<unknown, number[]>): Block[] =>
    [...blocks.values()].map((members) => ({ kind, members }));
  const abstracts = abstractBlocks(records, searching);
  const blocks = [
    ...[pmids, dois, pmcids, wordPairs, updates].flatMap((blocks) => blocksOf("shared", blocks)),
    ...blocksOf("rare-word", words),
    ...blocksOf("rare-word", abstracts.rare),
    ...blocksOf("abstract-word", abstracts.seeking),
  ];
  return { blocks, searching };
}

/**
 * Abstract blocks exist for copies whose title meets no other record (a page excerpt that starts at the
 * abstract, a copy under another headline); other records meet through their title words, so only pairs
 * with such a member are made here.
 */
function abstractPairs(searching: Uint8Array, members: number[], add: (x: number, y: number) => void): void {
  const sorted = members.sort((x, y) => x - y);
  for (const i of sorted) {
    if (searching[i] !== 1) continue;
    let made = 0;
    for (const j of sorted) {
      if (j === i) continue;
      add(i, j);
      if (++made >= T.maxBlockSize) break;
    }
  }
}

/** Each record's place in title order (ties: record order), so large blocks sort by number. */
function titleRanks(records: readonly RecordFeatures[]): Int32Array {
  const order = records.map((r) => r.index);
  order.sort((x, y) => {
    const a = records[x]!.titleSquash ?? "";
    const b = records[y]!.titleSquash ?? "";
    return a < b ? -1 : a > b ? 1 : x - y;
  });
  const rank = new Int32Array(records.length);
  order.forEach((r, i) => (rank[r] = i));
  return rank;
}

export function candidatePairs(records: readonly RecordFeatures[]): Candidates {
  const collector = new PairCollector(records.length);
  const add = (x: number, y: number): void => collector.add(x, y);
  let rank: Int32Array | null = null;
  let largeBlocks = 0;
  const { blocks, searching } = buildBlocks(records);
  for (const block of blocks) {
    const unique = [...new Set(block.members)];
    if (unique.length < 2) continue;
    if (block.kind === "abstract-word") {
      abstractPairs(searching, unique, add);
      continue;
    }
    // A common single word says nothing; the record's rarest word pairs still find its copies.
    if (block.kind === "rare-word" && unique.length > T.maxWordBlockSize) {
      largeBlocks++;
      continue;
    }
    if (unique.length <= T.maxBlockSize) {
      for (let i = 0; i < unique.length; i++) for (let j = i + 1; j < unique.length; j++) add(unique[i]!, unique[j]!);
      continue;
    }
    // Sorted neighbourhood: in a large block, copies of one title sort next to each other.
    largeBlocks++;
    rank ??= titleRanks(records);
    const ranks = rank;
    unique.sort((x, y) => ranks[x]! - ranks[y]!);
    for (let i = 0; i < unique.length; i++) {
      for (let j = i + 1; j <= i + T.largeBlockWindow && j < unique.length; j++) add(unique[i]!, unique[j]!);
    }
  }
  return { pairs: collector.pairs(), largeBlocks };
}
