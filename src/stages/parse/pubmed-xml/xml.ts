import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * Elements whose content may hold inline markup (<i>, <sup>, MathML...): fast-xml-parser hands them over
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

/**
 * One parser for every record, built once. No number parsing ("08" and PMIDs stay strings), no entity
 * processing (text.ts decodes once, numeric and hex references included), no DOCTYPE handling: records
 * are parsed one by one without the file's prolog, so no DTD is ever read or fetched.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  // Callbacks get a matcher instead of a path string built for every tag: much faster.
  jPath: false,
  stopNodes: [...MARKUP_ELEMENTS, ...SKIPPED_ELEMENTS].map((n) => `*.${n}`),
});

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
  return xml.slice(0, start) + xml.slice(end + REFERENCE_LIST_CLOSE.length);
}

export type ChunkResult = { ok: true; tree: Record<string, unknown> } | { ok: false; message: string; line: number | null };

/** Validates then parses one record's XML (a `<PubmedArticle>`, `<PubmedBookArticle>` or `<DeleteCitation>`). */
export function parseRecordXml(xml: string): ChunkResult {
  const trimmed = withoutReferenceLists(xml);
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) return { ok: false, message: valid.err.msg, line: valid.err.line };
  try {
    return { ok: true, tree: parser.parse(trimmed) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: (error as Error).message, line: null };
  }
}
