import { emptyArticle, type Article, type Diagnostic } from "../../../model/article.js";
import { readAbstract } from "./abstract.js";
import { readAuthorListComplete, readAuthors, readInvestigators } from "./authors.js";
import { readPubDate } from "./dates.js";
import { readHistory, readPublicationStatus } from "./history.js";
import { articleIdLists, readIds } from "./ids.js";
import { readBookPublicationTypes, readGrants, readKeywords } from "./indexing.js";
import { readPages } from "./journal.js";
import { diagnostic, type RecordContext } from "./record-context.js";
import type { RecordOutcome } from "./article.js";
import { child, children, markupText, text, type XmlNode } from "./text.js";
import { readLanguages } from "./title.js";

/**
 * A `<PubmedBookArticle>` (GeneReviews chapters, NCBI Bookshelf): a different tree from PubmedArticle.
 * The chapter title is the title (the book title when there is no chapter); the book plays the journal.
 */
export function bookFromTree(node: XmlNode, ctx: RecordContext): RecordOutcome {
  const diagnostics: Diagnostic[] = [];
  const doc = child(node, "BookDocument");
  const bookData = child(node, "PubmedBookData");
  const book = child(doc, "Book");
  // A book's DOI is in Book/ELocationID (DTDs from 2018 on); BookDocument has none of its own.
  const ids = readIds(child(doc, "PMID"), children(book, "ELocationID"), articleIdLists(doc, bookData));
  if (ids.pmid === null) {
    diagnostics.push(diagnostic(ctx, "error", null, "PubmedBookArticle has no valid BookDocument/PMID: record skipped"));
    return { record: null, diagnostics };
  }
  const pmid = ids.pmid;
  const warn = (message: string): void => {
    diagnostics.push(diagnostic(ctx, "warning", pmid, message));
  };
  const bookTitle = markupText(child(book, "BookTitle"));
  const authorLists = [...children(doc, "AuthorList"), ...children(book, "AuthorList")];
  const record: Article = {
    ...emptyArticle(pmid, { ...ctx.source, ownId: pmid }),
    ...ids,
    kind: "book",
    title: markupText(child(doc, "ArticleTitle")) ?? bookTitle,
    vernacularTitle: markupText(child(doc, "VernacularTitle")),
    languages: readLanguages(doc),
    ...readAbstract(child(doc, "Abstract")),
    journal: {
      title: bookTitle,
      isoAbbreviation: null,
      issn: null,
      volume: text(child(book, "Volume")),
      issue: null,
      pages: readPages(child(doc, "Pagination")),
    },
    pubDate: readPubDate(child(book, "PubDate"), undefined),
    authors: readAuthors(authorLists, warn),
    authorListComplete: readAuthorListComplete(authorLists),
    investigators: readInvestigators([...children(doc, "InvestigatorList"), ...children(book, "InvestigatorList")], warn),
    publicationTypes: readBookPublicationTypes(doc),
    keywords: readKeywords(doc),
    grants: readGrants(doc),
    history: readHistory(bookData),
    publicationStatus: readPublicationStatus(bookData),
  };
  return { record, diagnostics };
}
