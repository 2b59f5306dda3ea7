import { LitreviewError } from "../../errors.js";
import type { EutilsClient } from "../../eutils/client.js";
import type { EsearchResult } from "../../eutils/esearch.js";
import { EARLIEST, RETRIEVAL_CAP, splitWindow, windowTerm, type DateWindow } from "./window.js";

/** One esearch that ran to completion: a date slice under the retrieval cap and every id it matched. */
export interface Slice {
  term: string;
  window: DateWindow;
  count: number;
  ids: string[];
  queryTranslation: string | null;
  warnings: string[];
  searchedAt: string;
}

export interface SliceOptions {
  query: string;
  /** The query file, named in errors about the query. */
  queryFile: string;
  /** Upper bound used when an open window must be split (tomorrow, so today's records are in). */
  latest: string;
  /** Ids asked for per esearch page (at most the cap). */
  pageSize: number;
  clock: () => Date;
  /** The count of the whole window, from the first esearch (for a progress bar). */
  onTotal?: (count: number) => void;
  /** Ids listed so far grew by n. */
  onIds?: (n: number) => void;
}

type Client = Pick<EutilsClient, "esearch">;

/** Consecutive re-searches after expired sessions before giving up (each success resets the count). */
const MAX_SESSION_RESTARTS = 3;

function queryError(result: EsearchResult, term: string, queryFile: string): LitreviewError {
  const what = result.errors.map((e) => `${e.kind} "${e.text}"`).join(", ");
  return new LitreviewError(
    "QUERY_ERROR",
    `PubMed did not run the query as written (${what}) in term ${JSON.stringify(term)}: fix ${queryFile}`,
    { context: { term, errors: result.errors } },
  );
}

function isSessionExpired(error: unknown): boolean {
  return error instanceof LitreviewError && error.context.sessionExpired === true;
}

/** Pages the ids of a search through the history server; an expired session reruns the search. */
async function collectIds(client: Client, term: string, first: EsearchResult, opts: SliceOptions): Promise<string[]> {
  const ids = new Set(first.ids);
  let session = { webEnv: first.webEnv, queryKey: first.queryKey };
  let restarts = 0;
  const total = Math.min(first.count, RETRIEVAL_CAP);
  for (let retstart = first.ids.length; retstart < total; ) {
    if (!session.webEnv || !session.queryKey) throw new LitreviewError("EUTILS_ERROR", `esearch for ${JSON.stringify(term)} returned no WebEnv to page with`);
    const retmax = Math.min(opts.pageSize, RETRIEVAL_CAP - retstart);
    try {
      const page = await client.esearch({ webEnv: session.webEnv, queryKey: session.queryKey, retstart, retmax, usehistory: true });
      if (page.ids.length === 0) break;
      for (const id of page.ids) ids.add(id);
      retstart += page.ids.length;
      restarts = 0;
      opts.onIds?.(page.ids.length);
    } catch (error) {
      if (!isSessionExpired(error) || ++restarts > MAX_SESSION_RESTARTS) throw error;
      const rerun = await client.esearch({ term, retmax: 0, usehistory: true });
      session = { webEnv: rerun.webEnv, queryKey: rerun.queryKey };
    }
  }
  return [...ids];
}

/** Runs the search over a window, splitting it by creation date until every slice is under the cap. */
export async function searchSlices(client: Client, window: DateWindow, opts: SliceOptions, top = true): Promise<Slice[]> {
  const term = windowTerm(opts.query, window);
  const first = await client.esearch({ term, retmax: Math.min(opts.pageSize, RETRIEVAL_CAP), usehistory: true });
  if (first.errors.length > 0) throw queryError(first, term, opts.queryFile);
  if (top) opts.onTotal?.(first.count);
  if (first.count > RETRIEVAL_CAP) {
    const from = window.from ?? EARLIEST;
    const to = window.to ?? opts.latest;
    const halves = splitWindow(from, to);
    if (!halves) {
      throw new LitreviewError(
        "EUTILS_ERROR",
        `${first.count} records were created on ${from} alone, more than esearch can list (${RETRIEVAL_CAP}): narrow the query in ${opts.queryFile}`,
      );
    }
    const out: Slice[] = [];
    for (const half of halves) out.push(...(await searchSlices(client, half, opts, false)));
    return out;
  }
  opts.onIds?.(first.ids.length);
  const ids = await collectIds(client, term, first, opts);
  const warnings = [...first.warnings];
  if (ids.length < first.count) warnings.push(`esearch counted ${first.count} records for ${term} but listed ${ids.length}`);
  return [
    {
      term,
      window,
      count: first.count,
      ids,
      queryTranslation: first.queryTranslation,
      warnings,
      searchedAt: opts.clock().toISOString(),
    },
  ];
}
