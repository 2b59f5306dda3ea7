import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main, type CliIo } from "../../src/cli.js";
import { startEutilsServer, type EutilsServer } from "../../src/demo/eutils-server.js";
import { sampleRecordsFromJsonl } from "../../src/demo/sample-records.js";

const records = sampleRecordsFromJsonl(readFileSync("data/sample/dev.jsonl", "utf8"), "dev.jsonl").slice(0, 5);
const dir = mkdtempSync(join(tmpdir(), "litreview-cli-env-"));

function capture(env: NodeJS.ProcessEnv): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { env, stdout: (t) => out.push(t), stderr: (t) => err.push(t), clock: () => new Date() }, out, err };
}

describe("an environment variable with a value litreview cannot use", () => {
  let server: EutilsServer;
  beforeAll(async () => {
    server = await startEutilsServer({ records });
  });
  afterAll(async () => server.close());
  afterEach(() => vi.unstubAllEnvs());

  it("LITREVIEW_THREADS: exit 2 naming it before the run searches or fetches anything", async () => {
    vi.stubEnv("LITREVIEW_THREADS", "four");
    const db = join(dir, "threads.sqlite");
    const { io, out, err } = capture({ EUTILS_BASE_URL: server.url, NCBI_API_KEY: "", LITREVIEW_THREADS: "four" });
    expect(await main(["run", "--db", db, "--out", join(dir, "threads"), "--quiet"], io)).toBe(2);
    expect(err.join("")).toBe('litreview: LITREVIEW_THREADS must be a positive whole number (1 = no worker threads), not "four"\n');
    expect(out).toEqual([]);
    expect(server.stats.requests).toEqual([]);
    expect(existsSync(db)).toBe(false);
  });

  it("EUTILS_BASE_URL that is not an http(s) URL: exit 2 at once naming it, not retries and exit 1", async () => {
    for (const url of ["notaurl", "ftp://example.org/entrez/eutils/", "eutils.ncbi.nlm.nih.gov/entrez/eutils/"]) {
      const db = join(dir, "url.sqlite");
      const { io, err } = capture({ EUTILS_BASE_URL: url });
      expect(await main(["run", "--db", db, "--out", join(dir, "url"), "--quiet"], io), url).toBe(2);
      expect(err.join(""), url).toBe(
        `litreview: EUTILS_BASE_URL ${url}: not an http:// or https:// URL; unset it to use NCBI's (https://eutils.ncbi.nlm.nih.gov/entrez/eutils/), or give a whole URL such as http://127.0.0.1:8080/entrez/eutils/\n`,
      );
      expect(existsSync(db), url).toBe(false);
    }
  });

  it("EUTILS_BASE_URL is not checked by what does not use the network (import)", async () => {
    const { io } = capture({ EUTILS_BASE_URL: "notaurl" });
    expect(await main(["import", "tests/fixtures/exports/cff-scopus.csv", "--db", join(dir, "import.sqlite"), "--quiet"], io)).toBe(0);
  });
});
