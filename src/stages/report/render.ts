import type { PipelineFile } from "../../config/pipeline.js";
import { renderArticlesCsv } from "./articles.js";
import type { CsvOptions } from "./csv.js";
import { renderPossibleDuplicatesCsv } from "./possible-duplicates.js";
import { renderPrismaCsv } from "./prisma.js";
import { renderSummary } from "./summary/index.js";
import { renderClaimsCsv, renderEvidenceMatrixCsv, renderTagsCsv } from "./tables.js";
import type { ReportInput } from "./types.js";
import { buildViews } from "./view.js";
import type { RecordView } from "./view.js";

export type OutputName = PipelineFile["outputs"][number];

const RENDERERS: Record<OutputName, (input: ReportInput, views: readonly RecordView[], csv: CsvOptions) => string> = {
  "articles.csv": (_i, v, o) => renderArticlesCsv(v, o),
  "tags.csv": (_i, v, o) => renderTagsCsv(v, o),
  "evidence-matrix.csv": (_i, v, o) => renderEvidenceMatrixCsv(v, o),
  "claims.csv": (_i, v, o) => renderClaimsCsv(v, o),
  "prisma.csv": (_i, v, o) => renderPrismaCsv(v, o),
  "possible-duplicates.csv": (i, v, o) => renderPossibleDuplicatesCsv(i.possibleDuplicates, v, o),
  "summary.md": (i, v) => renderSummary(i, v),
};

/** Renders the named outputs (pure): file name → content, in the order asked for. */
export function renderReports(input: ReportInput, outputs: readonly OutputName[], csv: CsvOptions): Map<string, string> {
  const views = buildViews(input.records);
  return new Map(outputs.map((name) => [name, RENDERERS[name](input, views, csv)]));
}
