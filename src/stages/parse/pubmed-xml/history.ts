import type { HistoryDates } from "../../../model/article.js";
import { attr, child, children, text, type XmlNode } from "./text.js";
import { isoDate } from "./dates.js";

/** PubmedData/History (or PubmedBookData/History) dates for entrez, pubmed and medline, as ISO dates. */
export function readHistory(pubmedData: XmlNode): HistoryDates {
  const out: HistoryDates = { entrez: null, pubmed: null, medline: null };
  for (const node of children(child(pubmedData, "History"), "PubMedPubDate")) {
    const status = attr(node, "PubStatus");
    if (status === "entrez" || status === "pubmed" || status === "medline") {
      if (out[status] === null) out[status] = isoDate(node);
    }
  }
  return out;
}

/** MedlineCitation Status (MEDLINE, PubMed-not-MEDLINE, In-Process, In-Data-Review, Publisher). */
export function readStatus(medlineCitation: XmlNode): string | null {
  return attr(medlineCitation, "Status");
}

/** ppublish, epublish, aheadofprint. */
export function readPublicationStatus(pubmedData: XmlNode): string | null {
  return text(child(pubmedData, "PublicationStatus"));
}
