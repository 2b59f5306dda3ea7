import { readTree } from "./tree.js";

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
const SKIPPED_ELEMENTS = ["OtherAbstract", "InvestigatorList", "Sections", "GeneralNote", "OtherID", "DataBankList"];

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

/** The line breaks of a cut part, kept so a fault's line number still points into the input. */
function newlinesIn(xml: string, from: number, to: number): string {
  let n = 0;
  for (let i = xml.indexOf("\n", from); i !== -1 && i < to; i = xml.indexOf("\n", i + 1)) n++;
  return n === 0 ? "" : "\n".repeat(n);
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

/** On failure, `line` is the line within the record (1 = the line its start tag is on). */
export type ChunkResult = { ok: true; tree: Record<string, unknown> } | { ok: false; message: string; line: number };

/**
 * Checks and reads one record's XML (a `<PubmedArticle>`, `<PubmedBookArticle>` or `<DeleteCitation>`).
 * Values stay strings ("08" stays "08"), entities are left for text.ts, and no DTD is ever read:
 * records are read one by one, without the file's prolog.
 */
export function parseRecordXml(xml: string): ChunkResult {
  return readTree(withoutUnusedParts(xml), STOP_NODES);
}
