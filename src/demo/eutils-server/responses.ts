/** Response bodies shaped like NCBI's (see tests/fixtures/eutils/ for the real ones they imitate). */

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface EsearchBody {
  count: number;
  retstart: number;
  ids: readonly string[];
  session: { webEnv: string; queryKey: string } | null;
  translation: string;
  phrasesNotFound: readonly string[];
}

export function esearchXml(b: EsearchBody): string {
  const history = b.session ? `<QueryKey>${b.session.queryKey}</QueryKey><WebEnv>${b.session.webEnv}</WebEnv>` : "";
  const ids = b.ids.length === 0 ? "<IdList/>" : `<IdList>\n${b.ids.map((id) => `<Id>${id}</Id>\n`).join("")}</IdList>`;
  const errors =
    b.phrasesNotFound.length > 0
      ? `<ErrorList>${b.phrasesNotFound.map((p) => `<PhraseNotFound>${escapeXml(p)}</PhraseNotFound>`).join("")}</ErrorList>`
      : "";
  const warnings = b.count === 0 ? "<WarningList><OutputMessage>No items found.</OutputMessage></WarningList>" : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" ?>\n` +
    `<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n` +
    `<eSearchResult><Count>${b.count}</Count><RetMax>${b.ids.length}</RetMax><RetStart>${b.retstart}</RetStart>${history}${ids}` +
    `<TranslationSet/><QueryTranslation>${escapeXml(b.translation)}</QueryTranslation>${errors}${warnings}</eSearchResult>\n`
  );
}

export function esearchErrorXml(message: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" ?>\n` +
    `<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n` +
    `<eSearchResult><ERROR>${escapeXml(message)}</ERROR></eSearchResult>\n`
  );
}

export function efetchXml(records: readonly string[]): string {
  return (
    `<?xml version="1.0" ?>\n` +
    `<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n` +
    `<PubmedArticleSet>\n${records.map((r) => `${r}\n`).join("")}</PubmedArticleSet>\n`
  );
}

export function efetchErrorXml(message: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" ?>\n` +
    `<!DOCTYPE eEfetchResult PUBLIC "-//NLM//DTD efetch 20131226//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd">\n` +
    `<eFetchResult>\n\t<ERROR>${escapeXml(message)}</ERROR>\n</eFetchResult>\n`
  );
}

export function serverErrorHtml(status: number): string {
  return `<!DOCTYPE html><html><head><title>NCBI/eutils-local - WWW Error ${status} Diagnostic</title></head><body><h1>Error ${status}</h1><p>Service temporarily unavailable</p></body></html>\n`;
}

export function rateLimitJson(clientId: string, count: number, limit: number): string {
  return JSON.stringify({ error: "API rate limit exceeded", "api-key": clientId, count: String(count), limit: String(limit) });
}
