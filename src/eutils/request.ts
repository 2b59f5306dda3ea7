/**
 * E-utilities requests as plain values (NCBI Bookshelf NBK25499): built purely, sent by client.ts.
 * Id lists always go by POST: GET URLs break around 300 ids (HTTP 414/400).
 */

export interface Identity {
  tool: string;
  email: string | null;
  apiKey: string | null;
}

export interface EutilsRequest {
  utility: "esearch" | "efetch";
  method: "GET" | "POST";
  /** Full URL; for GET it carries every parameter, api_key included (redact before keeping it). */
  url: string;
  /** application/x-www-form-urlencoded body for POST, else null. */
  body: string | null;
  /** Number of ids sent (for messages). */
  idCount: number;
}

export type Params = Record<string, string | number | null | undefined>;

export function withIdentity(params: Params, identity: Identity): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined) out.set(key, String(value));
  }
  out.set("tool", identity.tool);
  if (identity.email) out.set("email", identity.email);
  if (identity.apiKey) out.set("api_key", identity.apiKey);
  return out;
}

function endpoint(baseUrl: string, utility: string): string {
  return `${baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`}${utility}.fcgi`;
}

export interface EsearchParams {
  term?: string;
  retmax: number;
  retstart?: number;
  usehistory?: boolean;
  webEnv?: string;
  queryKey?: string;
}

/** esearch by POST too: PubMed query strings of a systematic review are long. */
export function esearchRequest(baseUrl: string, identity: Identity, p: EsearchParams): EutilsRequest {
  const params = withIdentity(
    {
      db: "pubmed",
      term: p.term,
      retmax: p.retmax,
      retstart: p.retstart ?? 0,
      usehistory: p.usehistory ? "y" : null,
      WebEnv: p.webEnv,
      query_key: p.queryKey,
      retmode: "xml",
    },
    identity,
  );
  return { utility: "esearch", method: "POST", url: endpoint(baseUrl, "esearch"), body: params.toString(), idCount: 0 };
}

export function efetchRequest(baseUrl: string, identity: Identity, pmids: readonly string[]): EutilsRequest {
  const params = withIdentity({ db: "pubmed", id: pmids.join(","), retmode: "xml", rettype: "abstract" }, identity);
  return { utility: "efetch", method: "POST", url: endpoint(baseUrl, "efetch"), body: params.toString(), idCount: pmids.length };
}

/** A one-line, key-free description of a request for messages and logs. */
export function describeRequest(req: EutilsRequest, redact: (text: string) => string): string {
  if (req.utility === "efetch") return `${req.method} ${redact(req.url)} (${req.idCount} PMIDs)`;
  const term = req.body ? new URLSearchParams(req.body).get("term") : null;
  const retstart = req.body ? new URLSearchParams(req.body).get("retstart") : null;
  const what = term ? `term ${JSON.stringify(term.length > 160 ? `${term.slice(0, 160)}…` : term)}` : "history query";
  return `${req.method} ${redact(req.url)} (${what}, retstart ${retstart ?? 0})`;
}
