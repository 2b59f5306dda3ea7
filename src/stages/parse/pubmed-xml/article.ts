import { emptyArticle, type Article, type Diagnostic } from "../../../model/article.js";
import { readAbstract, readOtherAbstracts } from "./abstract.js";
import { readAuthorListComplete, readAuthors, readInvestigators } from "./authors.js";
import { readCommentsCorrections } from "./comments.js";
import { readPubDate } from "./dates.js";
import { readHistory, readPublicationStatus, readStatus } from "./history.js";
import { articleIdLists, readDataBanks, readIds } from "./ids.js";
import { readChemicals, readGrants, readKeywords, readMesh, readPublicationTypes } from "./indexing.js";
import { medlineTa, readJournal } from "./journal.js";
import { diagnostic, type RecordContext } from "./record-context.js";
import { child, children, type XmlNode } from "./text.js";
import { readLanguages, readTitle, readVernacularTitle } from "./title.js";

export interface RecordOutcome {
  record: Article | null;
  diagnostics: Diagnostic[];
}

/** Builds the Article of one `<PubmedArticle>`; a record without a PMID is reported, not returned. */
export function articleFromTree(node: XmlNode, ctx: RecordContext): RecordOutcome {
  const diagnostics: Diagnostic[] = [];
  const citation = child(node, "MedlineCitation");
  const pubmedData = child(node, "PubmedData");
  const art = child(citation, "Article");
  const ids = readIds(child(citation, "PMID"), children(art, "ELocationID"), articleIdLists(pubmedData));
  if (ids.pmid === null) {
    diagnostics.push(diagnostic(ctx, "error", null, "PubmedArticle has no valid MedlineCitation/PMID: record skipped"));
    return { record: null, diagnostics };
  }
  const pmid = ids.pmid;
  const warn = (message: string): void => {
    diagnostics.push(diagnostic(ctx, "warning", pmid, message));
  };
  const journal = readJournal(art);
  if (journal.isoAbbreviation === null) journal.isoAbbreviation = medlineTa(citation);
  const issue = child(child(art, "Journal"), "JournalIssue");
  const authorLists = children(art, "AuthorList");
  const record: Article = {
    ...emptyArticle(pmid, { ...ctx.source, ownId: pmid }),
    ...ids,
    title: readTitle(child(art, "ArticleTitle"), child(art, "VernacularTitle")),
    vernacularTitle: readVernacularTitle(child(art, "VernacularTitle")),
    languages: readLanguages(art),
    ...readAbstract(child(art, "Abstract")),
    otherAbstracts: readOtherAbstracts(children(citation, "OtherAbstract")),
    journal,
    pubDate: readPubDate(child(issue, "PubDate"), child(art, "ArticleDate")),
    authors: readAuthors(authorLists, warn),
    authorListComplete: readAuthorListComplete(authorLists),
    investigators: readInvestigators(children(citation, "InvestigatorList"), warn),
    publicationTypes: readPublicationTypes(art),
    mesh: readMesh(citation),
    keywords: readKeywords(citation),
    chemicals: readChemicals(citation),
    grants: readGrants(art),
    dataBanks: readDataBanks(art),
    commentsCorrections: readCommentsCorrections(citation),
    history: readHistory(pubmedData),
    status: readStatus(citation),
    publicationStatus: readPublicationStatus(pubmedData),
  };
  if (record.title === null) warn("PubmedArticle has no ArticleTitle");
  return { record, diagnostics };
}
