import type { PipelineFile } from "../../config/pipeline.js";
import { articlesCsvChunks } from "./articles.js";
import type { CsvOptions } from "./csv.js";
import { pairRecordsOf, pairTableOf, possibleDuplicatesCsvChunks } from "./possible-duplicates.js";
import { renderPrismaCsv } from "./prisma.js";
import { renderSummary } from "./summary/index.js";
import { renderClaimsCsv, renderEvidenceMatrixCsv, tagsCsvChunks } from "./tables.js";
import type { ReportInput } from "./types.js";
import { buildViews } from "./view.js";
import type { RecordView } from "./view.js";

export type OutputName = PipelineFile["outputs"][number];

/** Each output as a sequence of pieces: the three large CSVs come in chunks of rows, the rest in one piece. */
const RENDERERS: Record<OutputName, (input: ReportInput, views: readonly RecordView[], csv: CsvOptions) => string | Iterable<string>> = {
  "articles.csv": (i, v, o) => articlesCsvChunks(v, o, i.details),
  "tags.csv": (i, v, o) => tagsCsvChunks(v, o, i.details),
  "evidence-matrix.csv": (_i, v, o) => renderEvidenceMatrixCsv(v, o),
  "claims.csv": (_i, v, o) => renderClaimsCsv(v, o),
  "prisma.csv": (_i, v, o) => renderPrismaCsv(v, o),
  "possible-duplicates.csv": (i, v, o) => possibleDuplicatesCsvChunks(pairTableOf(i.possibleDuplicates), pairRecordsOf(v), o),
  "summary.md": (i, v) => renderSummary(i, v),
};

/** One output in pieces (pure); concatenated, the pieces are the file. */
export function renderOutput(name: OutputName, input: ReportInput, views: readonly RecordView[], csv: CsvOptions): Iterable<string> {
  const out = RENDERERS[name](input, views, csv);
  return typeof out === "string" ? [out] : out;
}

/** Renders the named outputs (pure): file name → content, in the order asked for. */
export function renderReports(input: ReportInput, outputs: readonly OutputName[], csv: CsvOptions): Map<string, string> {
  const views = buildViews(input.records);
  return new Map(outputs.map((name) => [name, [...renderOutput(name, input, views, csv)].join("")]));
}
