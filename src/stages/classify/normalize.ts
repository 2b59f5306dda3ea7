// Deep imports: natural's index also loads its storage adapters, which call dotenv.config() (reading any
// .env file and printing to stdout, which would corrupt `--json` output).
import { PorterStemmer } from "natural/lib/natural/stemmers/index.js";

/**
 * Text normalisation shared by the vocabulary and the articles, so both sides meet in the same form:
 * diacritics stripped, Greek letters spelled out, hyphenated prefixes joined, British spellings made
 * American, then natural's word tokenizer (its pattern) and Porter stemmer.
 */

export interface Token {
  /** Porter stem of the normalised word. */
  stem: string;
  /** The word as normalised (lower case), for evidence text. */
  word: string;
  /** The word in American spelling, for exact-word phrase elements. */
  norm: string;
  sentence: number;
}

export interface NormalizedText {
  tokens: Token[];
  /** Each sentence's prepared text (lower case, Greek spelled out), for `pattern` rules. */
  sentences: string[];
}

const GREEK: Record<string, string> = {
  α: "alpha", β: "beta", γ: "gamma", δ: "delta", ε: "epsilon", ζ: "zeta", η: "eta", θ: "theta",
  κ: "kappa", λ: "lambda", μ: "micro", ν: "nu", ξ: "xi", π: "pi", ρ: "rho", σ: "sigma", τ: "tau",
  φ: "phi", χ: "chi", ψ: "psi", ω: "omega", µ: "micro",
};
const GREEK_RE = new RegExp(`[${Object.keys(GREEK).join("")}]`, "g");

// Hyphenated prefixes are written joined, hyphenated or spaced; joining makes "non-randomized" one word.
const PREFIX_RE = /\b(non|pre|post|anti|co|re|sub|intra|inter|multi|hyper|hypo|photo|micro|nano)[-\u2010-\u2014]\s*(?=[a-z])/g;

const ASCII_RE = /^[\x00-\x7f]*$/;

export function isAscii(text: string): boolean {
  return ASCII_RE.test(text);
}

/** Lower case, NFKD without diacritics, Greek letters as words, joined prefixes. */
export function prepareText(text: string): string {
  // Most text is ASCII, where NFKD, diacritics and Greek letters change nothing.
  const plain = isAscii(text)
    ? text.toLowerCase()
    : text
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(GREEK_RE, (g) => ` ${GREEK[g] ?? g} `);
  return plain.replace(PREFIX_RE, "$1");
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
  private readonly cache = new Map<string, { stem: string; norm: string }>();
  /** How many words were actually stemmed (for the benchmarks and tests). */
  stemmed = 0;

  entry(word: string): { stem: string; norm: string } {
    let e = this.cache.get(word);
    if (e === undefined) {
      const norm = americanize(word);
      e = { stem: PorterStemmer.stem(norm), norm };
      this.cache.set(word, e);
      this.stemmed++;
    }
    return e;
  }

  stem(word: string): string {
    return this.entry(word).stem;
  }

  get size(): number {
    return this.cache.size;
  }
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

/** Splits into sentences on end punctuation followed by a capital or digit, and on line breaks. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+(?=[A-Z0-9(\u0391-\u03a9])|\r?\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function normalizeText(text: string, stems: StemCache): NormalizedText {
  const tokens: Token[] = [];
  const sentences: string[] = [];
  for (const raw of splitSentences(text)) {
    const prepared = prepareText(raw);
    const sentence = sentences.length;
    sentences.push(prepared);
    for (const word of tokenize(prepared)) {
      const e = stems.entry(word);
      tokens.push({ stem: e.stem, word, norm: e.norm, sentence });
    }
  }
  return { tokens, sentences };
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
