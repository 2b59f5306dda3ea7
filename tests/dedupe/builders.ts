import type { Article, Author, CommentCorrection, JournalInfo, PublicationDate } from "../../src/model/article.js";
import { emptyArticle } from "../../src/model/article.js";

export interface ArticleOverrides extends Partial<Omit<Article, "journal" | "pubDate" | "authors" | "commentsCorrections">> {
  journal?: Partial<JournalInfo>;
  pubDate?: Partial<PublicationDate>;
  /** Shortcut for pubDate.year. */
  year?: number | null;
  /** Authors as "Last, First" or "Last FM"; or full Author objects. */
  authors?: (string | Author)[];
  /** CommentsCorrections as [refType, pmid] pairs, or full objects. */
  commentsCorrections?: ([string, string] | CommentCorrection)[];
}

export function author(name: string): Author {
  const comma = name.indexOf(",");
  const lastName = comma >= 0 ? name.slice(0, comma).trim() : name.replace(/\s+[A-Z]{1,3}$/, "").trim();
  const foreName = comma >= 0 ? name.slice(comma + 1).trim() : null;
  return { lastName, foreName, initials: null, suffix: null, collectiveName: null, orcid: null, affiliations: [] };
}

/** A small Article for tests: every field absent unless given. `database` defaults to pubmed. */
export function makeArticle(recordId: string, overrides: ArticleOverrides = {}): Article {
  const { journal, pubDate, year, authors, commentsCorrections, ...rest } = overrides;
  const base = emptyArticle(recordId, {
    database: rest.source?.database ?? "pubmed",
    file: null,
    ownId: recordId,
    importedAt: "2026-01-01T00:00:00.000Z",
  });
  return {
    ...base,
    ...rest,
    journal: { ...base.journal, ...journal },
    pubDate: { ...base.pubDate, ...pubDate, ...(year !== undefined ? { year } : {}) },
    authors: (authors ?? []).map((a) => (typeof a === "string" ? author(a) : a)),
    commentsCorrections: (commentsCorrections ?? []).map((c) =>
      Array.isArray(c) ? { refType: c[0], pmid: c[1], refSource: null } : c,
    ),
  };
}

/** A PubMed record: record_id is the PMID. */
export function pubmedArticle(pmid: string, overrides: ArticleOverrides = {}): Article {
  return makeArticle(pmid, { pmid, ...overrides });
}
