import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { LitreviewError } from "../errors.js";
import { ORDERED_MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";

export type Db = Database.Database;

/**
 * Opens (creating if needed) a store in WAL mode and brings its schema up to date.
 * ":memory:" gives a throwaway store for tests.
 */
export function openStore(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path);
  } catch (cause) {
    throw new LitreviewError("STORE", `cannot open the store ${path}: ${(cause as Error).message}`, { cause });
  }
  // Articles are stored as JSON of ~2-20 KB: 16 KiB pages keep most in one page instead of an overflow chain,
  // which cut an import's SQLite time by a quarter. Only a new, empty store takes it (SQLite ignores it later).
  db.pragma("page_size = 16384");
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db, path);
  return db;
}

/**
 * Opens an existing store to read beside the connection that writes it (a worker thread's): WAL lets it
 * read while the other writes. Its schema must be this version's, as the writing connection made it.
 */
export function openStoreForReading(path: string): Db {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (cause) {
    throw new LitreviewError("STORE", `cannot open the store ${path} for reading: ${(cause as Error).message}`, { cause });
  }
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version !== SCHEMA_VERSION) {
    db.close();
    throw new LitreviewError("STORE", `the store ${path} has schema version ${version}, not ${SCHEMA_VERSION}: open it with openStore first`);
  }
  return db;
}

export function migrate(db: Db, path: string): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    db.close();
    throw new LitreviewError(
      "STORE",
      `the store ${path} has schema version ${current}, newer than this litreview understands (${SCHEMA_VERSION}): upgrade litreview, or use another --db`,
    );
  }
  for (const migration of ORDERED_MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
