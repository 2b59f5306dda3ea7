import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { reportStage } from "../../src/stages/report/index.js";
import { THREADS_MIN_RECORDS } from "../../src/parallel/pool.js";
import { openStore } from "../../src/store/open.js";
import { upsertRecord } from "../../src/store/records.js";
import { makeArticle, NOW } from "./builders.js";
import { buildStore, makeConfig, makeContext } from "./store.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "litreview-report-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function readAll(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

const golden = (name: string): string => readFileSync(new URL(`../golden/report/${name}`, import.meta.url), "utf8");

describe("reportStage", () => {
  it("writes every output the pipeline names from the store, and nothing else", async () => {
    const out = tempDir();
    const outcome = await reportStage(makeContext(buildStore(), out));
    expect([...readAll(out).keys()]).toEqual(
      ["articles.csv", "claims.csv", "evidence-matrix.csv", "possible-duplicates.csv", "prisma.csv", "summary.md", "tags.csv"],
    );
    expect(outcome.counts).toEqual({ records: 14, included: 7, excluded: 7, duplicates: 1, notices: 1, retracted: 1, new: 14, reclassified: 0 });
    expect(outcome.warnings).toEqual(['1 record(s) have no classification yet and are excluded as "unclassified": run the classify stage']);
  });

  it("reads the store into the same CSVs the pure renderers give (golden files)", async () => {
    const out = tempDir();
    await reportStage(makeContext(buildStore(), out));
    for (const name of ["articles.csv", "tags.csv", "evidence-matrix.csv", "claims.csv", "prisma.csv", "possible-duplicates.csv"]) {
      expect(readFileSync(join(out, name), "utf8"), name).toBe(golden(name));
    }
    const summary = readFileSync(join(out, "summary.md"), "utf8");
    expect(summary).toContain("Searched 5, received 4, unavailable 1.");
    expect(summary).toContain("This is the first report of this store.");
  });

  it("writes only the outputs asked for", async () => {
    const out = tempDir();
    await reportStage(makeContext(buildStore(), out, { config: makeConfig({ outputs: ["prisma.csv"] }) }));
    expect([...readAll(out).keys()]).toEqual(["prisma.csv"]);
  });

  it("gives byte-identical files for the same store, with the date on one line only", async () => {
    const db = buildStore();
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await reportStage(makeContext(db, a));
    await reportStage(makeContext(db, b));
    await reportStage(makeContext(db, c, { clock: () => new Date("2027-01-15T08:00:00Z") }));
    expect(readAll(b)).toEqual(readAll(a));
    const before = readAll(a).get("summary.md")!.split("\n");
    const after = readAll(c).get("summary.md")!.split("\n");
    const differing = before.filter((line, i) => line !== after[i]);
    expect(differing).toEqual(["Report date: 2026-03-01"]);
    expect(readAll(c).get("articles.csv")).toBe(readAll(a).get("articles.csv"));
  });

  it("records a snapshot so the next report tells what is new, reclassified or newly retracted", async () => {
    const db = buildStore();
    const run = db.prepare("INSERT INTO runs (run_id, pipeline, command, started_at, outcome) VALUES (?, 'exosome-dermatology', 'litreview run', ?, 'success')");
    run.run(2, "2026-03-02T06:00:00.000Z");
    run.run(3, "2026-03-09T06:00:00.000Z");
    await reportStage(makeContext(db, tempDir(), { runId: 2 }));
    expect(db.prepare("SELECT COUNT(*) AS n FROM report_snapshots WHERE run_id = 2").get()).toEqual({ n: 14 });
    const stored = db.prepare("SELECT result FROM classifications WHERE record_id = '29138430'").get() as { result: string };
    db.prepare("UPDATE classifications SET result = ? WHERE record_id = '29138430'").run(stored.result.replace('"design":"animal"', '"design":"in-vitro"'));
    const out = tempDir();
    const outcome = await reportStage(makeContext(db, out, { runId: 3 }));
    expect(outcome.counts).toMatchObject({ new: 0, reclassified: 1 });
    const summary = readFileSync(join(out, "summary.md"), "utf8");
    expect(summary).toContain("Compared with the report of 2026-03-02 06:00 UTC.");
    expect(summary).toContain("### New (0 records: 0 included, 0 excluded)");
    expect(summary).toContain("### Reclassified (1)");
    expect(summary).toContain("included; animal study; alopecia | included; in-vitro study; alopecia");
    expect(summary).toContain("### Newly retracted (0)");
  });

  it("keeps the baseline when a report repeats the last one, so a re-render still shows what that one found", async () => {
    const db = buildStore();
    const run = db.prepare("INSERT INTO runs (run_id, pipeline, command, started_at, outcome) VALUES (?, 'exosome-dermatology', 'litreview report', ?, 'success')");
    for (const [id, at] of [[2, "2026-03-02T06:00:00.000Z"], [3, "2026-03-09T06:00:00.000Z"], [4, "2026-03-16T06:00:00.000Z"], [5, "2026-03-23T06:00:00.000Z"]] as const) run.run(id, at);
    await reportStage(makeContext(db, tempDir(), { runId: 2 }));
    upsertRecord(db, makeArticle("41000001", { title: "A new exosome article" }), 3, NOW);
    const first = tempDir();
    expect((await reportStage(makeContext(db, first, { runId: 3 }))).counts).toMatchObject({ new: 1 });
    const again = tempDir();
    expect((await reportStage(makeContext(db, again, { runId: 4 }))).counts).toMatchObject({ new: 0, reclassified: 0 });
    const section = (dir: string): string => {
      const text = readFileSync(join(dir, "summary.md"), "utf8");
      return text.slice(text.indexOf("## Changes since the last report"), text.indexOf("## Retracted articles"));
    };
    expect(section(first)).toContain("### New (1 record: 0 included, 1 excluded)");
    expect(section(first)).toContain("| Not yet classified | 1 | 41000001 |");
    expect(section(again)).toContain("Nothing changed since the report of 2026-03-09 06:00 UTC; as it did, this compares with the report of 2026-03-02 06:00 UTC");
    expect(section(again).split("\n").slice(3)).toEqual(section(first).split("\n").slice(3));
    expect(db.prepare("SELECT COUNT(*) AS n FROM report_snapshots WHERE run_id = 4").get()).toEqual({ n: 0 });
    const third = tempDir();
    await reportStage(makeContext(db, third, { runId: 5 }));
    expect(section(third)).toBe(section(again));
  });

  it("measures the classifiers on the pipeline's labelled articles and states the accuracy in summary.md", async () => {
    const out = tempDir();
    const gold = "tests/fixtures/classify/dev.jsonl";
    await reportStage(makeContext(buildStore(), out, { config: makeConfig({ evaluation: { gold } }) }));
    const summary = readFileSync(join(out, "summary.md"), "utf8");
    expect(summary).toContain(`Measured for this report on 91 labelled articles (\`${gold}\`)`);
    expect(summary).toMatch(/\| design \| accuracy \| 0\.9\d\d \|/);
    expect(summary).toMatch(/\| design: rct \| recall \/ precision \| 1\.000 \/ /);
  });

  it("writes the same files for a large store with its thread beside the main one as without", async () => {
    const dir = tempDir();
    const storePath = join(dir, "store.sqlite");
    const small = buildStore();
    small.exec(`VACUUM INTO '${storePath}'`);
    const db = openStore(storePath);
    const classified = db.prepare("SELECT result FROM classifications WHERE record_id = '29138430'").pluck().get() as string;
    db.transaction(() => {
      const classify = db.prepare("INSERT INTO classifications VALUES (?, ?, 'test-1', ?)");
      const pair = db.prepare("INSERT INTO possible_duplicates VALUES (?, ?, ?, ?, 'similar')");
      for (let i = 0; i < THREADS_MIN_RECORDS; i++) {
        const id = String(50_000_000 + i);
        upsertRecord(db, makeArticle(id, { title: `Exosome study ${i} of ${THREADS_MIN_RECORDS}` }), 1, NOW);
        if (i % 2 === 0) classify.run(id, classified.replace('"29138430"', `"${id}"`), NOW);
        if (i % 3 === 0) pair.run(id, "29138430", 0.8 + (i % 7) / 100, JSON.stringify({ title: 0.9, year: i % 2 }));
      }
    })();
    const config = makeConfig({ evaluation: { gold: "tests/fixtures/classify/dev.jsonl" } });
    const outputs = async (threads: string): Promise<Map<string, string>> => {
      const out = join(dir, `threads-${threads}`);
      const before = process.env.LITREVIEW_THREADS;
      process.env.LITREVIEW_THREADS = threads;
      try {
        await reportStage(makeContext(db, out, { config }));
      } finally {
        if (before === undefined) delete process.env.LITREVIEW_THREADS;
        else process.env.LITREVIEW_THREADS = before;
      }
      return readAll(out);
    };
    const inline = await outputs("1");
    const beside = await outputs("2");
    expect([...beside.keys()]).toEqual([...inline.keys()]);
    for (const [name, text] of inline) expect(beside.get(name), name).toBe(text);
    expect(inline.get("possible-duplicates.csv")!.split("\r\n")).toHaveLength(Math.ceil(THREADS_MIN_RECORDS / 3) + 3); // the pairs, the store's own one, the header and the end
    expect(inline.get("summary.md")).toContain("Measured for this report on 91 labelled articles");
    db.close();
  });

  it("names the pipeline field when the labelled articles cannot be read", async () => {
    const config = makeConfig({ evaluation: { gold: "missing/gold.jsonl" } });
    await expect(reportStage(makeContext(buildStore(), tempDir(), { config }))).rejects.toThrow(
      /pipelines\/exosome-dermatology\.yaml: evaluation\.gold: cannot read missing\/gold\.jsonl/,
    );
  });

  it("leaves no temporary files behind", async () => {
    const out = tempDir();
    writeFileSync(join(out, "articles.csv"), "old");
    await reportStage(makeContext(buildStore(), out));
    expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(readFileSync(join(out, "articles.csv"), "utf8")).toBe(golden("articles.csv"));
  });
});
