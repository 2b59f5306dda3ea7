import type { Article } from "../model/article.js";
import { contentId } from "./normalize.js";

/**
 * The lead's record_id rule: a record whose own id is a PMID is stored under the PMID; any other
 * database's record under `<database>:<own id>` (keeping the PMID it carries in `pmid`, for dedupe);
 * a record without an own id under `<database>:hash-<content hash>`.
 */
export function assignRecordId(article: Article): Article {
  const { database, ownId } = article.source;
  let recordId: string;
  if (database === "pubmed" && ownId !== null && /^\d+$/.test(ownId)) recordId = ownId;
  else if (ownId !== null) recordId = `${database}:${ownId}`;
  else {
    const first = article.authors[0];
    const author = first ? (first.lastName ?? first.collectiveName) : null;
    recordId = `${database}:hash-${contentId(article.title, article.pubDate.year, author, article.doi)}`;
  }
  return { ...article, recordId };
}
