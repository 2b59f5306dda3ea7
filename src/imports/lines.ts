/** A line of an input file with its 1-based line number. */
export interface NumberedLine {
  text: string;
  lineNo: number;
}

/**
 * Splits a byte stream into lines, one chunk (one batch of lines) at a time, so memory stays flat whatever the file size.
 * Accepts CRLF, LF and lone CR as line ends (real exports mix all three: WoS RIS joins fields by a bare
 * CR, IEEE separates records by "\r\n\n\r"), decodes UTF-8 across chunk borders and drops a leading BOM.
 */
export async function* readLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<NumberedLine[]> {
  const decoder = new TextDecoder("utf-8");
  const splitter = new LineSplitter();
  let first = true;
  for await (const chunk of input) {
    let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    // One batch per chunk: an await per line would cost more than the parsing.
    yield [...splitter.push(text, false)];
  }
  let tail = decoder.decode();
  if (first && tail.charCodeAt(0) === 0xfeff) tail = tail.slice(1);
  yield [...splitter.push(tail, true)];
}

/** Cuts text into lines; keeps the unfinished last line (and a trailing CR that may start a CRLF) for the next push. */
class LineSplitter {
  private pending = "";
  private lineNo = 0;

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
