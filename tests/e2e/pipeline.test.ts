import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";
import { startEutilsServer, type EutilsServer } from "../../src/demo/eutils-server.js";
import { sampleRecordsFromJsonl } from "../../src/demo/sample-records.js";

/** The whole pipeline through the CLI, the real client and the local E-utilities server (as `npm run demo`). */
describe("litreview run, end to end against the local E-utilities server", () => {
  const records = sampleRecordsFromJsonl(readFileSync("data/sample/dev.jsonl", "utf8"), "dev.jsonl");
  const dir = mkdtempSync(join(tmpdir(), "litreview-e2e-"));
  const db = join(dir, "store.sqlite");
  const out = join(dir, "reports");
  let server: EutilsServer;
  const output: string[] = [];
  const io = (): CliIo => ({
    env: { EUTILS_BASE_URL: server.url, NCBI_EMAIL: "test@example.org", NCBI_API_KEY: "" },
    stdout: (t) => output.push(t),
    stderr: (t) => output.push(t),
    clock: () => new Date(),
  });

  beforeAll(async () => {
    server = await startEutilsServer({ records, rateLimit: true });
  });
  afterAll(async () => server.close());

  it("writes one articles.csv row per sample article and a summary, and a rerun gives byte-identical articles.csv", async () => {
    expect(await main(["run", "--db", db, "--out", out, "--quiet"], io())).toBe(0);
    const csv = readFileSync(join(out, "articles.csv"));
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(records.length);
    expect(new Set(rows.map((r) => r.pmid))).toEqual(new Set(records.map((r) => r.pmid)));
    for (const column of ["record_id", "pmid", "doi", "title", "journal", "year", "design", "design_group", "evidence_level", "conditions", "exosome_sources", "included", "exclusion_reason", "url"]) {
      expect(Object.keys(rows[0]!)).toContain(column);
    }
    expect(rows.every((r) => r.included === "true" || r.included === "false")).toBe(true);
    expect(rows.some((r) => r.included === "true")).toBe(true);
    const summary = readFileSync(join(out, "summary.md"), "utf8");
    expect(summary).toContain("exosome");
    expect(server.stats.rateLimited).toBe(0);

    expect(await main(["run", "--db", db, "--out", out, "--quiet"], io())).toBe(0);
    expect(readFileSync(join(out, "articles.csv")).equals(csv)).toBe(true);
    expect(readdirSync(out).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("reruns parse → report offline, and regenerates the reports with `report`, without the network", async () => {
    const before = readFileSync(join(out, "articles.csv"));
    const requests = server.stats.requests.length;
    expect(await main(["run", "--offline", "--db", db, "--out", out, "--quiet"], io())).toBe(0);
    expect(await main(["report", "--db", db, "--out", out, "--quiet"], io())).toBe(0);
    expect(server.stats.requests.length).toBe(requests);
    expect(readFileSync(join(out, "articles.csv")).equals(before)).toBe(true);
  });

  it("shows the runs in status --json", async () => {
    output.length = 0;
    expect(await main(["status", "--db", db, "--json"], io())).toBe(0);
    const runs = JSON.parse(output.join("")) as { outcome: string; counts: Record<string, Record<string, number>> }[];
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.every((r) => r.outcome === "success")).toBe(true);
    const first = runs[runs.length - 1]!;
    expect(first.counts.search?.searched).toBe(records.length);
    expect(first.counts.fetch?.received).toBe(records.length);
  });

  it("exits 3 within seconds, recording the run as failed and writing nothing else, when the service cannot be reached", async () => {
    const fresh = join(dir, "unreachable.sqlite");
    output.length = 0;
    const code = await main(["run", "--db", fresh, "--out", join(dir, "none"), "--quiet"], {
      ...io(),
      env: { EUTILS_BASE_URL: "http://127.0.0.1:9/entrez/eutils/" },
    });
    expect(code).toBe(3);
    expect(output.join("")).toMatch(/npm run demo/);
    expect(readdirSync(dir)).not.toContain("none");
    output.length = 0;
    expect(await main(["status", "--db", fresh, "--json"], io())).toBe(0);
    const [run, ...others] = JSON.parse(output.join("")) as { run_id: number; outcome: string; exit_code: number; errors: string[] }[];
    expect(others).toEqual([]);
    expect(run).toMatchObject({ run_id: 1, outcome: "failed", exit_code: 3 });
    expect(run?.errors.join(" ")).toMatch(/npm run demo/);
  });

  it("exits 2 with the file and field for a bad pipeline", async () => {
    output.length = 0;
    expect(await main(["run", "pipelines/nope.yaml"], io())).toBe(2);
    expect(output.join("")).toMatch(/pipelines\/nope\.yaml/);
  });
});
