import type { Evidence } from "../../model/classification.js";
import type { VocabFile } from "./vocab-schema.js";
import type { ArticleField } from "./fields.js";
import { EXACT, GAP, countWords } from "./normalize.js";
import type { Token, WordForm } from "./normalize.js";
import { fieldWeight, patternFor } from "./compile.js";
import type { CompiledDimension, CompiledGroup, CompiledRule, Phrase, PhraseEntry, WordIndex } from "./compile.js";

/** Scoring a group of rules against an article's normalised fields. */

export interface Hit {
  evidence: Evidence;
  contribution: number;
}

export interface GroupScore {
  name: string;
  score: number;
  threshold: number;
  /** Hits, strongest first. */
  hits: Hit[];
  /** Set when an exclusion phrase matched: the label is not given whatever its score. */
  vetoedBy: Evidence | null;
}

const MAX_GAP = 3;

function same(t: Token, want: string): boolean {
  if (!want.startsWith(EXACT)) return t.stem === want;
  return want.length === EXACT.length + t.norm.length && want.endsWith(t.norm);
}

/** End (exclusive) of a match of `phrase` starting at `start`, within one sentence, or -1. */
function matchAt(f: ArticleField, phrase: string[], start: number): number {
  const tokens = f.text.tokens;
  const sentence = tokens[start]?.sentence;
  let pos = start;
  for (let k = 0; k < phrase.length; k++) {
    const want = phrase[k]!;
    if (want === GAP) {
      const next = phrase[k + 1];
      if (next === undefined) return pos;
      let found = -1;
      for (let j = pos; j <= pos + MAX_GAP && j < tokens.length; j++) {
        if (tokens[j]!.sentence !== sentence) break;
        if (same(tokens[j]!, next)) {
          found = j;
          break;
        }
      }
      if (found < 0) return -1;
      pos = found + 1;
      k++;
      continue;
    }
    const t = tokens[pos];
    if (!t || t.sentence !== sentence || !same(t, want)) return -1;
    pos++;
  }
  return pos;
}

/** The phrases that begin with one word, by what they need next, so that most are never tried. */
export interface PhraseStarts {
  /** One-word phrases, and phrases with a gap after their first word: tried wherever the word is. */
  always: PhraseEntry[];
  /** The others by their second element: a stem ... */
  byNextStem: Map<string, PhraseEntry[]>;
  /** ... or an exact ("=word") normalised word. */
  byNextWord: Map<string, PhraseEntry[]>;
}

/** Fills the memo of `form` (the phrases of `index` it begins, its needle bits) unless it is filled for `index`. */
function lookUp(form: WordForm, index: WordIndex): void {
  if (form.indexedBy === index) return;
  const entries = [...(index.byStem.get(form.stem) ?? []), ...(index.byWord.get(form.norm) ?? [])];
  let starts: PhraseStarts | null = null;
  if (entries.length > 0) {
    starts = { always: [], byNextStem: new Map(), byNextWord: new Map() };
    for (const entry of entries) {
      const next = entry.phrase.stems[1];
      if (next === undefined || next === GAP) starts.always.push(entry);
      else if (next.startsWith(EXACT)) push(starts.byNextWord, next.slice(EXACT.length), entry);
      else push(starts.byNextStem, next, entry);
    }
  }
  let needBits = 0;
  for (let bit = 0; bit < index.needles.length; bit++) {
    if (index.needles[bit]!.some((needle) => form.word.includes(needle))) needBits |= 1 << bit;
  }
  form.starts = starts;
  form.needBits = needBits;
  form.indexedBy = index;
}

/** Where phrases were found in one field, as locatePhrases collects them. */
interface FieldFinds {
  rulePhrases: Map<CompiledRule, Map<Phrase, [number, number][]>>;
  context: Map<string, [number, number][]>;
  /** The rules with a phrase in any field so far. */
  rules: Set<CompiledRule>;
}

/** Tries `entries` at word `start` of the field. */
function tryAt(f: ArticleField, entries: PhraseEntry[] | undefined, start: number, finds: FieldFinds): void {
  if (entries === undefined) return;
  for (const { rule, phrase } of entries) {
    const end = matchAt(f, phrase.stems, start);
    if (end <= 0) continue;
    if (rule) {
      addSpan(finds.rulePhrases, rule, phrase, [start, end]);
      finds.rules.add(rule);
    } else push(finds.context, phrase.key, [start, end]);
  }
}

/**
 * Fills each field's rulePhrases, context and needBits in one pass over its words, trying the phrases
 * that start with each word and go on with the next one, so scoring need not try every phrase of every
 * rule on every field. Returns the rules with a phrase anywhere in the fields.
 */
export function locatePhrases(fields: ArticleField[], index: WordIndex): Set<CompiledRule> {
  const rules = new Set<CompiledRule>();
  for (const f of fields) {
    const finds: FieldFinds = { rulePhrases: new Map(), context: new Map(), rules };
    const needBits = new Int32Array(f.text.sentences.length);
    const tokens = f.text.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const form = t.form;
      lookUp(form, index);
      needBits[t.sentence] = needBits[t.sentence]! | form.needBits;
      const starts = form.starts;
      if (starts === null) continue;
      tryAt(f, starts.always, i, finds);
      // A second element that is not a gap must be the next word, in the same sentence.
      const next = tokens[i + 1];
      if (next === undefined || next.sentence !== t.sentence) continue;
      tryAt(f, starts.byNextStem.get(next.stem), i, finds);
      tryAt(f, starts.byNextWord.get(next.norm), i, finds);
    }
    f.rulePhrases = finds.rulePhrases;
    f.context = finds.context;
    f.needBits = needBits;
  }
  return rules;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addSpan(found: Map<CompiledRule, Map<Phrase, [number, number][]>>, rule: CompiledRule, phrase: Phrase, span: [number, number]): void {
  let byPhrase = found.get(rule);
  if (!byPhrase) found.set(rule, (byPhrase = new Map()));
  push(byPhrase, phrase, span);
}

/** Whether one of `phrases` occurs in the same sentence within `window` words (only before the match when `beforeOnly`). */
function anyNear(f: ArticleField, phrases: Phrase[], start: number, end: number, window: number, beforeOnly = false): boolean {
  const sentence = f.text.tokens[start]!.sentence;
  const limit = beforeOnly ? start : end + window;
  for (const p of phrases) {
    for (const [s, e] of f.context?.get(p.key) ?? []) {
      if (f.text.tokens[s]!.sentence !== sentence) continue;
      // Words of the match itself are not its context.
      if (s >= start && e <= end) continue;
      if (s >= start - window && e <= limit) return true;
    }
  }
  return false;
}

function snippet(f: ArticleField, start: number, end: number): string {
  const tokens = f.text.tokens;
  const sentence = tokens[start]!.sentence;
  let a = start;
  let b = end;
  while (a > 0 && a > start - 3 && tokens[a - 1]!.sentence === sentence) a--;
  while (b < tokens.length && b < end + 3 && tokens[b]!.sentence === sentence) b++;
  return tokens.slice(a, b).map((t) => t.word).join(" ");
}

function ruleApplies(rule: CompiledRule, f: ArticleField): boolean {
  return !rule.fields || rule.fields.has(f.field) || rule.fields.has(f.family);
}

/** Matches of one rule in one field, context rules applied: how many count, and the first, which is evidence. */
interface RuleMatches {
  count: number;
  /** The vocabulary phrase that matched first, or null for a pattern. */
  phrase: string | null;
  /** A snippet of the first match (the later ones are only counted, so their text is never cut). */
  text: string;
}

function passesContext(rule: CompiledRule, f: ArticleField, s: number, e: number): boolean {
  if (rule.near && !anyNear(f, rule.near, s, e, rule.window)) return false;
  if (rule.notNear && anyNear(f, rule.notNear, s, e, rule.window)) return false;
  return !(rule.notAfter && anyNear(f, rule.notAfter, s, e, rule.window, true));
}

/** The first `limit` matches (later ones cannot change earlier ones, so the rest are not looked for). */
function ruleMatches(rule: CompiledRule, f: ArticleField, limit: number): RuleMatches {
  const out: RuleMatches = { count: 0, phrase: null, text: "" };
  // Overlapping phrases of one rule ("were enrolled", "enrolled") count once.
  const taken: [number, number][] = [];
  const found = f.rulePhrases?.get(rule);
  for (const phrase of rule.phrases) {
    for (const [s, e] of found?.get(phrase) ?? []) {
      if (out.count >= limit) return out;
      if (taken.some(([a, b]) => s < b && a < e)) continue;
      if (!passesContext(rule, f, s, e)) continue;
      taken.push([s, e]);
      if (out.count++ === 0) {
        out.phrase = phrase.text;
        out.text = snippet(f, s, e);
      }
    }
  }
  if (rule.pattern) addPatternMatches(rule, f, limit, out);
  return out;
}

function addPatternMatches(rule: CompiledRule, f: ArticleField, limit: number, out: RuleMatches): void {
  const hasContext = rule.near || rule.notNear || rule.notAfter;
  const sentences = f.text.sentences;
  for (let i = 0; i < sentences.length; i++) {
    if (out.count >= limit) break;
    // Without a word that each requirement needs, the sentence cannot match.
    if ((f.needBits![i]! & rule.needBits) !== rule.needBits) continue;
    const sentence = sentences[i]!;
    const re = f.text.ascii && rule.asciiPattern ? rule.asciiPattern : patternFor(rule, sentence)!;
    const m = re.exec(sentence);
    if (!m) continue;
    const span = hasContext ? patternSpan(f, i, sentence, m) : null;
    if (span && !passesContext(rule, f, span[0], span[1])) continue;
    if (out.count++ === 0) {
      out.phrase = null;
      out.text = sentence.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).trim();
    }
  }
}

/** Token span [start, end) of a regular-expression match, so context rules can use word windows. */
function patternSpan(f: ArticleField, sentenceIndex: number, sentence: string, m: RegExpExecArray): [number, number] | null {
  const first = f.text.tokens.findIndex((t) => t.sentence === sentenceIndex);
  if (first < 0) return null;
  const before = countWords(sentence.slice(0, m.index));
  const inside = Math.max(1, countWords(m[0]));
  let last = first;
  while (last + 1 < f.text.tokens.length && f.text.tokens[last + 1]!.sentence === sentenceIndex) last++;
  const start = Math.min(first + before, last);
  return [start, Math.min(start + inside, last + 1)];
}

const weightCache = new WeakMap<VocabFile, Map<string, number>>();

function weightOf(spec: VocabFile, field: string): number {
  let cache = weightCache.get(spec);
  if (!cache) weightCache.set(spec, (cache = new Map()));
  let w = cache.get(field);
  if (w === undefined) cache.set(field, (w = fieldWeight(spec, field)));
  return w;
}

/** The rule's id, or its label and the phrase that matched ("alopecia:hair follicle"). */
function evidenceRule(rule: CompiledRule, m: RuleMatches): string {
  if (rule.named || m.phrase === null) return rule.id;
  return `${rule.group}:${m.phrase}`;
}

const NO_HITS: Hit[] = [];

/** `found`: the rules with a phrase in the fields (locatePhrases); the others can only match by pattern. */
function ruleHits(rule: CompiledRule, fields: ArticleField[], spec: VocabFile, found: Set<CompiledRule>): Hit[] {
  if (!rule.pattern && !found.has(rule)) return NO_HITS;
  const hits: Hit[] = [];
  for (const f of fields) {
    if (!rule.pattern && !f.rulePhrases?.has(rule)) continue;
    if (!ruleApplies(rule, f)) continue;
    const w = weightOf(spec, f.field);
    if (w === 0) continue;
    const matches = ruleMatches(rule, f, rule.maxCount);
    if (matches.count === 0) continue;
    hits.push({
      evidence: { rule: evidenceRule(rule, matches), field: f.field, text: matches.text },
      contribution: rule.weight * w * matches.count,
    });
  }
  return hits;
}

export function scoreGroup(group: CompiledGroup, fields: ArticleField[], spec: VocabFile, found: Set<CompiledRule>): GroupScore {
  let vetoedBy: Evidence | null = null;
  for (const rule of group.exclude) {
    const hit = ruleHits(rule, fields, spec, found)[0];
    if (hit) {
      vetoedBy = hit.evidence;
      break;
    }
  }
  const hits: Hit[] = [];
  for (const rule of group.rules) for (const hit of ruleHits(rule, fields, spec, found)) hits.push(hit);
  if (hits.length > 1) hits.sort((a, b) => b.contribution - a.contribution);
  let score = 0;
  for (const hit of hits) score += hit.contribution;
  return { name: group.name, score: vetoedBy ? 0 : score, threshold: group.threshold, hits, vetoedBy };
}

/** Scores of labels and signals by name, as decisions and labels read them. */
export interface Scores {
  get(name: string): GroupScore | undefined;
}

/**
 * Scores of a dimension's labels and signals by name, each computed when first asked for: a decision
 * that stops at its first steps never scores the groups only later steps name.
 */
export class LazyScores implements Scores {
  private readonly done = new Map<string, GroupScore>();

  constructor(
    private readonly dim: CompiledDimension,
    private readonly fields: ArticleField[],
    private readonly found: Set<CompiledRule>,
  ) {}

  get(name: string): GroupScore | undefined {
    let score = this.done.get(name);
    if (score === undefined) {
      const group = this.dim.byName.get(name);
      if (group === undefined) return undefined;
      score = scoreGroup(group, this.fields, this.dim.spec, this.found);
      this.done.set(name, score);
    }
    return score;
  }
}

/** Confidence from a score: about 0.9 at `confidentAt`, never 1. */
export function confidenceOf(score: number, confidentAt: number): number {
  if (score <= 0) return 0;
  const c = 1 - Math.exp((-score * Math.LN10) / confidentAt);
  return Math.round(Math.min(0.99, c) * 100) / 100;
}
