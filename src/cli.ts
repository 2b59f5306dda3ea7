import { existsSync, readFileSync } from "node:fs";
import { dirname, join, parse as parsePath } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { EXIT, LitreviewError, exitCodeFor, redactSecrets, type ExitCode } from "./errors.js";
import { STAGES, type StageName } from "./pipeline/context.js";
import { runPipeline, defaultPaths, type RunRequest } from "./pipeline/run.js";
import { needsNetwork, parseSinceDate, parseStageList, selectStages } from "./pipeline/select.js";
import { createRunLogger, type Verbosity } from "./pipeline/logging.js";
import { terminalProgress } from "./pipeline/progress.js";
import { STAGE_IMPLEMENTATIONS } from "./pipeline/stages.js";
import { failedRunLine, finishedRunFacts } from "./pipeline/summary.js";
import { loadPipeline } from "./config/load.js";
import { checkPipelineFiles } from "./config/check.js";
import { openStore, openStoreForReading, type Db } from "./store/open.js";
import { listRuns, startRun, finishRun, recordStage } from "./store/runs.js";
import type { Diagnostic } from "./model/article.js";
import { statusJson, statusText } from "./cli/status.js";
import { checkEnvironment } from "./cli/environment.js";
import { recordIdFromInput } from "./cli/record-id.js";
import { acquireRunLock } from "./pipeline/lock.js";
import { EutilsClient, clientOptionsFromEnv, missingEmailWarning } from "./eutils/client.js";
import { importFiles } from "./imports/index.js";
import { explainRecord } from "./stages/report/index.js";
import { evalDedupe, formatDedupeMetrics } from "./stages/dedupe/eval.js";
import { evalClassify, formatClassifyMetrics } from "./stages/classify/eval.js";
import { compileRules, loadVocabulary } from "./stages/classify/index.js";

export const DEFAULT_PIPELINE = "pipelines/exosome-dermatology.yaml";

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  failure (the run stopped on an error; see its log, in logs/ beside the store: data/logs/ by default)
  2  usage or configuration error (bad option, pipeline or query file, environment variable)
  3  E-utilities service unavailable (what was fetched is kept; try again later, or npm run demo)
  4  locked: another run is using the same store
  5  finished incomplete: some PMIDs could not be fetched, or some input records were malformed
  130, 143  stopped by SIGINT (Ctrl-C) or SIGTERM: the run is recorded as interrupted; the next run carries on

Environment:
  EUTILS_BASE_URL    E-utilities base URL (default https://eutils.ncbi.nlm.nih.gov/entrez/eutils/)
  NCBI_API_KEY       NCBI API key: 10 requests/s instead of 3 (never logged or stored)
  NCBI_EMAIL         contact e-mail sent with every request, as NCBI asks
  NCBI_TOOL          tool name sent with every request (default litreview)
  LITREVIEW_THREADS  threads for parsing large imports, and for deduplicating, classifying
                     and reporting large stores (default one per core, at most 2: each
                     adds about 50 MB; 1 = everything in the main thread)
`;

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  clock: () => Date;
}

const defaultIo: CliIo = {
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  clock: () => new Date(),
};

function verbosity(options: { quiet?: boolean; verbose?: boolean }): Verbosity {
  if (options.quiet && options.verbose) throw new LitreviewError("USAGE", "--quiet and --verbose cannot be used together");
  return options.quiet ? "quiet" : options.verbose ? "verbose" : "normal";
}

interface RunOptions {
  db?: string;
  out?: string;
  offline?: boolean;
  since?: string;
  full?: boolean;
  stages?: string;
  from?: string;
  bom: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

async function runCommand(pipelineFile: string, options: RunOptions, io: CliIo, forced: Partial<RunRequest>, argv: string[]): Promise<ExitCode> {
  if (options.since && options.full) throw new LitreviewError("USAGE", "--since and --full cannot be used together");
  const request: RunRequest = {
    pipelineFile,
    dbPath: options.db ?? null,
    outDir: options.out ?? null,
    offline: options.offline ?? false,
    since: options.since ? sinceUpToToday(options.since, io.clock()) : null,
    full: options.full ?? false,
    stages: options.stages ? parseStageList(options.stages, "--stages") : null,
    from: options.from ? (parseStageList(options.from, "--from")[0] as StageName) : null,
    bom: options.bom,
    command: `litreview ${argv.join(" ")}`,
    ...forced,
  };
  const config = loadPipeline(pipelineFile);
  const stages = selectStages(request);
  checkPipelineFiles(config, stages);
  checkEnvironment(io.env, !request.offline && needsNetwork(stages));
  const paths = defaultPaths(config, request);
  if (request.offline) requireExistingStore(paths.db);
  const startedAt = io.clock();
  const logger = createRunLogger({ ...runLogPlace(paths.db), startedAt, verbosity: verbosity(options), write: (l) => io.stderr(`${l}\n`) });
  const apiKey = io.env.NCBI_API_KEY?.trim() || null;
  try {
    const result = await runPipeline(request, {
      clock: io.clock,
      logger,
      progress: options.quiet ? { start() {}, advance() {}, stop() {} } : terminalProgress(),
      stages: STAGE_IMPLEMENTATIONS,
      createClient: (log) => {
        const clientOptions = clientOptionsFromEnv(io.env, log);
        const warning = missingEmailWarning(clientOptions);
        if (warning) log.warn({}, warning);
        return new EutilsClient(clientOptions);
      },
      apiKey,
    });
    logger.record("info", { summary: result.summary, exitCode: result.exitCode }, "run finished");
    const facts =
      result.runId === null
        ? ""
        : finishedRunFacts({
            runId: result.runId,
            startedAt,
            exitCode: result.exitCode,
            warnings: recordedWarnings(paths.db, result.runId),
            statusCommand: statusCommandFor(pipelineFile, options.db),
          });
    io.stdout(`${result.summary}${facts}\n`);
    return result.exitCode;
  } catch (error) {
    // main() prints the error line after this one; the log file keeps it too.
    logger.record("error", { code: error instanceof LitreviewError ? error.code : "INTERNAL" }, redactSecrets(String((error as Error).message ?? error), apiKey));
    io.stdout(`${failedRunLine(config.name, { startedAt, exitCode: exitCodeFor(error), log: logger.file })}\n`);
    throw error;
  }
}

/**
 * A run's log goes in logs/ beside its store, named after the store: data/logs/<pipeline name>-… for a pipeline's
 * own store, and a store named with --db (the demo's, a test's, a trial copy) keeps its logs apart, so its runs
 * never count towards, nor prune, the logs of the pipeline's own runs.
 */
function runLogPlace(dbPath: string): { logDir: string; name: string } {
  return { logDir: join(dirname(dbPath), "logs"), name: parsePath(dbPath).name };
}

/** The status command that shows this store's runs, as the user would type it. */
function statusCommandFor(pipelineFile: string, db: string | undefined): string {
  if (db) return `litreview status --db ${db}`;
  return pipelineFile === DEFAULT_PIPELINE ? "litreview status" : `litreview status ${pipelineFile}`;
}

/** How many warnings the run recorded, as `litreview status` lists them. */
function recordedWarnings(dbPath: string, runId: number): number {
  const db = openStoreForReading(dbPath);
  try {
    return listRuns(db, 10).find((r) => r.runId === runId)?.warnings.length ?? 0;
  } finally {
    db.close();
  }
}

/** Offline runs and `report` work over what is stored: a store that does not exist is a mistyped path, not one to create. */
function requireExistingStore(path: string): void {
  if (!existsSync(path)) {
    throw new LitreviewError("USAGE", `the store ${path} does not exist: check --db (or the pipeline); litreview run or litreview import fills a store`);
  }
}

/**
 * A --since after today would search nothing, yet count as the last search, so that later runs start from
 * then: a mistyped year would skip months for good. Today is the local date, as the user types it.
 */
function sinceUpToToday(value: string, now: Date): string {
  const since = parseSinceDate(value);
  const pad = (n: number): string => String(n).padStart(2, "0");
  const today = `${now.getFullYear()}/${pad(now.getMonth() + 1)}/${pad(now.getDate())}`;
  if (since > today) throw new LitreviewError("USAGE", `--since ${value}: the date is after today (${today.replace(/\//g, "-")}); give a date up to today`);
  return since;
}

interface ImportCommandOptions {
  db?: string;
  pipeline: string;
  quiet?: boolean;
  verbose?: boolean;
}

/** How many malformed records an import lists in its run's row (status); the log lists them all. */
const IMPORT_ERRORS_LISTED = 20;

async function importCommand(files: string[], options: ImportCommandOptions, io: CliIo, argv: string[]): Promise<ExitCode> {
  const config = loadPipeline(options.pipeline);
  checkEnvironment(io.env, false);
  const dbPath = options.db ?? defaultPaths(config, { dbPath: null, outDir: null }).db;
  const command = `litreview ${argv.join(" ")}`;
  const now = io.clock();
  const logger = createRunLogger({ ...runLogPlace(dbPath), startedAt: now, verbosity: verbosity(options), write: (l) => io.stderr(`${l}\n`) });
  const lock = acquireRunLock(dbPath, command, now);
  let db: Db | null = null;
  let runId: number | null = null;
  try {
    db = openStore(dbPath);
    runId = startRun(db, config.name, command, { files }, now.toISOString());
    const { counts, diagnostics } = await importFiles(db, files, { runId, clock: io.clock, logger });
    const said = (d: Diagnostic): string => `${d.location}${d.position ? ` (${d.position})` : ""}: ${d.message}`;
    for (const d of diagnostics) logger[d.severity === "error" ? "error" : "warn"]({ file: d.location, position: d.position }, said(d));
    // `litreview status` shows what the import stored and which records it could not, as it does for a run's stages.
    recordStage(db, runId, "import", { ...counts }, diagnostics.filter((d) => d.severity === "warning").map(said));
    const code = counts.errors > 0 ? EXIT.incomplete : EXIT.ok;
    const errors = diagnostics.filter((d) => d.severity === "error").map(said);
    const listed = errors.length > IMPORT_ERRORS_LISTED ? [...errors.slice(0, IMPORT_ERRORS_LISTED), `… ${errors.length - IMPORT_ERRORS_LISTED} more in the log`] : errors;
    finishRun(db, runId, code === EXIT.ok ? "success" : "incomplete", code, counts.errors > 0 ? [`${counts.errors} malformed record(s)`, ...listed] : [], io.clock().toISOString());
    io.stdout(
      `litreview import into ${dbPath}: ${counts.files} file(s), ${counts.records} record(s): new ${counts.new}, updated ${counts.updated}, unchanged ${counts.unchanged}, deleted ${counts.deleted}, errors ${counts.errors}` +
        `${finishedRunFacts({ runId, startedAt: now, exitCode: code, warnings: diagnostics.filter((d) => d.severity === "warning").length, statusCommand: statusCommandFor(options.pipeline, options.db) })}\n`,
    );
    return code;
  } catch (error) {
    // As runPipeline does: the run is recorded as failed, not left running; main() prints the error line.
    const message = redactSecrets(error instanceof Error ? error.message : String(error), io.env.NCBI_API_KEY?.trim() || null);
    if (db && runId !== null) finishRun(db, runId, "failed", exitCodeFor(error), [message], io.clock().toISOString());
    logger.record("error", { code: error instanceof LitreviewError ? error.code : "INTERNAL" }, message);
    throw error;
  } finally {
    db?.close();
    lock.release();
  }
}

export function buildProgram(io: CliIo, argv: string[], setExit: (code: ExitCode) => void): Command {
  const program = new Command("litreview")
    .description("Keeps a systematic literature review up to date: search → fetch → parse → dedupe → classify → report.")
    .addHelpText("after", EXIT_CODES_HELP)
    .showHelpAfterError("(litreview --help lists the commands and options)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const runLike = (cmd: Command) =>
    cmd
      .option("--db <file>", "SQLite store (default data/<pipeline name>.sqlite)")
      .option("--out <dir>", "report folder (default reports/<pipeline name>/)")
      .option("--no-bom", "write CSVs without the UTF-8 byte-order mark")
      .option("--quiet", "print only errors and the final summary line (for cron)")
      .option("--verbose", "print debug detail");

  runLike(
    program
      .command("run")
      .description("run the review: search → fetch → parse → dedupe → classify → report")
      .argument("[pipeline]", "pipeline file", DEFAULT_PIPELINE)
      .option("--offline", "no network: rerun parse → report over what is stored")
      .option("--since <date>", "search records created since this date (YYYY-MM-DD) instead of since the last run")
      .option("--full", "search all years instead of since the last run")
      .addOption(new Option("--stages <list>", `run only these stages (comma-separated: ${STAGES.join(",")})`))
      .addOption(new Option("--from <stage>", "run from this stage to the end").choices([...STAGES])),
  ).action(async (pipeline: string, options: RunOptions) => setExit(await runCommand(pipeline, options, io, {}, argv)));

  runLike(
    program
      .command("report")
      .description("regenerate the reports from the store, without the network")
      .argument("[pipeline]", "pipeline file", DEFAULT_PIPELINE),
  ).action(async (pipeline: string, options: RunOptions) =>
    setExit(await runCommand(pipeline, options, io, { offline: true, stages: ["report"], from: null }, argv)),
  );

  program
    .command("import")
    .description("store records from PubMed XML (.xml/.xml.gz), MEDLINE (.nbib/.txt), RIS, Web of Science plain text or tab-delimited, Ovid Complete Reference or Scopus CSV exports")
    .argument("<files...>", "files to import (format detected from the content)")
    .option("--db <file>", "SQLite store (default: the default pipeline's store)")
    .option("--pipeline <file>", "pipeline whose store to use", DEFAULT_PIPELINE)
    .option("--quiet", "print only errors and the final summary line")
    .option("--verbose", "print debug detail")
    .action(async (files: string[], options: ImportCommandOptions) => setExit(await importCommand(files, options, io, argv)));

  program
    .command("status")
    .description("the last runs: start, end, outcome, counts per stage, warnings and errors")
    .argument("[pipeline]", "pipeline file", DEFAULT_PIPELINE)
    .option("--db <file>", "SQLite store")
    .option("--json", "machine-readable output")
    .option("--limit <n>", "how many runs (a whole number, 1 or more)", positiveInteger, 10)
    .action((pipeline: string, options: { db?: string; json?: boolean; limit: number }) => {
      const config = loadPipeline(pipeline);
      const db = openStoreForReading(options.db ?? defaultPaths(config, { dbPath: null, outDir: null }).db);
      try {
        const runs = listRuns(db, options.limit);
        io.stdout(options.json ? statusJson(runs) : statusText(runs));
      } finally {
        db.close();
      }
      setExit(EXIT.ok);
    });

  program
    .command("explain")
    .description("why a record is kept, merged, excluded or included")
    .argument("<id>", "PMID, DOI or record_id as articles.csv lists it, or its url")
    .argument("[pipeline]", "pipeline file", DEFAULT_PIPELINE)
    .option("--db <file>", "SQLite store")
    .action((id: string, pipeline: string, options: { db?: string }) => {
      const config = loadPipeline(pipeline);
      const db = openStoreForReading(options.db ?? defaultPaths(config, { dbPath: null, outDir: null }).db);
      try {
        io.stdout(`${explainRecord(db, recordIdFromInput(id))}\n`);
      } finally {
        db.close();
      }
      setExit(EXIT.ok);
    });

  const evalCmd = program.command("eval").description("measure the classifiers or the deduplication against labelled data");
  evalCmd
    .command("classify")
    .description("per-label precision, recall and F1, macro averages and the design confusion matrix")
    .requiredOption("--gold <file>", "labelled articles (JSON lines, as data/sample/dev.jsonl)")
    .option("--vocab <dir>", "vocabulary folder", "data/vocab")
    .option("--json", "machine-readable output")
    .action((options: { gold: string; vocab: string; json?: boolean }) => {
      const metrics = evalClassify(readInput(options.gold, "--gold"), compileRules(loadVocabulary(options.vocab)), options.gold);
      io.stdout(options.json ? `${JSON.stringify(metrics, null, 2)}\n` : `${formatClassifyMetrics(metrics)}\n`);
      setExit(EXIT.ok);
    });
  evalCmd
    .command("dedupe")
    .description("pairwise precision, recall and F1 of the deduplication")
    .requiredOption("--gold <file>", "labelled duplicate groups (JSON lines)")
    .option("--json", "machine-readable output")
    .action((options: { gold: string; json?: boolean }) => {
      const metrics = evalDedupe(readInput(options.gold, "--gold"), { preprints: "linked" }, options.gold);
      io.stdout(options.json ? `${JSON.stringify(metrics, null, 2)}\n` : `${formatDedupeMetrics(metrics)}\n`);
      setExit(EXIT.ok);
    });

  pointToOwnHelp(program, "litreview");
  return program;
}

/** A mistyped option of a command points to that command's --help, which lists its options (the top one does not). */
function pointToOwnHelp(command: Command, path: string): void {
  for (const sub of command.commands) {
    const subPath = `${path} ${sub.name()}`;
    sub.showHelpAfterError(`(${subPath} --help lists its options)`);
    pointToOwnHelp(sub, subPath);
  }
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError("expected a whole number, 1 or more.");
  return Number(value);
}

function readInput(path: string, option: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (cause) {
    throw new LitreviewError("USAGE", `${option} ${path}: cannot read it: ${(cause as Error).message}`, { cause });
  }
}

/** Runs the command line and returns the exit code; the one place errors become exit codes. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(io, argv, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT.ok;
      return EXIT.usage;
    }
    const apiKey = io.env.NCBI_API_KEY?.trim() || null;
    const message = redactSecrets(error instanceof Error ? error.message : String(error), apiKey);
    const prefix = error instanceof LitreviewError ? "litreview" : "litreview: unexpected error";
    io.stderr(`${prefix}: ${message}\n`);
    if (!(error instanceof LitreviewError) && error instanceof Error && error.stack) {
      io.stderr(`${redactSecrets(error.stack, apiKey)}\n`);
    }
    return exitCodeFor(error);
  }
}
