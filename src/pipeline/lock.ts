import Database from "better-sqlite3";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
  db.pragma("busy_timeout = 0");
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
  return {
    tookOverFrom: previous,
    release() {
      if (released) return;
      released = true;
      rmSync(infoPath, { force: true });
      db.exec("ROLLBACK");
      db.close();
    },
  };
}

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}
