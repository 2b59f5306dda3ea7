import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FaultPlan, SlidingWindow, seededRandom, type FaultKind, type FaultOptions } from "./eutils-server/faults.js";
import { handleEfetch, handleEsearch, type Answer, type ServerState } from "./eutils-server/handlers.js";
import { rateLimitJson, serverErrorHtml } from "./eutils-server/responses.js";

/**
 * A local stand-in for NCBI E-utilities (esearch and efetch for db=pubmed) on 127.0.0.1, for the demo
 * and for tests. Query semantics: every term matches every record; the only filter is any
 * `"A"[crdt] : "B"[crdt]` creation-date window in the term (several windows intersect). esearch lists
 * PMIDs newest first, keeps searches in a history server (WebEnv/query_key), clamps retmax to 9,999
 * and refuses retstart beyond 9,998 as PubMed does. GET and POST (form-encoded) both work.
 * Faults are opt-in; with none the server answers every request correctly and at any rate.
 */
export interface ServerRecord {
  pmid: string;
  /** Creation date, YYYY/MM/DD. */
  createdDate: string;
  /** One <PubmedArticle> (or <PubmedBookArticle>) element. */
  xml: string;
}

export interface RateLimitOptions {
  perSecond?: number;
  perSecondWithKey?: number;
  windowMs?: number;
  retryAfterSeconds?: number;
}

export interface EutilsServerOptions {
  records: readonly ServerRecord[];
  /** Enforce NCBI's rate (3/s, 10/s with any api_key) with HTTP 429 + JSON body + Retry-After. */
  rateLimit?: boolean | RateLimitOptions;
  faults?: FaultOptions;
  seed?: number;
  /** PMIDs efetch never returns (as if withdrawn). */
  unavailable?: readonly string[];
  /** Phrases that esearch reports in ErrorList/PhraseNotFound when the term contains them. */
  phrasesNotFound?: readonly string[];
  port?: number;
}

export interface RequestLogEntry {
  /** Arrival time, ms since the server started (monotonic). */
  at: number;
  utility: string;
  method: string;
  status: number;
  fault: FaultKind | "rateLimit" | null;
  ids: number;
  tool: string | null;
  email: string | null;
  hasApiKey: boolean;
}

export interface EutilsServerStats {
  requests: RequestLogEntry[];
  rateLimited: number;
  faults: Record<FaultKind, number>;
  /** How many times efetch served each PMID. */
  served: Map<string, number>;
}

export interface EutilsServer {
  url: string;
  close(): Promise<void>;
  stats: EutilsServerStats;
}

async function readParams(req: IncomingMessage, url: URL): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.search);
  if (req.method !== "POST") return params;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString("utf8"))) params.set(k, v);
  return params;
}

function send(res: ServerResponse, answer: Answer): void {
  const body = Buffer.from(answer.body, "utf8");
  const headers: Record<string, string | number> = {
    "Content-Type": answer.contentType ?? "text/xml; charset=UTF-8",
    "Content-Length": body.length,
    ...answer.headers,
  };
  if (answer.cutAt !== undefined) {
    // Headers promise the whole body; the connection dies halfway through it.
    res.writeHead(answer.status, headers);
    res.write(body.subarray(0, answer.cutAt), () => res.socket?.destroy());
    return;
  }
  res.writeHead(answer.status, headers);
  res.end(body);
}

function rateLimitSettings(option: EutilsServerOptions["rateLimit"]): Required<RateLimitOptions> | null {
  if (!option) return null;
  const o = option === true ? {} : option;
  return { perSecond: o.perSecond ?? 3, perSecondWithKey: o.perSecondWithKey ?? 10, windowMs: o.windowMs ?? 1000, retryAfterSeconds: o.retryAfterSeconds ?? 2 };
}

export async function startEutilsServer(options: EutilsServerOptions): Promise<EutilsServer> {
  const started = performance.now();
  const faults = new FaultPlan(options.faults ?? {}, seededRandom(options.seed ?? 1));
  const limit = rateLimitSettings(options.rateLimit);
  const window = new SlidingWindow(limit?.windowMs ?? 1000);
  const stats: EutilsServerStats = { requests: [], rateLimited: 0, faults: faults.injected, served: new Map() };
  const state: ServerState = {
    records: [...options.records].sort((a, b) => b.pmid.length - a.pmid.length || (a.pmid < b.pmid ? 1 : -1)),
    byPmid: new Map(options.records.map((r) => [r.pmid, r])),
    unavailable: new Set(options.unavailable ?? []),
    phrasesNotFound: options.phrasesNotFound ?? [],
    sessions: new Map(),
    nextSession: 1,
    faults,
    served: stats.served,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = performance.now() - started;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const params = await readParams(req, url);
    const utility = /\/(\w+)\.fcgi$/.exec(url.pathname)?.[1] ?? url.pathname;
    const apiKey = params.get("api_key");
    const log = (status: number, fault: RequestLogEntry["fault"], ids: number): void => {
      stats.requests.push({ at, utility, method: req.method ?? "GET", status, fault, ids, tool: params.get("tool"), email: params.get("email"), hasApiKey: Boolean(apiKey) });
    };
    if (limit) {
      const allowed = apiKey ? limit.perSecondWithKey : limit.perSecond;
      const count = window.arrive(apiKey ? `key:${apiKey}` : "127.0.0.1", at);
      if (count > allowed) {
        stats.rateLimited++;
        log(429, "rateLimit", 0);
        return send(res, { status: 429, body: rateLimitJson(apiKey ? "key" : "127.0.0.1", count, allowed), contentType: "application/json", headers: { "Retry-After": String(limit.retryAfterSeconds) } });
      }
    }
    if (faults.strikes("reset")) {
      log(0, "reset", 0);
      req.socket.destroy();
      return;
    }
    if (faults.strikes("status503")) {
      log(503, "status503", 0);
      return send(res, { status: 503, body: serverErrorHtml(503), contentType: "text/html" });
    }
    const answer =
      utility === "esearch" ? handleEsearch(state, params) : utility === "efetch" ? handleEfetch(state, params) : { status: 404, body: `unknown utility ${utility}\n`, contentType: "text/plain" };
    log(answer.status, answer.fault ?? null, answer.ids ?? 0);
    send(res, answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: serverErrorHtml(500), contentType: "text/html" });
      else res.destroy(error as Error);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/entrez/eutils/`,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
