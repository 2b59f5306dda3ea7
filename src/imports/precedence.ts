import type { Article } from "../model/article.js";

/**
 * How complete a PubMed record's source is: 3 for PubMed XML (efetch or an XML file: the parser keeps
 * which XML element gave the date), 2 for MEDLINE text (it has STAT), 1 for RIS and the other exports.
 * A PMID-keyed record is never replaced by a poorer copy of itself (an EndNote RIS re-export would
 * otherwise strip the MeSH and publication types the classifiers use); the copy is still listed as a source.
 * Nor is any record replaced by a copy of the same rank from another file that carries no more (completeness).
 */
export function sourceRank(article: Article): number {
  if (article.source.file === null) return 3;
  if (article.pubDate.source !== null && article.pubDate.source !== "export") return 3;
  if (article.status !== null) return 2;
  return 1;
}

/**
 * How much a record carries: its filled fields, and one for each author, affiliation, keyword, MeSH heading
 * and publication type. Between two copies of one record of the same rank from different files (an Embase
 * export and a screening tool's re-export of it), the one that carries more is kept.
 */
export function completeness(article: Article): number {
  const { journal } = article;
  const fields = [article.title, article.abstract, article.doi, article.pmid, article.pmcid, journal.title, journal.issn, journal.volume, journal.issue, journal.pages, article.pubDate.year, article.pubDate.month];
  const lists = [article.authors, article.keywords, article.mesh, article.publicationTypes, article.languages, article.chemicals, article.grants];
  return (
    fields.filter((v) => v !== null).length +
    lists.reduce((n, list) => n + list.length, 0) +
    article.authors.reduce((n, a) => n + a.affiliations.length, 0)
  );
}
