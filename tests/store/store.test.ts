import Database from "better-sqlite3";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyArticle, type Article } from "../../src/model/article.js";
import { openStore, openStoreForReading } from "../../src/store/open.js";
import { LitreviewError } from "../../src/errors.js";
import { ORDERED_MIGRATIONS, SCHEMA_VERSION } from "../../src/store/migrations.js";
import { countLiveRecords, countStoredRecords, getRecord, iterateRecords, markDeleted, upsertRecord } from "../../src/store/records.js";

function article(overrides: Partial<Article> = {}): Article {
  return {
    ...emptyArticle("12345", { database: "pubmed", file: null, ownId: "12345", importedAt: "2026-01-01T00:00:00.000Z" }),
    pmid: "12345",
    title: "Exosomes in wound healing",
    ...overrides,
  };
}

describe("store", () => {
  it("creates the schema in WAL mode and refuses a store from a newer version", () => {
    const path = join(mkdtempSync(join(tmpdir(), "litreview-store-")), "s.sqlite");
    const db = openStore(path);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openStore(path)).toThrow(/newer than this litreview understands/);
  });

  it("brings a store of the first schema up to date, keeping what it holds", () => {
    const path = join(mkdtempSync(join(tmpdir(), "litreview-store-")), "v1.sqlite");
    const v1 = new Database(path);
    v1.exec(ORDERED_MIGRATIONS[0]!.sql);
    v1.pragma("user_version = 1");
    v1.prepare("INSERT INTO possible_duplicates VALUES ('1', '2', 0.9, '{}')").run();
    v1.close();
    expect(() => openStoreForReading(path)).toThrow(/older than this litreview's .*brings it up to date/);
    const db = openStore(path);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    // Version 2: why a pair was left for a human; a pair stored before says nothing until dedupe reruns.
    expect(db.prepare("SELECT record_id_a, record_id_b, reason FROM possible_duplicates").all()).toEqual([{ record_id_a: "1", record_id_b: "2", reason: null }]);
    db.close();
    expect(openStoreForReading(path).pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
  });

  it("gives a new store 16 KiB pages and leaves an existing store's page size alone", () => {
    const dir = mkdtempSync(join(tmpdir(), "litreview-store-"));
    const fresh = openStore(join(dir, "new.sqlite"));
    expect(fresh.pragma("page_size", { simple: true })).toBe(16384);
    fresh.close();
    const oldPath = join(dir, "old.sqlite");
    const old = new Database(oldPath);
    old.pragma("page_size = 4096");
    old.exec("CREATE TABLE t (x)");
    old.close();
    const reopened = openStore(oldPath);
    expect(reopened.pragma("page_size", { simple: true })).toBe(4096);
    expect(reopened.pragma("journal_mode", { simple: true })).toBe("wal");
    reopened.close();
  });

  it("stores a record once, updates it when its content changes and remembers what changed", () => {
    const db = openStore(":memory:");
    expect(upsertRecord(db, article(), 1, "2026-01-01")).toBe("new");
    expect(upsertRecord(db, article({ source: { database: "pubmed", file: "x.nbib", ownId: "12345", importedAt: "2026-02-01" } }), 2, "2026-02-01")).toBe(
      "unchanged",
    );
    const newerAnswer = { database: "pubmed", file: null, ownId: "12345", importedAt: "2026-03-01T00:00:00.000Z" };
    expect(upsertRecord(db, article({ publicationTypes: ["Journal Article", "Review"], source: newerAnswer }), 3, "2026-03-01")).toBe("updated");
    const stored = getRecord(db, "12345")!;
    expect(stored.revision).toBe(2);
    expect(stored.firstSeen).toBe("2026-01-01");
    expect(stored.article.publicationTypes).toEqual(["Journal Article", "Review"]);
    const changes = db.prepare("SELECT fields FROM record_changes").all() as { fields: string }[];
    expect(changes.map((c) => JSON.parse(c.fields))).toEqual([["publicationTypes"]]);
    expect(db.prepare("SELECT count(*) AS n FROM record_sources").get()).toEqual({ n: 2 });
  });

  it("keeps deleted records as tombstones, in record_id order", () => {
    const db = openStore(":memory:");
    upsertRecord(db, article({ recordId: "2", pmid: "2" }), 1, "t");
    upsertRecord(db, article({ recordId: "10", pmid: "10" }), 1, "t");
    expect(markDeleted(db, ["2", "404"], "t2")).toBe(1);
    expect(countLiveRecords(db)).toBe(1);
    expect(countStoredRecords(db)).toBe(2);
    const all = [...iterateRecords(db)];
    expect(all.map((r) => [r.article.recordId, r.deleted])).toEqual([
      ["10", false],
      ["2", true],
    ]);
  });
});

/** What a thrown LitreviewError says, with its code and exit code. */
function failure(open: () => unknown): { code: string; exitCode: number; message: string } {
  try {
    open();
  } catch (error) {
    if (error instanceof LitreviewError) return { code: error.code, exitCode: error.exitCode, message: error.message };
    throw error;
  }
  throw new Error("expected the store not to open");
}

describe("a store that cannot be opened", () => {
  const dir = mkdtempSync(join(tmpdir(), "litreview-store-"));
  const notADatabase = join(dir, "notes.sqlite");
  writeFileSync(notADatabase, "Search strategy, 2026-11-02: exosome* AND skin\n".repeat(40));

  it("is a store error naming the file and what to check, for writing and for reading", () => {
    for (const [open, access] of [[() => openStore(notADatabase), ""], [() => openStoreForReading(notADatabase), " for reading"]] as const) {
      const { code, exitCode, message } = failure(open);
      expect(code).toBe("STORE");
      expect(exitCode).toBe(1);
      expect(message).toContain(`cannot open the store ${notADatabase}${access}: file is not a database: check that --db names a litreview store`);
    }
  });

  it("is not created when it is only to be read: a missing path is a usage error and leaves no folder or file", () => {
    const typo = join(dir, "typo", "typo.sqlite");
    const { code, exitCode, message } = failure(() => openStoreForReading(typo));
    expect({ code, exitCode }).toEqual({ code: "USAGE", exitCode: 2 });
    expect(message).toBe(`cannot open the store ${typo} for reading: there is no such file: check --db (or the pipeline), or create the store with litreview run or litreview import`);
    expect(existsSync(join(dir, "typo"))).toBe(false);
  });

  it("is read without being changed, and an SQLite file without litreview's tables is refused", () => {
    const path = join(dir, "s.sqlite");
    openStore(path).close();
    const db = openStoreForReading(path);
    expect(() => db.exec("CREATE TABLE x (y)")).toThrow(/readonly/);
    db.close();
    const other = join(dir, "other.sqlite");
    const raw = new Database(other);
    raw.exec("CREATE TABLE t (x)");
    raw.close();
    expect(failure(() => openStoreForReading(other)).message).toBe(`${other} is not a litreview store (it has no litreview tables): check --db`);
  });
});
