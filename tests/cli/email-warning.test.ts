import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";
import { openStore } from "../../src/store/open.js";

const WARNING = "NCBI_EMAIL is not set: NCBI asks every tool for a contact address; set NCBI_EMAIL=you@example.org in the environment (README: Running it on a schedule)";

async function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), "litreview-email-"));
  const db = join(dir, "store.sqlite");
  openStore(db).close();
  const err: string[] = [];
  const io: CliIo = { env, stdout: () => {}, stderr: (t) => err.push(t), clock: () => new Date() };
  const code = await main([...args, "--db", db, "--out", join(dir, "reports")], io);
  return { code, err: err.join("") };
}

const count = (text: string): number => text.split(WARNING).length - 1;

describe("the NCBI_EMAIL warning", () => {
  it("is printed once at the start of a live run against NCBI without NCBI_EMAIL", async () => {
    // The tests never reach the network: the run stops at its first request, after the warning.
    const { code, err } = await run(["run", "--stages", "search"], {});
    expect(code).toBe(3);
    expect(count(err)).toBe(1);
    expect(err.indexOf(WARNING)).toBeLessThan(err.indexOf("search"));
  });

  it("is not printed when NCBI_EMAIL is set, offline, or against a local server (the demo)", async () => {
    expect(count((await run(["run", "--stages", "search"], { NCBI_EMAIL: "you@example.org" })).err)).toBe(0);
    expect(count((await run(["run", "--stages", "search"], { EUTILS_BASE_URL: "http://127.0.0.1:9/entrez/eutils/" })).err)).toBe(0);
    expect(count((await run(["run", "--offline", "--stages", "parse"], {})).err)).toBe(0);
  });
});
