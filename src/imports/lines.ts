/** A line of an input file with its 1-based line number. */
export interface NumberedLine {
  text: string;
  lineNo: number;
}

/**
 * Splits a byte stream into lines, one chunk at a time, so memory stays flat whatever the file size.
 * Accepts CRLF, LF and lone CR as line ends (real exports mix all three: WoS RIS joins fields by a bare
 * CR, IEEE separates records by "\r\n\n\r"), decodes UTF-8 across chunk borders and drops a leading BOM.
 */
export async function* readLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<NumberedLine> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let lineNo = 0;
  let first = true;
  for await (const chunk of input) {
    let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    pending += text;
    let start = 0;
    for (;;) {
      const at = nextBreak(pending, start);
      if (at < 0) break;
      // A CR at the very end may be the first half of a CRLF split across chunks: wait for more.
      if (pending[at] === "\r" && at === pending.length - 1) break;
      yield { text: pending.slice(start, at), lineNo: ++lineNo };
      start = pending[at] === "\r" && pending[at + 1] === "\n" ? at + 2 : at + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (first && pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
  let start = 0;
  for (;;) {
    const at = nextBreak(pending, start);
    if (at < 0) break;
    yield { text: pending.slice(start, at), lineNo: ++lineNo };
    start = pending[at] === "\r" && pending[at + 1] === "\n" ? at + 2 : at + 1;
  }
  if (start < pending.length) yield { text: pending.slice(start), lineNo: ++lineNo };
}

function nextBreak(text: string, from: number): number {
  const lf = text.indexOf("\n", from);
  const cr = text.indexOf("\r", from);
  if (lf < 0) return cr;
  if (cr < 0) return lf;
  return Math.min(lf, cr);
}
