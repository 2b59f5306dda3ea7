import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { LitreviewError } from "../../errors.js";
import type { EutilsClient } from "../../eutils/client.js";
import { receivedPmids } from "../../eutils/efetch-pmids.js";
import type { Stage, StageContext, StageOutcome } from "../../pipeline/context.js";
import { pendingPmids, recordUnavailable, storeEfetchBatch } from "../../store/retrieval.js";
import { chunk, compareBatch, listPmids, roundSizes } from "./batches.js";

const gzipAsync = promisify(gzip);

interface Tally {
  received: number;
  batches: number;
}

/** Fetches one batch and commits it in its own transaction; returns the PMIDs it lacked. */
async function fetchBatch(ctx: StageContext, client: EutilsClient, pmids: string[], tally: Tally): Promise<string[]> {
  const answer = await client.efetch(pmids);
  tally.batches++;
  const inBody = receivedPmids(answer.body);
  const { received, missing, extra } = compareBatch(pmids, inBody);
  if (extra.length > 0) ctx.logger.warn({ stage: "fetch", extra }, `efetch returned PMIDs not asked for: ${listPmids(extra)}`);
  if (inBody.length > 0) {
    const body = await gzipAsync(Buffer.from(answer.body, "utf8"));
    storeEfetchBatch(ctx.db, {
      runId: ctx.runId,
      request: answer.request,
      pmids: [...new Set(inBody)],
      body,
      receivedAt: ctx.clock().toISOString(),
    });
  }
  tally.received += received.length;
  ctx.progress.advance("fetch", tally.received);
  if (missing.length > 0) ctx.logger.debug({ stage: "fetch", asked: pmids.length, missing: missing.length }, "short efetch batch");
  return missing;
}

/** Runs the batches of a round, several in flight (the client's rate limiter paces them). */
async function fetchRound(ctx: StageContext, client: EutilsClient, batches: string[][], tally: Tally): Promise<string[]> {
  const missing: string[] = [];
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < batches.length) {
      const batch = batches[next++]!;
      try {
        missing.push(...(await fetchBatch(ctx, client, batch, tally)));
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.min(batches.length, Math.max(1, client.requestsPerSecond)) }, worker);
  const results = await Promise.allSettled(workers);
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (rejected) throw rejected.reason;
  return missing;
}

/**
 * efetch every PMID searched but not yet had, by POST in batches; each answer is committed as it
 * arrives, so a killed run resumes with the batches it lacks. The gap between asked and received is
 * refetched in smaller batches, then one by one; what still does not come is recorded unavailable, which
 * leaves the run incomplete, and is asked for again on the next run.
 */
export async function runFetch(ctx: StageContext): Promise<StageOutcome> {
  const client = ctx.client;
  if (!client) throw new LitreviewError("USAGE", "the fetch stage needs the network: run it without --offline");
  const pending = pendingPmids(ctx.db);
  const tally: Tally = { received: 0, batches: 0 };
  ctx.progress.start("fetch", pending.length);
  let todo = pending;
  let oneByOne = false;
  try {
    for (const size of roundSizes(ctx.config.fetch.batch_size)) {
      if (todo.length === 0 || oneByOne) break;
      const batches = chunk(todo, size);
      oneByOne = batches.every((b) => b.length === 1);
      todo = await fetchRound(ctx, client, batches, tally);
      todo.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    }
  } finally {
    ctx.progress.stop("fetch");
  }
  const counts = { requested: pending.length, received: tally.received, unavailable: todo.length, batches: tally.batches };
  ctx.logger.debug({ stage: "fetch", ...counts }, `fetched ${tally.received} of ${pending.length} PMIDs in ${tally.batches} requests`);
  if (todo.length === 0) return { counts, warnings: [] };
  const now = ctx.clock().toISOString();
  recordUnavailable(ctx.db, todo, ctx.runId, now, "efetch did not return it, in batches nor alone");
  const message = `${todo.length} PMID${todo.length === 1 ? "" : "s"} unavailable from efetch: ${listPmids(todo)}`;
  ctx.logger.warn({ stage: "fetch", unavailable: todo }, message);
  return { counts, warnings: [message], incomplete: message };
}

export const fetchStage: Stage = (ctx) => runFetch(ctx);
