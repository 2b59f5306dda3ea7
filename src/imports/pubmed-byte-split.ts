/**
 * The worker threads' quick way through a piece of PubMed XML (pubmed-piece-worker.ts): when the piece
 * is nothing but whole records with white space between them, as nearly every piece is, it is split on
 * its bytes and each record decoded on its own. The text splitter (split.ts) would give the same records
 * after decoding the whole piece and searching it again for starts, ends and line breaks; a record decoded
 * alone also stays a one-byte string unless it holds a character above U+00FF itself, where a decoded
 * stretch of the piece is two-byte for every record in it as soon as one record needs it. Whatever the
 * quick way is not sure of (invalid UTF-8, anything but white space between records, a record cut short
 * by another's start, a tag that only may be a record's) it leaves to the text splitter: null.
 */
import { isUtf8 } from "node:buffer";
import type { RecordChunk, RecordTag } from "../stages/parse/pubmed-xml/split.js";

const TAGS: readonly RecordTag[] = ["PubmedArticle", "PubmedBookArticle", "DeleteCitation"];
const OPEN = new Map(TAGS.map((tag) => [tag, Buffer.from(`<${tag}`)]));
const CLOSE = new Map(TAGS.map((tag) => [tag, Buffer.from(`</${tag}>`)]));

const LINE_FEED = 10;
const GT = 62;
/** The byte order mark, U+FEFF, in UTF-8: the splitter counts it as white space between records. */
const BOM = [0xef, 0xbb, 0xbf];

/** Whether `c`, after `<PubmedArticle` (or another record's name), surely makes it a record's start tag: [\s>] in ASCII. */
function endsStartName(c: number): boolean {
  return c === GT || c === 32 || (c >= 9 && c <= 13);
}

/** Whether `c` (undefined: the end of the piece) after a record's name may make it a start tag: a non-ASCII one may be a Unicode space. */
function mayEndStartName(c: number | undefined): boolean {
  return c === undefined || c >= 0x80 || endsStartName(c);
}

/** Where the next tag at or after `from` that may start a `tag` record is, or -1. */
function nextStart(bytes: Buffer, tag: RecordTag, from: number): number {
  const open = OPEN.get(tag)!;
  let at = bytes.indexOf(open, from);
  while (at !== -1 && !mayEndStartName(bytes[at + open.length])) at = bytes.indexOf(open, at + 1);
  return at;
}

/** The index after the white space (tab, line feed, carriage return, space, byte order mark) that begins at `from`. */
function gapEnd(bytes: Buffer, from: number): number {
  let i = from;
  for (;;) {
    const c = bytes[i];
    if (c === 32 || c === LINE_FEED || c === 13 || c === 9) i++;
    else if (c === BOM[0] && bytes[i + 1] === BOM[1] && bytes[i + 2] === BOM[2]) i += 3;
    else return i;
  }
}

/** How many line feeds bytes[from, to) holds. */
function lineBreaks(bytes: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = bytes.indexOf(LINE_FEED, from); i !== -1 && i < to; i = bytes.indexOf(LINE_FEED, i + 1)) n++;
  return n;
}

/**
 * The records of a piece and its line breaks, as RecordSplitter gives them for the decoded piece (records
 * and lines numbered from the piece's start), when the piece is valid UTF-8 and only whole records with
 * white space between them, ending with the last record's end tag; null otherwise.
 */
export function splitPlainRecords(bytes: Buffer): { chunks: RecordChunk[]; lines: number } | null {
  if (!isUtf8(bytes)) return null;
  // Where the next tag that may start each kind of record is: each search moves forward only.
  const starts = new Map(TAGS.map((tag) => [tag, nextStart(bytes, tag, 0)]));
  const chunks: RecordChunk[] = [];
  let line = 1;
  let pos = 0;
  while (pos < bytes.length) {
    const at = gapEnd(bytes, pos);
    const tag = TAGS.find((t) => starts.get(t) === at);
    if (tag === undefined || !endsStartName(bytes[at + OPEN.get(tag)!.length]!)) return null;
    starts.set(tag, nextStart(bytes, tag, at + 1));
    const end = bytes.indexOf(CLOSE.get(tag)!, at + 1);
    // The text splitter reports a record that another one starts inside of: left to it.
    if (end === -1 || TAGS.some((t) => starts.get(t)! !== -1 && starts.get(t)! < end)) return null;
    const stop = end + CLOSE.get(tag)!.length;
    line += lineBreaks(bytes, pos, at);
    chunks.push({ tag, xml: bytes.toString("utf8", at, stop), index: chunks.length + 1, line });
    line += lineBreaks(bytes, at, stop);
    pos = stop;
  }
  return chunks.length === 0 ? null : { chunks, lines: line - 1 };
}
