import type { JournalInfo } from "../../../model/article.js";
import { child, path, text, type XmlNode } from "./text.js";

/** Pages as MEDLINE abbreviates them (MedlinePgn "113-25"), else StartPage-EndPage (Article's or BookDocument's Pagination). */
export function readPages(pagination: XmlNode): string | null {
  const medline = text(child(pagination, "MedlinePgn"));
  if (medline !== null) return medline;
  const start = text(child(pagination, "StartPage"));
  const end = text(child(pagination, "EndPage"));
  if (start === null) return null;
  return end !== null && end !== start ? `${start}-${end}` : start;
}

/** Article/Journal and Article/Pagination. */
export function readJournal(articleNode: XmlNode): JournalInfo {
  const journal = child(articleNode, "Journal");
  const issue = child(journal, "JournalIssue");
  return {
    title: text(child(journal, "Title")),
    isoAbbreviation: text(child(journal, "ISOAbbreviation")),
    issn: text(child(journal, "ISSN")),
    volume: text(child(issue, "Volume")),
    issue: text(child(issue, "Issue")),
    pages: readPages(child(articleNode, "Pagination")),
  };
}

/** The MEDLINE journal abbreviation, used when Journal has no ISOAbbreviation (older records). */
export function medlineTa(medlineCitation: XmlNode): string | null {
  return text(path(medlineCitation, "MedlineJournalInfo", "MedlineTA"));
}
