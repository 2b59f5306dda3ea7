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
