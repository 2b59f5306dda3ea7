import { ExportDecoder, type LegacyEncoding } from "./decoding.js";
import type { ImportFile, ImportItem } from "./types.js";

const NO_BYTES = Buffer.alloc(0);

/** A line of an input file with its 1-based line number. */
export interface NumberedLine {
  text: string;
  lineNo: number;
}

/**
 * Splits a byte stream into lines, one chunk (one batch of lines) at a time, so memory stays flat whatever the file size.
 * Accepts CRLF, LF and lone CR as line ends (real exports mix all three: WoS RIS joins fields by a bare
 * CR, IEEE separates records by "\r\n\n\r"), decodes across chunk borders (UTF-8, UTF-16 with a BOM,
 * Windows-1252 or Mac Roman for lines that are not UTF-8: see ExportDecoder) and drops a leading BOM.
 * `onLegacy` is told the number of the first line that is not UTF-8 and the encoding such lines are read in.
 */
export async function* readLines(
  input: AsyncIterable<Buffer | string>,
  onLegacy?: (lineNo: number, encoding: LegacyEncoding) => void,
): AsyncGenerator<NumberedLine[]> {
  const decoder = new ExportDecoder();
  const splitter = new LineSplitter();
  let first = true;
  const textOf = (chunk: Buffer | string, final: boolean): string => {
    if (typeof chunk === "string") return chunk;
    const { text, legacyAt, legacy } = decoder.decode(chunk, final);
    if (legacyAt >= 0) onLegacy?.(splitter.lineNoAt(text, legacyAt), legacy!);
    return text;
  };
  for await (const chunk of input) {
    let text = textOf(chunk, false);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    // One batch per chunk: an await per line would cost more than the parsing.
    yield [...splitter.push(text, false)];
  }
  let tail = textOf(NO_BYTES, true);
  if (first && tail.charCodeAt(0) === 0xfeff) tail = tail.slice(1);
  yield [...splitter.push(tail, true)];
}

/** A file's lines for a parser, and the warning items reading them gave (filled as the lines are read). */
export function exportLines(input: AsyncIterable<Buffer | string>, file: ImportFile): { lines: AsyncGenerator<NumberedLine[]>; warnings: ImportItem[] } {
  const warnings: ImportItem[] = [];
  const lines = readLines(input, (lineNo, encoding) => {
    warnings.push({
      diagnostic: {
        severity: "warning",
        location: file.file,
        position: `line ${lineNo}`,
        recordId: null,
        message:
          `the first line that is not UTF-8: it and any other such lines were read as ${encoding} (the 8-bit encoding their letters read best in); if accented letters look wrong, re-export the file as UTF-8 and import it again`,
      },
    });
  });
  return { lines, warnings };
}

/** Cuts text into lines; keeps the unfinished last line (and a trailing CR that may start a CRLF) for the next push. */
class LineSplitter {
  private pending = "";
  private lineNo = 0;

  /** The number the line holding text[offset] will get, text being the next text pushed. */
  lineNoAt(text: string, offset: number): number {
    const before = this.pending + text.slice(0, offset);
    return this.lineNo + 1 + (before.match(/\r\n|\r|\n/g)?.length ?? 0);
  }

  *push(text: string, final: boolean): Generator<NumberedLine> {
    const buf = this.pending + text;
    let start = 0;
    // Next LF and next CR, each searched again only once passed (one indexOf per line, not per char).
    let lf = buf.indexOf("\n");
    let cr = buf.indexOf("\r");
    for (;;) {
      if (lf >= 0 && lf < start) lf = buf.indexOf("\n", start);
      if (cr >= 0 && cr < start) cr = buf.indexOf("\r", start);
      const at = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (at < 0) break;
      if (at === cr && at === buf.length - 1 && !final) break;
      yield { text: buf.slice(start, at), lineNo: ++this.lineNo };
      start = at === cr && buf.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
    }
    this.pending = buf.slice(start);
    if (final && this.pending !== "") {
      yield { text: this.pending, lineNo: ++this.lineNo };
      this.pending = "";
    }
  }
}
