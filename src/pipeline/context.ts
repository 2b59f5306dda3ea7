import type { Db } from "../store/open.js";
import type { PipelineConfig } from "../config/pipeline.js";
import type { EutilsClient } from "../eutils/client.js";

export const STAGES = ["search", "fetch", "parse", "dedupe", "classify", "report"] as const;
export type StageName = (typeof STAGES)[number];

/** Structured logger (pino-compatible subset). Never pass the API key in fields or messages. */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Progress of a long step (a bar on a terminal, periodic log lines in cron). */
export interface Progress {
  start(stage: StageName, total: number): void;
  advance(stage: StageName, done: number): void;
  stop(stage: StageName): void;
}

export interface ReportOptions {
  /** Write a UTF-8 byte-order mark at the start of every CSV (Excel needs it to read UTF-8). */
  bom: boolean;
}

/** Everything a stage may touch, injected so tests pass an in-memory store, a fixed clock and fakes. */
export interface StageContext {
  db: Db;
  config: PipelineConfig;
  runId: number;
  clock: () => Date;
  logger: Logger;
  progress: Progress;
  /** null when running --offline: stages that need the network must not be run then. */
  client: EutilsClient | null;
  /** Directory the reports are written to. */
  outDir: string;
  /** Search from this creation date (YYYY/MM/DD) instead of the incremental default; null = default. */
  since: string | null;
  /** Search all years, ignoring the last run. */
  full: boolean;
  report: ReportOptions;
}

export interface StageOutcome {
  /** Counters for the run summary and `litreview status` (searched, fetched, new, ...). */
  counts: Record<string, number>;
  /** Things a human should see (esearch WarningList, malformed records, ...). */
  warnings: string[];
  /** Set when the stage finished but left something out (unavailable PMIDs): the run ends with EXIT.incomplete. */
  incomplete?: string;
}

export type Stage = (ctx: StageContext) => Promise<StageOutcome>;

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

export const noProgress: Progress = {
  start() {},
  advance() {},
  stop() {},
};
