import { createRequire } from "node:module";
import type { Stemmer } from "natural/lib/natural/stemmers/index.js";
import type { PhraseStarts } from "./match.js";

// A deep import: natural's index also loads its storage adapters, which call dotenv.config() (reading any
// .env file and printing to stdout, which would corrupt `--json` output); and its stemmers' index loads
// every language's stemmer, 80 ms in each thread. The module has no types of its own.
const PorterStemmer = createRequire(import.meta.url)("natural/lib/natural/stemmers/porter_stemmer.js") as Stemmer;

/**
 * Text normalisation shared by the vocabulary and the articles, so both sides meet in the same form:
 * diacritics stripped, Greek letters spelled out, hyphenated prefixes joined, British spellings made
 * American, then natural's word tokenizer (its pattern) and Porter stemmer.
 */

/** A distinct word of the texts, normalised and stemmed once per run (StemCache). */
export interface WordForm {
  /** The word as normalised (lower case), for evidence text. */
  readonly word: string;
  /** Porter stem of the normalised word. */
  readonly stem: string;
  /** The word in American spelling, for exact-word phrase elements. */
  readonly norm: string;
  /** match.ts's memo of what the WordIndex `indexedBy` has for this word: the phrases it begins, ... */
  indexedBy: object | null;
  starts: PhraseStarts | null;
  /** ... and the index's needle bits it has. */
  needBits: number;
}

/** One occurrence of a word: its shared form and the sentence it is in. */
export class Token {
  constructor(
    readonly form: WordForm,
    readonly sentence: number,
  ) {}

  /** Porter stem of the normalised word. */
  get stem(): string {
    return this.form.stem;
  }

  /** The word as normalised (lower case), for evidence text. */
  get word(): string {
    return this.form.word;
  }

  /** The word in American spelling, for exact-word phrase elements. */
  get norm(): string {
    return this.form.norm;
  }
}

export interface NormalizedText {
  tokens: Token[];
  /** Each sentence's prepared text (lower case, Greek spelled out), for `pattern` rules. */
  sentences: string[];
  /** Every sentence is ASCII-only (so `pattern` rules may use their ASCII twins without checking each). */
  ascii: boolean;
}

const GREEK: Record<string, string> = {
  α: "alpha", β: "beta", γ: "gamma", δ: "delta", ε: "epsilon", ζ: "zeta", η: "eta", θ: "theta",
  κ: "kappa", λ: "lambda", μ: "micro", ν: "nu", ξ: "xi", π: "pi", ρ: "rho", σ: "sigma", τ: "tau",
  φ: "phi", χ: "chi", ψ: "psi", ω: "omega", µ: "micro",
};
const GREEK_RE = new RegExp(`[${Object.keys(GREEK).join("")}]`, "g");

// Hyphenated prefixes are written joined, hyphenated or spaced; joining makes "non-randomized" one word.
const PREFIXES_JOINED = ["non", "pre", "post", "anti", "co", "re", "sub", "intra", "inter", "multi", "hyper", "hypo", "photo", "micro", "nano"];
const PREFIX_RE = new RegExp(`\\b(${PREFIXES_JOINED.join("|")})[-\\u2010-\\u2014]\\s*(?=[a-z])`, "g");
const PREFIX_SET = new Set(PREFIXES_JOINED);

/**
 * Lower-case ASCII text with its hyphenated prefixes joined (PREFIX_RE), running the pattern only when a
 * hyphen follows one of the prefixes as a whole word: most hyphens ("MSC-derived", "IL-6") follow none.
 */
function joinPrefixesAscii(lower: string): string {
  for (let h = lower.indexOf("-"); h >= 0; h = lower.indexOf("-", h + 1)) {
    // The pattern's \b before the prefix: the run of \w characters before the hyphen is the prefix itself.
    let start = h;
    while (start > 0 && isRegExpWordChar(lower.charCodeAt(start - 1))) start--;
    if (h - start >= 2 && h - start <= 5 && PREFIX_SET.has(lower.slice(start, h))) return lower.replace(PREFIX_RE, "$1");
  }
  return lower;
}

/** \w of a regular expression without the `u` flag: [A-Za-z0-9_]. */
function isRegExpWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
}

const ASCII_RE = /^[\x00-\x7f]*$/;

export function isAscii(text: string): boolean {
  return ASCII_RE.test(text);
}

/** Lower case, NFKD without diacritics, Greek letters as words, joined prefixes. */
export function prepareText(text: string): string {
  // Most text is ASCII, where NFKD, diacritics and Greek letters change nothing.
  if (isAscii(text)) return joinPrefixesAscii(text.toLowerCase());
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(GREEK_RE, (g) => ` ${GREEK[g] ?? g} `)
    .replace(PREFIX_RE, "$1");
}

const WORDS: Record<string, string> = {
  ageing: "aging", grey: "gray", programme: "program", programmes: "programs", mould: "mold",
};
const PREFIXES: [string, string][] = [
  ["haem", "hem"], ["anaem", "anem"], ["oedem", "edem"], ["paed", "ped"], ["leukaem", "leukem"],
  ["aetiol", "etiol"], ["oestr", "estr"], ["foet", "fet"], ["orthopaed", "orthoped"], ["sulph", "sulf"],
  ["ischaem", "ischem"], ["haemat", "hemat"], ["diarrhoe", "diarrhe"], ["oesoph", "esoph"],
];
const OUR_WORDS = /^(tum|col|behavi|fav|flav|od|hum|lab|vap|rum|harb|neighb)our(s|ed|ing|al)?$/;
const TRE_WORDS = /^(cen|fib|li|me|thea|cali)tre(s|d)?$/;
const ISE_RE = /^(.{3,}?)is(e|ed|es|ing|ation|ations|er|ers)$/;
const ISE_KEEP = new Set([
  "advert", "adv", "ar", "chast", "compr", "comprom", "conc", "dem", "desp", "dev", "disgu", "enterpr",
  "exc", "exerc", "expert", "franch", "improv", "inc", "merchand", "no", "otherw", "parad", "po", "pra",
  "prec", "prem", "prom", "ra", "rev", "r", "superv", "surm", "surpr", "telev", "treat", "w", "likew",
  "clockw", "gu", "cru", "bru", "repr", "appr", "circumc",
]);

/** British to American spelling for the regular patterns (randomised, tumour, centre, analyse, ageing). */
export function americanize(word: string): string {
  const mapped = WORDS[word];
  if (mapped) return mapped;
  let w = word.endsWith("ageing") ? `${word.slice(0, -6)}aging` : word;
  for (const [uk, us] of PREFIXES) if (w.startsWith(uk)) w = us + w.slice(uk.length);
  if (OUR_WORDS.test(w)) return w.replace("our", "or");
  if (TRE_WORDS.test(w)) return w.replace(/tre(s|d)?$/, (_m, s: string | undefined) => `ter${s ?? ""}`);
  if (/ys(e|ed|es|ing)$/.test(w) && w.length > 5) return w.replace(/ys(e|ed|es|ing)$/, "yz$1");
  const m = ISE_RE.exec(w);
  if (m && !ISE_KEEP.has(m[1]!)) return `${m[1]}iz${m[2]}`;
  return w;
}

/** Porter stems with a cache: a run never stems (or re-spells) the same word twice. */
export class StemCache {
  // Open addressing on a hash of the word's characters, so a word of a text is looked up where it lies,
  // without cutting it out as a string of its own first (which, with its hashing, was most of the cost).
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Int32Array(1 << 12);
  private codes = new Float64Array(1 << 12);
  private readonly forms: WordForm[] = [];
  /** How many words were actually stemmed (for the benchmarks and tests). */
  stemmed = 0;

  entry(word: string): WordForm {
    let h = HASH_SEED;
    let code = 0;
    for (let i = 0; i < word.length; i++) {
      h = hashStep(h, word.charCodeAt(i));
      code = codeStep(code, word.charCodeAt(i));
    }
    return this.entryAt(word, 0, word.length, h, code);
  }

  /** The form of the word text[start, end), whose hashStep hash is `hash` and codeStep code `code`. */
  entryAt(text: string, start: number, end: number, hash: number, code: number): WordForm {
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const k = this.slots[i]!;
      if (k < 0) return this.add(text.slice(start, end), hash, code, i);
      if (this.hashes[i] !== hash) continue;
      if (code >= 0 ? this.codes[i] === code : sameChars(this.forms[k]!.word, text, start, end)) return this.forms[k]!;
    }
  }

  stem(word: string): string {
    return this.entry(word).stem;
  }

  get size(): number {
    return this.forms.length;
  }

  private add(word: string, hash: number, code: number, slot: number): WordForm {
    const norm = americanize(word);
    const form: WordForm = { word, stem: PorterStemmer.stem(norm), norm, indexedBy: null, starts: null, needBits: 0 };
    this.stemmed++;
    this.slots[slot] = this.forms.length;
    this.hashes[slot] = hash;
    this.codes[slot] = code;
    this.forms.push(form);
    if (this.forms.length * 2 > this.slots.length) this.grow();
    return form;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size).fill(-1);
    const hashes = new Int32Array(size);
    const codes = new Float64Array(size);
    for (let i = 0; i < this.slots.length; i++) {
      const k = this.slots[i]!;
      if (k < 0) continue;
      let j = this.hashes[i]! & (size - 1);
      while (slots[j]! >= 0) j = (j + 1) & (size - 1);
      slots[j] = k;
      hashes[j] = this.hashes[i]!;
      codes[j] = this.codes[i]!;
    }
    this.slots = slots;
    this.hashes = hashes;
    this.codes = codes;
  }
}

const HASH_SEED = 0x811c9dc5 | 0;

/** One character more of an FNV-1a hash of a word. */
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/**
 * One character more of a word's exact code: a word of up to 10 characters from [a-z0-9_] is a number in
 * base 38 with digits 1-37 (below 2^53, so exact), which one comparison tells apart from every other word;
 * any other word's code is -1, and it is compared character by character.
 */
function codeStep(code: number, c: number): number {
  if (code < 0 || code >= CODE_LIMIT) return -1;
  const digit = c >= 97 && c <= 122 ? c - 96 : c >= 48 && c <= 57 ? c - 21 : c === 95 ? 37 : 0;
  return digit === 0 ? -1 : code * 38 + digit;
}

/** Codes of 10-character words are at least this: an 11th character would pass 2^53. */
const CODE_LIMIT = 38 ** 9;

function sameChars(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

// natural's WordTokenizer splits on this pattern and drops "" and " " through underscore's `without`,
// which made tokenising a third of the normalisation time; tests check both give the same words.
const WORD_SPLIT = /[^A-Za-zА-Яа-я0-9_]+/;

/** The words of already prepared text, as natural's WordTokenizer gives them. */
export function tokenize(prepared: string): string[] {
  return prepared.split(WORD_SPLIT).filter((w) => w !== "" && w !== " ");
}

/** Number of words the tokenizer finds in already prepared text. */
export function countWords(prepared: string): number {
  return tokenize(prepared).length;
}

/**
 * Splits into sentences on end punctuation followed by a capital or digit, and on line breaks: the
 * pieces of text.split(/(?<=[.!?;])\s+(?=[A-Z0-9(\u0391-\u03a9])|\r?\n+/), trimmed, empty ones dropped.
 */
export function splitSentences(text: string): string[] {
  const bounds = sentenceBounds(text);
  const out: string[] = [];
  for (let k = 0; k < bounds.length; k += 2) out.push(text.slice(bounds[k], bounds[k + 1]));
  return out;
}

export function normalizeText(text: string, stems: StemCache): NormalizedText {
  const out: NormalizedText = { tokens: [], sentences: [], ascii: true };
  const bounds = sentenceBounds(text);
  if (isAscii(text)) {
    // On ASCII text prepareText is the lower case with prefixes joined: the whole text is lower-cased
    // once, and the sentences are cut from that (their words read where they lie when nothing is joined).
    const lower = text.toLowerCase();
    for (let k = 0; k < bounds.length; k += 2) {
      const sentence = lower.slice(bounds[k], bounds[k + 1]);
      const prepared = joinPrefixesAscii(sentence);
      if (prepared !== sentence) addSentence(out, prepared, stems);
      else addSentenceOf(out, sentence, lower, bounds[k]!, bounds[k + 1]!, stems);
    }
  } else {
    for (let k = 0; k < bounds.length; k += 2) {
      const prepared = prepareText(text.slice(bounds[k], bounds[k + 1]));
      if (out.ascii && !isAscii(prepared)) out.ascii = false;
      addSentence(out, prepared, stems);
    }
  }
  return out;
}

function addSentence(out: NormalizedText, prepared: string, stems: StemCache): void {
  addSentenceOf(out, prepared, prepared, 0, prepared.length, stems);
}

/** Adds `prepared`, which is text[start, end), as the next sentence, with its words. */
function addSentenceOf(out: NormalizedText, prepared: string, text: string, start: number, end: number, stems: StemCache): void {
  const sentence = out.sentences.length;
  out.sentences.push(prepared);
  // The words tokenize(prepared) gives: maximal runs of its word characters.
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    const first = i;
    let h = HASH_SEED;
    let code = 0;
    do {
      h = hashStep(h, c);
      code = codeStep(code, c);
      i++;
    } while (i < end && isWordChar((c = text.charCodeAt(i))));
    out.tokens.push(new Token(stems.entryAt(text, first, i, h, code), sentence));
  }
}

/** The characters WORD_SPLIT does not split on: A-Z, a-z, А-Я, а-я, 0-9 and _. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95 || (c >= 0x410 && c <= 0x44f);
}

/** \s of a regular expression, which is also what trim removes: Unicode white space and line terminators. */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

// The separators of splitSentences without its lookbehind (which is tried at every character): a match
// of the first alternative starts with the end punctuation, which stays with its sentence.
const SEPARATOR = /[.!?;]\s+(?=[A-Z0-9(\u0391-\u03a9])|\r?\n+/g;

/** Start and end offsets of the sentences of splitSentences. */
function sentenceBounds(text: string): number[] {
  const bounds: number[] = [];
  let last = 0;
  SEPARATOR.lastIndex = 0;
  for (let m; (m = SEPARATOR.exec(text)); ) {
    const c = text.charCodeAt(m.index);
    pushTrimmed(bounds, text, last, c === 10 || c === 13 ? m.index : m.index + 1);
    last = m.index + m[0].length;
  }
  pushTrimmed(bounds, text, last, text.length);
  return bounds;
}

function pushTrimmed(bounds: number[], text: string, start: number, end: number): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) bounds.push(start, end);
}

/**
 * Stems of a vocabulary phrase, "..." kept as a gap marker. A word written "=word" must match that
 * word exactly (Porter gives "prospective" and "prospects" the same stem).
 */
export function phraseStems(phrase: string, stems: StemCache): string[] {
  return phrase
    .split(/\s*\.\.\.\s*/)
    .map((part) =>
      part
        .split(/\s+/)
        .filter(Boolean)
        .flatMap((chunk) => {
          const exact = chunk.startsWith("=");
          const words = tokenize(prepareText(exact ? chunk.slice(1) : chunk));
          return words.map((w) => (exact ? `${EXACT}${americanize(w)}` : stems.stem(w)));
        }),
    )
    .flatMap((part, i) => (i === 0 ? part : [GAP, ...part]));
}

export const GAP = "\u0000gap";
/** Prefix of a phrase element that matches the normalised word rather than its stem. */
export const EXACT = "\u0000=";
