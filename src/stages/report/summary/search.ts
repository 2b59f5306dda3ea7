import type { PairReasonCount, ReportInput, SearchRow } from "../types.js";
import { translationWithoutWindow } from "../../search/window.js";
import { databaseName } from "../prisma.js";
import { PAIR_REASON_WORDS } from "../possible-duplicates.js";
import { md, plural, table } from "./markdown.js";

/** PRISMA-S: each database, the exact query as run, its translation, limits, the date and count of every search. */
export function searchSection(input: ReportInput): string[] {
  const lines = ["## What was searched", ""];
  lines.push(`- Database: PubMed, through NCBI E-utilities (esearch with the history server, efetch).`);
  lines.push(`- Query as run (pipeline \`${md(input.pipeline.name)}\`):`, "", "```text", input.pipeline.queryText, "```", "");
  const earlier = [...new Set(input.searches.map((s) => s.baseTerm))].filter((t) => t !== input.pipeline.queryText);
  if (earlier.length > 0) {
    lines.push("- Earlier searches in this store ran other queries:", "");
    for (const term of earlier) lines.push("```text", term, "```", "");
  }
  lines.push(...translationLines(input.searches, input.pipeline.queryText));
  lines.push(
    "- Limits: only those the query itself states (litreview adds no language, publication-type or species " +
      "filter); each search is bounded by a creation-date window (`[crdt]`), split so that no slice exceeds " +
      "esearch's 9,999-record cap.",
  );
  lines.push(...searchTable(input.searches));
  lines.push(...importLines(input));
  lines.push(
    "- Deduplication: exact keys first (PMID, normalised DOI, PMCID), then normalised title with agreeing year " +
      "and first author, journal or pages; notices (errata, retraction notices, comments) are never merged with " +
      "the article they concern.",
    pairLine(input.pairReasons),
    "",
  );
  lines.push(...retrievalLines(input));
  return lines;
}

/** How many near misses `possible-duplicates.csv` lists for a human, and why they were not merged. */
function pairLine(counts: readonly PairReasonCount[]): string {
  const total = counts.reduce((sum, c) => sum + c.pairs, 0);
  if (total === 0) return "- Possible duplicates: none for a human to check (`possible-duplicates.csv` has no pairs).";
  const parts = counts.map((c) => `${c.pairs} ${c.reason === null ? "stored before reasons were kept" : PAIR_REASON_WORDS[c.reason]}`);
  return `- Possible duplicates for a human to check (\`possible-duplicates.csv\`, column \`reason\`): ${plural(total, "pair")}: ${parts.join("; ")}.`;
}

const squashed = (text: string): string => text.replace(/\s+/g, " ").trim();

/**
 * PubMed's translation of the query, once however many searches and date windows got it (the window is
 * left out); a translation that changed between searches (PubMed remapped a term) is listed again, with
 * the dates of the searches that got it.
 */
function translationLines(searches: readonly SearchRow[], queryText: string): string[] {
  const dates = new Map<string, string[]>();
  for (const s of searches) {
    if (s.queryTranslation === null || s.queryTranslation.trim() === "") continue;
    const translation = translationWithoutWindow(s.queryTranslation);
    dates.set(translation, [...(dates.get(translation) ?? []), s.searchedAt.slice(0, 10)]);
  }
  const lines: string[] = [];
  for (const [translation, when] of dates) {
    const first = when.reduce((a, b) => (b < a ? b : a));
    const last = when.reduce((a, b) => (b > a ? b : a));
    const of = dates.size === 1 ? "" : ` in the searches of ${first === last ? first : `${first} to ${last}`}`;
    if (squashed(translation) === squashed(queryText)) lines.push(`- PubMed's translation of the query${of}: identical to the query as run.`, "");
    else lines.push(`- PubMed's translation of the query${of}:`, "", "```text", translation, "```", "");
  }
  return lines;
}

function searchTable(searches: readonly SearchRow[]): string[] {
  if (searches.length === 0) return ["- Searches recorded: none (records came from imports only).", ""];
  const rows = searches.map((s) => [
    String(s.searchId),
    s.searchedAt.slice(0, 10),
    databaseName(s.database),
    `${s.windowFrom ?? "start"} to ${s.windowTo ?? "now"}`,
    String(s.count),
    String(s.retrieved),
    s.warnings.length === 0 ? "" : md(s.warnings.join("; ")),
  ]);
  return ["", `Searches (${searches.length}, one row per date slice):`, "", ...table(["#", "date", "database", "creation-date window", "count", "retrieved", "warnings"], rows), ""];
}

/** The file's own name: the folder it was imported from ("../", "/work/shared/") is the importer's, not the reader's. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function importLines(input: ReportInput): string[] {
  if (input.imports.length === 0) return [];
  const rows = input.imports.map((i) => [md(databaseName(i.database)), md(fileName(i.file)), i.importedOn, String(i.records)]);
  return ["Records imported from other databases' exports:", "", ...table(["database", "file", "imported", "records"], rows), ""];
}

/** "searched N, received N, unavailable k" (issue 3), with the unavailable PMIDs by name. */
export function retrievalLines(input: ReportInput): string[] {
  const r = input.retrieval;
  const lines = [
    "## Retrieval completeness",
    "",
    `Searched ${r.searched}, received ${r.received}, unavailable ${r.unavailable.length}.`,
    "",
  ];
  if (r.unavailable.length > 0) {
    lines.push(`PMIDs that efetch did not return: ${r.unavailable.map((p) => `[${p}](https://pubmed.ncbi.nlm.nih.gov/${p}/)`).join(", ")}.`, "");
  }
  return lines;
}
