import type { Article } from "../model/article.js";

/**
 * How complete a PubMed record's source is: 3 for PubMed XML (efetch or an XML file: the parser keeps
 * which XML element gave the date), 2 for MEDLINE text (it has STAT), 1 for RIS and the other exports.
 * A PMID-keyed record is never replaced by a poorer copy of itself (an EndNote RIS re-export would
 * otherwise strip the MeSH and publication types the classifiers use); the copy is still listed as a source.
 */
export function sourceRank(article: Article): number {
  if (article.source.file === null) return 3;
  if (article.pubDate.source !== null && article.pubDate.source !== "export") return 3;
  if (article.status !== null) return 2;
  return 1;
}
