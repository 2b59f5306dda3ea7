import Database from "better-sqlite3";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { hostname } from "node:os";
import { LitreviewError } from "../errors.js";

export interface RunLock {
  /** Set when the lock was left by a run that is no longer running, and this run took it over. */
  tookOverFrom: LockHolder | null;
  release(): void;
}

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export interface HeldLock {
  storePath: string;
  release(): void;
}

let held: HeldLock | null = null;

/** The run lock this process holds, for winding the run up on a signal (src/pipeline/interrupt.ts). */
export function heldRunLock(): HeldLock | null {
  return held;
}

/**
 * One run at a time per store. The lock is an exclusive SQLite transaction on `<store>.lock`: the operating
 * system drops it when the holding process dies, even by kill -9, so a dead run's lock can never block a
 * later one. `<store>.lock.json` says who holds it, for the message a second run prints.
 */
export function acquireRunLock(storePath: string, command: string, now: Date): RunLock {
  const lockPath = `${storePath}.lock`;
  const infoPath = `${lockPath}.json`;
  mkdirSync(dirname(lockPath), { recursive: true });
  const db = new Database(lockPath);
  db.pragma("busy_timeout = 200");
  try {
    db.exec("BEGIN EXCLUSIVE");
  } catch (cause) {
    db.close();
    const holder = readHolder(infoPath);
    const who = holder ? `pid ${holder.pid} on ${holder.host}, started ${holder.startedAt} (${holder.command})` : "another process";
    throw new LitreviewError(
      "LOCKED",
      `${storePath} is in use by ${who}: wait for that run to finish (one run at a time per store)`,
      { cause, context: { store: storePath } },
    );
  }
  const previous = readHolder(infoPath);
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: now.toISOString(), command };
  writeFileSync(infoPath, `${JSON.stringify(holder)}\n`);
  let released = false;
  const lock: RunLock = {
    tookOverFrom: previous,
    release() {
      if (released) return;
      released = true;
      if (held === tracked) held = null;
      rmSync(infoPath, { force: true });
      db.exec("ROLLBACK");
      db.close();
    },
  };
  const tracked = { storePath, release: () => lock.release() };
  held = tracked;
  return lock;
}

/**
 * Whether some process holds the run lock of `storePath`, without taking it: reading the lock file needs a
 * shared lock, which SQLite refuses while a run holds its exclusive transaction. The read lasts microseconds;
 * acquireRunLock waits that long (busy_timeout) so a concurrent check never makes a run exit 4. When the
 * lock file cannot be read at all, it cannot tell, and answers held (status then shows the runs as stored).
 */
export function isRunLockHeld(storePath: string): boolean {
  const lockPath = `${storePath}.lock`;
  if (!existsSync(lockPath)) return false;
  let db: Database.Database | null = null;
  try {
    db = new Database(lockPath, { readonly: true, fileMustExist: true });
    db.pragma("busy_timeout = 0");
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    return false;
  } catch {
    return true;
  } finally {
    db?.close();
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}
