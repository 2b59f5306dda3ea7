import { LitreviewError } from "../../errors.js";
import type { Stage, StageContext } from "../../pipeline/context.js";
import { lastSearch, saveSearches } from "../../store/retrieval.js";
import { searchSlices, type Slice } from "./slices.js";
import { RETRIEVAL_CAP, addDays, formatYmd, normaliseDate, queryChanged, startDate, type WindowInputs } from "./window.js";

/** Ids per esearch page; tests lower it to exercise history paging. */
export const SEARCH_PAGE_SIZE = RETRIEVAL_CAP;

function since(ctx: StageContext): string | null {
  if (ctx.since === null) return null;
  const date = normaliseDate(ctx.since);
  if (!date) throw new LitreviewError("USAGE", `--since ${ctx.since}: expected a date as YYYY/MM/DD`);
  return date;
}

function distinctWarnings(slices: Slice[]): string[] {
  const seen = new Set<string>();
  for (const s of slices) for (const w of s.warnings) if (w !== "No items found.") seen.add(`${w} (${s.term})`);
  return [...seen];
}

/**
 * A stage warning (the run logs and records it): the incremental window was dropped because the query
 * changed, or, with --since, was kept although it did.
 */
function queryChangedNotice(ctx: StageContext, inputs: WindowInputs, from: string | null): string {
  const what = `query changed: ${ctx.config.query} differs from the query of the last successful search (${inputs.lastSearchStart})`;
  if (inputs.since) {
    return `${what}; --since ${inputs.since} searches only records created from then: run once with --full to search the full range`;
  }
  return `${what}, so the full range is searched (${from === null ? "all years" : `from ${from}, search.from`}), not only the days since then`;
}

/**
 * esearch with the history server over the window this run needs, every slice recorded (term,
 * translation, count, window, time, warnings) and every PMID added to search_hits. Nothing is written
 * until every slice has been searched, so a failed search leaves the store as it was.
 */
export async function runSearch(ctx: StageContext, pageSize = SEARCH_PAGE_SIZE) {
  const client = ctx.client;
  if (!client) throw new LitreviewError("USAGE", "the search stage needs the network: run it without --offline");
  const last = lastSearch(ctx.db, ctx.runId);
  const inputs: WindowInputs = {
    since: since(ctx),
    full: ctx.full,
    configFrom: ctx.config.search.from,
    overlapDays: ctx.config.search.overlap_days,
    lastSearchStart: last?.startedAt ?? null,
    lastSearchQuery: last?.baseTerm ?? null,
    query: ctx.config.queryText,
  };
  const from = startDate(inputs);
  const notices = queryChanged(inputs) && !inputs.full ? [queryChangedNotice(ctx, inputs, from)] : [];
  const latest = addDays(formatYmd(ctx.clock()), 1);
  let done = 0;
  let started = false;
  let slices: Slice[];
  try {
    slices = await searchSlices(
      client,
      { from, to: from === null ? null : latest },
      {
        query: ctx.config.queryText,
        queryFile: ctx.config.query,
        latest,
        pageSize,
        clock: ctx.clock,
        onTotal: (total) => {
          ctx.progress.start("search", total);
          started = true;
        },
        onIds: (n) => {
          done += n;
          ctx.progress.advance("search", done);
        },
      },
    );
  } finally {
    if (started) ctx.progress.stop("search");
  }
  const newPmids = saveSearches(
    ctx.db,
    slices.map((s) => ({
      row: {
        runId: ctx.runId,
        baseTerm: ctx.config.queryText,
        term: s.term,
        queryTranslation: s.queryTranslation,
        windowFrom: s.window.from,
        windowTo: s.window.to,
        count: s.count,
        retrieved: s.ids.length,
        warnings: s.warnings,
        searchedAt: s.searchedAt,
      },
      pmids: s.ids,
    })),
  );
  const searched = new Set(slices.flatMap((s) => s.ids)).size;
  const warnings = distinctWarnings(slices);
  ctx.logger.debug({ stage: "search", from, slices: slices.length, searched, newPmids }, `searched ${searched} PMIDs, ${newPmids} new`);
  for (const w of warnings) ctx.logger.warn({ stage: "search" }, `esearch warning: ${w}`);
  return { counts: { searched, new_pmids: newPmids, slices: slices.length }, warnings: [...notices, ...warnings] };
}

export const searchStage: Stage = (ctx) => runSearch(ctx);
