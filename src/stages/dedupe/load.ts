import type { Author, CommentCorrection, JournalInfo } from "../../model/article.js";
import type { Db } from "../../store/open.js";

/**
 * What dedupe reads of a record. An Article has all of it; from the store only this much is read,
 * because parsing every stored Article whole (mesh, affiliations, ...) costs more than dedupe itself.
 */
export interface DedupeInput {
  recordId: string;
  pmid: string | null;
  doi: string | null;
  pmcid: string | null;
  title: string | null;
  abstract: string | null;
  journal: JournalInfo;
  pubDate: { year: number | null };
  /** Only the first author is read, and whether there is one. */
  authors: readonly Pick<Author, "lastName" | "collectiveName">[];
  publicationTypes: readonly string[];
  commentsCorrections: readonly Pick<CommentCorrection, "refType" | "pmid">[];
  /** Only whether there are any is read. */
  mesh: readonly unknown[];
  keywords: readonly unknown[];
}

/**
 * One stored record as read: record_id, pmid, doi, pmcid, the abstract, and a JSON array of the values at
 * FIELDS, in order. The abstract comes apart, as a string that can go to a worker thread without parsing
 * the rest; SQLite parses the article once for both (its JSON cache).
 */
export type InputRow = [
  recordId: string,
  pmid: string | null,
  doi: string | null,
  pmcid: string | null,
  abstract: string | null,
  fields: string,
];

const FIELDS = [
  "$.title",
  "$.journal",
  "$.pubDate.year",
  "$.authors[0]",
  "$.publicationTypes",
  "$.commentsCorrections",
  "$.mesh[0]",
  "$.keywords[0]",
] as const;

type Fields = [
  string | null,
  JournalInfo,
  number | null,
  Author | null,
  string[],
  CommentCorrection[],
  unknown,
  unknown,
];

const SELECT = `SELECT record_id, pmid, doi, pmcid, json_extract(article, '$.abstract') AS abstract,
    json_extract(article, ${FIELDS.map((f) => `'${f}'`).join(", ")}) AS fields
  FROM records WHERE deleted = 0`;

/** Every non-deleted record's InputRow, `size` at a time, in no particular order (dedupe sorts). */
export function* inputPages(db: Db, size: number): Generator<InputRow[]> {
  let page: InputRow[] = [];
  for (const row of db.prepare<[], InputRow>(SELECT).raw().iterate()) {
    page.push(row);
    if (page.length === size) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

/** The DedupeInput of a row. */
export function parseInputRow([recordId, pmid, doi, pmcid, abstract, fields]: InputRow): DedupeInput {
  const [title, journal, year, firstAuthor, publicationTypes, commentsCorrections, firstMesh, firstKeyword] =
    JSON.parse(fields) as Fields;
  return {
    recordId,
    pmid,
    doi,
    pmcid,
    title,
    abstract,
    journal,
    pubDate: { year },
    authors: firstAuthor ? [firstAuthor] : [],
    publicationTypes,
    commentsCorrections,
    mesh: firstMesh === null ? [] : [firstMesh],
    keywords: firstKeyword === null ? [] : [firstKeyword],
  };
}
