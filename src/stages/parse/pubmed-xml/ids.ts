import type { DataBank } from "../../../model/article.js";
import { attr, child, children, path, text, texts, type XmlNode } from "./text.js";

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

/** Elements with the value of their type attribute, read once: each is asked for several types. */
interface Typed {
  node: XmlNode;
  type: string | null;
}

function typed(nodes: XmlNode[], typeAttr: string): Typed[] {
  return nodes.map((node) => ({ node, type: attr(node, typeAttr) }));
}

function byType(nodes: Typed[], type: string, validOnly: boolean): string | null {
  for (const n of nodes) {
    if (n.type !== type) continue;
    if (validOnly && attr(n.node, "ValidYN") === "N") continue;
    const t = text(n.node);
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
  const articleIds = typed(articleIdLists.flatMap((list) => children(list, "ArticleId")), "IdType");
  const locations = typed(eLocationIds, "EIdType");
  const pmcid = byType(articleIds, "pmc", false);
  return {
    ...readPmid(pmidNode),
    doi: byType(locations, "doi", true) ?? byType(articleIds, "doi", false),
    pmcid: pmcid !== null && /^PMC\d+$/i.test(pmcid) ? pmcid.toUpperCase() : pmcid,
    pii: byType(locations, "pii", true) ?? byType(articleIds, "pii", false),
  };
}

/** ArticleIdList nodes of PubmedData (articles) or PubmedBookData and BookDocument (books). */
export function articleIdLists(...parents: XmlNode[]): XmlNode[] {
  return parents.map((p) => path(p, "ArticleIdList")).filter((n) => n !== undefined);
}

/**
 * Article/DataBankList: trial registries (ClinicalTrials.gov, ISRCTN...) and databanks (GenBank, Dryad...)
 * with the record's accession numbers, in order; an entry with neither name nor number is left out.
 */
export function readDataBanks(articleNode: XmlNode): DataBank[] {
  return children(child(articleNode, "DataBankList"), "DataBank").flatMap((bank) => {
    const entry: DataBank = {
      name: text(child(bank, "DataBankName")),
      accessionNumbers: texts(child(bank, "AccessionNumberList"), "AccessionNumber"),
    };
    return entry.name === null && entry.accessionNumbers.length === 0 ? [] : [entry];
  });
}
