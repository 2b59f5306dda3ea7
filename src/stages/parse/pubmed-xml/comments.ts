import type { CommentCorrection } from "../../../model/article.js";
import { attr, child, children, text, type XmlNode } from "./text.js";

/**
 * CommentsCorrections links (ErratumIn, ErratumFor, RetractionIn, RetractionOf, ExpressionOfConcernIn,
 * CommentOn, CommentIn, UpdateOf, UpdateIn, ...). RefType="Cites" is how DTDs before 2019 listed a
 * paper's references: references, not comments or corrections, so they are left out like ReferenceList.
 */
export function readCommentsCorrections(medlineCitation: XmlNode): CommentCorrection[] {
  const out: CommentCorrection[] = [];
  for (const node of children(child(medlineCitation, "CommentsCorrectionsList"), "CommentsCorrections")) {
    const refType = attr(node, "RefType");
    if (refType === null || refType === "Cites") continue;
    const pmid = text(child(node, "PMID"));
    out.push({ refType, pmid: pmid !== null && /^\d+$/.test(pmid) ? pmid : null, refSource: text(child(node, "RefSource")) });
  }
  return out;
}
