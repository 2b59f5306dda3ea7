import type { VocabDimension, VocabFile, Vocabulary, GroupSpec, RuleSpec } from "./vocab-schema.js";
import { EXACT, StemCache, isAscii, phraseStems, tokenize } from "./normalize.js";
import { requiredStrings } from "./requirements.js";

/** Vocabulary rules turned into stem sequences and regular expressions, once per run. */

/** A phrase as stems (GAP and EXACT markers kept), with a key to memoise its look-ups. */
export interface Phrase {
  stems: string[];
  key: string;
  /** The phrase as the vocabulary wrote it (the first of those that stem alike). */
  text: string;
}

export interface CompiledRule {
  /** `label:id` when the rule has an id; evidence otherwise names the phrase that matched. */
  id: string;
  named: boolean;
  /** The label or signal the rule belongs to (`label:exclude` for exclusions). */
  group: string;
  phrases: Phrase[];
  pattern: RegExp | null;
  /** The same pattern for ASCII-only sentences, when it means the same there without the `u` flag. */
  asciiPattern: RegExp | null;
  /** The WordIndex.needles bits a sentence's words must all have for the pattern to match it (0: none known). */
  needBits: number;
  weight: number;
  fields: Set<string> | null;
  near: Phrase[] | null;
  notNear: Phrase[] | null;
  notAfter: Phrase[] | null;
  window: number;
  maxCount: number;
}

export interface CompiledGroup {
  name: string;
  threshold: number;
  rules: CompiledRule[];
  exclude: CompiledRule[];
}

export interface CompiledDimension {
  spec: VocabFile & { file: string };
  labels: CompiledGroup[];
  signals: CompiledGroup[];
  /** The labels, then the signals. */
  groups: CompiledGroup[];
  byName: Map<string, CompiledGroup>;
}

/** A rule's phrase, as found from its first word; `rule` is null for a context (near, not near, not after) phrase. */
export interface PhraseEntry {
  rule: CompiledRule | null;
  phrase: Phrase;
}

/** What the rules look for in single words, so that each word of a text is looked up once. */
export interface WordIndex {
  /** Every rule phrase by its first element: a stem, or (for "=word") the exact normalised word. */
  byStem: Map<string, PhraseEntry[]>;
  byWord: Map<string, PhraseEntry[]>;
  /**
   * Requirements of the rules' patterns that single words can tell: bit i of a word is set when it
   * contains one of needles[i]. These strings are made of word characters only, so one that occurs in a
   * sentence lies within one of its words.
   */
  needles: string[][];
}

export interface CompiledRules {
  rulesVersion: string;
  /** Shared by the vocabulary and every article classified with these rules. */
  stems: StemCache;
  dims: Record<VocabDimension, CompiledDimension>;
  words: WordIndex;
}

/**
 * V8 matches case-insensitive Unicode patterns several times slower. On ASCII text a pattern without
 * \u{...} or \p{...} escapes matches the same spans without `u`, when its own non-ASCII characters
 * (`[<=>≤≥]`) cannot match ASCII either way: ſ and K (Kelvin) fold to s and k under `iu` only, so they are
 * refused, and so are astral characters (two code units without `u`) and ends of ranges (which could span those).
 */
export function asciiTwin(source: string): RegExp | null {
  if (/\\(u\{|p\{|P\{)/.test(source)) return null;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0x17f || c === 0x212a || (c >= 0xd800 && c <= 0xdfff)) return null;
    if (source[i - 1] === "-" || source[i + 1] === "-") return null;
  }
  return new RegExp(source, "i");
}

/** The pattern to run on `sentence`: the faster twin when the sentence is ASCII-only. */
export function patternFor(rule: CompiledRule, sentence: string): RegExp | null {
  return rule.asciiPattern && isAscii(sentence) ? rule.asciiPattern : rule.pattern;
}

/** Requirement bits are numbers' 31 low bits; further requirements are not checked (they only save time). */
const MAX_NEEDLES = 31;

/**
 * The bit of each requirement of the pattern (requiredStrings) that words can tell, added to `needles` as
 * needed. A choice with other characters is represented by its longest run of word characters, which a
 * text containing the choice contains too; a requirement with a choice without any is left out.
 */
function needBitsOf(source: string, needles: string[][]): number {
  let bits = 0;
  for (const choices of requiredStrings(source) ?? []) {
    const words = choices.map(longestWordRun);
    if (words.some((w) => w === "")) continue;
    const key = JSON.stringify(words);
    let bit = needles.findIndex((n) => JSON.stringify(n) === key);
    if (bit < 0 && needles.length < MAX_NEEDLES) bit = needles.push(words) - 1;
    if (bit >= 0) bits |= 1 << bit;
  }
  return bits;
}

function longestWordRun(text: string): string {
  return tokenize(text).reduce((best, w) => (w.length > best.length ? w : best), "");
}

function compileRule(spec: RuleSpec, group: string, file: VocabFile, stems: StemCache, needles: string[][]): CompiledRule {
  const asciiPattern = spec.pattern ? asciiTwin(spec.pattern) : null;
  // Phrases that stem alike (exosome, exosomes, exosomal) are kept once so one mention counts once.
  const toStems = (list: string[] | undefined) => {
    if (!list) return null;
    const unique = new Map<string, Phrase>();
    for (const text of list) {
      const st = phraseStems(text, stems);
      const key = st.join("\u0001");
      if (st.length > 0 && !unique.has(key)) unique.set(key, { stems: st, key, text });
    }
    return [...unique.values()];
  };
  return {
    id: `${group}:${spec.id ?? (spec.phrases ? spec.phrases[0] : "pattern")}`,
    named: spec.id !== undefined,
    group,
    phrases: toStems(spec.phrases) ?? [],
    pattern: spec.pattern ? new RegExp(spec.pattern, "iu") : null,
    asciiPattern,
    needBits: spec.pattern ? needBitsOf(spec.pattern, needles) : 0,
    weight: spec.weight,
    fields: spec.fields ? new Set(spec.fields) : null,
    near: toStems(spec.near),
    notNear: toStems(spec.not_near),
    notAfter: toStems(spec.not_after),
    window: spec.window ?? file.window,
    maxCount: spec.max_count,
  };
}

function compileGroup(name: string, spec: GroupSpec, file: VocabFile, stems: StemCache, needles: string[][]): CompiledGroup {
  return {
    name,
    threshold: spec.threshold,
    rules: spec.rules.map((r) => compileRule(r, name, file, stems, needles)),
    exclude: spec.exclude.map((r) => compileRule(r, `${name}:exclude`, file, stems, needles)),
  };
}

function indexWords(dims: CompiledDimension[], needles: string[][]): WordIndex {
  const index: WordIndex = { byStem: new Map(), byWord: new Map(), needles };
  const add = (map: Map<string, PhraseEntry[]>, key: string, entry: PhraseEntry) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  const addPhrase = (entry: PhraseEntry) => {
    const first = entry.phrase.stems[0]!;
    if (first.startsWith(EXACT)) add(index.byWord, first.slice(EXACT.length), entry);
    else add(index.byStem, first, entry);
  };
  // Context phrases are found by key, so each is looked for once however many rules use it.
  const context = new Map<string, Phrase>();
  for (const dim of dims) {
    for (const group of dim.groups) {
      for (const rule of [...group.rules, ...group.exclude]) {
        for (const phrase of rule.phrases) addPhrase({ rule, phrase });
        for (const phrase of [...(rule.near ?? []), ...(rule.notNear ?? []), ...(rule.notAfter ?? [])]) context.set(phrase.key, phrase);
      }
    }
  }
  for (const phrase of context.values()) addPhrase({ rule: null, phrase });
  return index;
}

export function compileRules(vocab: Vocabulary): CompiledRules {
  const stems = new StemCache();
  const needles: string[][] = [];
  const dim = (d: VocabDimension): CompiledDimension => {
    const spec = vocab.files[d];
    const labels = Object.entries(spec.labels).map(([n, g]) => compileGroup(n, g, spec, stems, needles));
    const signals = Object.entries(spec.signals).map(([n, g]) => compileGroup(n, g, spec, stems, needles));
    const groups = [...labels, ...signals];
    return { spec, labels, signals, groups, byName: new Map(groups.map((g) => [g.name, g])) };
  };
  const dims = { design: dim("design"), condition: dim("condition"), source: dim("source"), claim: dim("claim"), relevance: dim("relevance") };
  return { rulesVersion: vocab.rulesVersion, stems, dims, words: indexWords(Object.values(dims), needles) };
}

/** Weight of a field in a dimension: exact name, else its family (abstract:METHODS -> abstract), else 0. */
export function fieldWeight(spec: VocabFile, field: string): number {
  const exact = spec.field_weights[field];
  if (exact !== undefined) return exact;
  const family = field.split(":")[0]!;
  return spec.field_weights[family] ?? 0;
}
