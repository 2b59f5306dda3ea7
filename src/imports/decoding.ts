// Each chunk is decoded on its own: ignoreBOM keeps a U+FEFF that happens to start a chunk (readLines drops the file's BOM).
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
/**
 * Windows-1252's characters for bytes 0x80-0x9F, where it differs from Latin-1 (the WHATWG index). Not
 * TextDecoder("windows-1252"): since Node 20.18.3 it decodes these bytes as Latin-1 (nodejs/node#60888).
 */
export const WINDOWS_1252_C1 =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

export function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString("latin1").replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** Mac OS Roman's characters for bytes 0x80-0xFF (the WHATWG "macintosh" index): what EndNote and other tools on classic Mac OS wrote. */
const MAC_ROMAN_HIGH =
  "\u00C4\u00C5\u00C7\u00C9\u00D1\u00D6\u00DC\u00E1\u00E0\u00E2\u00E4\u00E3\u00E5\u00E7\u00E9\u00E8" +
  "\u00EA\u00EB\u00ED\u00EC\u00EE\u00EF\u00F1\u00F3\u00F2\u00F4\u00F6\u00F5\u00FA\u00F9\u00FB\u00FC" +
  "\u2020\u00B0\u00A2\u00A3\u00A7\u2022\u00B6\u00DF\u00AE\u00A9\u2122\u00B4\u00A8\u2260\u00C6\u00D8" +
  "\u221E\u00B1\u2264\u2265\u00A5\u00B5\u2202\u2211\u220F\u03C0\u222B\u00AA\u00BA\u03A9\u00E6\u00F8" +
  "\u00BF\u00A1\u00AC\u221A\u0192\u2248\u2206\u00AB\u00BB\u2026\u00A0\u00C0\u00C3\u00D5\u0152\u0153" +
  "\u2013\u2014\u201C\u201D\u2018\u2019\u00F7\u25CA\u00FF\u0178\u2044\u20AC\u2039\u203A\uFB01\uFB02" +
  "\u2021\u00B7\u201A\u201E\u2030\u00C2\u00CA\u00C1\u00CB\u00C8\u00CD\u00CE\u00CF\u00CC\u00D3\u00D4" +
  "\uF8FF\u00D2\u00DA\u00DB\u00D9\u0131\u02C6\u02DC\u00AF\u02D8\u02D9\u02DA\u00B8\u02DD\u02DB\u02C7";

export function decodeMacRoman(bytes: Buffer): string {
  return bytes.toString("latin1").replace(/[\x80-\xff]/g, (c) => MAC_ROMAN_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** The 8-bit encodings a file that is not UTF-8 is read in, by the name a warning gives them. */
export const LEGACY_ENCODINGS = {
  "Windows-1252": decodeWindows1252,
  "Mac Roman": decodeMacRoman,
} as const;
export type LegacyEncoding = keyof typeof LEGACY_ENCODINGS;

const LETTER = /\p{L}/u;
const SMALL = /\p{Ll}/u;
const CAPITAL = /\p{Lu}/u;
const WORD = /[\p{L}\p{N}]/u;
/** Controls (Windows-1252's unassigned bytes decode to C1 controls) and private use (Mac Roman's Apple logo). */
const NOT_TEXT = /[\p{Cc}\p{Co}]/u;
const APOSTROPHES = /[\u2018\u2019]/u;
const OPENING = /[\u201C\u2018\u00AB\u201E]/u;
const CLOSING = /[\u201D\u2019\u00BB]/u;
const DASHES = /[\u2013\u2014]/u;

/** A capital where capitals go: starting a word ("Über"), or in a word in capitals ("MÜLLER"), not after a small letter. */
function capitalFits(before: string, after: string, next: string): boolean {
  if (SMALL.test(before)) return false;
  return SMALL.test(after) || CAPITAL.test(before) || (CAPITAL.test(after) && !SMALL.test(next));
}

/** What a punctuation mark or symbol that is not ASCII says of the decoding: a quote, apostrophe, dash or degree sign where they go scores. */
function markScore(c: string, before: string, after: string, previous: string): number {
  if (c === "\u00B0" && (/\p{N}/u.test(before) || (before === " " && /\p{N}/u.test(previous)))) return 1;
  if (APOSTROPHES.test(c) && LETTER.test(before) && LETTER.test(after)) return 1;
  if (OPENING.test(c) && !WORD.test(before) && WORD.test(after)) return 1;
  if (CLOSING.test(c) && !WORD.test(after) && !/\s/.test(before)) return 1;
  if (DASHES.test(c) && (/\s/.test(before) && /\s/.test(after) || (/\p{N}/u.test(before) && /\p{N}/u.test(after)))) return 1;
  return LETTER.test(before) && LETTER.test(after) ? -1 : 0;
}

/**
 * How much a decoding of bytes that are not UTF-8 reads like text, from what stands around each non-ASCII
 * character: a small letter in a word, a capital starting a word or in a word in capitals, a quote, an
 * apostrophe, a dash or a degree sign ("37 °C") where they go score; a capital after a small letter ("donÕt": Mac Roman's ’ read
 * as Windows-1252), a small letter before a capital ("ìExosome": Windows-1252's “ read as Mac Roman), a
 * symbol between letters ("M‰rz") or a control character count against. The same bytes read in the wrong
 * encoding turn letters into symbols and capitals in mid-word, whatever the language.
 */
export function plausibility(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c < "\x80") continue;
    const before = text[i - 1] ?? " ";
    const after = text[i + 1] ?? " ";
    if (NOT_TEXT.test(c)) score -= 5;
    else if (CAPITAL.test(c)) score += capitalFits(before, after, text[i + 2] ?? " ") ? 1 : -1;
    else if (LETTER.test(c)) score += CAPITAL.test(after) ? -1 : LETTER.test(before) || LETTER.test(after) ? 1 : 0;
    else score += markScore(c, before, after, text[i - 2] ?? " ");
  }
  return score;
}

/** The legacy encoding that reads these lines (bytes that are not UTF-8) most like text; Windows-1252 on a tie. */
export function likeliestLegacy(lines: readonly Buffer[]): LegacyEncoding {
  let best: LegacyEncoding = "Windows-1252";
  let bestScore = -Infinity;
  for (const [name, decode] of Object.entries(LEGACY_ENCODINGS) as [LegacyEncoding, (b: Buffer) => string][]) {
    const score = lines.reduce((sum, line) => sum + plausibility(decode(line)), 0);
    if (score > bestScore) [best, bestScore] = [name, score];
  }
  return best;
}
const NOTHING = Buffer.alloc(0);
const LF = 10;
const CR = 13;

export interface DecodedChunk {
  text: string;
  /** Where in text the first line that is not UTF-8 starts (given once per file), else -1. */
  legacyAt: number;
  /** The encoding such lines are read in (set with legacyAt). */
  legacy?: LegacyEncoding;
}

/** How many bytes of a file's start utf16Of looks at at most, and how many it waits for when it can. */
const UTF16_SNIFF_BYTES = 512;
const UTF16_MIN_BYTES = 64;

/**
 * The UTF-16 a file is in: the one its byte-order mark names, else, without one, the one its start shows
 * (tools that save "Unicode" without a mark): an export's tags and most of its text are ASCII, which in
 * UTF-16 is a zero byte beside every character, after it (LE) or before it (BE). No UTF-8 text has zero bytes.
 */
export function utf16Of(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SNIFF_BYTES) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs / 2 && evenZeros === 0) return "utf-16le";
  if (evenZeros >= pairs / 2 && oddZeros === 0) return "utf-16be";
  return null;
}

/** How many bytes at the end begin a UTF-8 character that the next chunk completes. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) return (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > back ? back : 0;
  }
  return 0;
}

function lastLineEnd(bytes: Buffer): number {
  return Math.max(bytes.lastIndexOf(LF), bytes.lastIndexOf(CR));
}

function nextLineEnd(bytes: Buffer, from: number, end: number): number {
  const lf = bytes.indexOf(LF, from);
  const cr = bytes.indexOf(CR, from);
  const at = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  return at < 0 || at > end ? end : at;
}

/**
 * Decodes an export file's bytes chunk by chunk: as UTF-16 (LE or BE) when the file starts with that
 * byte-order mark (EndNote and Windows tools write such files) or shows it without one (utf16Of), else
 * as UTF-8. Once bytes turn up that are not UTF-8, the rest of the file is decoded line by line, each
 * line as UTF-8 when it is valid and otherwise in one legacy 8-bit encoding, so a stray line does not
 * garble the UTF-8 lines around it: Windows-1252 or Mac Roman (classic Mac OS EndNote), whichever reads
 * the chunk's non-UTF-8 lines more like text (likeliestLegacy), chosen once for the file.
 */
export class ExportDecoder {
  private mode: "start" | "utf-8" | "lines" | TextDecoder = "start";
  private held = NOTHING;
  private legacy: LegacyEncoding | null = null;

  decode(chunk: Buffer, final: boolean): DecodedChunk {
    const bytes = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
    this.held = NOTHING;
    if (this.mode === "start") {
      if (bytes.length < UTF16_MIN_BYTES && !final) return this.hold(bytes, 0);
      const utf16 = utf16Of(bytes);
      this.mode = utf16 ? new TextDecoder(utf16) : "utf-8";
    }
    if (this.mode instanceof TextDecoder) return { text: this.mode.decode(bytes, { stream: !final }), legacyAt: -1 };
    if (this.mode === "utf-8") {
      const end = final ? bytes.length : bytes.length - incompleteTail(bytes);
      try {
        const text = UTF8.decode(bytes.subarray(0, end));
        this.hold(bytes, end);
        return { text, legacyAt: -1 };
      } catch {
        this.mode = "lines";
      }
    }
    return this.decodeLines(bytes, final);
  }

  /** Keeps the bytes from `from` on for the next chunk. */
  private hold(bytes: Buffer, from: number): DecodedChunk {
    this.held = from < bytes.length ? Buffer.from(bytes.subarray(from)) : NOTHING;
    return { text: "", legacyAt: -1 };
  }

  private decodeLines(bytes: Buffer, final: boolean): DecodedChunk {
    const end = final ? bytes.length : lastLineEnd(bytes) + 1;
    const lines: [line: Buffer, text: string | null, ending: string][] = [];
    for (let start = 0; start < end; ) {
      const at = nextLineEnd(bytes, start, end);
      const line = bytes.subarray(start, at);
      let text: string | null;
      try {
        text = UTF8.decode(line);
      } catch {
        text = null;
      }
      lines.push([line, text, at < end ? String.fromCharCode(bytes[at]!) : ""]);
      start = at + 1;
    }
    this.hold(bytes, end);
    let legacyAt = -1;
    let chosen = false;
    if (this.legacy === null && lines.some(([, t]) => t === null)) {
      this.legacy = likeliestLegacy(lines.filter(([, t]) => t === null).map(([line]) => line));
      chosen = true;
    }
    let text = "";
    for (const [line, utf8, ending] of lines) {
      if (utf8 === null && chosen && legacyAt < 0) legacyAt = text.length;
      text += (utf8 ?? LEGACY_ENCODINGS[this.legacy!](line)) + ending;
    }
    return legacyAt < 0 ? { text, legacyAt } : { text, legacyAt, legacy: this.legacy! };
  }
}
