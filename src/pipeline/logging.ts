import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import type { Logger } from "./context.js";
import { trackRunLog } from "./interrupt.js";

export type Verbosity = "quiet" | "normal" | "verbose";

/** How many run logs to keep per store in its logs/ folder: older ones are deleted, so logs stay bounded. */
export const KEEP_LOG_FILES = 60;

export interface RunLogger extends Logger {
  /** Path of this run's JSON-lines log file. */
  file: string;
  /** Writes to the log file only (for what the caller prints itself, such as the final error line). */
  record(level: "info" | "error", fields: Record<string, unknown>, message: string): void;
}

function human(level: string, fields: Record<string, unknown>, message: string): string {
  const stage = typeof fields.stage === "string" ? `${fields.stage}: ` : "";
  return `${level === "info" ? "" : `${level}: `}${stage}${message}`;
}

/**
 * Every run writes JSON lines (all levels) to logs/<store name>-<timestamp>.jsonl beside its store, synchronously so a
 * killed run still leaves its log. The terminal gets readable lines: errors always, warnings and info unless
 * --quiet (cron: the summary line and errors only; warnings stay in the log and `litreview status`), debug with --verbose.
 */
export function createRunLogger(options: {
  logDir: string;
  /** Starts each log file's name: the store's name, so runs on another store keep their own logs. */
  name: string;
  startedAt: Date;
  verbosity: Verbosity;
  write?: (line: string) => void;
}): RunLogger {
  mkdirSync(options.logDir, { recursive: true });
  const stamp = options.startedAt.toISOString().replace(/[:.]/g, "-");
  const file = join(options.logDir, `${options.name}-${stamp}-${process.pid}.jsonl`);
  pruneLogs(options.logDir, options.name);
  const json = pino({ level: "debug", base: { pid: process.pid } }, pino.destination({ dest: file, sync: true }));
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const show = (level: "debug" | "info" | "warn" | "error") =>
    level === "error" || options.verbosity === "verbose" || (options.verbosity === "normal" && level !== "debug");
  const emit = (level: "debug" | "info" | "warn" | "error") => (fields: Record<string, unknown>, message: string) => {
    json[level](fields, message);
    if (show(level)) write(human(level, fields, message));
  };
  const record: RunLogger["record"] = (level, fields, message) => json[level](fields, message);
  trackRunLog((fields, message) => record("error", fields, message));
  return {
    file,
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    record,
  };
}

/**
 * Whether a file is one of this store's logs (`<name>-<timestamp>-<pid>.jsonl`), and not the log of
 * another store whose name starts the same way ("exosome" and "exosome-dermatology").
 */
function isLogOf(file: string, name: string): boolean {
  return file.startsWith(`${name}-`) && /^\d{4}-\d{2}-\d{2}T[\d-]+Z-\d+\.jsonl$/.test(file.slice(name.length + 1));
}

function pruneLogs(dir: string, name: string): void {
  const mine = readdirSync(dir)
    .filter((f) => isLogOf(f, name))
    .sort();
  for (const old of mine.slice(0, Math.max(0, mine.length - (KEEP_LOG_FILES - 1)))) rmSync(join(dir, old), { force: true });
}
