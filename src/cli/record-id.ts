import { normalizeDoi } from "../imports/normalize.js";

/**
 * What `litreview explain` is given, as people copy it: a PMID written "PMID: 12345678", a PubMed or
 * doi.org link (the `url` column of articles.csv), a DOI written "doi:10....". Returns the PMID or DOI
 * inside, or the text as given (a record_id, a bare PMID or DOI).
 */
export function recordIdFromInput(input: string): string {
  const text = input.trim();
  const pmid = /^pmid:?\s*(\d+)$/i.exec(text) ?? /^https?:\/\/(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/(\d+)\/?(?:[?#].*)?$/i.exec(text);
  if (pmid) return pmid[1]!;
  // A resolver link or "doi:" prefix: the DOI as imports read it (prefix gone, percent-encoding decoded).
  if (/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i.test(text)) return normalizeDoi(text) ?? text;
  return text;
}
