import type { Article, DeletedRecord, Diagnostic } from "../../../model/article.js";
import { articleFromTree } from "./article.js";
import { bookFromTree } from "./book.js";
import { diagnostic, type RecordContext } from "./record-context.js";
import type { RecordChunk } from "./split.js";
import { readPmid } from "./ids.js";
import { children, type XmlNode } from "./text.js";
import { parseRecordXml } from "./xml.js";
import { lineBreaks } from "./scan.js";

export interface ChunkOutcome {
  record: Article | null;
  deleted: DeletedRecord | null;
  diagnostics: Diagnostic[];
}

/** `<DeleteCitation>` (FTP update files): the PMIDs PubMed withdrew. */
function deletedFromTree(node: XmlNode, ctx: RecordContext): ChunkOutcome {
  const pmids = children(node, "PMID")
    .map((p) => readPmid(p).pmid)
    .filter((p): p is string => p !== null);
  if (pmids.length === 0) {
    return { record: null, deleted: null, diagnostics: [diagnostic(ctx, "warning", null, "DeleteCitation lists no PMID")] };
  }
  return { record: null, deleted: { kind: "deleted", pmids }, diagnostics: [] };
}

/**
 * Control characters XML 1.0 does not allow (all below U+0020 but tab and line ends): binary data in a
 * damaged file. The XML reader lets them through as text, so they are looked for here.
 */
const NOT_XML_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;

function malformed(chunk: RecordChunk, ctx: RecordContext, problem: string, line: number): ChunkOutcome {
  const pmid = /<PMID[^>]*>(\d+)<\/PMID>/.exec(chunk.xml)?.[1] ?? null;
  const message = `malformed <${chunk.tag}>: ${problem} (line ${chunk.line + line - 1}); record skipped`;
  return { record: null, deleted: null, diagnostics: [diagnostic(ctx, "error", pmid, message)] };
}

/** Validates, parses and reads one record chunk; a malformed chunk is one error diagnostic. */
export function readChunk(chunk: RecordChunk, base: Omit<RecordContext, "position">): ChunkOutcome {
  const ctx: RecordContext = { ...base, position: `record ${chunk.index}, line ${chunk.line}` };
  const control = NOT_XML_CHARACTER.exec(chunk.xml);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    const problem = `binary data, not text (${code}, a character XML does not allow): the file is damaged here`;
    return malformed(chunk, ctx, problem, lineBreaks(chunk.xml, 0, control.index) + 1);
  }
  const parsed = parseRecordXml(chunk.xml);
  if (!parsed.ok) return malformed(chunk, ctx, parsed.message, parsed.line);
  const node = parsed.root;
  if (chunk.tag === "DeleteCitation") return deletedFromTree(node, ctx);
  const outcome = chunk.tag === "PubmedBookArticle" ? bookFromTree(node, ctx) : articleFromTree(node, ctx);
  return { ...outcome, deleted: null };
}
