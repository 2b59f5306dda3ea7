import { renderCsv } from "./csv.js";
import type { CsvOptions, CsvRow } from "./csv.js";
import type { ReportExclusionReason } from "./inclusion.js";
import { compareText } from "./view.js";
import type { RecordView } from "./view.js";

/**
 * PRISMA 2020 flow counts. Every record lands in exactly one box (its one exclusion reason, or included),
 * so identified = duplicates + deleted + screening exclusions + included. litreview screens titles and
 * abstracts; it does not retrieve full texts, so nothing is excluded at the full-text stage.
 */
export interface PrismaCounts {
  /** Records per source database, by database name. */
  bySource: { database: string; n: number }[];
  identified: number;
  duplicates: number;
  /** Records PubMed deleted (DeleteCitation): removed before screening for another reason. */
  deleted: number;
  screened: number;
  /** Screening exclusions per reason, in EXCLUSION_ORDER, zero counts left out. */
  screeningExcluded: { reason: ReportExclusionReason; n: number }[];
  screenedOut: number;
  included: number;
}

const SCREENING_REASONS: readonly ReportExclusionReason[] = ["notice", "retracted", "unclassified", "not-exosome", "not-skin"];

export const REASON_TEXT: Record<ReportExclusionReason, string> = {
  deleted: "Deleted by the source",
  duplicate: "Duplicate",
  notice: "Notice (erratum, retraction notice, expression of concern, comment)",
  retracted: "Retracted",
  unclassified: "Not yet classified",
  "not-exosome": "Not about exosomes or extracellular vesicles",
  "not-skin": "Not about skin",
};

export function prismaCounts(views: readonly RecordView[]): PrismaCounts {
  const bySource = new Map<string, number>();
  const reasons = new Map<ReportExclusionReason, number>();
  let included = 0;
  for (const v of views) {
    const db = v.article.source.database;
    bySource.set(db, (bySource.get(db) ?? 0) + 1);
    if (v.exclusionReason === null) included += 1;
    else reasons.set(v.exclusionReason, (reasons.get(v.exclusionReason) ?? 0) + 1);
  }
  const duplicates = reasons.get("duplicate") ?? 0;
  const deleted = reasons.get("deleted") ?? 0;
  const screeningExcluded = SCREENING_REASONS.map((reason) => ({ reason, n: reasons.get(reason) ?? 0 })).filter((r) => r.n > 0);
  return {
    bySource: [...bySource].map(([database, n]) => ({ database, n })).sort((a, b) => compareText(a.database, b.database)),
    identified: views.length,
    duplicates,
    deleted,
    screened: views.length - duplicates - deleted,
    screeningExcluded,
    screenedOut: screeningExcluded.reduce((sum, r) => sum + r.n, 0),
    included,
  };
}

/** Every database id the importers give (src/imports), with the name a reader of a PRISMA report knows. */
const DATABASE_NAMES: Record<string, string> = {
  pubmed: "PubMed",
  embase: "Embase",
  scopus: "Scopus",
  wos: "Web of Science",
  cochrane: "Cochrane Library",
  psycinfo: "APA PsycInfo",
  eric: "ERIC",
  ebsco: "EBSCOhost",
  proquest: "ProQuest",
  ieee: "IEEE Xplore",
  dimensions: "Dimensions",
  lens: "Lens.org",
  cinahl: "CINAHL",
  ris: "RIS export (database not named)",
  ovid: "Ovid export (database not named)",
};

/** The name a reader knows ("Web of Science" for "wos"); an id no importer gives, as stored. */
export function databaseName(database: string): string {
  return DATABASE_NAMES[database] ?? database;
}

function breakdown(parts: { label: string; n: number }[]): string | null {
  return parts.length === 0 ? null : parts.map((p) => `${p.label}, ${p.n}`).join("; ");
}

export const PRISMA_COLUMNS = ["data", "box", "n", "breakdown"] as const;

/** prisma.csv rows, `data` named as the PRISMA2020 flow-diagram template (Haddaway et al. 2022) names them. */
export function prismaRows(p: PrismaCounts): CsvRow[] {
  const sources = breakdown(p.bySource.map((s) => ({ label: databaseName(s.database), n: s.n })));
  const screening = breakdown(p.screeningExcluded.map((r) => ({ label: REASON_TEXT[r.reason], n: r.n })));
  const eligible = p.screened - p.screenedOut;
  const row = (data: string, box: string, n: number, detail: string | null = null): CsvRow => ({ data, box, n, breakdown: detail });
  return [
    row("database_results", "Records identified from databases", p.identified, sources),
    row("register_results", "Records identified from registers", 0),
    row("duplicates", "Duplicate records removed", p.duplicates),
    row("excluded_automatic", "Records marked as ineligible by automation tools", 0),
    row("excluded_other", "Records removed for other reasons", p.deleted, p.deleted > 0 ? `${REASON_TEXT.deleted}, ${p.deleted}` : null),
    row("records_screened", "Records screened", p.screened),
    row("records_excluded", "Records excluded", p.screenedOut, screening),
    row("dbr_sought_reports", "Reports sought for retrieval", eligible),
    row("dbr_notretrieved_reports", "Reports not retrieved", 0),
    row("dbr_assessed", "Reports assessed for eligibility", eligible),
    row("dbr_excluded", "Reports excluded", 0),
    row("new_studies", "New studies included in review", p.included),
    row("new_reports", "Reports of new included studies", p.included),
    row("total_studies", "Total studies included in review", p.included),
    row("total_reports", "Reports of total included studies", p.included),
  ];
}

export function renderPrismaCsv(views: readonly RecordView[], options: CsvOptions): string {
  return renderCsv(PRISMA_COLUMNS, prismaRows(prismaCounts(views)), options);
}
