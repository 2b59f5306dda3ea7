import { readFileSync } from "node:fs";
import { countLiveRecords } from "../../store/records.js";
import { listSearches } from "../../store/retrieval.js";
import type { PipelineConfig } from "../../config/pipeline.js";
import { LitreviewError } from "../../errors.js";
import { createPool, threadsPayFor } from "../../parallel/pool.js";
import type { AccuracyTask } from "./accuracy.js";
import type { PairsTask } from "./pairs-worker.js";
import { pairRecordsOf, possibleDuplicatesCsvChunks } from "./possible-duplicates.js";
import type { Stage, StageContext } from "../../pipeline/context.js";
import { diffSnapshots, snapshotOf } from "./changes.js";
import {
  loadImports,
  loadPairTable,
  loadPreviousSnapshot,
  loadRecords,
  loadRetrieval,
  saveSnapshot,
} from "./load.js";
import type { StoredDetails } from "./load.js";
import { renderOutput } from "./render.js";
import type { OutputName } from "./render.js";
import type { ReportInput } from "./types.js";
import { buildViews, type RecordView } from "./view.js";
import { prepareReportDir, writeReports } from "./write.js";

export { explainRecord } from "./explain.js";
export { decideInclusion, EXCLUSION_ORDER } from "./inclusion.js";
export { renderReports } from "./render.js";
export type { ReportInput } from "./types.js";

/**
 * The classifiers' accuracy, measured now on the pipeline's labelled articles with the rules this run used,
 * so the figure in summary.md never goes stale; null when the pipeline names no gold file. For a large
 * store it is measured on a thread beside the main one, while the main thread reads the store.
 */
export async function measureAccuracy(config: PipelineConfig, storedRecords = 0): Promise<string | null> {
  const gold = config.evaluation.gold;
  if (!gold) return null;
  let goldText: string;
  try {
    goldText = readFileSync(gold, "utf8");
  } catch (cause) {
    throw new LitreviewError("CONFIG", `${config.file}: evaluation.gold: cannot read ${gold}: ${(cause as Error).message}`, { cause });
  }
  const inline = !threadsPayFor(storedRecords);
  const pool = createPool<AccuracyTask, string>(new URL("./accuracy.ts", import.meta.url), { threads: 1, inline });
  try {
    return await pool.run({ goldText, goldFile: gold, vocabDir: config.vocab });
  } finally {
    await pool.close();
  }
}

/**
 * Reads what the reports need from the store, except the possible-duplicate pairs, which the stage reads
 * only for their own file, and the accuracy, which it measures meanwhile (see reportStage).
 */
export function loadReportInput(ctx: StageContext): ReportInput & { details: StoredDetails } {
  const { config, db } = ctx;
  const { records, details } = loadRecords(db);
  return {
    pipeline: { name: config.name, title: config.title, question: config.question ?? null, queryText: config.queryText },
    runDate: ctx.clock().toISOString().slice(0, 10),
    records,
    searches: listSearches(db),
    imports: loadImports(db),
    retrieval: loadRetrieval(db),
    possibleDuplicates: [],
    previous: loadPreviousSnapshot(db, ctx.runId),
    accuracy: null,
    details,
  };
}

const PAIRS_OUTPUT: OutputName = "possible-duplicates.csv";
const SUMMARY_OUTPUT: OutputName = "summary.md";

/** Writes possible-duplicates.csv on a thread beside the main one; resolves when it is written. */
async function writePairsAside(ctx: StageContext): Promise<void> {
  const pool = createPool<PairsTask, number>(new URL("./pairs-worker.ts", import.meta.url), { threads: 1, inline: false });
  try {
    await pool.run({ storePath: ctx.db.name, outDir: ctx.outDir, name: PAIRS_OUTPUT, csv: { bom: ctx.report.bom } });
  } finally {
    await pool.close();
  }
}

/**
 * Renders every output the pipeline names into ctx.outDir (each written atomically), then records what
 * this report said per record, so the next report can tell what is new, reclassified or newly retracted.
 * possible-duplicates.csv is read and written apart: for a large store on a thread beside the main one,
 * which reads the pairs through its own connection while the main thread writes the other files;
 * otherwise last, after the abstracts, design evidence and labels are released, so that the main thread
 * never holds both at once.
 */
export const reportStage: Stage = async (ctx) => {
  const live = countLiveRecords(ctx.db);
  const wantsPairs = ctx.config.outputs.includes(PAIRS_OUTPUT);
  const pairsAside = wantsPairs && threadsPayFor(live) && !ctx.db.memory;
  prepareReportDir(ctx.outDir, ctx.config.outputs);
  ctx.progress.start("report", ctx.config.outputs.length);
  // Both run on one thread beside the main one, the short accuracy measure first (given two threads, the
  // stage took more memory and no less time on two cores); each is awaited when the main thread needs it,
  // and the catch keeps an early failure from going unhandled meanwhile.
  const accuracy = measureAccuracy(ctx.config, live);
  accuracy.catch(() => {});
  const pairsWritten = pairsAside ? accuracy.catch(() => null).then(() => writePairsAside(ctx)) : null;
  pairsWritten?.catch(() => {});
  let views: RecordView[];
  let previous: ReportInput["previous"];
  let done = 0;
  const advance = (): void => ctx.progress.advance("report", ++done);
  try {
    const input = loadReportInput(ctx);
    previous = input.previous;
    views = buildViews(input.records);
    const csv = { bom: ctx.report.bom };
    const render = (name: OutputName): Iterable<string> => {
      if (name !== PAIRS_OUTPUT) return renderOutput(name, input, views, csv);
      input.details.release();
      return possibleDuplicatesCsvChunks(loadPairTable(ctx.db), pairRecordsOf(views), csv);
    };
    const files = (names: OutputName[]) => new Map(names.map((name) => [name, rendered(() => render(name))]));
    const outputs = ctx.config.outputs;
    writeReports(ctx.outDir, files(outputs.filter((name) => name !== SUMMARY_OUTPUT && name !== PAIRS_OUTPUT)), advance);
    // Only summary.md shows the accuracy: measured beside the main thread, it is awaited as late as that.
    input.accuracy = await accuracy;
    const last = [...outputs.filter((name) => name === SUMMARY_OUTPUT), ...(wantsPairs && !pairsAside ? [PAIRS_OUTPUT] : [])];
    writeReports(ctx.outDir, files(last), advance);
  } catch (error) {
    await pairsWritten?.catch(() => {}); // no thread outlives the stage; the first failure is the one to tell
    throw error;
  }
  await pairsWritten;
  if (pairsAside) advance();
  ctx.progress.stop("report");
  saveSnapshot(ctx.db, ctx.runId, views.map(snapshotOf));
  const changes = diffSnapshots(views, previous);
  const count = (pred: (v: (typeof views)[number]) => boolean): number => views.filter(pred).length;
  ctx.logger.debug({ stage: "report", outDir: ctx.outDir, files: ctx.config.outputs }, "reports written");
  return {
    counts: {
      records: views.length,
      included: count((v) => v.included),
      excluded: count((v) => !v.included),
      duplicates: count((v) => v.exclusionReason === "duplicate"),
      notices: count((v) => v.exclusionReason === "notice"),
      retracted: count((v) => v.retracted),
      new: changes.added.length,
      reclassified: changes.reclassified.length,
    },
    warnings: unclassifiedWarning(count((v) => v.exclusionReason === "unclassified")),
  };
};

/** An output rendered only when its file is written, so that each reads what it needs in turn. */
function* rendered(render: () => Iterable<string>): Generator<string> {
  yield* render();
}

function unclassifiedWarning(n: number): string[] {
  return n === 0 ? [] : [`${n} record(s) have no classification yet and are excluded as "unclassified": run the classify stage`];
}
