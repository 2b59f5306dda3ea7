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
const NOTHING = Buffer.alloc(0);
const LF = 10;
const CR = 13;

export interface DecodedChunk {
  text: string;
  /** Where in text the first line read as Windows-1252 starts (given once per file), else -1. */
  windows1252At: number;
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
 * line as UTF-8 when it is valid and otherwise as Windows-1252 (what such exports are in practice), so a
 * stray line does not garble the UTF-8 lines around it.
 */
export class ExportDecoder {
  private mode: "start" | "utf-8" | "lines" | TextDecoder = "start";
  private held = NOTHING;
  private reported = false;

  decode(chunk: Buffer, final: boolean): DecodedChunk {
    const bytes = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
    this.held = NOTHING;
    if (this.mode === "start") {
      if (bytes.length < UTF16_MIN_BYTES && !final) return this.hold(bytes, 0);
      const utf16 = utf16Of(bytes);
      this.mode = utf16 ? new TextDecoder(utf16) : "utf-8";
    }
    if (this.mode instanceof TextDecoder) return { text: this.mode.decode(bytes, { stream: !final }), windows1252At: -1 };
    if (this.mode === "utf-8") {
      const end = final ? bytes.length : bytes.length - incompleteTail(bytes);
      try {
        const text = UTF8.decode(bytes.subarray(0, end));
        this.hold(bytes, end);
        return { text, windows1252At: -1 };
      } catch {
        this.mode = "lines";
      }
    }
    return this.decodeLines(bytes, final);
  }

  /** Keeps the bytes from `from` on for the next chunk. */
  private hold(bytes: Buffer, from: number): DecodedChunk {
    this.held = from < bytes.length ? Buffer.from(bytes.subarray(from)) : NOTHING;
    return { text: "", windows1252At: -1 };
  }

  private decodeLines(bytes: Buffer, final: boolean): DecodedChunk {
    const end = final ? bytes.length : lastLineEnd(bytes) + 1;
    let text = "";
    let windows1252At = -1;
    for (let start = 0; start < end; ) {
      const at = nextLineEnd(bytes, start, end);
      const line = bytes.subarray(start, at);
      try {
        text += UTF8.decode(line);
      } catch {
        if (!this.reported) {
          this.reported = true;
          windows1252At = text.length;
        }
        text += decodeWindows1252(line);
      }
      if (at < end) text += String.fromCharCode(bytes[at]!);
      start = at + 1;
    }
    this.hold(bytes, end);
    return { text, windows1252At };
  }
}
