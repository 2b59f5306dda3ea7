/**
 * Splits PubMed XML text, arriving in pieces of any size, into one string per record
 * (`<PubmedArticle>`, `<PubmedBookArticle>`, `<DeleteCitation>`), so a 2 GB file is parsed with memory
 * bounded by the largest record. Knows nothing of a record's inside: xml.ts validates each one.
 */

export type RecordTag = "PubmedArticle" | "PubmedBookArticle" | "DeleteCitation";

export interface RecordChunk {
  tag: RecordTag;
  xml: string;
  /** 1-based record number in the input and line where the record starts. */
  index: number;
  line: number;
}

export interface SplitProblem {
  message: string;
  position: string;
}

const START_RE = /<(PubmedArticle|PubmedBookArticle|DeleteCitation)[\s>]/g;
const NESTED_START_RE = /<(PubmedArticle|PubmedBookArticle|DeleteCitation)[\s>]/;
/** What may stand between records: prolog, DOCTYPE, the set's own tags, comments, whitespace. */
const BETWEEN_RE =
  /<\?xml[^>]*\?>|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>|<PubmedArticleSet\s*>|<\/PubmedArticleSet\s*>|<PubmedArticleSet\s*\/>|<!--[\s\S]*?-->|[ \t\r\n\uFEFF]+/y;

/** Index of the first character that is not prolog, wrapper or whitespace; -1 when there is none. */
function firstUnexpected(between: string): number {
  let i = 0;
  while (i < between.length) {
    BETWEEN_RE.lastIndex = i;
    const m = BETWEEN_RE.exec(between);
    if (m === null || m[0].length === 0) return i;
    i += m[0].length;
  }
  return -1;
}

function countLines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf("\n", from); i !== -1 && i < to; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

export class RecordSplitter {
  private buf = "";
  /** Line number (1-based) of buf[0]. */
  private line = 1;
  private records = 0;
  private setOpened = false;
  private setClosed = false;
  private sawContent = false;
  private reportedJunk = false;
  readonly problems: SplitProblem[] = [];

  /** Adds text and returns the records it completed. */
  push(text: string): RecordChunk[] {
    this.buf += text;
    if (text.length > 0) this.sawContent = true;
    const out: RecordChunk[] = [];
    let pos = 0;
    for (;;) {
      START_RE.lastIndex = pos;
      const m = START_RE.exec(this.buf);
      if (m === null) break;
      const tag = m[1] as RecordTag;
      const close = `</${tag}>`;
      const end = this.buf.indexOf(close, m.index);
      if (end === -1) {
        this.checkBetween(pos, m.index);
        pos = m.index;
        return this.keep(pos, out);
      }
      this.checkBetween(pos, m.index);
      // A record cut short and followed by another one (concatenated or partly written input).
      const nested = this.buf.slice(m.index + 1, end).search(NESTED_START_RE);
      if (nested !== -1) {
        this.truncated(m.index, tag, m.index + 1 + nested);
        pos = m.index + 1 + nested;
        continue;
      }
      const stop = end + close.length;
      this.records++;
      const start = this.line + countLines(this.buf, 0, m.index);
      out.push({ tag, xml: this.buf.slice(m.index, stop), index: this.records, line: start });
      this.line = start + countLines(this.buf, m.index, stop);
      this.buf = this.buf.slice(stop);
      pos = 0;
    }
    // No record starts in what is left: check the part that cannot be the beginning of a tag.
    const lastLt = this.buf.lastIndexOf("<");
    const safe = lastLt === -1 ? this.buf.length : lastLt;
    this.checkBetween(pos, safe);
    return this.keep(safe, out);
  }

  /**
   * Counts as read `records` whole records holding `lines` line breaks that were split elsewhere (by a
   * worker thread given that stretch of the same input), so later record and line numbers stay those
   * of the whole input. Only between records: nothing may be buffered.
   */
  skip(records: number, lines: number): void {
    if (this.buf !== "") throw new Error("RecordSplitter.skip: part of a record is buffered");
    this.records += records;
    this.line += lines;
    if (records > 0) this.sawContent = true;
  }

  /** Call once at the end of input; the leftovers become problems (truncated record or file). */
  finish(): void {
    const rest = this.buf;
    const open = /<(PubmedArticle|PubmedBookArticle|DeleteCitation)[\s>]/.exec(rest);
    if (open !== null) {
      const pmid = /<PMID[^>]*>(\d+)<\/PMID>/.exec(rest.slice(open.index))?.[1];
      this.problems.push({
        message: `input ends inside <${open[1]}>${pmid ? ` (PMID ${pmid})` : ""}: the file or response is truncated; records before it were read, refetch or re-download it to get the rest`,
        position: `record ${this.records + 1}, line ${this.line + countLines(rest, 0, open.index)}`,
      });
    } else {
      this.checkBetween(0, rest.length);
      if (this.setOpened && !this.setClosed) {
        this.problems.push({
          message: "input ends before </PubmedArticleSet>: the file or response is truncated after the last complete record",
          position: `after record ${this.records}, line ${this.line + countLines(rest, 0, rest.length)}`,
        });
      }
    }
    if (!this.sawContent) this.problems.push({ message: "input is empty: no PubMed XML", position: "line 1" });
    this.buf = "";
  }

  private truncated(start: number, tag: RecordTag, next: number): void {
    this.records++;
    const pmid = /<PMID[^>]*>(\d+)<\/PMID>/.exec(this.buf.slice(start, next))?.[1];
    this.problems.push({
      message: `<${tag}>${pmid ? ` (PMID ${pmid})` : ""} is cut short: another record starts before its </${tag}>; record skipped, refetch or re-download it`,
      position: `record ${this.records}, line ${this.line + countLines(this.buf, 0, start)}`,
    });
  }

  private keep(from: number, out: RecordChunk[]): RecordChunk[] {
    if (from > 0) {
      this.line += countLines(this.buf, 0, from);
      this.buf = this.buf.slice(from);
    }
    return out;
  }

  /** Anything between records other than the set's wrapper is reported once (an error page, an ERROR element). */
  private checkBetween(from: number, to: number): void {
    if (to <= from) return;
    const between = this.buf.slice(from, to);
    if (between.includes("<PubmedArticleSet")) this.setOpened = true;
    if (between.includes("</PubmedArticleSet")) this.setClosed = true;
    if (this.reportedJunk) return;
    const at = firstUnexpected(between);
    if (at === -1) return;
    this.reportedJunk = true;
    // From the buffer, not just this gap: the rest of an error page may already be there.
    const snippet = this.buf.slice(from + at, from + at + 240).replace(/\s+/g, " ").slice(0, 120);
    this.problems.push({
      message: `content that is not a PubMed record: "${snippet}" (an error page or an E-utilities ERROR instead of PubMed XML?)`,
      position: `after record ${this.records}, line ${this.line + countLines(this.buf, 0, from + at)}`,
    });
  }
}
