import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/config/load.js";
import { createPool } from "../../src/parallel/pool.js";
import { writePossibleDuplicates, type AsideResult, type AsideTask } from "../../src/stages/report/aside-worker.js";
import { commitStaged } from "../../src/stages/report/write.js";
import { accuracyTask, measureAccuracyOf } from "../../src/stages/report/accuracy.js";
import { loadPairRecords, loadPairTable, loadRecords } from "../../src/stages/report/load.js";
import { pairRecordsOf, possibleDuplicatesCsvChunks } from "../../src/stages/report/possible-duplicates.js";
import { buildViews } from "../../src/stages/report/view.js";
import { openStore } from "../../src/store/open.js";
import { buildStore } from "./store.js";

describe("the report stage's work beside its main thread", () => {
  it("reads the pairs and the records through its own connection and writes what the main thread would", () => {
    const dir = mkdtempSync(join(tmpdir(), "litreview-pairs-"));
    const storePath = join(dir, "store.sqlite");
    const source = buildStore();
    source.exec(`VACUUM INTO '${storePath}'`);
    const db = openStore(storePath);
    const insert = db.prepare("INSERT INTO possible_duplicates VALUES (?, ?, ?, ?, ?)");
    insert.run("32164386", "gone:1", 0.9, JSON.stringify({ title: 0.9, abstract: null }), "similar");
    insert.run("29138430", "29996938", 0.88, JSON.stringify({ title: 0.8 }), null);
    const records = pairRecordsOf(buildViews(loadRecords(db).records));
    const inMain = [...possibleDuplicatesCsvChunks(loadPairTable(db), records, { bom: true })].join("");

    const staged = writePossibleDuplicates({ storePath, outDir: dir, name: "pairs.csv", csv: { bom: true } });
    expect(existsSync(join(dir, "pairs.csv"))).toBe(false);
    commitStaged(dir, [staged]);

    expect(readFileSync(join(dir, "pairs.csv"), "utf8")).toBe(inMain);
    expect(inMain.split("\r\n")).toHaveLength(5);
    expect(loadPairRecords(db)).toEqual(records);
    db.close();
  });

  it("measures the accuracy, then writes the pairs, on a thread beside the main one as the main thread would", async () => {
    const dir = mkdtempSync(join(tmpdir(), "litreview-aside-"));
    const storePath = join(dir, "store.sqlite");
    buildStore().exec(`VACUUM INTO '${storePath}'`);
    const config = loadPipeline("pipelines/exosome-dermatology.yaml");
    const accuracy = accuracyTask(config)!;
    const task: AsideTask = {
      accuracy,
      pairs: { storePath, outDir: dir, name: "pairs.csv", csv: { bom: false } },
    };
    const pool = createPool<AsideTask, AsideResult>(new URL("../../src/stages/report/aside-worker.ts", import.meta.url), {
      threads: 1,
      inline: false,
    });
    try {
      await pool.ready();
      const result = await pool.run(task);
      expect(result).toEqual({ accuracy: measureAccuracyOf(accuracy), pairs: { temp: expect.any(String), target: join(dir, "pairs.csv") } });
      expect(readFileSync(result.pairs!.temp, "utf8")).toMatch(/^record_id_a,record_id_b,score,/);
      expect(await pool.run({ accuracy: null, pairs: null })).toEqual({ accuracy: null, pairs: null });
    } finally {
      await pool.close();
    }
  });

  it("refuses a store that does not exist, naming it", () => {
    const storePath = join(mkdtempSync(join(tmpdir(), "litreview-pairs-")), "missing.sqlite");
    expect(() => writePossibleDuplicates({ storePath, outDir: tmpdir(), name: "x.csv", csv: { bom: false } })).toThrow(
      /cannot open the store .*missing\.sqlite for reading/,
    );
  });
});
