/** The one line a scheduled run prints at the end (and logs), e.g. for cron mail. */
export function runSummaryLine(
  pipeline: string,
  outcome: string,
  counts: Record<string, Record<string, number>>,
  outDir: string,
  incomplete: string[],
): string {
  const parts: string[] = [];
  const search = counts.search;
  const fetch = counts.fetch;
  if (search) parts.push(`searched ${search.searched ?? 0}`);
  if (fetch) parts.push(`received ${fetch.received ?? 0}`, `unavailable ${fetch.unavailable ?? 0}`);
  const parse = counts.parse;
  if (parse) parts.push(`new ${parse.new ?? 0}`, `updated ${parse.updated ?? 0}`);
  const report = counts.report;
  if (report) parts.push(`included ${report.included ?? 0} of ${report.records ?? 0}`, `reports in ${outDir}`);
  const tail = incomplete.length > 0 ? ` — ${incomplete.join("; ")}` : "";
  return `litreview ${pipeline}: ${outcome}: ${parts.join(", ")}${tail}`;
}

/** What a failed run's exit code tells a cron mail's reader. */
const FAILED_RUN: Record<number, string> = {
  1: "failed: the run stopped on an error",
  2: "failed: usage or configuration error",
  3: "failed: the E-utilities service is unavailable; what was searched and fetched is kept and the next run carries on",
  4: "not run: another run is using the same store",
  5: "incomplete",
};

/** A time as the summary lines give it: UTC to the second. */
export const lineTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The end of a finished run's summary line: which run, when, its exit code, and whether `litreview status`
 * has warnings for it (--quiet leaves them out of the terminal).
 */
export function finishedRunFacts(facts: { runId: number; startedAt: Date; exitCode: number; warnings: number; statusCommand: string }): string {
  const warnings = facts.warnings > 0 ? `; ${facts.warnings} warning${facts.warnings === 1 ? "" : "s"}: ${facts.statusCommand}` : "";
  return ` (run ${facts.runId} started ${lineTime(facts.startedAt)}, exit ${facts.exitCode}${warnings})`;
}

/** The summary line of a run that stopped on an error; the error itself follows on its own line. */
export function failedRunLine(pipeline: string, facts: { startedAt: Date; exitCode: number; log: string }): string {
  const outcome = FAILED_RUN[facts.exitCode] ?? "failed";
  return `litreview ${pipeline}: ${outcome} (started ${lineTime(facts.startedAt)}, exit ${facts.exitCode}; log ${facts.log})`;
}
