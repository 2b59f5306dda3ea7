import { isRunLockHeld } from "../pipeline/lock.js";
import type { Db } from "./open.js";

export type RunOutcome = "running" | "success" | "incomplete" | "failed" | "interrupted";

export interface RunRow {
  runId: number;
  pipeline: string;
  command: string;
  startedAt: string;
  endedAt: string | null;
  outcome: RunOutcome;
  exitCode: number | null;
  options: Record<string, unknown>;
  counts: Record<string, Record<string, number>>;
  warnings: string[];
  errors: string[];
  /** Marked running, but no process holds the store's run lock: it died (kill -9) without ending the row. */
  processGone: boolean;
}

interface Row {
  run_id: number;
  pipeline: string;
  command: string;
  started_at: string;
  ended_at: string | null;
  outcome: RunOutcome;
  exit_code: number | null;
  options: string;
  counts: string;
  warnings: string;
  errors: string;
}

function toRun(row: Row): RunRow {
  return {
    runId: row.run_id,
    pipeline: row.pipeline,
    command: row.command,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    outcome: row.outcome,
    exitCode: row.exit_code,
    options: JSON.parse(row.options) as Record<string, unknown>,
    counts: JSON.parse(row.counts) as Record<string, Record<string, number>>,
    warnings: JSON.parse(row.warnings) as string[],
    errors: JSON.parse(row.errors) as string[],
    processGone: false,
  };
}

/** Runs still marked running belong to a process that died (the caller holds the run lock). */
export function markInterruptedRuns(db: Db, now: string): number {
  return db
    .prepare("UPDATE runs SET outcome = 'interrupted', ended_at = ? WHERE outcome = 'running'")
    .run(now).changes;
}

/**
 * Ends the runs still marked running as interrupted by a signal (the caller holds the run lock, so they are
 * its own); returns them with the stages they had finished.
 */
export function interruptRunningRuns(db: Db, now: string, exitCode: number, reason: string): { runId: number; finished: string[] }[] {
  return db.transaction(() => {
    const running = db.prepare<[], Row>("SELECT * FROM runs WHERE outcome = 'running'").all().map(toRun);
    const end = db.prepare("UPDATE runs SET outcome = 'interrupted', exit_code = ?, errors = ?, ended_at = ? WHERE run_id = ?");
    for (const run of running) end.run(exitCode, JSON.stringify([...run.errors, reason]), now, run.runId);
    return running.map((r) => ({ runId: r.runId, finished: Object.keys(r.counts) }));
  })();
}

export function startRun(db: Db, pipeline: string, command: string, options: Record<string, unknown>, now: string): number {
  const info = db
    .prepare("INSERT INTO runs (pipeline, command, started_at, options) VALUES (?, ?, ?, ?)")
    .run(pipeline, command, now, JSON.stringify(options));
  return Number(info.lastInsertRowid);
}

/** Saves a stage's counters and warnings as soon as the stage ends, so status shows partial progress. */
export function recordStage(db: Db, runId: number, stage: string, counts: Record<string, number>, warnings: string[]): void {
  const row = db.prepare<[number], Row>("SELECT * FROM runs WHERE run_id = ?").get(runId);
  if (!row) return;
  const run = toRun(row);
  run.counts[stage] = counts;
  db.prepare("UPDATE runs SET counts = ?, warnings = ? WHERE run_id = ?").run(
    JSON.stringify(run.counts),
    JSON.stringify([...run.warnings, ...warnings]),
    runId,
  );
}

export function finishRun(db: Db, runId: number, outcome: RunOutcome, exitCode: number, errors: string[], now: string): void {
  db.prepare("UPDATE runs SET outcome = ?, exit_code = ?, errors = ?, ended_at = ? WHERE run_id = ?").run(
    outcome,
    exitCode,
    JSON.stringify(errors),
    now,
    runId,
  );
}

/** The last runs, newest first; a running run whose process is gone is shown as interrupted. */
export function listRuns(db: Db, limit: number): RunRow[] {
  const runs = db.prepare<[number], Row>("SELECT * FROM runs ORDER BY run_id DESC LIMIT ?").all(limit).map(toRun);
  if (db.memory || !runs.some((r) => r.outcome === "running")) return runs;
  return markGoneRuns(runs, isRunLockHeld(db.name));
}

/** While nobody holds the run lock, a run still marked running belongs to a process that died. */
export function markGoneRuns(runs: RunRow[], lockHeld: boolean): RunRow[] {
  if (lockHeld) return runs;
  return runs.map((r) => (r.outcome === "running" ? { ...r, outcome: "interrupted", processGone: true } : r));
}
