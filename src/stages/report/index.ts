import { existsSync } from "node:fs";
import { join } from "node:path";
import { LitreviewError } from "../../errors.js";
import { countStoredRecords } from "../../store/records.js";
import { listSearches } from "../../store/retrieval.js";
import { createPool, threadsPayFor } from "../../parallel/pool.js";
import { accuracyTask, measureAccuracyOf } from "./accuracy.js";
import type { AsideResult, AsideTask } from "./aside-worker.js";
import { pairRecordsOf, possibleDuplicatesCsvChunks } from "./possible-duplicates.js";
import type { Stage, StageContext } from "../../pipeline/context.js";
import { diffSnapshots, snapshotOf } from "./changes.js";
import {
  loadBaseline,
  loadImports,
  loadPairReasons,
  loadPairTable,
  loadRecords,
  loadRetrieval,
  saveSnapshot,
} from "./load.js";
import type { StoredDetails } from "./load.js";
import { renderOutput } from "./render.js";
import type { OutputName } from "./render.js";
import type { ReportInput, SnapshotRow } from "./types.js";
import { buildViews, type RecordView } from "./view.js";
import { commitStaged, discardStaged, prepareReportDir, stageReports, type StagedFile } from "./write.js";

export { explainRecord } from "./explain.js";
export { decideInclusion, EXCLUSION_ORDER } from "./inclusion.js";
export { renderReports } from "./render.js";
export type { ReportInput } from "./types.js";

/**
 * Reads what the reports need from the store, except the possible-duplicate pairs, which the stage reads
 * only for their own file, the accuracy, which it measures meanwhile, and the earlier report to compare
 * with, which depends on what this one says (see reportStage).
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
    pairReasons: loadPairReasons(db),
    previous: null,
    repeats: null,
    accuracy: null,
    details,
  };
}

const PAIRS_OUTPUT: OutputName = "possible-duplicates.csv";
const SUMMARY_OUTPUT: OutputName = "summary.md";

/**
 * Starts `task` on a thread beside the main one and resolves once the thread has it, so that the main
 * thread's synchronous work that follows does not hold it back; `result` is what the thread will answer.
 */
async function startAside(task: AsideTask): Promise<{ result: Promise<AsideResult> }> {
  const pool = createPool<AsideTask, AsideResult>(new URL("./aside-worker.ts", import.meta.url), { threads: 1, inline: false });
  try {
    await pool.ready();
  } catch (error) {
    await pool.close();
    throw error;
  }
  const result = pool.run(task).finally(() => pool.close());
  result.catch(() => {}); // awaited when the main thread needs it; this keeps an early failure from going unhandled meanwhile
  return { result };
}

/**
 * Renders every output the pipeline names into ctx.outDir (all written to temporary files, then renamed
 * over the reports together, so a run killed part-way leaves the earlier set whole), then records what
 * this report said per record, so the next report can tell what is new, reclassified or newly retracted.
 * For a large store, a thread beside the main one measures the classifiers' accuracy and then reads the
 * possible-duplicate pairs through its own connection and writes their file, while the main thread writes
 * the other files and waits for it only before summary.md, which shows the accuracy. Otherwise the main
 * thread does both, the pairs last, after the abstracts, design evidence and labels are released, so that
 * it never holds both at once.
 */
export const reportStage: Stage = async (ctx) => {
  const stored = countStoredRecords(ctx.db);
  const outputs = ctx.config.outputs;
  if (stored === 0) refuseToEmptyReports(ctx.db.name, ctx.outDir, outputs);
  const wantsPairs = outputs.includes(PAIRS_OUTPUT);
  const csv = { bom: ctx.report.bom };
  const accuracyWork = accuracyTask(ctx.config); // an unreadable gold file fails the stage before it touches the reports
  prepareReportDir(ctx.outDir, outputs);
  const aside =
    threadsPayFor(stored) && !ctx.db.memory && (accuracyWork || wantsPairs)
      ? await startAside({
          accuracy: accuracyWork,
          pairs: wantsPairs ? { storePath: ctx.db.name, outDir: ctx.outDir, name: PAIRS_OUTPUT, csv } : null,
        })
      : null;
  ctx.progress.start("report", outputs.length);
  let views: RecordView[];
  let snapshot: SnapshotRow[];
  let compared: Pick<ReportInput, "previous" | "repeats">;
  let done = 0;
  const advance = (): void => ctx.progress.advance("report", ++done);
  const staged: StagedFile[] = [];
  try {
    const input = loadReportInput(ctx);
    views = buildViews(input.records);
    snapshot = views.map(snapshotOf);
    const { baseline, repeats } = loadBaseline(ctx.db, ctx.runId, snapshot);
    compared = { previous: baseline, repeats };
    Object.assign(input, compared);
    const render = (name: OutputName): Iterable<string> => {
      if (name !== PAIRS_OUTPUT) return renderOutput(name, input, views, csv);
      input.details.release();
      return possibleDuplicatesCsvChunks(loadPairTable(ctx.db), pairRecordsOf(views), csv);
    };
    const files = (names: OutputName[]) => new Map(names.map((name) => [name, rendered(() => render(name))]));
    stageReports(ctx.outDir, files(outputs.filter((name) => name !== SUMMARY_OUTPUT && name !== PAIRS_OUTPUT)), staged, advance);
    const asideResult = aside ? await aside.result : null;
    input.accuracy = asideResult ? asideResult.accuracy : accuracyWork && measureAccuracyOf(accuracyWork);
    if (asideResult?.pairs) {
      staged.push(asideResult.pairs);
      advance();
    }
    const last = [...outputs.filter((name) => name === SUMMARY_OUTPUT), ...(wantsPairs && !aside ? [PAIRS_OUTPUT] : [])];
    stageReports(ctx.outDir, files(last), staged, advance);
  } catch (error) {
    const pairs = await aside?.result.catch(() => null); // no thread outlives the stage; the first failure is the one to tell
    discardStaged([...staged, ...(pairs?.pairs ? [pairs.pairs] : [])]);
    throw error;
  }
  commitStaged(ctx.outDir, staged);
  ctx.progress.stop("report");
  // A report that says what the latest one said stores nothing, so that the next re-render finds the same baseline.
  saveSnapshot(ctx.db, ctx.runId, compared.repeats ? [] : snapshot);
  // The run's log counts what this report found new; a re-render found nothing, though its summary repeats the list.
  const changes = compared.repeats ? null : diffSnapshots(views, compared.previous);
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
      new: changes?.added.length ?? 0,
      reclassified: changes?.reclassified.length ?? 0,
    },
    warnings: unclassifiedWarning(count((v) => v.exclusionReason === "unclassified")),
  };
};

/** A store with no records (often a mistyped --db) must not replace reports made from one that had them. */
function refuseToEmptyReports(store: string, outDir: string, outputs: readonly string[]): void {
  const existing = outputs.filter((name) => existsSync(join(outDir, name)));
  if (existing.length === 0) return;
  throw new LitreviewError(
    "USAGE",
    `the store ${store} has no records: check --db (or the pipeline); the reports in ${outDir} (${existing.join(", ")}) were left as they were`,
  );
}

/** An output rendered only when its file is written, so that each reads what it needs in turn. */
function* rendered(render: () => Iterable<string>): Generator<string> {
  yield* render();
}

function unclassifiedWarning(n: number): string[] {
  return n === 0 ? [] : [`${n} record(s) have no classification yet and are excluded as "unclassified": run the classify stage`];
}
