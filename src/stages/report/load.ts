import type { Article, Author, CommentCorrection, DataBank, JournalInfo, PublicationDate, RecordKind, RecordSource } from "../../model/article.js";
import type { Classification, Evidence, Label } from "../../model/classification.js";
import { POSSIBLE_DUPLICATE_REASONS, type DedupeDecision, type DedupeRole, type NoticeKind, type PossibleDuplicateReason } from "../../model/dedupe.js";
import type { Db } from "../../store/open.js";
import { LitreviewError } from "../../errors.js";
import { sameSnapshot } from "./changes.js";
import type { Baseline, DetailSource, ReportRef, ImportCount, PairReasonCount, ReportRecord, RetrievalCounts, SnapshotRow } from "./types.js";
import { compareRecordIds, recordUrl } from "./view.js";
import { PairTableBuilder, type PairRecords, type PairTable } from "./possible-duplicates.js";

/** A dedupe_decisions row as an array (DECISION_COLUMNS, in order): rows as arrays are quicker to read than as objects. */
type DecisionRow = [
  recordId: string,
  clusterId: string,
  keptRecordId: string,
  role: string,
  rule: string | null,
  score: number | null,
  notice: string | null,
  concerns: string | null,
  retracted: number,
];

const SELECT_DECISIONS = "SELECT record_id, cluster_id, kept_record_id, role, rule, score, notice, concerns, retracted FROM dedupe_decisions";

function toDecision([recordId, clusterId, keptRecordId, role, rule, score, notice, concerns, retracted]: DecisionRow): DedupeDecision {
  return {
    recordId,
    clusterId,
    keptRecordId,
    role: role as DedupeRole,
    rule,
    score,
    notice: notice as NoticeKind | null,
    concerns,
    retracted: retracted === 1,
  };
}

export function loadDecision(db: Db, recordId: string): DedupeDecision | null {
  const row = db.prepare<[string], DecisionRow>(`${SELECT_DECISIONS} WHERE record_id = ?`).raw().get(recordId);
  return row ? toDecision(row) : null;
}

/** Every decision of one dedupe cluster, the kept record's included. */
export function loadCluster(db: Db, clusterId: string): DedupeDecision[] {
  return db.prepare<[string], DecisionRow>(`${SELECT_DECISIONS} WHERE cluster_id = ?`).raw().all(clusterId).map(toDecision);
}

export function loadClassification(db: Db, recordId: string): Classification | null {
  const row = db.prepare<[string], { result: string }>("SELECT result FROM classifications WHERE record_id = ?").get(recordId);
  return row ? (JSON.parse(row.result) as Classification) : null;
}

/**
 * The article fields the reports read, extracted by SQLite in one parse of each stored article, so the
 * rest of its JSON (MeSH, affiliations, abstract sections, grants...) never reaches JavaScript.
 */
const ARTICLE_PATHS = [
  "$.recordId",
  "$.kind",
  "$.pmid",
  "$.doi",
  "$.pmcid",
  "$.title",
  "$.journal",
  "$.pubDate",
  "$.authors",
  "$.publicationTypes",
  "$.commentsCorrections",
  "$.source",
  "$.dataBanks",
  "$.authorListComplete",
] as const;

type ArticleFields = [
  recordId: string,
  kind: RecordKind,
  pmid: string | null,
  doi: string | null,
  pmcid: string | null,
  title: string | null,
  journal: JournalInfo,
  pubDate: PublicationDate,
  authors: Author[],
  publicationTypes: string[],
  commentsCorrections: CommentCorrection[],
  source: RecordSource,
  /** Null in an article stored before the model had the field. */
  dataBanks: DataBank[] | null,
  /** Null when the source does not say, or in an article stored before the model had the field. */
  authorListComplete: boolean | null,
];

/**
 * The one empty list every loaded record shares for the fields the reports do not read (frozen, so a
 * change would fail loudly): 20,000 records have 150,000 authors, an empty affiliation list each.
 */
const NONE = Object.freeze([]) as never[];

/** No history dates: the reports do not read them. */
const NO_HISTORY = Object.freeze({ entrez: null, pubmed: null, medline: null });

/**
 * The article as the reports see it: the fields of ARTICLE_PATHS; every other field, the abstract
 * included (see StoredDetails), is left empty. Authors keep everything but their affiliations.
 */
function reportArticle(json: string): Article {
  const [recordId, kind, pmid, doi, pmcid, title, journal, pubDate, authors, publicationTypes, commentsCorrections, source, dataBanks, authorListComplete] =
    JSON.parse(json) as ArticleFields;
  return {
    recordId,
    kind,
    pmid,
    pmidVersion: null,
    doi,
    pmcid,
    pii: null,
    title,
    vernacularTitle: null,
    languages: NONE,
    abstractSections: NONE,
    abstract: null,
    copyright: null,
    otherAbstracts: NONE,
    journal,
    pubDate,
    authors: withoutAffiliations(authors),
    authorListComplete,
    investigators: NONE,
    publicationTypes,
    mesh: NONE,
    keywords: NONE,
    chemicals: NONE,
    grants: NONE,
    dataBanks: dataBanks ?? NONE,
    commentsCorrections,
    history: NO_HISTORY,
    status: null,
    publicationStatus: null,
    source,
  };
}

/**
 * The parsed authors themselves, their affiliations replaced by the shared empty list: a copy of each
 * (150,000 at 20,000 records) cost more time than the rest of the article. Assigning a field a parsed
 * object already has keeps V8's fast form, as a spread would not.
 */
function withoutAffiliations(authors: Author[]): Author[] {
  for (const author of authors) author.affiliations = NONE;
  return authors;
}

/** The classification as stored without its design evidence and labels, every field named, not spread (V8 keeps a spread copy of a parsed object in its slow dictionary form). */
function slimClassification(c: Classification): Classification {
  return {
    recordId: c.recordId,
    design: c.design,
    designGroup: c.designGroup,
    evidenceLevel: c.evidenceLevel,
    designConfidence: c.designConfidence,
    designUncertain: c.designUncertain,
    designEvidence: NONE,
    conditions: c.conditions,
    exosomeSources: c.exosomeSources,
    claims: c.claims,
    aboutExosomes: c.aboutExosomes,
    aboutSkin: c.aboutSkin,
    participants: c.participants,
    followupWeeks: c.followupWeeks,
    labels: NONE,
    rulesVersion: c.rulesVersion,
  };
}

/**
 * Abstracts, design evidence and labels, which take more memory than the rest of the records. Abstracts
 * are read from the store one record at a time as articles.csv is written (held for every record, they
 * alone took 40 MB of 20,000 records); design evidence and labels are read with the classifications and
 * kept as JSON text, parsed only when written. The stage releases them before it reads the pairs.
 */
export class StoredDetails implements DetailSource {
  private readonly abstractOf: (recordId: string) => string | null;
  private evidenceJson = new Map<string, string>();
  private labelsJson = new Map<string, string>();
  private released = false;

  constructor(db: Db) {
    const abstract = db.prepare<[string], string | null>("SELECT json_extract(article, '$.abstract') FROM records WHERE record_id = ?").pluck();
    this.abstractOf = (recordId) => abstract.get(recordId) ?? null;
  }

  addClassification(recordId: string, evidenceJson: string | null, labelsJson: string | null): void {
    if (evidenceJson !== null) this.evidenceJson.set(recordId, evidenceJson);
    if (labelsJson !== null) this.labelsJson.set(recordId, labelsJson);
  }

  abstract(recordId: string): string | null {
    this.checkHeld();
    return this.abstractOf(recordId);
  }

  designEvidence(recordId: string): Evidence[] {
    this.checkHeld();
    return parseArray<Evidence>(this.evidenceJson.get(recordId));
  }

  labels(recordId: string): Label[] {
    this.checkHeld();
    return parseArray<Label>(this.labelsJson.get(recordId));
  }

  release(): void {
    this.released = true;
    this.evidenceJson = new Map();
    this.labelsJson = new Map();
  }

  private checkHeld(): void {
    if (this.released) throw new LitreviewError("INTERNAL", "report details read after they were released");
  }
}

function parseArray<T>(json: string | undefined): T[] {
  return json === undefined ? [] : (JSON.parse(json) as T[]);
}

/**
 * Every stored record with its dedupe decision and classification (null where that stage has not run),
 * each table read in one pass. Articles carry only what the reports read (see reportArticle);
 * abstracts, design evidence and labels are in `details`.
 */
export function loadRecords(db: Db): { records: ReportRecord[]; details: StoredDetails } {
  const details = new StoredDetails(db);
  const decisions = new Map<string, DedupeDecision>();
  for (const row of db.prepare<[], DecisionRow>(SELECT_DECISIONS).raw().iterate()) decisions.set(row[0], toDecision(row));
  const classifications = new Map<string, Classification>();
  const classificationRows = db.prepare<[], { record_id: string; slim: string; evidence: string | null; labels: string | null }>(
    `SELECT record_id, json_remove(result, '$.designEvidence', '$.labels') AS slim,
       json_extract(result, '$.designEvidence') AS evidence, json_extract(result, '$.labels') AS labels FROM classifications`,
  );
  for (const row of classificationRows.iterate()) {
    classifications.set(row.record_id, slimClassification(JSON.parse(row.slim) as Classification));
    details.addClassification(row.record_id, row.evidence, row.labels);
  }
  const paths = ARTICLE_PATHS.map((p) => `'${p}'`).join(", ");
  const recordRows = db.prepare<[], { record_id: string; fields: string; deleted: number; first_seen: string }>(
    `SELECT record_id, json_extract(article, ${paths}) AS fields, deleted, first_seen FROM records`,
  );
  const records: ReportRecord[] = [];
  for (const row of recordRows.iterate()) {
    records.push({
      article: reportArticle(row.fields),
      deleted: row.deleted === 1,
      firstSeen: row.first_seen,
      decision: decisions.get(row.record_id) ?? null,
      classification: classifications.get(row.record_id) ?? null,
    });
  }
  return { records, details };
}

function parseStringArray(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
}

/** Records imported from files, per database, file and import date (record_sources rows with a file). */
export function loadImports(db: Db): ImportCount[] {
  return db
    .prepare<[], ImportCount>(
      `SELECT database, file, substr(imported_at, 1, 10) AS importedOn, COUNT(DISTINCT record_id) AS records FROM record_sources
       WHERE file <> '' GROUP BY database, file, importedOn ORDER BY database, file, importedOn`,
    )
    .all();
}

/** searched N (distinct PMIDs any search returned), received N, and the PMIDs still unavailable. */
export function loadRetrieval(db: Db): RetrievalCounts {
  const searched = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM search_hits").get()!.n;
  const received = db
    .prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM search_hits h WHERE EXISTS (SELECT 1 FROM records r WHERE r.pmid = h.pmid)")
    .get()!.n;
  const unavailable = db
    .prepare<[], { pmid: string }>("SELECT pmid FROM unavailable u WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.pmid = u.pmid)")
    .all()
    .map((r) => r.pmid)
    .sort(compareRecordIds);
  return { searched, received, unavailable };
}

/**
 * What possible-duplicates.csv needs of every stored record (id, title, link), in record-id order, read
 * apart from loadRecords so that a thread can write that file while the main thread reads the rest.
 */
export function loadPairRecords(db: Db): PairRecords {
  const rows = db
    .prepare<[], string>("SELECT json_extract(article, '$.recordId', '$.title', '$.pmid', '$.doi') FROM records")
    .pluck()
    .all()
    .map((fields) => JSON.parse(fields) as [string, string | null, string | null, string | null])
    .sort((a, b) => compareRecordIds(a[0], b[0]));
  return {
    ids: rows.map((r) => r[0]),
    titles: rows.map((r) => r[1]),
    urls: rows.map(([, , pmid, doi]) => recordUrl({ pmid, doi })),
  };
}

/** How many near-miss pairs are stored, by reason, in POSSIBLE_DUPLICATE_REASONS order (pairs without one last). */
export function loadPairReasons(db: Db): PairReasonCount[] {
  const counts = db
    .prepare<[], { reason: PossibleDuplicateReason | null; pairs: number }>("SELECT reason, count(*) AS pairs FROM possible_duplicates GROUP BY reason")
    .all();
  const rank = (reason: PossibleDuplicateReason | null): number => (reason === null ? POSSIBLE_DUPLICATE_REASONS.length : POSSIBLE_DUPLICATE_REASONS.indexOf(reason));
  return counts.sort((a, b) => rank(a.reason) - rank(b.reason));
}

/** Pairs per query of loadPairTable. */
const PAIRS_PER_QUERY = 1000;

/**
 * The near-miss pairs, as columns. A store has many more pairs than records, so SQLite hands them over
 * as one JSON array per thousand pairs, in rowid order: one JSON.parse per thousand rather than a row
 * object and a field-scores parse per pair. SQLite writes a REAL in JSON with as many digits as it takes
 * to read back the same double (17 at most), so the scores are exact.
 */
export function loadPairTable(db: Db): PairTable {
  const count = db.prepare<[], number>("SELECT count(*) FROM possible_duplicates").pluck().get()!;
  const page = db.prepare<[number], { last: number | null; pairs: string }>(
    `SELECT max(rowid) AS last, json_group_array(json_array(record_id_a, record_id_b, score, json(field_scores), reason)) AS pairs
     FROM (SELECT rowid, * FROM possible_duplicates WHERE rowid > ? ORDER BY rowid LIMIT ${PAIRS_PER_QUERY})`,
  );
  const table = new PairTableBuilder(count);
  for (let after = Number.MIN_SAFE_INTEGER; ; ) {
    const { last, pairs: json } = page.get(after)!;
    if (last === null) return table.finish();
    for (const [recordIdA, recordIdB, score, fieldScores, reason] of JSON.parse(json) as [string, string, number, Record<string, number | null>, string | null][]) {
      table.add(recordIdA, recordIdB, score, fieldScores, reason);
    }
    after = last;
  }
}

function loadSnapshotRows(db: Db, runId: number): SnapshotRow[] {
  return db
    .prepare<[number], { record_id: string; included: number; design: string | null; conditions: string; retracted: number }>(
      "SELECT record_id, included, design, conditions, retracted FROM report_snapshots WHERE run_id = ?",
    )
    .all(runId)
    .map((r) => ({
      recordId: r.record_id,
      included: r.included === 1,
      design: r.design,
      conditions: parseStringArray(r.conditions),
      retracted: r.retracted === 1,
    }));
}

/**
 * The report to compare this one with: the latest earlier report that said something different about
 * some record. So a re-render with nothing new (`litreview report`, or `run --offline` with nothing
 * imported) keeps the baseline of the report it repeats, and a writer who missed that report still sees
 * what it found new; `repeats` is then the report it repeats. The stage stores no snapshot for
 * a report that repeats the latest (see reportStage), so this reads two snapshots at most, except in a
 * store written before that rule, once.
 */
export function loadBaseline(db: Db, runId: number, current: readonly SnapshotRow[]): { baseline: Baseline | null; repeats: ReportRef | null } {
  const runs = db
    .prepare<[number], { run_id: number; started_at: string | null }>(
      `SELECT s.run_id, r.started_at FROM (SELECT DISTINCT run_id FROM report_snapshots WHERE run_id < ?) s
       LEFT JOIN runs r ON r.run_id = s.run_id ORDER BY s.run_id DESC`,
    )
    .all(runId);
  const latest = runs[0];
  for (const run of runs) {
    const rows = loadSnapshotRows(db, run.run_id);
    const repeats = run === latest ? null : { runId: latest!.run_id, date: latest!.started_at };
    if (!sameSnapshot(rows, current)) return { baseline: { runId: run.run_id, date: run.started_at, rows }, repeats };
  }
  return { baseline: null, repeats: latest ? { runId: latest.run_id, date: latest.started_at } : null };
}

/** Records what this report said per record, replacing an earlier attempt of the same run. */
export function saveSnapshot(db: Db, runId: number, rows: readonly SnapshotRow[]): void {
  const del = db.prepare("DELETE FROM report_snapshots WHERE run_id = ?");
  const ins = db.prepare("INSERT INTO report_snapshots (run_id, record_id, included, design, conditions, retracted) VALUES (?, ?, ?, ?, ?, ?)");
  db.transaction(() => {
    del.run(runId);
    for (const r of rows) ins.run(runId, r.recordId, r.included ? 1 : 0, r.design, JSON.stringify(r.conditions), r.retracted ? 1 : 0);
  })();
}
