import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";

function capture(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { env: {}, stdout: (t) => out.push(t), stderr: (t) => err.push(t), clock: () => new Date() }, out, err };
}

describe("--db naming something that is not a store", () => {
  const dir = mkdtempSync(join(tmpdir(), "litreview-cli-db-"));

  it("run: a file that is not SQLite is a store error naming the file, without a stack trace", async () => {
    const notADatabase = join(dir, "notadb.sqlite");
    writeFileSync(notADatabase, "PMID- 39000053\nTI  - Exosomes in skincare\n".repeat(40));
    const { io, err } = capture();
    expect(await main(["run", "--offline", "--db", notADatabase, "--out", join(dir, "reports"), "--quiet"], io)).toBe(1);
    expect(err.join("")).toBe(
      `litreview: cannot open the store ${notADatabase}: file is not a database: check that --db names a litreview store (a SQLite file this user can read and write)\n`,
    );
  });

  it("status and explain: a mistyped path says there is no such store, and creates nothing", async () => {
    const typo = join(dir, "typo", "typo.sqlite");
    for (const args of [["status"], ["explain", "39000053"]]) {
      const { io, out, err } = capture();
      expect(await main([...args, "--db", typo], io)).toBe(2);
      expect(out).toEqual([]);
      expect(err.join("")).toBe(`litreview: cannot open the store ${typo} for reading: there is no such file: check --db (or the pipeline), or create the store with litreview run or litreview import\n`);
    }
    expect(existsSync(join(dir, "typo"))).toBe(false);
  });
});
