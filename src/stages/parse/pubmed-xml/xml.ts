import { NO_CUTS } from "./element.js";
import { lineBreaks } from "./scan.js";
import { readTree, type TreeResult } from "./tree.js";

/**
 * Elements whose content may hold inline markup (<i>, <sup>, MathML...): the reader hands them over
 * raw, in order, and text.ts flattens them. Parsed as objects, their words around tags would be lost.
 */
const MARKUP_ELEMENTS = [
  "ArticleTitle",
  "VernacularTitle",
  "BookTitle",
  "AbstractText",
  "CopyrightInformation",
  "Keyword",
  "Affiliation",
  "CollectiveName",
];

/** Elements no stage needs: kept raw and never built into objects, to parse faster. */
const SKIPPED_ELEMENTS = ["Sections", "GeneralNote", "OtherID"];

/** Every element kept raw; built once. */
export const STOP_NODES: ReadonlySet<string> = new Set([...MARKUP_ELEMENTS, ...SKIPPED_ELEMENTS]);

const REFERENCE_LIST_OPEN = "<ReferenceList";
const REFERENCE_LIST_CLOSE = "</ReferenceList>";

/**
 * Cuts the reference lists out of a record before parsing: they are most of a modern record's bytes,
 * no stage reads them, and their ArticleIds must never be mistaken for the record's own DOI.
 */
export function withoutReferenceLists(xml: string): string {
  const start = xml.indexOf(REFERENCE_LIST_OPEN);
  if (start === -1) return xml;
  const end = xml.lastIndexOf(REFERENCE_LIST_CLOSE);
  if (end < start) return xml;
  const stop = end + REFERENCE_LIST_CLOSE.length;
  return xml.slice(0, start) + newlinesIn(xml, start, stop) + xml.slice(stop);
}

/** A cut part as its line breaks, so a fault's line number still points into the input. */
function newlinesIn(xml: string, from: number, to: number): string {
  return "\n".repeat(lineBreaks(xml, from, to));
}

/** Pre-2019 DTDs list a paper's references as CommentsCorrections RefType="Cites": a fifth of such records. */
const CITES_OPEN = '<CommentsCorrections RefType="Cites">';
const CITES_CLOSE = "</CommentsCorrections>";

/** Each Cites link, from its start tag to the first end tag after it, cut down to its line breaks. */
function withoutCites(xml: string): string {
  let start = xml.indexOf(CITES_OPEN);
  if (start === -1) return xml;
  let out = "";
  let from = 0;
  while (start !== -1) {
    const end = xml.indexOf(CITES_CLOSE, start + CITES_OPEN.length);
    if (end === -1) break;
    const stop = end + CITES_CLOSE.length;
    out += xml.slice(from, start) + newlinesIn(xml, start, stop);
    from = stop;
    start = xml.indexOf(CITES_OPEN, stop);
  }
  return out + xml.slice(from);
}

/** The record without the parts no stage reads, so the parser and validator see fewer bytes. */
export function withoutUnusedParts(xml: string): string {
  return withoutCites(withoutReferenceLists(xml));
}

/** The first reference list or Cites link: whichever comes first. */
const FIRST_UNUSED_RE = /<ReferenceList|<CommentsCorrections RefType="Cites">/g;

/**
 * Where the parts no stage reads lie, as [start, stop) pairs in order, for the reader to pass over
 * without copying the record: what withoutUnusedParts cuts. Null when cutting the reference list could
 * change where Cites links are found (the record has both, or the cut joins two lines' text into one):
 * that record is copied.
 */
function unusedParts(xml: string): number[] | null {
  const cuts: number[] = [];
  // One search finds the first of both; the other is then looked for only after it.
  FIRST_UNUSED_RE.lastIndex = 0;
  const first = FIRST_UNUSED_RE.exec(xml);
  const firstAt = first === null ? -1 : first.index;
  const citesFirst = first !== null && first[0] === CITES_OPEN;
  const start = first === null ? -1 : citesFirst ? xml.indexOf(REFERENCE_LIST_OPEN, firstAt) : firstAt;
  const end = start === -1 ? -1 : xml.lastIndexOf(REFERENCE_LIST_CLOSE);
  if (end >= start && start !== -1) cuts.push(start, end + REFERENCE_LIST_CLOSE.length);
  let cites = first === null ? -1 : citesFirst ? firstAt : xml.indexOf(CITES_OPEN, firstAt);
  if (cuts.length > 0) {
    const lineBreak = xml.indexOf("\n", start);
    if (cites !== -1 || lineBreak === -1 || lineBreak >= cuts[1]!) return null;
  }
  while (cites !== -1) {
    const close = xml.indexOf(CITES_CLOSE, cites + CITES_OPEN.length);
    if (close === -1) break;
    const stop = close + CITES_CLOSE.length;
    cuts.push(cites, stop);
    cites = xml.indexOf(CITES_OPEN, stop);
  }
  return cuts;
}

/**
 * Checks and reads one record's XML (a `<PubmedArticle>`, `<PubmedBookArticle>` or `<DeleteCitation>`)
 * without the parts no stage reads. Values stay strings ("08" stays "08"), entities are left for
 * text.ts, and no DTD is ever read: records are read one by one, without the file's prolog.
 * A record the reader cannot read around its cut parts, or finds malformed, is read again with them
 * really cut out, so that what it reports is always what the record less those parts gives.
 */
export function parseRecordXml(xml: string): TreeResult {
  const cuts = unusedParts(xml);
  if (cuts !== null) {
    const result = readTree({ xml, cuts }, STOP_NODES);
    if (result !== "crossed" && (result.ok || cuts.length === 0)) return result;
  }
  const result = readTree({ xml: withoutUnusedParts(xml), cuts: NO_CUTS }, STOP_NODES);
  if (result === "crossed") throw new Error("parseRecordXml: a record without cut parts cannot cross one");
  return result;
}
