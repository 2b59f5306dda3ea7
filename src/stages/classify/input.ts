import type { Article } from "../../model/article.js";
import type { Db } from "../../store/open.js";

/** The parts of an article that classification reads. */
export type ClassifyInput = Pick<Article, "recordId" | "title" | "abstract" | "abstractSections" | "keywords" | "mesh" | "publicationTypes"> & {
  /** The journal's or source's title only: a trial registry named there makes the record a registration. */
  journal: Pick<Article["journal"], "title">;
};

// SQLite takes these out of each stored article, so the rest of it (authors, affiliations, the journal
// but its title, history: about half its text) never reaches JavaScript. One json_extract with several
// paths gives a JSON array, the values in this order.
const EXTRACT =
  "json_extract(article, '$.recordId', '$.title', '$.abstract', '$.abstractSections', '$.keywords', '$.mesh', '$.publicationTypes', '$.journal.title')";

/** One record's ClassifyInput, as the JSON array that classifyPages reads. */
export function parseInput(row: string): ClassifyInput {
  const [recordId, title, abstract, abstractSections, keywords, mesh, publicationTypes, journalTitle] = JSON.parse(row) as [
    ClassifyInput["recordId"],
    ClassifyInput["title"],
    ClassifyInput["abstract"],
    ClassifyInput["abstractSections"],
    ClassifyInput["keywords"],
    ClassifyInput["mesh"],
    ClassifyInput["publicationTypes"],
    string | null,
  ];
  return { recordId, title, abstract, abstractSections, keywords, mesh, publicationTypes, journal: { title: journalTitle } };
}

/**
 * Live records in record_id order, a page at a time, each as its classification input in JSON (parseInput).
 * Keyset pages rather than one open iterator (store/records.ts iterateRecords): better-sqlite3 cannot
 * write on a connection while a read iterator is open, and holding every record would grow with the store.
 */
export function* inputPages(db: Db, size: number): Generator<string[]> {
  const stmt = db.prepare<[string, number], { record_id: string; input: string }>(
    `SELECT record_id, ${EXTRACT} AS input FROM records WHERE deleted = 0 AND record_id > ? ORDER BY record_id LIMIT ?`,
  );
  let after = "";
  for (;;) {
    const rows = stmt.all(after, size);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.record_id;
    yield rows.map((r) => r.input);
  }
}
