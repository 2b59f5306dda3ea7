import { EXIT, exitCodeFor, redactSecrets, type ExitCode } from "../errors.js";
import { loadPipeline } from "../config/load.js";
import type { PipelineConfig } from "../config/pipeline.js";
import { openStore, type Db } from "../store/open.js";
import { finishRun, markInterruptedRuns, recordStage, startRun, type RunOutcome } from "../store/runs.js";
import type { EutilsClient } from "../eutils/client.js";
import type { Logger, Progress, Stage, StageContext, StageName } from "./context.js";
import { trackStage } from "./interrupt.js";
import { acquireRunLock } from "./lock.js";
import { releaseStageGarbage } from "./memory.js";
import { needsNetwork, selectStages } from "./select.js";
import { runSummaryLine } from "./summary.js";

export interface RunRequest {
  pipelineFile: string;
  dbPath: string | null;
  outDir: string | null;
  offline: boolean;
  since: string | null;
  full: boolean;
  stages: StageName[] | null;
  from: StageName | null;
  bom: boolean;
  /** How the run was started, for the runs table and the lock message. */
  command: string;
}

export interface RunDeps {
  clock: () => Date;
  logger: Logger;
  progress: Progress;
  stages: Record<StageName, Stage>;
  createClient: (logger: Logger) => EutilsClient;
  apiKey: string | null;
}

export interface RunResult {
  exitCode: ExitCode;
  runId: number | null;
  summary: string;
}

export function defaultPaths(config: PipelineConfig, request: Pick<RunRequest, "dbPath" | "outDir">): { db: string; out: string } {
  return {
    db: request.dbPath ?? `data/${config.name}.sqlite`,
    out: request.outDir ?? `reports/${config.name}`,
  };
}

/**
 * One run: validate, lock the store, run the chosen stages in order, record the outcome. Errors in the
 * configuration or usage throw before anything is touched. Any other failure is recorded in the run's row
 * (run ids are never reused); what the stages had stored is kept for the next run.
 */
export async function runPipeline(request: RunRequest, deps: RunDeps): Promise<RunResult> {
  const config = loadPipeline(request.pipelineFile);
  const stageNames = selectStages(request);
  const paths = defaultPaths(config, request);
  const { clock, logger } = deps;
  const lock = acquireRunLock(paths.db, request.command, clock());
  let db: Db | null = null;
  let runId: number | null = null;
  try {
    if (lock.tookOverFrom) {
      logger.warn({ previous: lock.tookOverFrom }, `took over the lock left by pid ${lock.tookOverFrom.pid} (that run is no longer running)`);
    }
    db = openStore(paths.db);
    const interrupted = markInterruptedRuns(db, clock().toISOString());
    if (interrupted > 0) logger.warn({ interrupted }, `${interrupted} earlier run(s) had been interrupted; this run carries on from what they stored`);
    runId = startRun(db, config.name, request.command, { ...request, stages: stageNames }, clock().toISOString());
    const client = !request.offline && needsNetwork(stageNames) ? deps.createClient(logger) : null;
    const ctx: StageContext = {
      db,
      config,
      runId,
      clock,
      logger,
      progress: deps.progress,
      client,
      outDir: paths.out,
      since: request.since,
      full: request.full,
      report: { bom: request.bom },
    };
    logger.info({ runId, stages: stageNames, db: paths.db, out: paths.out }, `run ${runId} of ${config.name}: ${stageNames.join(" → ")}`);
    const counts: Record<string, Record<string, number>> = {};
    const incomplete: string[] = [];
    for (const name of stageNames) {
      trackStage(name);
      const outcome = await deps.stages[name](ctx);
      releaseStageGarbage();
      counts[name] = outcome.counts;
      recordStage(db, runId, name, outcome.counts, outcome.warnings);
      for (const warning of outcome.warnings) logger.warn({ stage: name }, warning);
      if (outcome.incomplete) incomplete.push(outcome.incomplete);
      logger.info({ stage: name, counts: outcome.counts }, formatCounts(outcome.counts));
    }
    const exitCode: ExitCode = incomplete.length > 0 ? EXIT.incomplete : EXIT.ok;
    const result: RunOutcome = incomplete.length > 0 ? "incomplete" : "success";
    finishRun(db, runId, result, exitCode, incomplete, clock().toISOString());
    return { exitCode, runId, summary: runSummaryLine(config.name, result, counts, paths.out, incomplete) };
  } catch (error) {
    const message = redactSecrets(error instanceof Error ? error.message : String(error), deps.apiKey);
    if (db && runId !== null) finishRun(db, runId, "failed", exitCodeFor(error), [message], clock().toISOString());
    throw error;
  } finally {
    trackStage(null);
    db?.close();
    lock.release();
  }
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${k.replace(/_/g, " ")} ${v}`)
    .join(", ");
}
