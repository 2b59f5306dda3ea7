import type { Diagnostic } from "../../model/article.js";
import type { Stage, StageContext, StageOutcome } from "../../pipeline/context.js";
import { redactSecrets } from "../../errors.js";
import { createPool, mapOrdered, threadCount } from "../../parallel/pool.js";
import type { Db } from "../../store/open.js";
import { markDeleted, recordDiagnostics, storedSeenAt, upsertSerialized, type SerializedRecord } from "../../store/records.js";
import readAnswer, { type AnswerInput, type ReadAnswer } from "./read-answer.js";
import { markParsed, newestAnswerByPmid, readRaw, reparseAll, unparsedIds, type RawResponse } from "./raw.js";

export { reparseAll } from "./raw.js";
export { parsePubmedXml, streamPubmedXml } from "./pubmed-xml/index.js";

export interface ParseCounts {
  responses: number;
  parsed: number;
  new: number;
  updated: number;
  unchanged: number;
  superseded: number;
  deleted: number;
  errors: number;
  warnings: number;
}

function emptyCounts(): ParseCounts {
  return { responses: 0, parsed: 0, new: 0, updated: 0, unchanged: 0, superseded: 0, deleted: 0, errors: 0, warnings: 0 };
}

/** Where a stored answer came from, for diagnostics: its row and the start of its request (never the API key). */
export function rawLocation(raw: RawResponse): string {
  const request = redactSecrets(raw.request);
  return `raw_responses #${raw.rawId} (${request.length > 120 ? `${request.slice(0, 120)}…` : request})`;
}

/**
 * Stored answers (compressed) from this many bytes on are read on worker threads (when there is more
 * than one core): below it, starting the threads costs more than it saves.
 */
export const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;

/**
 * Whether a record of the answer `raw` is older than what is stored: a newer answer holds it, or the stored
 * version (or its deletion) was seen after this answer was received, say from a file imported since. Only
 * re-parsing meets such records: `run --offline` reads every stored answer again.
 */
function superseded(ctx: StageContext, raw: RawResponse, record: SerializedRecord, newest: Map<string, number>): boolean {
  const latest = record.pmid === null ? undefined : newest.get(record.pmid);
  if (latest !== undefined && latest > raw.rawId) return true;
  const seen = storedSeenAt(ctx.db, record.recordId);
  return seen !== null && seen > raw.receivedAt;
}

/** Writes one answer's records, deletions and diagnostics, and marks it parsed, in one transaction. */
function store(ctx: StageContext, raw: RawResponse, parsed: ReadAnswer, newest: Map<string, number>, counts: ParseCounts): void {
  const now = ctx.clock().toISOString();
  ctx.db.transaction(() => {
    for (const record of parsed.records) {
      counts.parsed++;
      if (superseded(ctx, raw, record, newest)) {
        counts.superseded++;
        continue;
      }
      counts[upsertSerialized(ctx.db, record, ctx.runId, now)]++;
    }
    for (const d of parsed.deleted) counts.deleted += markDeleted(ctx.db, d.pmids, raw.receivedAt);
    recordDiagnostics(ctx.db, ctx.runId, parsed.diagnostics, now);
    markParsed(ctx.db, raw.rawId, now);
  })();
}

function answerInput(raw: RawResponse): AnswerInput {
  return { body: raw.body, source: { database: "pubmed", file: null, importedAt: raw.receivedAt }, location: rawLocation(raw) };
}

function unparsedBytes(db: Db): number {
  return db
    .prepare<[], { n: number | null }>("SELECT sum(length(body)) AS n FROM raw_responses WHERE kind = 'efetch' AND parsed_at IS NULL")
    .get()!.n ?? 0;
}

/** The stored answers of `ids` that exist, each with its place in `ids`. */
function* storedAnswers(db: Db, ids: number[]): Generator<[number, RawResponse]> {
  for (const [i, rawId] of ids.entries()) {
    const raw = readRaw(db, rawId);
    if (raw !== null) yield [i, raw];
  }
}

/**
 * Each stored answer with its place in `ids` and what it reads as, in order: on worker threads for a
 * large backlog, with a few answers at work at a time.
 */
async function* readAnswers(db: Db, ids: number[]): AsyncGenerator<[number, RawResponse, ReadAnswer]> {
  if (threadCount() < 2 || unparsedBytes(db) < PARALLEL_MIN_BYTES) {
    for (const [i, raw] of storedAnswers(db, ids)) yield [i, raw, readAnswer(answerInput(raw))];
    return;
  }
  const pool = createPool<AnswerInput, ReadAnswer>(new URL("./read-answer.ts", import.meta.url));
  const sent: [number, RawResponse][] = [];
  const inputs = (function* () {
    for (const answer of storedAnswers(db, ids)) {
      sent.push(answer);
      yield answerInput(answer[1]);
    }
  })();
  try {
    for await (const read of mapOrdered(pool, inputs)) yield [...sent.shift()!, read];
  } finally {
    await pool.close();
  }
}

function summarise(counts: ParseCounts, errors: Diagnostic[]): StageOutcome {
  const warnings = errors.slice(0, 20).map((d) => `${d.location} ${d.position ?? ""}: ${d.message}`.trim());
  if (errors.length > 20) warnings.push(`... and ${errors.length - 20} more parse errors (see the diagnostics table)`);
  const outcome: StageOutcome = { counts: { ...counts }, warnings };
  if (counts.errors > 0) {
    outcome.incomplete = `${counts.errors} malformed or truncated record(s) in stored efetch answers (see the warnings); the good records were kept`;
  }
  return outcome;
}

/**
 * Parses the stored efetch answers that are not parsed yet, oldest first, one transaction per answer.
 * Offline (`run --offline`, no client) it first marks every stored answer unparsed, so the records
 * are rebuilt from what is stored by the current parser, except those seen again since (see superseded).
 */
export const parseStage: Stage = async (ctx) => {
  if (ctx.client === null) {
    const n = reparseAll(ctx.db);
    if (n > 0) ctx.logger.info({ stage: "parse", responses: n }, "re-parsing every stored efetch answer");
  }
  const ids = unparsedIds(ctx.db);
  const newest = newestAnswerByPmid(ctx.db);
  const counts = emptyCounts();
  const errors: Diagnostic[] = [];
  ctx.progress.start("parse", ids.length);
  for await (const [i, raw, parsed] of readAnswers(ctx.db, ids)) {
    store(ctx, raw, parsed, newest, counts);
    counts.responses++;
    for (const d of parsed.diagnostics) {
      if (d.severity === "error") {
        counts.errors++;
        errors.push(d);
      } else counts.warnings++;
    }
    ctx.progress.advance("parse", i + 1);
  }
  ctx.progress.stop("parse");
  ctx.logger.debug({ stage: "parse", ...counts }, "parse done");
  return summarise(counts, errors);
};
