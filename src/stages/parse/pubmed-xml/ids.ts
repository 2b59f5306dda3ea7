import { attr, children, path, text, type XmlNode } from "./text.js";

export interface RecordIds {
  pmid: string | null;
  pmidVersion: number | null;
  doi: string | null;
  pmcid: string | null;
  pii: string | null;
}

const PMID_RE = /^\d+$/;

/** PMID text and its Version attribute; a PMID that is not all digits counts as absent. */
export function readPmid(pmidNode: XmlNode): { pmid: string | null; pmidVersion: number | null } {
  const pmid = text(pmidNode);
  const version = attr(pmidNode, "Version");
  const v = version !== null && /^\d+$/.test(version) ? Number(version) : null;
  return { pmid: pmid !== null && PMID_RE.test(pmid) ? pmid : null, pmidVersion: pmid === null ? null : v };
}

function byType(nodes: XmlNode[], typeAttr: string, type: string, validOnly: boolean): string | null {
  for (const n of nodes) {
    if (attr(n, typeAttr) !== type) continue;
    if (validOnly && attr(n, "ValidYN") === "N") continue;
    const t = text(n);
    if (t !== null) return t;
  }
  return null;
}

/**
 * The record's own ids. DOI and PII come from Article/ELocationID first, then from the record's own
 * ArticleIdList (PubmedData's, or BookDocument's for books); never from a ReferenceList (those ids
 * belong to cited papers, and the reference lists are cut before parsing anyway).
 */
export function readIds(pmidNode: XmlNode, eLocationIds: XmlNode[], articleIdLists: XmlNode[]): RecordIds {
  const articleIds = articleIdLists.flatMap((list) => children(list, "ArticleId"));
  const pmcid = byType(articleIds, "IdType", "pmc", false);
  return {
    ...readPmid(pmidNode),
    doi: byType(eLocationIds, "EIdType", "doi", true) ?? byType(articleIds, "IdType", "doi", false),
    pmcid: pmcid !== null && /^PMC\d+$/i.test(pmcid) ? pmcid.toUpperCase() : pmcid,
    pii: byType(eLocationIds, "EIdType", "pii", true) ?? byType(articleIds, "IdType", "pii", false),
  };
}

/** ArticleIdList nodes of PubmedData (articles) or PubmedBookData and BookDocument (books). */
export function articleIdLists(...parents: XmlNode[]): XmlNode[] {
  return parents.map((p) => path(p, "ArticleIdList")).filter((n) => n !== undefined);
}
