import { renderCsv } from "./csv.js";
import type { CsvOptions, CsvRow } from "./csv.js";
import type { ReportExclusionReason } from "./inclusion.js";
import { compareText } from "./view.js";
import type { RecordView } from "./view.js";

/**
 * PRISMA 2020 flow counts. Every record lands in exactly one box (its one exclusion reason, or included),
 * so identified = duplicates + automatic + other + included. Every exclusion is made before any human
 * screening: the keyword rules' are "records marked as ineligible by automation tools", the rest
 * (deleted by the source, notices, retracted, not yet classified) "records removed for other reasons".
 * No reviewer screens the records and no full text is retrieved or assessed, so those boxes are 0, "not done".
 */
export interface PrismaCounts {
  /** Records per source database, by database name. */
  bySource: { database: string; n: number }[];
  identified: number;
  duplicates: number;
  /** Records PubMed deleted (DeleteCitation). */
  deleted: number;
  /** Exclusions by the keyword rules, per reason in EXCLUSION_ORDER, zero counts left out. */
  automatic: ReasonCount[];
  automaticTotal: number;
  /** Removals for other reasons, per reason in EXCLUSION_ORDER (deleted included), zero counts left out. */
  other: ReasonCount[];
  otherTotal: number;
  included: number;
}

export interface ReasonCount {
  reason: ReportExclusionReason;
  n: number;
}

/** The classifier's keyword rules decide these: PRISMA 2020's automation tools. */
const AUTOMATIC_REASONS: readonly ReportExclusionReason[] = ["not-exosome", "not-skin"];
const OTHER_REASONS: readonly ReportExclusionReason[] = ["deleted", "notice", "retracted", "unclassified"];

export const REASON_TEXT: Record<ReportExclusionReason, string> = {
  deleted: "Deleted by the source",
  duplicate: "Duplicate",
  // No comma: prisma.csv's breakdown is "Reason, n; Reason, n".
  notice: "Notice (erratum / retraction notice / expression of concern / comment)",
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
  const counted = (of: readonly ReportExclusionReason[]): ReasonCount[] =>
    of.map((reason) => ({ reason, n: reasons.get(reason) ?? 0 })).filter((r) => r.n > 0);
  const total = (counts: ReasonCount[]): number => counts.reduce((sum, r) => sum + r.n, 0);
  const automatic = counted(AUTOMATIC_REASONS);
  const other = counted(OTHER_REASONS);
  return {
    bySource: [...bySource].map(([database, n]) => ({ database, n })).sort((a, b) => compareText(a.database, b.database)),
    identified: views.length,
    duplicates: reasons.get("duplicate") ?? 0,
    deleted: reasons.get("deleted") ?? 0,
    automatic,
    automaticTotal: total(automatic),
    other,
    otherTotal: total(other),
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

function reasonBreakdown(counts: ReasonCount[]): string | null {
  return breakdown(counts.map((r) => ({ label: REASON_TEXT[r.reason], n: r.n })));
}

export const PRISMA_COLUMNS = ["data", "box", "n", "breakdown"] as const;

/**
 * prisma.csv rows, `data` named as the PRISMA2020 flow-diagram template (Haddaway et al. 2022) names them.
 * Records left after the automated exclusions go straight to the included studies, so the screening and
 * full-text rows are 0 and say "not done" rather than claiming N screened or assessed with none excluded.
 */
export function prismaRows(p: PrismaCounts): CsvRow[] {
  const sources = breakdown(p.bySource.map((s) => ({ label: databaseName(s.database), n: s.n })));
  const row = (data: string, box: string, n: number, detail: string | null = null): CsvRow => ({ data, box, n, breakdown: detail });
  return [
    row("database_results", "Records identified from databases", p.identified, sources),
    row("register_results", "Records identified from registers", 0),
    row("duplicates", "Duplicate records removed", p.duplicates),
    row("excluded_automatic", "Records marked as ineligible by automation tools (keyword rules on titles and abstracts)", p.automaticTotal, reasonBreakdown(p.automatic)),
    row("excluded_other", "Records removed for other reasons", p.otherTotal, reasonBreakdown(p.other)),
    row("records_screened", "Records screened by a reviewer: not done (no human screening)", 0),
    row("records_excluded", "Records excluded by a reviewer: not done", 0),
    row("dbr_sought_reports", "Reports sought for retrieval: not done (full texts are not retrieved)", 0),
    row("dbr_notretrieved_reports", "Reports not retrieved: not done", 0),
    row("dbr_assessed", "Reports assessed for eligibility: not done (full texts are not assessed)", 0),
    row("dbr_excluded", "Reports excluded: not done", 0),
    row("new_studies", "New studies included in review", p.included),
    row("new_reports", "Reports of new included studies", p.included),
    row("total_studies", "Total studies included in review", p.included),
    row("total_reports", "Reports of total included studies", p.included),
  ];
}

export function renderPrismaCsv(views: readonly RecordView[], options: CsvOptions): string {
  return renderCsv(PRISMA_COLUMNS, prismaRows(prismaCounts(views)), options);
}
