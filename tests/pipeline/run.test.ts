import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LitreviewError } from "../../src/errors.js";
import { noProgress, silentLogger, type Stage, type StageName } from "../../src/pipeline/context.js";
import { runPipeline, type RunRequest } from "../../src/pipeline/run.js";
import { openStore } from "../../src/store/open.js";
import { listRuns, startRun } from "../../src/store/runs.js";
import type { EutilsClient } from "../../src/eutils/client.js";

const clock = () => new Date("2026-05-01T12:00:00Z");

function request(overrides: Partial<RunRequest> = {}): RunRequest {
  const dir = mkdtempSync(join(tmpdir(), "litreview-run-"));
  return {
    pipelineFile: "pipelines/exosome-dermatology.yaml",
    dbPath: join(dir, "store.sqlite"),
    outDir: join(dir, "out"),
    offline: false,
    since: null,
    full: false,
    stages: null,
    from: null,
    bom: true,
    command: "litreview run",
    ...overrides,
  };
}

function fakeStages(behaviour: Partial<Record<StageName, Stage>>, calls: string[]): Record<StageName, Stage> {
  const names: StageName[] = ["search", "fetch", "parse", "dedupe", "classify", "report"];
  return Object.fromEntries(
    names.map((name) => [
      name,
      async (ctx) => {
        calls.push(`${name}:${ctx.client ? "online" : "offline"}`);
        return behaviour[name] ? behaviour[name]!(ctx) : { counts: { [`${name}_done`]: 1 }, warnings: [] };
      },
    ]),
  ) as Record<StageName, Stage>;
}

const deps = (stages: Record<StageName, Stage>) => ({
  clock,
  logger: silentLogger,
  progress: noProgress,
  stages,
  createClient: () => ({}) as EutilsClient,
  apiKey: "SECRETKEY123",
});

describe("runPipeline", () => {
  it("runs every stage in order, records the run and its counts", async () => {
    const calls: string[] = [];
    const req = request();
    const result = await runPipeline(req, deps(fakeStages({}, calls)));
    expect(calls).toEqual(["search:online", "fetch:online", "parse:online", "dedupe:online", "classify:online", "report:online"]);
    expect(result.exitCode).toBe(0);
    const db = openStore(req.dbPath!);
    const [run] = listRuns(db, 5);
    expect(run?.outcome).toBe("success");
    expect(run?.counts.report).toEqual({ report_done: 1 });
    db.close();
  });

  it("runs parse → report without a client when offline", async () => {
    const calls: string[] = [];
    await runPipeline(request({ offline: true }), deps(fakeStages({}, calls)));
    expect(calls).toEqual(["parse:offline", "dedupe:offline", "classify:offline", "report:offline"]);
  });

  it("ends incomplete (exit 5) when a stage left records out", async () => {
    const calls: string[] = [];
    const stages = fakeStages({ fetch: async () => ({ counts: { unavailable: 2 }, warnings: [], incomplete: "2 PMIDs unavailable: 1, 2" }) }, calls);
    const result = await runPipeline(request(), deps(stages));
    expect(result.exitCode).toBe(5);
    expect(result.summary).toContain("2 PMIDs unavailable");
  });

  it("records a run the service was unreachable for as failed with exit 3, on a fresh store", async () => {
    const req = request();
    const stages = fakeStages({ search: async () => Promise.reject(new LitreviewError("SERVICE_UNAVAILABLE", "cannot reach E-utilities")) }, []);
    await expect(runPipeline(req, deps(stages))).rejects.toThrow(/cannot reach/);
    const db = openStore(req.dbPath!);
    const [run] = listRuns(db, 5);
    expect(run).toMatchObject({ runId: 1, outcome: "failed", exitCode: 3, errors: ["cannot reach E-utilities"], endedAt: clock().toISOString() });
    db.close();
  });

  it("keeps the failed row of an unreachable service and never reuses its run id", async () => {
    const req = request();
    await runPipeline(req, deps(fakeStages({}, [])));
    const stages = fakeStages({ search: async () => Promise.reject(new LitreviewError("SERVICE_UNAVAILABLE", "down")) }, []);
    await expect(runPipeline(req, deps(stages))).rejects.toThrow(/down/);
    const next = await runPipeline(req, deps(fakeStages({}, [])));
    expect(next.runId).toBe(3);
    const db = openStore(req.dbPath!);
    expect(listRuns(db, 5).map((r) => [r.runId, r.outcome, r.exitCode])).toEqual([
      [3, "success", 0],
      [2, "failed", 3],
      [1, "success", 0],
    ]);
    db.close();
  });

  it("records a failure with the API key redacted, and marks runs a killed process left as interrupted", async () => {
    const req = request();
    const db = openStore(req.dbPath!);
    startRun(db, "exosome-dermatology", "litreview run", {}, "2026-04-01T00:00:00Z");
    db.close();
    const stages = fakeStages({ dedupe: async () => Promise.reject(new Error("boom at https://x/efetch.fcgi?api_key=SECRETKEY123&id=1")) }, []);
    await expect(runPipeline(req, deps(stages))).rejects.toThrow(/boom/);
    const after = openStore(req.dbPath!);
    const [failed, interrupted] = listRuns(after, 5);
    expect(failed?.outcome).toBe("failed");
    expect(failed?.errors.join(" ")).not.toContain("SECRETKEY123");
    expect(Object.keys(failed?.counts ?? {})).toEqual(["search", "fetch", "parse"]);
    expect(interrupted?.outcome).toBe("interrupted");
    after.close();
  });
});
