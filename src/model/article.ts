/**
 * The one record model every stage shares. `null` means absent; strings are never "" or "undefined";
 * multi-valued fields are arrays, never pipe-joined strings. Text is Unicode NFC.
 */

/** Where a stored record came from. */
export interface RecordSource {
  /** Database the record was exported from: "pubmed", "embase", "scopus", "wos", "cochrane", ... (lower case). */
  database: string;
  /** File it was imported from, or null for records fetched through E-utilities. */
  file: string | null;
  /** The record's own id in that source (PMID for PubMed, RIS `ID`/`AN`, WoS `UT`, ...). */
  ownId: string | null;
  /** ISO timestamp of the import or fetch. */
  importedAt: string;
}

export interface AbstractSection {
  label: string | null;
  /** NLM category: BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS, UNASSIGNED, or null. */
  nlmCategory: string | null;
  text: string;
}

export interface Author {
  /** Person: lastName set; collective (group) author: collectiveName set. */
  lastName: string | null;
  foreName: string | null;
  initials: string | null;
  suffix: string | null;
  collectiveName: string | null;
  orcid: string | null;
  affiliations: string[];
  /**
   * PubMed's EqualContrib: true when the source marks this author as an equal contributor, false when it
   * says not; absent when the source does not say (most records, and every format but PubMed XML).
   */
  equalContrib?: boolean;
}

/** Article/DataBankList: a registry or databank and the record's accession numbers in it. */
export interface DataBank {
  /** As PubMed writes it: "ClinicalTrials.gov", "ISRCTN", "ANZCTR", "GENBANK", "Dryad", ... */
  name: string | null;
  /** e.g. ClinicalTrials.gov "NCT02149199", ISRCTN "ISRCTN12345678", GenBank "AF078607". */
  accessionNumbers: string[];
}

/** MedlineCitation/OtherAbstract: an abstract besides the main one, kept apart from it. */
export interface OtherAbstract {
  /** Who supplied it: Publisher, plain-language-summary, KIE, NASA, PIP, AAMC, AIDS. */
  type: string | null;
  /** Language code of the text ("eng" when the source does not say: the DTD's default). */
  language: string;
  sections: AbstractSection[];
  /** Plain text, as for the main abstract. */
  text: string;
  copyright: string | null;
}

export interface JournalInfo {
  title: string | null;
  isoAbbreviation: string | null;
  issn: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
}

export type PubDateSource = "PubDate" | "MedlineDate" | "ArticleDate" | "Season" | "export";

export interface PublicationDate {
  /** The date as the source wrote it, e.g. "1998 Dec-1999 Jan", "2000 Spring", "2024 Aug 5". */
  raw: string | null;
  year: number | null;
  month: number | null;
  day: number | null;
  source: PubDateSource | null;
}

export interface MeshHeading {
  descriptor: string;
  descriptorUi: string | null;
  majorTopic: boolean;
  qualifiers: { name: string; ui: string | null; majorTopic: boolean }[];
}

export interface Grant {
  grantId: string | null;
  agency: string | null;
  country: string | null;
}

/** PubMed CommentsCorrections RefType values (ErratumIn, RetractionIn, CommentOn, UpdateOf, ...). */
export interface CommentCorrection {
  refType: string;
  pmid: string | null;
  refSource: string | null;
}

export interface HistoryDates {
  /** ISO dates (YYYY-MM-DD) from PubmedData/History. */
  entrez: string | null;
  pubmed: string | null;
  medline: string | null;
}

export type RecordKind = "article" | "book";

export interface Article {
  /** PMID for records whose own id is a PMID; else `<database>:<own id>`; else `<database>:hash-<16 hex>` (a hash of title, year, first author and DOI). */
  recordId: string;
  kind: RecordKind;
  pmid: string | null;
  pmidVersion: number | null;
  doi: string | null;
  pmcid: string | null;
  pii: string | null;
  title: string | null;
  vernacularTitle: string | null;
  languages: string[];
  abstractSections: AbstractSection[];
  /** Plain abstract text: sections joined, each prefixed by its label when it has one. */
  abstract: string | null;
  copyright: string | null;
  /** Other abstracts (a publisher's in other languages, a plain-language summary), never mixed into `abstract`. */
  otherAbstracts: OtherAbstract[];
  journal: JournalInfo;
  pubDate: PublicationDate;
  authors: Author[];
  /** False when the source says its author list is incomplete ("et al."; PubMed AuthorList CompleteYN="N"); null when it has none. */
  authorListComplete: boolean | null;
  /** Members of a group author (PubMed InvestigatorList): collaborators, not authors. */
  investigators: Author[];
  publicationTypes: string[];
  mesh: MeshHeading[];
  keywords: string[];
  chemicals: string[];
  grants: Grant[];
  /** Trial registrations and data deposits (PubMed DataBankList), in the source's order. */
  dataBanks: DataBank[];
  commentsCorrections: CommentCorrection[];
  history: HistoryDates;
  /** MedlineCitation Status (MEDLINE, PubMed-not-MEDLINE, In-Process, Publisher, ...). */
  status: string | null;
  /** PublicationStatus (ppublish, epublish, aheadofprint). */
  publicationStatus: string | null;
  source: RecordSource;
}

/** A record the source says to delete (PubMed DeleteCitation in update files). */
export interface DeletedRecord {
  kind: "deleted";
  pmids: string[];
}

/** A problem with one record of an input, stored and counted rather than thrown. */
export interface Diagnostic {
  severity: "error" | "warning";
  /** File or request the record came from. */
  location: string;
  /** Position within it (record number, line, byte offset) when known. */
  position: string | null;
  recordId: string | null;
  message: string;
}

/** An empty article with every field absent, to build from (parsers, importers, tests). */
export function emptyArticle(recordId: string, source: RecordSource): Article {
  return {
    recordId,
    kind: "article",
    pmid: null,
    pmidVersion: null,
    doi: null,
    pmcid: null,
    pii: null,
    title: null,
    vernacularTitle: null,
    languages: [],
    abstractSections: [],
    abstract: null,
    copyright: null,
    otherAbstracts: [],
    journal: { title: null, isoAbbreviation: null, issn: null, volume: null, issue: null, pages: null },
    pubDate: { raw: null, year: null, month: null, day: null, source: null },
    authors: [],
    authorListComplete: null,
    investigators: [],
    publicationTypes: [],
    mesh: [],
    keywords: [],
    chemicals: [],
    grants: [],
    dataBanks: [],
    commentsCorrections: [],
    history: { entrez: null, pubmed: null, medline: null },
    status: null,
    publicationStatus: null,
    source,
  };
}

/**
 * A stored article with the fields added to the model since it was stored, at their empty values: an
 * older store's JSON lacks them, and only a re-parse of a stored efetch answer could fill them (imported
 * files are not kept), so readers of stored JSON get the current shape this way.
 */
export function withCurrentFields(stored: Article): Article {
  return { ...emptyArticle(stored.recordId, stored.source), ...stored };
}

export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
}
