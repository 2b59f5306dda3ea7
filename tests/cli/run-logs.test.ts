import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";
import { startEutilsServer, type EutilsServer } from "../../src/demo/eutils-server.js";
import { sampleRecordsFromJsonl } from "../../src/demo/sample-records.js";

const records = sampleRecordsFromJsonl(readFileSync("data/sample/dev.jsonl", "utf8"), "dev.jsonl").slice(0, 5);

function pipelineLogs(): string[] {
  return existsSync("data/logs") ? readdirSync("data/logs").filter((f) => f.startsWith("exosome-dermatology-")) : [];
}

describe("the logs of a run on a store named with --db (the demo's, a trial copy)", () => {
  let server: EutilsServer;
  const dir = mkdtempSync(join(tmpdir(), "litreview-run-logs-"));
  beforeAll(async () => {
    server = await startEutilsServer({ records });
  });
  afterAll(async () => server.close());

  it("go in logs/ beside that store, named after it, and never among the pipeline's own logs in data/logs", async () => {
    const before = pipelineLogs();
    const io: CliIo = { env: { EUTILS_BASE_URL: server.url, NCBI_API_KEY: "" }, stdout: () => {}, stderr: () => {}, clock: () => new Date() };
    expect(await main(["run", "--db", join(dir, "trial.sqlite"), "--out", join(dir, "reports"), "--quiet"], io)).toBe(0);
    expect(await main(["import", "tests/fixtures/exports/cff-scopus.csv", "--db", join(dir, "trial.sqlite"), "--quiet"], io)).toBe(0);
    const logs = readdirSync(join(dir, "logs"));
    expect(logs).toHaveLength(2);
    expect(logs.every((f) => /^trial-\d{4}-\d{2}-\d{2}T[\d-]+Z-\d+\.jsonl$/.test(f))).toBe(true);
    const text = logs.map((f) => readFileSync(join(dir, "logs", f), "utf8")).join("");
    expect(text).toContain('"msg":"run finished"');
    expect(pipelineLogs()).toEqual(before);
  });
});
