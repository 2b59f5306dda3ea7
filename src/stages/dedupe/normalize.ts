import { WINDOWS_1252_C1 } from "../../imports/decoding.js";

/**
 * Normalisation of the fields dedupe compares. Every function is pure and applied the same way to both
 * sides of a comparison, so spelling canonicalisation only has to be consistent, not correct English.
 */

const GREEK: Record<string, string> = {
  α: "alpha", β: "beta", γ: "gamma", δ: "delta", ε: "epsilon", ζ: "zeta", η: "eta", θ: "theta",
  ι: "iota", κ: "kappa", λ: "lambda", μ: "mu", ν: "nu", ξ: "xi", ο: "omicron", π: "pi", ρ: "rho",
  σ: "sigma", ς: "sigma", τ: "tau", υ: "upsilon", φ: "phi", χ: "chi", ψ: "psi", ω: "omega",
};
const GREEK_RE = new RegExp(`[${Object.keys(GREEK).join("")}]`, "g");

/** British → American (or any consistent canonical form); applied per token of length >= 5. */
const SPELLING: readonly [RegExp, string][] = [
  [/isation(s?)$/, "ization$1"],
  [/is(e|ed|es|ing)$/, "iz$1"],
  [/ys(e|ed|es|ing)$/, "yz$1"],
  [/our(s?)$/, "or$1"],
  [/([^aeiou])tre(s?)$/, "$1ter$2"],
  [/([aeiou][a-z])ll(ed|ing|er)$/, "$1l$2"],
  [/ae/g, "e"],
  [/oe/g, "e"],
  [/^ageing$/, "aging"],
  [/^programme(s?)$/, "program$1"],
  [/^grey$/, "gray"],
  [/sulph/g, "sulf"],
];

const STOPWORDS = new Set(
  "a an and are as at be by for from in into is of on or the to with without its their via vs versus".split(" "),
);

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_RUN = /[^\x00-\x7f]+/g;

// The same few characters (±, µ, é, non-breaking spaces) come back again and again: each run is folded once (bounded memo).
const foldMemo = new Map<string, string>();

/** Greek letters spelled out, diacritics and compatibility forms taken apart (Greek again: NFKD makes µ a μ). */
function foldRun(run: string): string {
  const known = foldMemo.get(run);
  if (known !== undefined) return known;
  const folded = run
    .replace(GREEK_RE, (c) => ` ${GREEK[c] ?? c} `)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(GREEK_RE, (c) => ` ${GREEK[c] ?? c} `);
  if (foldMemo.size >= 10_000) foldMemo.clear();
  foldMemo.set(run, folded);
  return folded;
}

/** The byte of each Windows-1252 character for 0x80-0x9F (the others are Latin-1's, one byte per code point). */
const CP1252_BYTE = new Map([...WINDOWS_1252_C1].map((c, i) => [c, 0x80 + i] as const));
const UTF8 = new TextDecoder("utf-8", { fatal: true });
const repairMemo = new Map<string, string>();

/**
 * What mojibake can stand for: Latin letters with diacritics, Greek, punctuation and common symbols. A run
 * of real text can happen to be UTF-8 too ("Ü½" would read as a Syriac letter, "É’" as "ɒ"): not taken.
 */
const MOJIBAKE_OF = /^[\u00a0-\u017f\u0370-\u03ff\u2000-\u206f\u2100-\u215f\u2190-\u22ff]+$/;

/**
 * A run of non-ASCII characters as it was before a page decoded UTF-8 as Windows-1252 ("â€™" for "’",
 * "Ã©" for "é"): its characters taken back to bytes and read as UTF-8. A run that was not such mojibake
 * (a character outside Windows-1252, bytes that are not UTF-8: "é" alone, "ñü", or UTF-8 of what mojibake
 * does not stand for: see MOJIBAKE_OF) is left as it is.
 */
function repairMojibake(run: string): string {
  const known = repairMemo.get(run);
  if (known !== undefined) return known;
  let repaired = run;
  if (run.length >= 2) {
    const bytes = new Uint8Array(run.length);
    let all = true;
    for (let i = 0; i < run.length && all; i++) {
      const code = run.charCodeAt(i);
      const byte = code >= 0xa0 && code <= 0xff ? code : CP1252_BYTE.get(run[i]!);
      if (byte === undefined) all = false;
      else bytes[i] = byte;
    }
    if (all) {
      try {
        const decoded = UTF8.decode(bytes);
        if (MOJIBAKE_OF.test(decoded)) repaired = decoded;
      } catch {
        // not UTF-8 read as Windows-1252: genuine text
      }
    }
  }
  if (repairMemo.size >= 10_000) repairMemo.clear();
  repairMemo.set(run, repaired);
  return repaired;
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * An inline markup tag (<i>, </sup>, <jats:sec>, <AbstractText Label="X">): a name right after the "<".
 * A "<" that compares numbers ("P<0.05 ... P>0.05") is text: taking it and everything up to the next ">"
 * for a tag dropped whole sentences of an abstract.
 */
const MARKUP_TAG = /<\/?[a-z][a-z0-9]*(?::[a-z0-9-]+)?(?:\s[^<>]*)?\/?>/gi;

/**
 * The words of normalizeText(text) one at a time, as ranges of `source`, without building the normalised
 * text (an abstract's words are only hashed). `source` is the text without markup, in lower case, each
 * run of non-ASCII characters folded alone, which folds the text as a whole would: every step goes one
 * character at a time but NFKD, and NFKD never reaches across an ASCII character (its own decomposition,
 * never reordered with combining marks).
 */
export class WordCursor {
  readonly source: string;
  start = 0;
  end = 0;
  /** 32-bit FNV-1a hash of the word, made while finding it (an abstract's words are hashed, never cut out). */
  hash = 0;

  constructor(text: string) {
    let source = text;
    // Markup escaped once more ("&lt;i&gt;Cutibacterium acnes&lt;/i&gt;") is markup too, not the words "i".
    if (source.includes("&")) source = source.replace(/&lt;/gi, "<").replace(/&gt;/gi, ">");
    if (source.includes("<")) source = source.replace(MARKUP_TAG, "");
    if (source.includes("&")) source = source.replace(/&[a-z]+;|&#x?[0-9a-f]+;/gi, " ");
    // Before lower case, which would turn mojibake's "Ã" into "ã", another byte.
    if (NON_ASCII.test(source)) source = source.replace(NON_ASCII_RUN, repairMojibake);
    source = source.toLowerCase();
    this.source = NON_ASCII.test(source) ? source.replace(NON_ASCII_RUN, foldRun) : source;
  }

  /** Moves to the next word: false when there is none. */
  next(): boolean {
    const { source } = this;
    let i = this.end;
    while (i < source.length && !isAsciiAlphanumeric(source.charCodeAt(i))) i++;
    if (i >= source.length) return false;
    let hash = 0x811c9dc5;
    let end = i;
    for (; end < source.length; end++) {
      const code = source.charCodeAt(end);
      if (!isAsciiAlphanumeric(code)) break;
      hash = Math.imul(hash ^ code, 0x01000193);
    }
    this.start = i;
    this.end = end;
    this.hash = hash >>> 0;
    return true;
  }
}

/** Case, diacritics, inline markup, Greek letters, punctuation: the words of the text, lower case. */
export function normalizedWords(text: string): string[] {
  const words: string[] = [];
  const cursor = new WordCursor(text);
  while (cursor.next()) words.push(cursor.source.slice(cursor.start, cursor.end));
  return words;
}

/** The same words as one string, separated by single spaces. */
export function normalizeText(text: string): string {
  return normalizedWords(text).join(" ");
}

// Titles repeat words endlessly; each word's canonical form is worked out once (bounded memo).
const spellingMemo = new Map<string, string>();

export function canonicalSpelling(token: string): string {
  if (token.length < 5) return token;
  const known = spellingMemo.get(token);
  if (known !== undefined) return known;
  let out = token;
  for (const [re, sub] of SPELLING) out = out.replace(re, sub);
  if (spellingMemo.size >= 200_000) spellingMemo.clear();
  spellingMemo.set(token, out);
  return out;
}

/** Title words after normalisation and spelling canonicalisation. */
export function titleWords(title: string | null): string[] {
  if (!title) return [];
  return normalizedWords(title).map(canonicalSpelling);
}

/** A title cut short by a site or an export ends in an ellipsis: "...", "…", "[...]". */
export function isTruncatedTitle(title: string): boolean {
  return /(\.\.\.|…)\s*\]?\s*$/.test(title);
}

/**
 * Words of the main title, before a subtitle ("<main>: <subtitle>", "<main> - <subtitle>",
 * "<question>? <subtitle>"), or 0 when the title has no subtitle. CrossRef and the tools that read it keep
 * subtitles in a field of their own, so some copies of a record carry the main title alone.
 */
export function mainTitleLength(title: string, words: number): number {
  const m = /[:?]\s|\s[-–—]\s/.exec(title);
  if (!m) return 0;
  const main = titleWords(title.slice(0, m.index)).length;
  return main > 0 && main < words ? main : 0;
}

const STOPWORDS_BY_LENGTH: string[][] = [];
for (const w of STOPWORDS) (STOPWORDS_BY_LENGTH[w.length] ??= []).push(w);

/** A word worth blocking on: at least 3 characters, not a stopword. A range, so an abstract's words need not be cut out. */
export function isSignificant(text: string, start = 0, end = text.length): boolean {
  const length = end - start;
  return length >= 3 && !STOPWORDS_BY_LENGTH[length]?.some((w) => text.startsWith(w, start));
}

/** Words worth blocking on. */
export function significantWords(words: readonly string[]): string[] {
  return words.filter((w) => isSignificant(w));
}

/**
 * Numbers and part/phase numerals in a title: "Part I" and "Part II", or "12-week" and "24-week", are
 * different works however similar the rest of the title is. Digits inside a word count too, so that
 * spellings of one name agree: "TGF-β1" (tgf beta 1) and "TGF-beta1", "CO2" and "CO<sub>2</sub>".
 */
export function numberSignature(words: readonly string[]): string {
  const out = new Set<string>();
  words.forEach((w, i) => {
    for (const digits of w.match(/\d+/g) ?? []) out.add(String(Number(digits)));
    const prev = words[i - 1];
    if (prev === "part" || prev === "phase") {
      // "Part II", "Part two" and "Part 2" are one part; "Part I" and "Part II" are two.
      const n = ROMAN.indexOf(w) + 1 || NUMBER_WORDS.indexOf(w) + 1;
      if (n > 0) out.add(String(n));
    }
  });
  return [...out].sort().join(",");
}

const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
const NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

const DOI_DASHES = /[\u2010-\u2014\u2212]/g;

/**
 * Words that say which report of a study a title is: the protocol, the rationale and design, an interim
 * or follow-up report, an extension, a post hoc analysis. Two reports of one trial share most of their
 * title ("<trial>: study protocol" and "<trial>: results of a randomised controlled trial"), first author
 * and journal, and appear a year apart: when one title names such a report and the other does not name
 * the same, they are different works.
 */
const REPORT_WORDS: Readonly<Record<string, string>> = {
  protocol: "protocol",
  rationale: "rationale",
  interim: "interim",
  extension: "extension",
  follow: "follow-up",
  followup: "follow-up",
  hoc: "post-hoc",
};

export function reportKinds(words: readonly string[]): string {
  const out = new Set<string>();
  for (const w of words) {
    const kind = REPORT_WORDS[w];
    if (kind) out.add(kind);
  }
  return [...out].sort().join(",");
}

export function normalizeDoi(doi: string | null): string | null {
  if (!doi) return null;
  let d = doi.trim().toLowerCase();
  try {
    if (d.includes("%")) d = decodeURIComponent(d);
  } catch {
    // a stray % is not an escape: keep the text as it is
  }
  // Pages and PDFs give hyphens as Unicode dashes (and soft hyphens at line ends); MEDLINE tags the id "[doi]".
  d = d.replace(DOI_DASHES, "-").replace(/[\u00ad\u200b]/g, "").replace(/\s*\[doi\]$/, "");
  // A library's proxy rewrites doi.org links ("https://0-doi-org.brum.beds.ac.uk/10...", "doi-org.ezproxy.x.edu").
  d = d.replace(/^(https?:\/\/)?(dx\.)?doi\.org\//, "").replace(/^(https?:\/\/)?[\w.-]*\bdoi-org\.[\w.-]+(:\d+)?\//, "");
  d = d.replace(/^doi:\s*/, "").replace(/\s+/g, "");
  d = d.replace(/[.,;:)\]}>]+$/, "");
  return /^10\.\d{4,9}\/\S+$/.test(d) ? d : null;
}

/**
 * Preprint servers give each version of a preprint its own DOI (Research Square ".../v2", Preprints.org
 * "....v2", OSF "..._v2", Authorea ".../v2"), and bioRxiv/medRxiv DOIs are often copied from the page's
 * address with its "v2": all name one work, so the version is dropped.
 */
const PREPRINT_VERSION: readonly RegExp[] = [
  /^(10\.21203\/rs\.\d+\.rs-\d+)\/v\d+$/,
  /^(10\.20944\/preprints\d{6}\.\d+)\.v\d+$/,
  /^(10\.1101\/\d{4}\.\d{2}\.\d{2}\.\d+)v\d+$/,
  /^(10\.22541\/au\.[\d.]+)\/v\d+$/,
  /^(10\.(?:31219|31234|31235|31222)\/osf\.io\/[a-z0-9]+)_v\d+$/,
];

/** The DOI of the work: normalised, and without a preprint server's version suffix. */
export function workDoi(doi: string | null): string | null {
  const d = normalizeDoi(doi);
  if (d === null) return null;
  for (const re of PREPRINT_VERSION) {
    const m = re.exec(d);
    if (m) return m[1]!;
  }
  return d;
}

export function normalizePmid(pmid: string | null): string | null {
  if (!pmid) return null;
  const p = pmid.trim();
  return /^\d+$/.test(p) ? String(Number(p)) : null;
}

export function normalizePmcid(pmcid: string | null): string | null {
  if (!pmcid) return null;
  const m = /^(?:pmc)?\s*(\d+)$/i.exec(pmcid.trim());
  return m ? `PMC${Number(m[1])}` : null;
}

/** Surname (or collective name) as plain lower-case letters. */
export function nameKey(name: string | null): string | null {
  if (!name) return null;
  const key = normalizedWords(name).join("");
  return key.length > 0 ? key : null;
}

/**
 * A surname key with German umlauts as transliterated ("mueller", "schroeder") and as stripped of their
 * dots ("muller", "schroder") made one: databases write Müller either way.
 */
export function transliteratedSurname(key: string): string {
  return key.replace(/([aou])e/g, "$1");
}

const PARTICLES = /^(?:van|von|der|den|de|del|della|des|da|di|du|dos|das|le|la|ten|ter|op|het)+/;

/** A surname key without its leading particles ("vanderberg" → "berg"), which some databases file under the forename. */
export function withoutParticles(key: string): string {
  const m = PARTICLES.exec(key);
  return m && key.length - m[0].length >= 4 ? key.slice(m[0].length) : key;
}

/** First page, without a leading letter ("e61-e68" → "61", "211-6" → "211"). */
export function firstPage(pages: string | null): string | null {
  if (!pages) return null;
  const m = /^[a-z]*0*(\d+)/i.exec(pages.trim());
  return m ? m[1]! : null;
}

/**
 * Words journal abbreviations leave out, in other languages too (ISO 4 drops articles, prepositions and
 * conjunctions in every language): "Anais Brasileiros de Dermatologia" is "An Bras Dermatol", "Giornale
 * Italiano di Dermatologia e Venereologia" is "G Ital Dermatol Venereol". "An" stays: in journal names it
 * abbreviates "Anais" or "Anales" far more often than it is the English article.
 */
const JOURNAL_STOPWORDS = new Set([
  ...[...STOPWORDS].filter((w) => w !== "an"),
  ..."de des del della di do da dos das du e et y la le les der die und fur van voor en och em".split(" "),
]);

/**
 * Journal name words without stopwords, for abbreviation-aware comparison. NLM's journal titles add a
 * place or a subtitle other databases leave out ("Molecules (Basel, Switzerland)", "Journal of drugs in
 * dermatology : JDD"): both are left out here too.
 */
export function journalWords(name: string | null): string[] {
  if (!name) return [];
  const core = name.replace(/\s*(\([^)]*\)|\[[^\]]*\])/g, " ").replace(/\s:\s.*$/, "");
  return normalizedWords(core.trim() ? core : name).filter((w) => !JOURNAL_STOPWORDS.has(w));
}

/** "acta derm venereol" abbreviates "acta dermato venereologica": each word a prefix of the next in order. */
export function journalsAgree(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a.join(" ") === b.join(" ")) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length !== long.length) return false;
  return short.every((w, i) => {
    const l = long[i]!;
    return l.startsWith(w) || w.startsWith(l);
  });
}

/**
 * One title is the other with words put in front ("An extension of <title>", "Reply to <title>"): a
 * different work about the first, however alike the two strings score.
 */
export function prefixedTitle(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const offset = long.length - short.length;
  if (offset === 0 || short.length === 0) return false;
  for (let i = 0; i < short.length; i++) if (long[offset + i] !== short[i]) return false;
  return significantWords(long.slice(0, offset)).length > 0;
}
