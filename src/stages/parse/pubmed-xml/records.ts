import type { Article, DeletedRecord, Diagnostic } from "../../../model/article.js";
import { articleFromTree } from "./article.js";
import { bookFromTree } from "./book.js";
import { diagnostic, type RecordContext } from "./record-context.js";
import type { RecordChunk } from "./split.js";
import { readPmid } from "./ids.js";
import { children, type XmlNode } from "./text.js";
import { parseRecordXml } from "./xml.js";

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

/** Validates, parses and reads one record chunk; a malformed chunk is one error diagnostic. */
export function readChunk(chunk: RecordChunk, base: Omit<RecordContext, "position">): ChunkOutcome {
  const ctx: RecordContext = { ...base, position: `record ${chunk.index}, line ${chunk.line}` };
  const parsed = parseRecordXml(chunk.xml);
  if (!parsed.ok) {
    const pmid = /<PMID[^>]*>(\d+)<\/PMID>/.exec(chunk.xml)?.[1] ?? null;
    const message = `malformed <${chunk.tag}>: ${parsed.message} (line ${chunk.line + parsed.line - 1}); record skipped`;
    return { record: null, deleted: null, diagnostics: [diagnostic(ctx, "error", pmid, message)] };
  }
  const node = parsed.root;
  if (chunk.tag === "DeleteCitation") return deletedFromTree(node, ctx);
  const outcome = chunk.tag === "PubmedBookArticle" ? bookFromTree(node, ctx) : articleFromTree(node, ctx);
  return { ...outcome, deleted: null };
}
