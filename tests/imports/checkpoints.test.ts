import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withFewerCheckpoints } from "../../src/imports/store-batch.js";
import { openStore } from "../../src/store/open.js";

describe("withFewerCheckpoints", () => {
  it("lets 64 MiB of WAL gather during the work, whatever the page size, then restores the setting", async () => {
    const dir = mkdtempSync(join(tmpdir(), "litreview-checkpoints-"));
    const old = new Database(join(dir, "old.sqlite"));
    old.pragma("page_size = 4096");
    old.exec("CREATE TABLE t (x)");
    old.close();
    for (const [file, pages] of [["new.sqlite", 4096], ["old.sqlite", 16384]] as const) {
      const db = openStore(join(dir, file));
      const before = db.pragma("wal_autocheckpoint", { simple: true });
      const during = await withFewerCheckpoints(db, async () => db.pragma("wal_autocheckpoint", { simple: true }));
      expect(during).toBe(pages);
      expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(before);
      db.close();
    }
  });
});
