import Database from "better-sqlite3";
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { LitreviewError } from "../errors.js";
import { ORDERED_MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";

export type Db = Database.Database;

/** The store error for a file SQLite cannot open or read: names it and says what to check. */
function unreadableStore(path: string, cause: unknown, forReading: boolean): LitreviewError {
  const access = forReading ? " for reading" : "";
  return new LitreviewError(
    "STORE",
    `cannot open the store ${path}${access}: ${(cause as Error).message}: check that --db names a litreview store (a SQLite file this user can ${forReading ? "read" : "read and write"})`,
    { cause, context: { store: path } },
  );
}

/**
 * Opens (creating if needed) a store in WAL mode and brings its schema up to date.
 * ":memory:" gives a throwaway store for tests.
 */
export function openStore(path: string): Db {
  let db: Db | null = null;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    // Articles are stored as JSON of ~2-20 KB: 16 KiB pages keep most in one page instead of an overflow chain,
    // which cut an import's SQLite time by a quarter. Only a new, empty store takes it (SQLite ignores it later).
    db.pragma("page_size = 16384");
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db, path);
    return db;
  } catch (cause) {
    if (db?.open) db.close();
    throw cause instanceof LitreviewError ? cause : unreadableStore(path, cause, false);
  }
}

/**
 * Opens an existing store read-only, for commands that only look at it (status, explain) and for a worker
 * thread reading beside the connection that writes it (WAL lets it read while the other writes). Nothing
 * is created: a mistyped path is an error, not a new empty store. Its schema must be this version's.
 */
export function openStoreForReading(path: string): Db {
  if (!existsSync(path)) {
    const message = `cannot open the store ${path} for reading: there is no such file: check --db (or the pipeline), or create the store with litreview run or litreview import`;
    throw new LitreviewError("USAGE", message, { context: { store: path } });
  }
  let db: Db | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    checkSchemaVersion(db.pragma("user_version", { simple: true }) as number, path);
    return db;
  } catch (cause) {
    if (db?.open) db.close();
    throw cause instanceof LitreviewError ? cause : unreadableStore(path, cause, true);
  }
}

function checkSchemaVersion(version: number, path: string): void {
  if (version === SCHEMA_VERSION) return;
  if (version === 0) throw new LitreviewError("STORE", `${path} is not a litreview store (it has no litreview tables): check --db`);
  if (version > SCHEMA_VERSION) throw newerSchema(path, version);
  throw new LitreviewError(
    "STORE",
    `the store ${path} has schema version ${version}, older than this litreview's (${SCHEMA_VERSION}): litreview run, report or import brings it up to date`,
  );
}

function newerSchema(path: string, version: number): LitreviewError {
  return new LitreviewError(
    "STORE",
    `the store ${path} has schema version ${version}, newer than this litreview understands (${SCHEMA_VERSION}): upgrade litreview, or use another --db`,
  );
}

export function migrate(db: Db, path: string): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    db.close();
    throw newerSchema(path, current);
  }
  for (const migration of ORDERED_MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
