import { emptyArticle, type Article, type Author } from "../model/article.js";
import { publicationDate } from "./dates.js";
import { readCsvRows } from "./csv-reader.js";
import { exportLines } from "./lines.js";
import { cleanKeyword, cleanText, distinct, firstIssn, firstTitle, normalizeDoi, normalizePages, parseAuthors, plainText } from "./normalize.js";
import { assignRecordId } from "./record-id.js";
import { binaryDataItem, type ImportFile, type ImportItem } from "./types.js";

type Row = (column: string) => string | null;

const split = (value: string | null): string[] => (value ? value.split(";").map((v) => v.trim()).filter(Boolean) : []);

/**
 * Gives each author the addresses "Authors with affiliations" lists for them, in author order: "Wilson L.N.,
 * University of Alaska Museum, ..., United States, Department of Geosciences, ...; Gardner J.D., ...". An
 * entry's addresses are joined by commas like their own parts, so they are cut where one of the record's
 * "Affiliations" (its addresses, one each) ends; an entry that does not start with its author's name is left.
 */
function attachScopusAffiliations(authors: Author[], shortNames: readonly string[], withAffiliations: readonly string[], known: readonly string[]): void {
  const byLength = [...known].sort((a, b) => b.length - a.length);
  withAffiliations.forEach((entry, i) => {
    const author = authors[i];
    const name = shortNames[i];
    if (!author || !name || !entry.startsWith(`${name}, `)) return;
    let rest = entry.slice(name.length + 2).trim();
    while (rest !== "") {
      const address = byLength.find((a) => rest === a || rest.startsWith(`${a}, `)) ?? rest;
      const text = cleanText(address);
      if (text !== null && !author.affiliations.includes(text)) author.affiliations.push(text);
      rest = rest.slice(address.length).replace(/^,\s*/, "");
    }
  });
}

/** One row of a Scopus CSV export; its own id is the EID, its PMID the "PubMed ID" column. */
export function scopusRowToArticle(get: Row, file: ImportFile): Article {
  const eid = cleanText(get("EID"));
  const base = emptyArticle("", { database: "scopus", file: file.file, ownId: eid, importedAt: file.importedAt });
  const rawAbstract = plainText(get("Abstract"));
  const abstract = rawAbstract && !/^\[no abstract available\]$/i.test(rawAbstract) ? rawAbstract : null;
  const pmid = cleanText(get("PubMed ID"));
  const fullNames = split(get("Author full names"));
  const shortNames = split(get("Authors"));
  const authors = parseAuthors(fullNames.length > 0 ? fullNames : shortNames);
  attachScopusAffiliations(authors, shortNames, split(get("Authors with affiliations")), split(get("Affiliations")));
  const article: Article = {
    ...base,
    pmid: pmid && /^\d+$/.test(pmid) ? pmid : null,
    doi: normalizeDoi(get("DOI")),
    title: firstTitle([get("Title")]),
    languages: split(get("Language of Original Document")),
    abstractSections: abstract ? [{ label: null, nlmCategory: null, text: abstract }] : [],
    abstract,
    journal: {
      title: plainText(get("Source title")),
      isoAbbreviation: cleanText(get("Abbreviated Source Title")),
      issn: firstIssn(split(get("ISSN"))),
      volume: cleanText(get("Volume")),
      issue: cleanText(get("Issue")),
      pages: normalizePages(get("Page start"), get("Page end")) ?? cleanText(get("Art. No.")),
    },
    pubDate: publicationDate([get("Year")]),
    authors,
    publicationTypes: split(get("Document Type")),
    keywords: distinct([...split(get("Author Keywords")), ...split(get("Index Keywords"))].map(cleanKeyword).filter((k): k is string => k !== null)),
  };
  return assignRecordId(article);
}

/** Streams a Scopus CSV export (header row, RFC 4180 quoting, a BOM). */
export async function* parseScopusCsv(input: AsyncIterable<Buffer | string>, file: ImportFile): AsyncGenerator<ImportItem> {
  let header: Map<string, number> | null = null;
  let index = 0;
  const { lines, warnings } = exportLines(input, file);
  for await (const row of readCsvRows(lines)) {
    if ("unterminated" in row) {
      yield {
        diagnostic: {
          severity: "error",
          location: file.file,
          position: `line ${row.unterminated}`,
          recordId: null,
          message: "CSV row with an unclosed quote runs to the end of the file: it was not imported; re-export the file",
        },
      };
      continue;
    }
    if (!header) {
      header = new Map(row.cells.map((name, i) => [name.trim(), i]));
      continue;
    }
    index++;
    const cells = row.cells;
    const columns = header;
    const get: Row = (column) => {
      const at = columns.get(column);
      return at === undefined ? null : (cells[at] ?? null);
    };
    if (!get("Title") && !get("EID")) {
      yield { diagnostic: { severity: "warning", location: file.file, position: `record ${index} (line ${row.lineNo})`, recordId: null, message: "Scopus CSV row without a title or EID: skipped" } };
      continue;
    }
    const named = [...columns].map(([name, at]) => [name, cells[at] ?? ""] as const);
    yield binaryDataItem(file, named, `record ${index} (line ${row.lineNo})`) ?? { record: scopusRowToArticle(get, file) };
  }
  yield* warnings;
}
