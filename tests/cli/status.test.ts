import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { statusJson, statusText } from "../../src/cli/status.js";
import { acquireRunLock, isRunLockHeld } from "../../src/pipeline/lock.js";
import { openStore } from "../../src/store/open.js";
import { listRuns, markGoneRuns, startRun, type RunRow } from "../../src/store/runs.js";

function row(runId: number, outcome: RunRow["outcome"]): RunRow {
  return {
    runId,
    pipeline: "p",
    command: "litreview run",
    startedAt: "2026-11-27T06:00:00.000Z",
    endedAt: outcome === "running" ? null : "2026-11-27T06:10:00.000Z",
    outcome,
    exitCode: outcome === "running" ? null : 0,
    options: {},
    counts: {},
    warnings: [],
    errors: [],
    processGone: false,
  };
}

describe("status of a run whose process is gone", () => {
  it("shows a running run as interrupted (process gone) when nobody holds the lock", () => {
    const runs = markGoneRuns([row(2, "running"), row(1, "success")], false);
    expect(runs.map((r) => [r.outcome, r.processGone])).toEqual([
      ["interrupted", true],
      ["success", false],
    ]);
    expect(statusText(runs)).toMatch(/^run 2 {2}INTERRUPTED \(process gone\) {2}litreview run\n {2}started 2026-11-27T06:00:00.000Z\n/);
    expect(JSON.parse(statusJson(runs))[0]).toMatchObject({ outcome: "interrupted", process_gone: true, ended_at: null });
    expect(JSON.parse(statusJson(runs))[1]).not.toHaveProperty("process_gone");
  });

  it("leaves a running run running while its lock is held", () => {
    const runs = markGoneRuns([row(2, "running")], true);
    expect(runs[0]).toMatchObject({ outcome: "running", processGone: false });
    expect(statusText(runs)).toMatch(/^run 2 {2}RUNNING {2}/);
  });

  it("tells whether the run lock is held without taking it", () => {
    const store = join(mkdtempSync(join(tmpdir(), "litreview-status-")), "s.sqlite");
    expect(isRunLockHeld(store)).toBe(false);
    const lock = acquireRunLock(store, "litreview run", new Date());
    expect(isRunLockHeld(store)).toBe(true);
    expect(isRunLockHeld(store)).toBe(true);
    lock.release();
    expect(isRunLockHeld(store)).toBe(false);
    acquireRunLock(store, "litreview run", new Date()).release();
  });

  it("listRuns checks the store's lock", () => {
    const store = join(mkdtempSync(join(tmpdir(), "litreview-status-")), "s.sqlite");
    const db = openStore(store);
    startRun(db, "p", "litreview run", {}, "2026-11-27T06:00:00.000Z");
    const lock = acquireRunLock(store, "litreview run", new Date());
    expect(listRuns(db, 5)[0]).toMatchObject({ outcome: "running", processGone: false });
    lock.release();
    expect(listRuns(db, 5)[0]).toMatchObject({ outcome: "interrupted", processGone: true });
    db.close();
  });
});
