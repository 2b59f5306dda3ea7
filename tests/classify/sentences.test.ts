import { describe, expect, it } from "vitest";
import { StemCache, normalizeText, prepareText, splitSentences, tokenize } from "../../src/stages/classify/normalize.js";
import { randomText, seeded } from "./random-text.js";

/** The sentence splitter as a regular expression: the definition splitSentences is held to. */
function referenceSplit(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+(?=[A-Z0-9(\u0391-\u03a9])|\r?\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** What normalizeText must give: the sentences, then prepareText and tokenize on each. */
function reference(text: string): { sentences: string[]; words: [string, number][] } {
  const sentences = referenceSplit(text).map(prepareText);
  return { sentences, words: sentences.flatMap((s, i) => tokenize(s).map((w): [string, number] => [w, i])) };
}

function normalized(text: string, stems: StemCache): { sentences: string[]; words: [string, number][] } {
  const t = normalizeText(text, stems);
  return { sentences: t.sentences, words: t.tokens.map((x): [string, number] => [x.word, x.sentence]) };
}

/** Pieces that exercise the sentence splitter, the prefix joining and the word characters. */
const PIECES = [
  "a", "Bc", "x9", "Z", "7", "(", ")", ".", "!", "?", ";", ",", " ", "  ", "\n", "\r", "\r\n", "\t", "\v", "\f",
  "-", "non-", "Pre- ", "co-", "re", "_", "e.g.", "p = 0.05", "Methods:", "é", "α", "Σ", "Я", "ж", "\u00a0", "\u2028", "—", "\u2010",
  "\u3000", "\ufeff", "\u180e", "\u200b", "Ω", "\u0390", "\u03aa",
];

describe("splitSentences and normalizeText", () => {
  it("cuts and prepares sentences as splitSentences and prepareText do", () => {
    const texts = [
      "",
      "   ",
      "Mice were used. Patients were randomly assigned.\nResults",
      "p = 0.05 was found. Then more, e.g. this.",
      "End; (Next) 3 weeks!  Again?\r\n\r\nNon-randomised, pre- clinical co-\nculture",
      "TNF-α and TGF-β1 in Café naïve patients. Σ is capital sigma. Кириллица.",
      "Trailing space.   ",
    ];
    const stems = new StemCache();
    for (const text of texts) {
      expect(splitSentences(text)).toEqual(referenceSplit(text));
      expect(normalized(text, stems)).toEqual(reference(text));
    }
  });

  it("agrees with the reference on random texts, ASCII or not", () => {
    const random = seeded(42);
    const stems = new StemCache();
    for (let n = 0; n < 3000; n++) {
      const ascii = n % 2 === 0;
      const pieces = ascii ? PIECES.filter((p) => /^[\x00-\x7f]*$/.test(p)) : PIECES;
      const text = randomText(random, pieces, 30);
      expect(splitSentences(text), JSON.stringify(text)).toEqual(referenceSplit(text));
      expect(normalized(text, stems), JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it("tells whether every prepared sentence is ASCII", () => {
    const stems = new StemCache();
    expect(normalizeText("Plain text. More text.", stems).ascii).toBe(true);
    expect(normalizeText("TNF-α levels. More text.", stems).ascii).toBe(true);
    expect(normalizeText("Кириллица. More text.", stems).ascii).toBe(false);
  });
});

