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

interface InputRow {
  record_id: string;
  pmid: string | null;
  doi: string | null;
  pmcid: string | null;
  /** JSON array of the values at FIELDS, in order (one json_extract parses the article once). */
  fields: string;
}

const FIELDS = [
  "$.title",
  "$.abstract",
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
  string | null,
  JournalInfo,
  number | null,
  Author | null,
  string[],
  CommentCorrection[],
  unknown,
  unknown,
];

const SELECT = `SELECT record_id, pmid, doi, pmcid, json_extract(article, ${FIELDS.map((f) => `'${f}'`).join(", ")}) AS fields
  FROM records WHERE deleted = 0`;

/** Every non-deleted record's DedupeInput, one at a time, in no particular order (dedupe sorts). */
export function* loadDedupeInputs(db: Db): Generator<DedupeInput> {
  for (const row of db.prepare<[], InputRow>(SELECT).iterate()) {
    const [title, abstract, journal, year, firstAuthor, publicationTypes, commentsCorrections, firstMesh, firstKeyword] =
      JSON.parse(row.fields) as Fields;
    yield {
      recordId: row.record_id,
      pmid: row.pmid,
      doi: row.doi,
      pmcid: row.pmcid,
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
}
