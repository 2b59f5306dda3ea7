import type { RunRow } from "../store/runs.js";

const STAGE_COUNTS: [stage: string, key: string, label: string][] = [
  ["import", "files", "files"],
  ["import", "records", "records"],
  ["import", "new", "new"],
  ["import", "updated", "updated"],
  ["import", "unchanged", "unchanged"],
  ["import", "errors", "malformed"],
  ["search", "searched", "searched"],
  ["fetch", "received", "fetched"],
  ["fetch", "unavailable", "unavailable"],
  ["parse", "new", "new"],
  ["dedupe", "duplicates", "duplicates"],
  ["report", "excluded", "excluded"],
  ["report", "included", "included"],
];

export function statusJson(runs: RunRow[]): string {
  return `${JSON.stringify(
    runs.map((r) => ({
      run_id: r.runId,
      pipeline: r.pipeline,
      command: r.command,
      started_at: r.startedAt,
      ended_at: r.endedAt,
      outcome: r.outcome,
      ...(r.processGone ? { process_gone: true } : {}),
      exit_code: r.exitCode,
      counts: r.counts,
      warnings: r.warnings,
      errors: r.errors,
    })),
    null,
    2,
  )}\n`;
}

/** Human-readable status: one block per run, newest first. */
export function statusText(runs: RunRow[]): string {
  if (runs.length === 0) return "No runs recorded in this store yet.\n";
  return runs
    .map((r) => {
      const counts = STAGE_COUNTS.filter(([stage, key]) => r.counts[stage]?.[key] !== undefined)
        .map(([stage, key, label]) => `${label} ${r.counts[stage]![key]}`)
        .join(", ");
      const lines = [
        `run ${r.runId}  ${r.outcome.toUpperCase()}${r.processGone ? " (process gone)" : ""}${r.exitCode !== null ? ` (exit ${r.exitCode})` : ""}  ${r.command}`,
        `  started ${r.startedAt}${r.endedAt ? `, ended ${r.endedAt}` : ""}`,
        `  stages: ${Object.keys(r.counts).join(", ") || "none finished"}`,
      ];
      if (counts) lines.push(`  ${counts}`);
      for (const w of r.warnings.slice(0, 5)) lines.push(`  warning: ${w}`);
      if (r.warnings.length > 5) lines.push(`  … ${r.warnings.length - 5} more warnings (litreview status --json)`);
      for (const e of r.errors) lines.push(`  error: ${e}`);
      return lines.join("\n");
    })
    .join("\n\n")
    .concat("\n");
}
