import type { Article, Author } from "../../model/article.js";
import { emptyArticle } from "../../model/article.js";
import { LitreviewError } from "../../errors.js";

/**
 * Reads labelled groups for `eval dedupe`. Two line shapes are accepted:
 * - a group (shared/corpus/duplicate-groups.jsonl): `group_id`, `article_id`, `versions[]`, each version
 *   one record as a site showed it;
 * - a single article (shared/corpus/dev.jsonl): `id`, `title`, `doi`, `pmid`, ... — one record.
 * Lines with the same `article_id`/`id` are one work, so both files can be concatenated into one gold set.
 */
export interface GoldRecord {
  article: Article;
  /** The work it belongs to. */
  work: string;
}

interface GoldVersion {
  title?: string | null;
  doi?: string | null;
  pmid?: string | number | null;
  pmid_is_synthetic?: boolean;
  journal?: string | null;
  year?: number | string | null;
  publication_type?: string | null;
  abstract?: string | null;
  site?: string | null;
  /** Optional: authors as "Last, First", "Last FM", "F. Last" or "First Last" (a list, or one string split at ";"), and pages. */
  authors?: string[] | string | null;
  pages?: string | null;
  url?: string | null;
  source_url?: string | null;
}

interface GoldLine extends GoldVersion {
  id?: string;
  group_id?: string;
  article_id?: string | null;
  versions?: GoldVersion[];
}

function text(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const t = value.trim();
  return t.length > 0 ? t : null;
}

function toYear(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number.parseInt(value, 10) : NaN;
  return Number.isInteger(n) && n > 1000 && n < 3000 ? n : null;
}

const INITIALS = /^(?:[A-Z]\.?-?){1,3}$/;
const PARTICLE = /^(?:van|von|der|den|de|del|della|des|da|di|du|dos|das|le|la|ten|ter)$/;

/**
 * The surname of a name as a page or an export shows it: "Iuliano, Marco", "Iuliano M" or "Lewis G. F." (initials last),
 * "M. Iuliano" (initials first) or "Marco Iuliano" (forename first: the last word, with any particles
 * before it, "Hans van der Berg").
 */
function surnameOf(name: string): { lastName: string; foreName: string | null } {
  const comma = name.indexOf(",");
  if (comma >= 0) return { lastName: name.slice(0, comma).trim(), foreName: name.slice(comma + 1).trim() || null };
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { lastName: words[0]!, foreName: null };
  let initials = words.length;
  while (initials > 1 && INITIALS.test(words[initials - 1]!)) initials--;
  if (initials < words.length) return { lastName: words.slice(0, initials).join(" "), foreName: words.slice(initials).join(" ") };
  let first = words.length - 1;
  while (first > 1 && PARTICLE.test(words[first - 1]!)) first--;
  return { lastName: words.slice(first).join(" "), foreName: words.slice(0, first).join(" ") };
}

function toAuthor(name: string): Author {
  const { lastName, foreName } = surnameOf(name);
  return { lastName, foreName, initials: null, suffix: null, collectiveName: null, orcid: null, affiliations: [] };
}

/** Authors as a list of names, or one string of names separated by semicolons. */
function authorNames(value: unknown): string[] {
  const list = typeof value === "string" ? value.split(";") : Array.isArray(value) ? value : [];
  return list.map(text).filter((n): n is string => n !== null);
}

/** One version as the Article a database export of it would give. */
export function versionToArticle(v: GoldVersion, recordId: string): Article {
  const site = text(v.site) ?? "gold";
  const a = emptyArticle(recordId, { database: site, file: null, ownId: recordId, importedAt: "1970-01-01T00:00:00.000Z" });
  const pmid = v.pmid === null || v.pmid === undefined || v.pmid_is_synthetic ? null : String(v.pmid);
  a.pmid = pmid && /^\d+$/.test(pmid) ? pmid : null;
  a.doi = text(v.doi);
  a.title = text(v.title);
  a.abstract = text(v.abstract);
  a.journal.title = text(v.journal);
  a.journal.pages = text(v.pages);
  a.authors = authorNames(v.authors).map(toAuthor);
  a.pubDate.year = toYear(v.year);
  const type = text(v.publication_type);
  a.publicationTypes = type ? [type] : [];
  return a;
}

function parseLine(line: string, lineNo: number, file: string): GoldLine {
  try {
    const value = JSON.parse(line) as unknown;
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("not a JSON object");
    return value as GoldLine;
  } catch (cause) {
    throw new LitreviewError("USAGE", `${file} line ${lineNo}: ${(cause as Error).message}; each line must be one JSON object`, {
      cause,
    });
  }
}

/** `file` names the labelled file in messages. A malformed file is a usage error (exit 2): figures measured on it would mean nothing. */
export function readGold(jsonl: string, file = "gold file"): GoldRecord[] {
  const out: GoldRecord[] = [];
  jsonl.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line.length === 0) return;
    const g = parseLine(line, i + 1, file);
    if (Array.isArray(g.versions)) {
      const groupId = text(g.group_id) ?? `line${i + 1}`;
      const work = text(g.article_id) ?? groupId;
      g.versions.forEach((v, k) => out.push({ article: versionToArticle(v, `${groupId}/${k + 1}`), work }));
    } else {
      const id = text(g.id);
      if (!id) throw new LitreviewError("USAGE", `${file} line ${i + 1}: neither "versions" nor "id": not a dedupe gold record`);
      out.push({ article: versionToArticle(g, id), work: id });
    }
  });
  return out;
}
