import { parse } from "node:path";
import Database from "better-sqlite3";
import { interruptRunningRuns } from "../store/runs.js";
import { heldRunLock } from "./lock.js";
import { lineTime } from "./summary.js";

/** Exit codes of a run stopped by a signal: 128 + the signal's number, as the shell reports them. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT;

/** What a signal has to wind up besides the held lock: set by the run logger and runPipeline. */
let runLog: ((fields: Record<string, unknown>, message: string) => void) | null = null;
let currentStage: string | null = null;

export function trackRunLog(log: (fields: Record<string, unknown>, message: string) => void): void {
  runLog = log;
}

export function trackStage(stage: string | null): void {
  currentStage = stage;
}

/**
 * Winds up the run this process holds the lock for: its row becomes `interrupted` with the time and the exit
 * code, the log says so, the lock is released. Everything already committed stays (each batch, answer and
 * page is its own transaction, and a signal is handled between them, never inside one). Returns the line
 * to print.
 */
export function interruptActiveRun(signal: StopSignal, now: Date): string {
  const lock = heldRunLock();
  if (!lock) return `litreview: stopped by ${signal}; no run was in progress, nothing was changed`;
  const during = currentStage ? ` during ${currentStage}` : "";
  let runs: { runId: number; finished: string[] }[] = [];
  try {
    const db = new Database(lock.storePath, { fileMustExist: true });
    try {
      db.pragma("busy_timeout = 500");
      runs = interruptRunningRuns(db, now.toISOString(), SIGNAL_EXIT[signal], `stopped by ${signal}${during}`);
    } finally {
      db.close();
    }
  } catch {
    // No store yet, or it could not be written: `litreview status` still shows the run as interrupted
    // (process gone) once the lock is released, and the next run marks it.
  }
  const which = runs.length > 0 ? `run ${runs.map((r) => r.runId).join(", ")}` : "the run";
  const finished = [...new Set(runs.flatMap((r) => r.finished))];
  const stages = finished.length > 0 ? `the finished stages (${finished.join(", ")}) and ` : "";
  const message = `${which} interrupted by ${signal}${during}: kept ${stages}everything stored before it; the next run carries on from there`;
  runLog?.({ signal, runs: runs.map((r) => r.runId), stage: currentStage }, message);
  lock.release();
  // Named and dated like the summary line, for a cron mail that shows nothing else.
  const when = `${lineTime(now)}, exit ${SIGNAL_EXIT[signal]}`;
  return `litreview ${parse(lock.storePath).name}: ${message} (${when})`;
}

/**
 * SIGINT (Ctrl-C) and SIGTERM stop the process at once, after winding up the run: exit 130 or 143. The
 * handler is synchronous and ends in process.exit, so a second signal never waits for anything.
 */
export function installSignalHandlers(): void {
  for (const signal of Object.keys(SIGNAL_EXIT) as StopSignal[]) {
    process.on(signal, () => {
      try {
        process.stderr.write(`${interruptActiveRun(signal, new Date())}\n`);
      } finally {
        process.exit(SIGNAL_EXIT[signal]);
      }
    });
  }
}
