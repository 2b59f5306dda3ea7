import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";
import { openStore } from "../../src/store/open.js";

function capture(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { env: {}, stdout: (t) => out.push(t), stderr: (t) => err.push(t), clock: () => new Date() }, out, err };
}

function emptyStore(dir: string): string {
  const path = join(dir, "empty.sqlite");
  openStore(path).close();
  return path;
}

const ARTICLES = "\uFEFFrecord_id,pmid\r\n39000053,39000053\r\n";

describe("report and run --offline over a store with no records", () => {
  for (const args of [["report"], ["run", "--offline"]]) {
    it(`${args.join(" ")}: leaves existing reports as they were and exits 2 naming the store`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "litreview-empty-"));
      const db = emptyStore(dir);
      const out = join(dir, "reports");
      mkdirSync(out);
      writeFileSync(join(out, "articles.csv"), ARTICLES);
      const { io, out: stdout, err } = capture();
      expect(await main([...args, "--db", db, "--out", out, "--quiet"], io)).toBe(2);
      // The run's summary line (for cron) says it failed and where its log is; the error line says why.
      expect(stdout).toHaveLength(1);
      expect(stdout[0]).toMatch(
        /^litreview exosome-dermatology: failed: usage or configuration error \(started \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, exit 2; log \S+\/logs\/empty-[\dTZ-]+\.jsonl\)\n$/,
      );
      expect(err.join("")).toBe(`litreview: the store ${db} has no records: check --db (or the pipeline); the reports in ${out} (articles.csv) were left as they were\n`);
      expect(readFileSync(join(out, "articles.csv"), "utf8")).toBe(ARTICLES);
      expect(existsSync(join(out, "summary.md"))).toBe(false);
    });
  }

  it("report: writes the (empty) reports when the folder has none yet", async () => {
    const dir = mkdtempSync(join(tmpdir(), "litreview-empty-"));
    const out = join(dir, "reports");
    const { io } = capture();
    expect(await main(["report", "--db", emptyStore(dir), "--out", out, "--quiet"], io)).toBe(0);
    expect(existsSync(join(out, "articles.csv"))).toBe(true);
  });

  it("report: a store file that does not exist is named, exit 2, and not created", async () => {
    const dir = mkdtempSync(join(tmpdir(), "litreview-empty-"));
    const typo = join(dir, "data", "intr.sqllite");
    const { io, err } = capture();
    expect(await main(["report", "--db", typo, "--out", join(dir, "reports"), "--quiet"], io)).toBe(2);
    expect(err.join("")).toBe(`litreview: the store ${typo} does not exist: check --db (or the pipeline); litreview run or litreview import fills a store\n`);
    expect(existsSync(join(dir, "data"))).toBe(false);
    expect(existsSync(join(dir, "reports"))).toBe(false);
  });
});
