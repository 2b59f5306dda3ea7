import type { ServerRecord } from "../eutils-server.js";
import type { FaultKind, FaultPlan } from "./faults.js";
import { efetchErrorXml, efetchXml, esearchErrorXml, esearchXml } from "./responses.js";
import { crdtWindows, inWindows } from "./term.js";

/** PubMed esearch lists at most the first 9,999 ids of a query. */
export const CAP = 9999;

export interface Answer {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Send only this many bytes of the body, then drop the connection. */
  cutAt?: number;
  fault?: FaultKind | null;
  ids?: number;
}

export interface ServerState {
  /** Newest first (PubMed's default order for these searches). */
  records: readonly ServerRecord[];
  byPmid: Map<string, ServerRecord>;
  unavailable: Set<string>;
  phrasesNotFound: readonly string[];
  sessions: Map<string, string[]>;
  nextSession: number;
  faults: FaultPlan;
  served: Map<string, number>;
}

function intParam(params: URLSearchParams, name: string, fallback: number): number {
  const v = params.get(name);
  return v && /^\d+$/.test(v) ? Number(v) : fallback;
}

function midBodyReset(state: ServerState, answer: Answer): Answer {
  if (answer.status !== 200 || !state.faults.strikes("resetMidBody")) return answer;
  return { ...answer, cutAt: Math.floor(Buffer.byteLength(answer.body) / 2), fault: "resetMidBody" };
}

function search(state: ServerState, term: string): string[] {
  const windows = crdtWindows(term);
  return state.records.filter((r) => inWindows(r.createdDate, windows)).map((r) => r.pmid);
}

export function handleEsearch(state: ServerState, params: URLSearchParams): Answer {
  if (state.faults.strikes("errorIn200")) {
    return { status: 200, body: esearchErrorXml("Search Backend failed: Database is not supported: pubmed"), fault: "errorIn200" };
  }
  const term = params.get("term");
  const webEnv = params.get("WebEnv");
  const queryKey = params.get("query_key");
  let ids: string[];
  let session: { webEnv: string; queryKey: string } | null = null;
  if (term) {
    ids = search(state, term);
    if (params.get("usehistory") === "y") {
      session = { webEnv: `MCID_local${String(state.nextSession++).padStart(6, "0")}`, queryKey: "1" };
      state.sessions.set(session.webEnv, ids);
    }
  } else if (webEnv && queryKey) {
    const stored = state.sessions.get(webEnv);
    if (!stored || queryKey !== "1" || state.faults.strikes("expireSession")) {
      state.sessions.delete(webEnv);
      return { status: 200, body: esearchErrorXml(`Unable to obtain query #${queryKey}`), fault: stored ? "expireSession" : null };
    }
    ids = stored;
    session = { webEnv, queryKey };
  } else {
    return { status: 200, body: esearchErrorXml("Empty term and query_key - nothing todo") };
  }
  const retstart = intParam(params, "retstart", 0);
  if (retstart > CAP - 1) {
    // NCBI puts a raw line break inside this message.
    return { status: 200, body: esearchErrorXml(`Search Backend failed: Exception:\n'retstart' cannot be larger than ${CAP - 1}. For PubMed, ESearch can only retrieve the first 9,999 records matching the query.`) };
  }
  const retmax = Math.min(intParam(params, "retmax", 20), CAP);
  const page = ids.slice(retstart, Math.min(retstart + retmax, CAP));
  const notFound = term ? state.phrasesNotFound.filter((p) => term.includes(p)) : [];
  const body = esearchXml({ count: notFound.length > 0 ? 0 : ids.length, retstart, ids: notFound.length > 0 ? [] : page, session, translation: term ?? `#${queryKey}`, phrasesNotFound: notFound });
  return midBodyReset(state, { status: 200, body, ids: page.length });
}

function requestedIds(state: ServerState, params: URLSearchParams): string[] | Answer {
  const id = params.get("id");
  if (id) return id.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  const webEnv = params.get("WebEnv");
  if (webEnv) {
    const stored = state.sessions.get(webEnv);
    if (!stored) return { status: 400, body: efetchErrorXml(`Unable to obtain query #${params.get("query_key") ?? "1"}`) };
    const retstart = intParam(params, "retstart", 0);
    return stored.slice(retstart, retstart + intParam(params, "retmax", 20));
  }
  return [];
}

export function handleEfetch(state: ServerState, params: URLSearchParams): Answer {
  const requested = requestedIds(state, params);
  if (!Array.isArray(requested)) return requested;
  if (requested.length === 0) return { status: 400, body: efetchErrorXml("Empty id list - nothing todo") };
  if (state.faults.strikes("errorIn200")) {
    return { status: 200, body: efetchErrorXml("Search Backend failed: Unable to open connection to #PMQuerySrv"), fault: "errorIn200" };
  }
  let records = requested.filter((p) => !state.unavailable.has(p)).map((p) => state.byPmid.get(p)).filter((r): r is ServerRecord => r !== undefined);
  let fault: FaultKind | null = null;
  if (records.length > 1 && state.faults.strikes("shortBatch")) {
    // A silently short batch: the last quarter of the records is left out.
    records = records.slice(0, records.length - Math.ceil(records.length / 4));
    fault = "shortBatch";
  }
  const body = efetchXml(records.map((r) => r.xml));
  if (state.faults.strikes("truncate")) {
    return { status: 200, body: body.slice(0, Math.floor(body.length * 0.6)), fault: "truncate", ids: 0 };
  }
  const answer = midBodyReset(state, { status: 200, body, fault, ids: records.length });
  if (answer.cutAt === undefined) for (const r of records) state.served.set(r.pmid, (state.served.get(r.pmid) ?? 0) + 1);
  return answer;
}
