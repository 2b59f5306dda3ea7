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

describe("litreview status after an import", () => {
  it("shows what the import stored, and which records it could not, as it does for a run's stages", async () => {
    const dir = mkdtempSync(join(tmpdir(), "litreview-import-"));
    const db = join(dir, "s.sqlite");
    const ris = join(dir, "cut.ris");
    writeFileSync(ris, "TY  - JOUR\nTI  - Exosomes and skin aging\nAU  - Doe, Jane\nPY  - 2021\nER  - \n\nTY  - JOUR\nTI  - Vesicles and acne\nAU  - Roe, Ann\n");
    const { io, out } = capture();
    expect(await main(["import", ris, "tests/fixtures/exports/cff-scopus.csv", "--db", db, "--quiet"], io)).toBe(5);
    // As a run's: which store, the counts, the run, its start and exit code (for cron).
    expect(out.join("")).toMatch(
      new RegExp(`^litreview import into ${db}: 2 file\\(s\\), \\d+ record\\(s\\): new \\d+, updated 0, unchanged 0, deleted 0, errors 1 \\(run 1 started \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ, exit 5\\)\n$`),
    );

    const status = capture();
    expect(await main(["status", "--db", db], status.io)).toBe(0);
    const text = status.out.join("");
    expect(text).toMatch(/^run 1 {2}INCOMPLETE \(exit 5\) {2}litreview import /);
    expect(text).toContain("\n  stages: import\n");
    expect(text).toMatch(/\n {2}files 2, records \d+, new \d+, updated 0, unchanged 0, malformed 1\n/);
    expect(text).toContain(`\n  error: 1 malformed record(s)\n  error: ${ris} (record 2, lines 7-9): truncated RIS record "Vesicles and acne"`);

    const json = capture();
    expect(await main(["status", "--db", db, "--json"], json.io)).toBe(0);
    const [run] = JSON.parse(json.out.join("")) as { counts: Record<string, Record<string, number>> }[];
    expect(run!.counts.import).toMatchObject({ files: 2, errors: 1 });
  });
});
