/**
 * The PMIDs an efetch answer holds, read cheaply: the first <PMID> inside each <PubmedArticle> or
 * <PubmedBookArticle>. Later <PMID>s of a record belong to CommentsCorrections or, in
 * ReferenceList, to cited papers, so only the first one after each record opening counts.
 */
export function receivedPmids(xml: string): string[] {
  const out: string[] = [];
  const recordOpen = /<(PubmedArticle|PubmedBookArticle)[\s>]/g;
  const pmidTag = /<PMID(?:\s[^>]*)?>\s*(\d+)\s*<\/PMID>/g;
  let match: RegExpExecArray | null;
  while ((match = recordOpen.exec(xml)) !== null) {
    pmidTag.lastIndex = match.index;
    const pmid = pmidTag.exec(xml);
    if (!pmid) break;
    const nextRecord = xml.indexOf(`<${match[1]}`, match.index + 1);
    // A record without its own PMID must not steal the next record's.
    if (nextRecord !== -1 && pmid.index > nextRecord) continue;
    out.push(pmid[1]!);
    recordOpen.lastIndex = pmid.index;
  }
  return out;
}
