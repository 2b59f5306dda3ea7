import { CLAIMS, CONDITIONS, DESIGN_GROUPS, DESIGNS } from "../../model/taxonomy.js";
import type { Classification, Dimension } from "../../model/classification.js";
import { csvChunks, joinValues, renderCsv, roundScore } from "./csv.js";
import type { CsvOptions, CsvRow } from "./csv.js";
import { countDesigns, evidenceStrength, skinConditions } from "./evidence.js";
import { compareText, formatEvidence } from "./view.js";
import type { DetailSource } from "./types.js";
import type { RecordView } from "./view.js";

const DIMENSION_ORDER: readonly Dimension[] = ["design", "condition", "source", "claim", "relevance"];

export const TAG_COLUMNS = ["record_id", "pmid", "dimension", "label", "confidence", "evidence", "included", "retracted"] as const;

function* tagRows(views: readonly RecordView[], details: DetailSource | null): Generator<CsvRow> {
  for (const view of views) {
    if (!view.classification) continue;
    const own = details ? details.labels(view.recordId) : view.classification.labels;
    const labels = [...own].sort(
      (a, b) => DIMENSION_ORDER.indexOf(a.dimension) - DIMENSION_ORDER.indexOf(b.dimension) || compareText(a.label, b.label),
    );
    for (const label of labels) {
      yield {
        record_id: view.recordId,
        pmid: view.article.pmid,
        dimension: label.dimension,
        label: label.label,
        confidence: roundScore(label.confidence),
        evidence: joinValues(formatEvidence(label.evidence)),
        included: view.included,
        retracted: view.retracted,
      };
    }
  }
}

/** tags.csv: one row per record and label, in record order, then dimension order, then label id. */
export function tagsCsvChunks(views: readonly RecordView[], options: CsvOptions, details: DetailSource | null = null): Iterable<string> {
  return csvChunks(TAG_COLUMNS, tagRows(views, details), options);
}

/** Classifications of the included records: the evidence the tables count. */
export function includedClassifications(views: readonly RecordView[]): Classification[] {
  return views.filter((v) => v.included && v.classification).map((v) => v.classification!);
}

export const MATRIX_COLUMNS = ["condition", ...DESIGNS, "total"] as const;

/**
 * evidence-matrix.csv: included articles, condition (taxonomy order) × design. An article with two
 * conditions counts in both rows, so the column totals can exceed the number of included articles.
 * The `not-skin` row stays, for a fixed shape, and is always 0 (see SKIN_CONDITIONS).
 */
export function evidenceMatrixRows(views: readonly RecordView[]): CsvRow[] {
  const included = includedClassifications(views);
  return CONDITIONS.map((condition) => {
    const row: CsvRow = { condition };
    const withCondition = included.filter((c) => skinConditions(c).includes(condition));
    for (const design of DESIGNS) row[design] = withCondition.filter((c) => c.design === design).length;
    row.total = withCondition.length;
    return row;
  });
}

export function renderEvidenceMatrixCsv(views: readonly RecordView[], options: CsvOptions): string {
  return renderCsv(MATRIX_COLUMNS, evidenceMatrixRows(views), options);
}

export const CLAIM_COLUMNS = [
  "claim",
  ...DESIGN_GROUPS,
  "total",
  "systematic_reviews",
  "rcts",
  "other_clinical",
  "evidence_strength",
] as const;

/** claims.csv: included articles, claim (taxonomy order) × design group, with the evidence-strength word. */
export function claimRows(views: readonly RecordView[]): CsvRow[] {
  const included = includedClassifications(views);
  return CLAIMS.map((claim) => {
    const withClaim = included.filter((c) => c.claims.includes(claim));
    const counts = countDesigns(withClaim);
    const row: CsvRow = { claim };
    for (const group of DESIGN_GROUPS) row[group] = withClaim.filter((c) => c.designGroup === group).length;
    row.total = withClaim.length;
    row.systematic_reviews = counts.systematicReviews;
    row.rcts = counts.rcts;
    row.other_clinical = counts.otherClinical;
    row.evidence_strength = evidenceStrength(counts);
    return row;
  });
}

export function renderClaimsCsv(views: readonly RecordView[], options: CsvOptions): string {
  return renderCsv(CLAIM_COLUMNS, claimRows(views), options);
}
