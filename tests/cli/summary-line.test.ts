import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";
import { startEutilsServer, type EutilsServer } from "../../src/demo/eutils-server.js";
import { sampleRecordsFromJsonl } from "../../src/demo/sample-records.js";
import { acquireRunLock } from "../../src/pipeline/lock.js";

const records = sampleRecordsFromJsonl(readFileSync("data/sample/dev.jsonl", "utf8"), "dev.jsonl").slice(0, 8);
const START = new Date("2026-11-27T06:00:00.000Z");

/** The one line `run --quiet` prints, as a cron mail or log shows it: which pipeline, run and time, how it ended. */
describe("the summary line of a run (run --quiet, for cron)", () => {
  let server: EutilsServer;
  const dir = mkdtempSync(join(tmpdir(), "litreview-summary-line-"));
  beforeAll(async () => {
    server = await startEutilsServer({ records });
  });
  afterAll(async () => server.close());

  function capture(env: NodeJS.ProcessEnv): { io: CliIo; out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { env, stdout: (t) => out.push(t), stderr: (t) => err.push(t), clock: () => START }, out, err };
  }

  it("after success: the counts, where the reports are, then the run id, its start and exit 0", async () => {
    const db = join(dir, "ok.sqlite");
    const out = join(dir, "ok");
    const run = capture({ EUTILS_BASE_URL: server.url, NCBI_API_KEY: "" });
    expect(await main(["run", "--db", db, "--out", out, "--quiet"], run.io)).toBe(0);
    expect(run.out).toHaveLength(1);
    expect(run.out[0]).toMatch(
      new RegExp(`^litreview exosome-dermatology: success: searched 8, received 8, unavailable 0, new 8, updated 0, included \\d of 8, reports in ${out} \\(run 1 started 2026-11-27T06:00:00Z, exit 0\\)\n$`),
    );
    expect(run.err).toEqual([]);
  });

  it("when finished incomplete (exit 5): what is missing, then the run, exit 5 and how many warnings status lists", async () => {
    const gaps = await startEutilsServer({ records, unavailable: [records[0]!.pmid] });
    try {
      const db = join(dir, "gaps.sqlite");
      const run = capture({ EUTILS_BASE_URL: gaps.url, NCBI_API_KEY: "" });
      expect(await main(["run", "--db", db, "--out", join(dir, "gaps"), "--quiet"], run.io)).toBe(5);
      const status = capture({});
      expect(await main(["status", "--db", db, "--json"], status.io)).toBe(0);
      const warnings = (JSON.parse(status.out.join("")) as { warnings: string[] }[])[0]!.warnings.length;
      expect(warnings).toBeGreaterThan(0);
      expect(run.out).toHaveLength(1);
      expect(run.out[0]).toMatch(/^litreview exosome-dermatology: incomplete: searched 8, received 7, unavailable 1, /);
      expect(run.out[0]).toMatch(
        new RegExp(` — 1 PMID unavailable from efetch: ${records[0]!.pmid} \\(run 1 started 2026-11-27T06:00:00Z, exit 5; ${warnings} warnings?: litreview status --db ${db}\\)\n$`),
      );
    } finally {
      await gaps.close();
    }
  });

  it("after a failure (exit 3): the pipeline, what the exit code means, the start and the log, then the error", async () => {
    const db = join(dir, "down.sqlite");
    const { io, out, err } = capture({ EUTILS_BASE_URL: "http://127.0.0.1:9/entrez/eutils/" });
    expect(await main(["run", "--db", db, "--out", join(dir, "down"), "--quiet"], io)).toBe(3);
    const log = join(dir, "logs", `down-2026-11-27T06-00-00-000Z-${process.pid}.jsonl`);
    expect(out).toEqual([
      `litreview exosome-dermatology: failed: the E-utilities service is unavailable; what was searched and fetched is kept and the next run carries on (started 2026-11-27T06:00:00Z, exit 3; log ${log})\n`,
    ]);
    expect(existsSync(log)).toBe(true);
    expect(err.join("")).toMatch(/^litreview: cannot reach the E-utilities service at 127\.0\.0\.1:9 /);
  });

  it("when another run holds the store (exit 4): not run", async () => {
    const db = join(dir, "busy.sqlite");
    const lock = acquireRunLock(db, "litreview run", new Date());
    try {
      const { io, out } = capture({ EUTILS_BASE_URL: server.url, NCBI_API_KEY: "" });
      expect(await main(["run", "--db", db, "--out", join(dir, "busy"), "--quiet"], io)).toBe(4);
      expect(out).toEqual([
        `litreview exosome-dermatology: not run: another run is using the same store (started 2026-11-27T06:00:00Z, exit 4; log ${join(dir, "logs", `busy-2026-11-27T06-00-00-000Z-${process.pid}.jsonl`)})\n`,
      ]);
    } finally {
      lock.release();
    }
  });
});
