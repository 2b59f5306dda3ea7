import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";
import { acquireRunLock } from "../../src/pipeline/lock.js";
import { openStore } from "../../src/store/open.js";
import { listRuns } from "../../src/store/runs.js";

function capture(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { env: {}, stdout: (t) => out.push(t), stderr: (t) => err.push(t), clock: () => new Date() }, out, err };
}

describe("litreview import, when it fails", () => {
  it("records the run as failed with its message, so status and the next run do not see it as still running", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "litreview-import-")), "s.sqlite");
    const { io, err } = capture();
    expect(await main(["import", "nonexistent.ris", "--db", db, "--quiet"], io)).toBe(2);
    expect(err.join("")).toContain("cannot read the import file nonexistent.ris");

    const store = openStore(db);
    const [run] = listRuns(store, 10);
    store.close();
    expect(run).toMatchObject({ outcome: "failed", exitCode: 2 });
    expect(run!.errors).toEqual([expect.stringContaining("cannot read the import file nonexistent.ris")]);

    const status = capture();
    expect(await main(["status", "--db", db], status.io)).toBe(0);
    expect(status.out.join("")).toMatch(/^run 1 {2}FAILED \(exit 2\) {2}litreview import nonexistent\.ris/);
  });

  it("releases the store's lock when the store cannot be opened", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "litreview-import-")), "notadb.sqlite");
    writeFileSync(db, "this is a text file, not a SQLite database\n".repeat(20));
    const { io } = capture();
    expect(await main(["import", "tests/fixtures/exports/cff-scopus.csv", "--db", db, "--quiet"], io)).toBe(1);
    const lock = acquireRunLock(db, "test", new Date());
    lock.release();
  });
});
