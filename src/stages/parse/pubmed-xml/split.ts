/**
 * Splits PubMed XML text, arriving in pieces of any size, into one string per record
 * (`<PubmedArticle>`, `<PubmedBookArticle>`, `<DeleteCitation>`), so a 2 GB file is parsed with memory
 * bounded by the largest record. Knows nothing of a record's inside: xml.ts validates each one.
 * Each piece is searched once: record starts and ends by offset, line numbers by a cursor that only
 * moves forward, and the text before the first incomplete record is dropped once per piece.
 */

import { lineBreaks } from "./scan.js";

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
const PMID_RE = /<PMID[^>]*>(\d+)<\/PMID>/;
/** What may stand between records: prolog, DOCTYPE, the set's own tags, comments, whitespace. */
const BETWEEN_RE =
  /<\?xml[^>]*\?>|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>|<PubmedArticleSet\s*>|<\/PubmedArticleSet\s*>|<PubmedArticleSet\s*\/>|<!--[\s\S]*?-->|[ \t\r\n\uFEFF]+/y;

/**
 * Text is split this many characters at a time: joining the unsplit tail to a large piece makes a
 * string big enough for V8's large-object space, several times slower to allocate and collect.
 */
const PIECE = 16384;

interface RecordStart {
  at: number;
  tag: RecordTag;
}

function recordStart(text: string, from: number): RecordStart | null {
  START_RE.lastIndex = from;
  const m = START_RE.exec(text);
  return m === null ? null : { at: m.index, tag: m[1] as RecordTag };
}

/** A record start, or the end tag of any record element. */
const START_OR_END_RE = /<(PubmedArticle|PubmedBookArticle|DeleteCitation)[\s>]|<\/(PubmedArticle|PubmedBookArticle|DeleteCitation)>/g;

/**
 * For the record `tag` starting at `at`: where its first end tag is (-1: not in `text` yet), and the
 * first record start after `at`. One search finds whichever of the two comes first, so a whole record
 * is searched once, not once for its end and again for the next start.
 */
function endOrNext(text: string, at: number, tag: RecordTag): { end: number; next: RecordStart | null } {
  START_OR_END_RE.lastIndex = at + 1;
  for (let m = START_OR_END_RE.exec(text); m !== null; m = START_OR_END_RE.exec(text)) {
    if (m[1] !== undefined) return { end: text.indexOf(`</${tag}>`, m.index), next: { at: m.index, tag: m[1] as RecordTag } };
    if (m[2] === tag) {
      // No record starts before the end tag, nor inside it.
      return { end: m.index, next: recordStart(text, START_OR_END_RE.lastIndex) };
    }
  }
  return { end: -1, next: null };
}

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

/** Whether text[from, to) is only the white space that usually separates records. */
function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 32 && c !== 13 && c !== 9 && c !== 0xfeff) return false;
  }
  return true;
}

export class RecordSplitter {
  /** Text not yet split: an incomplete record, or what may be the beginning of a tag. */
  private buf = "";
  /** When `buf` begins with a record that has not ended: that record's end tag. */
  private pendingClose: string | null = null;
  /**
   * Text that arrived after `buf` while its record had not ended, and the last characters of it all
   * (a start of the end tag): joined to `buf` once the record ends, so a long record is neither copied
   * nor searched again for each piece of it.
   */
  private more: string[] = [];
  private moreEnd = "";
  /** Line number (1-based) of buf[lineAt]. */
  private line = 1;
  private lineAt = 0;
  private records = 0;
  private setOpened = false;
  private setClosed = false;
  private sawContent = false;
  private reportedJunk = false;
  readonly problems: SplitProblem[] = [];

  /** Adds text and returns the records it completed. */
  push(text: string): RecordChunk[] {
    if (text.length > 0) this.sawContent = true;
    if (text.length <= PIECE) return this.split(text);
    const out: RecordChunk[] = [];
    for (let i = 0; i < text.length; ) {
      // Never less than the unsplit tail, so a huge record is not copied once per 16k of it.
      const size = Math.max(PIECE, this.buf.length);
      for (const chunk of this.split(text.slice(i, i + size))) out.push(chunk);
      i += size;
    }
    return out;
  }

  private split(text: string): RecordChunk[] {
    const close = this.pendingClose;
    if (close !== null && !this.endsIn(close, text)) {
      this.more.push(text);
      this.moreEnd = text.length >= close.length ? text.slice(1 - close.length) : (this.moreEnd + text).slice(1 - close.length);
      return [];
    }
    const buf = this.unsplit() + text;
    this.buf = buf;
    this.more = [];
    this.pendingClose = null;
    const out: RecordChunk[] = [];
    // Everything before `pos` is split: records given out, the text between them checked.
    let pos = 0;
    let start = recordStart(buf, 0);
    while (start !== null) {
      const { at, tag } = start;
      const close = `</${tag}>`;
      this.checkBetween(pos, at);
      const { end, next } = endOrNext(buf, at, tag);
      if (end === -1) {
        this.pendingClose = close;
        this.moreEnd = buf.slice(Math.max(at, buf.length - close.length + 1));
        return this.keep(at, out);
      }
      if (next !== null && next.at < end) {
        // A record cut short and followed by another one (concatenated or partly written input).
        this.truncated(at, tag, next.at);
        pos = next.at;
      } else {
        const stop = end + close.length;
        this.records++;
        out.push({ tag, xml: buf.slice(at, stop), index: this.records, line: this.lineOf(at) });
        pos = stop;
      }
      start = next;
    }
    // No record starts in what is left: check the part that cannot be the beginning of a tag.
    const lastLt = buf.lastIndexOf("<");
    const safe = lastLt < pos ? buf.length : lastLt;
    this.checkBetween(pos, safe);
    return this.keep(safe, out);
  }

  /**
   * Counts as read `records` whole records holding `lines` line breaks that were split elsewhere (by a
   * worker thread given that stretch of the same input), so later record and line numbers stay those
   * of the whole input. Only between records: nothing may be buffered.
   */
  skip(records: number, lines: number): void {
    if (this.unsplit() !== "") throw new Error("RecordSplitter.skip: part of a record is buffered");
    this.records += records;
    this.line += lines;
    if (records > 0) this.sawContent = true;
  }

  /** The line breaks in all the text given so far; only when all of it is split (nothing is buffered). */
  lineBreaks(): number {
    if (this.unsplit() !== "") throw new Error("RecordSplitter.lineBreaks: part of a record is buffered");
    return this.line - 1 + lineBreaks(this.buf, this.lineAt, this.buf.length);
  }

  /** Call once at the end of input; the leftovers become problems (truncated record or file). */
  finish(): void {
    const rest = this.unsplit();
    this.buf = rest;
    const open = recordStart(rest, 0);
    if (open !== null) {
      const pmid = PMID_RE.exec(rest.slice(open.at))?.[1];
      this.problems.push({
        message: `input ends inside <${open.tag}>${pmid ? ` (PMID ${pmid})` : ""}: the file or response is truncated; records before it were read, refetch or re-download it to get the rest`,
        position: `record ${this.records + 1}, line ${this.lineOf(open.at)}`,
      });
    } else {
      this.checkBetween(0, rest.length);
      if (this.setOpened && !this.setClosed) {
        this.problems.push({
          message: "input ends before </PubmedArticleSet>: the file or response is truncated after the last complete record",
          position: `after record ${this.records}, line ${this.lineOf(rest.length)}`,
        });
      }
    }
    if (!this.sawContent) this.problems.push({ message: "input is empty: no PubMed XML", position: "line 1" });
    this.buf = "";
    this.more = [];
    this.pendingClose = null;
    this.lineAt = 0;
  }

  /** All the text not yet split. */
  private unsplit(): string {
    return this.more.length === 0 ? this.buf : this.buf + this.more.join("");
  }

  /** Whether the pending record's end tag `close` is in `text`, or begins in the text before it and ends in it. */
  private endsIn(close: string, text: string): boolean {
    return text.includes(close) || (this.moreEnd + text.slice(0, close.length - 1)).includes(close);
  }

  /** The line of buf[at]; `at` never goes back between calls until keep() moves the buffer on. */
  private lineOf(at: number): number {
    this.line += lineBreaks(this.buf, this.lineAt, at);
    this.lineAt = at;
    return this.line;
  }

  private truncated(start: number, tag: RecordTag, next: number): void {
    this.records++;
    const pmid = PMID_RE.exec(this.buf.slice(start, next))?.[1];
    this.problems.push({
      message: `<${tag}>${pmid ? ` (PMID ${pmid})` : ""} is cut short: another record starts before its </${tag}>; record skipped, refetch or re-download it`,
      position: `record ${this.records}, line ${this.lineOf(start)}`,
    });
  }

  /** Drops the text before `from`, which is split. */
  private keep(from: number, out: RecordChunk[]): RecordChunk[] {
    this.lineOf(from);
    this.buf = this.buf.slice(from);
    this.lineAt = 0;
    return out;
  }

  /** Anything between records other than the set's wrapper is reported once (an error page, an ERROR element). */
  private checkBetween(from: number, to: number): void {
    if (to <= from || onlySpace(this.buf, from, to)) return;
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
      position: `after record ${this.records}, line ${this.lineOf(from + at)}`,
    });
  }
}
