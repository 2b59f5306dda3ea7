import { describe, expect, it } from "vitest";
import { abstractFeatures } from "../../src/stages/dedupe/abstract.js";
import { normalizeText } from "../../src/stages/dedupe/normalize.js";

const GREEK: Record<string, string> = {
  α: "alpha", β: "beta", γ: "gamma", δ: "delta", ε: "epsilon", ζ: "zeta", η: "eta", θ: "theta",
  ι: "iota", κ: "kappa", λ: "lambda", μ: "mu", ν: "nu", ξ: "xi", ο: "omicron", π: "pi", ρ: "rho",
  σ: "sigma", ς: "sigma", τ: "tau", υ: "upsilon", φ: "phi", χ: "chi", ψ: "psi", ω: "omega",
};
const GREEK_RE = new RegExp(`[${Object.keys(GREEK).join("")}]`, "g");

/** WHATWG's windows-1252 index for 0x80-0x9F (Node 20's TextDecoder reads those bytes as Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
/** Windows-1252's byte for each character of the upper half. */
const CP1252 = new Map(Array.from({ length: 128 }, (_, i) => [String.fromCodePoint(i < 32 ? CP1252_HIGH[i]! : 0x80 + i), 0x80 + i] as const));

/** A run of UTF-8 read as Windows-1252 read again as UTF-8, when it gives letters, Greek, punctuation or symbols. */
function unMojibake(run: string): string {
  const bytes = [...run].map((c) => CP1252.get(c));
  if (run.length < 2 || bytes.some((b) => b === undefined)) return run;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes as number[]));
    return /^[\u00a0-\u017f\u0370-\u03ff\u2000-\u206f\u2100-\u215f\u2190-\u22ff]+$/.test(text) ? text : run;
  } catch {
    return run;
  }
}

/** normalizeText as it was written first: every step over the whole text. normalizeText folds word by word. */
function wholeTextNormalization(text: string): string {
  return text
    .replace(/&lt;/gi, "<")
    .replace(/&gt;/gi, ">")
    .replace(/<\/?[a-z][a-z0-9]*(?::[a-z0-9-]+)?(?:\s[^<>]*)?\/?>/gi, "")
    .replace(/&[a-z]+;|&#x?[0-9a-f]+;/gi, " ")
    .replace(/[^\x00-\x7f]+/g, unMojibake)
    .toLowerCase()
    .replace(GREEK_RE, (c) => ` ${GREEK[c] ?? c} `)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(GREEK_RE, (c) => ` ${GREEK[c] ?? c} `)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Deterministic pseudo-random text from pieces that exercise every step. */
function randomText(seed: number, pieces: readonly string[]): string {
  let x = seed * 2654435761 + 7;
  const next = (): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x >>> 8;
  };
  let out = "";
  for (let i = next() % 30; i > 0; i--) out += pieces[next() % pieces.length];
  return out;
}

const PIECES = [
  "a", "Z", "e", "9", " ", "-", ".", "<i>", "</i>", "<", ">", "&amp;", "&#x3b1;", "&", ";", "&lt;sub&gt;", "&lt;",
  "\u0301", "\u0323", "\u0308", "é", "Ü", "ß", "İ", "ﬁ", "™", "½", "²", "µ", "α", "Β", "ς", "Ω",
  "\u00a0", "\u2009", "‐", "±", "·", "≤", "中文", "😀", "\ud800", "ǅ", "Å", "\u1e9b\u0323", "ｆｕｌｌ",
  "â€™", "Ã©", "Ã", "€", "Î²", "\u0081",
];

describe("normalizeText", () => {
  it("gives what normalising the whole text at once gives", () => {
    for (let seed = 0; seed < 5000; seed++) {
      const text = randomText(seed, PIECES);
      expect(normalizeText(text)).toBe(wholeTextNormalization(text));
    }
  });

  it("folds every character of the Basic Multilingual Plane as the whole text would, beside letters and marks", () => {
    for (let from = 0x80; from < 0x10000; from += 64) {
      let text = "";
      for (let c = from; c < from + 64; c++) text += `x${String.fromCharCode(c)}\u0301y${String.fromCharCode(c)} `;
      expect(normalizeText(text)).toBe(wholeTextNormalization(text));
    }
  });
});

describe("abstractFeatures", () => {
  it("counts the normalised words, and makes no trigrams of an empty abstract", () => {
    expect(abstractFeatures("Résumé: <b>one</b> two, three & four.").wordCount).toBe(5);
    expect(abstractFeatures(null)).toEqual({ wordCount: 0, start: new Uint32Array(0), shingles: new Uint32Array(0) });
  });

  it("gives the same trigrams to the same words however they are written", () => {
    const a = abstractFeatures("Platelet-derived EXOSOMES improved <i>skin</i> texture in fifty-six women.");
    const b = abstractFeatures("platelet derived exosomes improved skin texture in fifty six women");
    expect(a).toEqual(b);
    expect(a.shingles.length).toBe(8);
  });
});
