/**
 * The worker threads' quick way through a piece of PubMed XML (pubmed-piece-worker.ts): when the piece
 * is nothing but whole records with white space between them, as nearly every piece is, it is split on
 * its bytes and each record decoded on its own. The text splitter (split.ts) would give the same records
 * after decoding the whole piece and searching it again for starts, ends and line breaks; a record decoded
 * alone also stays a one-byte string unless it holds a character above U+00FF itself, where a decoded
 * stretch of the piece is two-byte for every record in it as soon as one record needs it. Whatever the
 * quick way is not sure of (invalid UTF-8, anything but white space between records, a record cut short
 * by another's start) it leaves to the text splitter: null.
 */
import { isUtf8 } from "node:buffer";
import type { RecordChunk, RecordTag } from "../stages/parse/pubmed-xml/split.js";

const TAGS: readonly RecordTag[] = ["PubmedArticle", "PubmedBookArticle", "DeleteCitation"];
const OPEN = TAGS.map((tag) => Buffer.from(`<${tag}`));
const CLOSE = TAGS.map((tag) => Buffer.from(`</${tag}>`));
/** A record's start tag, as the text splitter finds them; searched for in each record after its own. */
const START_RE = /<(PubmedArticle|PubmedBookArticle|DeleteCitation)[\s>]/g;

const LINE_FEED = 10;
const GT = 62;
/** The byte order mark, U+FEFF, in UTF-8: the splitter counts it as white space between records. */
const BOM = [0xef, 0xbb, 0xbf];

/** The index of the record kind (in TAGS) whose start tag begins at `at`, or -1; only an ASCII [\s>] is taken to end its name. */
function recordAt(bytes: Buffer, at: number): number {
  for (let k = 0; k < TAGS.length; k++) {
    const open = OPEN[k]!;
    const c = bytes[at + open.length]!;
    if ((c === GT || c === 32 || (c >= 9 && c <= 13)) && bytes.compare(open, 0, open.length, at, at + open.length) === 0) return k;
  }
  return -1;
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

/** Whether another record starts inside the record `xml` (after its own start tag at 0). */
function holdsAnotherStart(xml: string): boolean {
  START_RE.lastIndex = 1;
  return START_RE.test(xml);
}

/**
 * The records of a piece and its line breaks, as RecordSplitter gives them for the decoded piece (records
 * and lines numbered from the piece's start), when the piece is valid UTF-8 and only whole records with
 * white space between them, ending with the last record's end tag; null otherwise.
 */
export function splitPlainRecords(bytes: Buffer): { chunks: RecordChunk[]; lines: number } | null {
  if (!isUtf8(bytes)) return null;
  const chunks: RecordChunk[] = [];
  let line = 1;
  let pos = 0;
  while (pos < bytes.length) {
    const at = gapEnd(bytes, pos);
    const kind = recordAt(bytes, at);
    if (kind === -1) return null;
    const end = bytes.indexOf(CLOSE[kind]!, at + 1);
    if (end === -1) return null;
    const stop = end + CLOSE[kind]!.length;
    const xml = bytes.toString("utf8", at, stop);
    // The text splitter reports a record that another one starts inside of: left to it.
    if (holdsAnotherStart(xml)) return null;
    line += lineBreaks(bytes, pos, at);
    chunks.push({ tag: TAGS[kind]!, xml, index: chunks.length + 1, line });
    line += lineBreaks(bytes, at, stop);
    pos = stop;
  }
  return chunks.length === 0 ? null : { chunks, lines: line - 1 };
}
