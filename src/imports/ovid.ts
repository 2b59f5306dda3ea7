import { emptyArticle, type Article, type Author } from "../model/article.js";
import { attachAffiliations } from "./affiliations.js";
import { publicationDate } from "./dates.js";
import { exportLines, type NumberedLine } from "./lines.js";
import { cleanKeyword, cleanText, distinct, firstIssn, firstTitle, normalizeDoi, parseAuthors, plainText } from "./normalize.js";
import { assignRecordId } from "./record-id.js";
import { ericPublicationTypes } from "./eric-types.js";
import { detectOvidDatabase } from "./ovid-database.js";
import { binaryDataItem, Fields, positionOf, type ImportFile, type ImportItem, type TaggedRecord } from "./types.js";

const MARKER = /^<(\d+)\.\s*>\s*$/;
const TAG_LINE = /^([A-Z][A-Z0-9]{1,3})\s{1,2}-\s?(.*)$/s;
/** Fields listed one value per indented line (institutions, index terms). */
const LINE_LISTS = new Set(["IN", "MH", "OD", "AU", "KW", "ID", "PT"]);

/**
 * Groups Ovid "Complete Reference" lines into records, streaming: each record starts with a "<3001. >"
 * marker and runs to the next one. Indented lines add a value to list fields; other untagged lines
 * (abstract paragraphs) continue the field before them.
 */
export async function* readOvidRecords(lines: AsyncIterable<NumberedLine[]>): AsyncGenerator<TaggedRecord> {
  let current: TaggedRecord | null = null;
  let index = 0;
  for await (const batch of lines) for (const { text, lineNo } of batch) {
    if (MARKER.test(text)) {
      if (current) yield current;
      current = { fields: [["#", MARKER.exec(text)![1]!]], startLine: lineNo, index: ++index };
      continue;
    }
    if (!current || text.trim() === "") continue;
    const tagged = TAG_LINE.exec(text);
    if (tagged) {
      current.fields.push([tagged[1]!, tagged[2]!.trim()]);
      continue;
    }
    const last = current.fields[current.fields.length - 1]!;
    if (/^\s/.test(text) && LINE_LISTS.has(last[0])) current.fields.push([last[0], text.trim()]);
    else last[1] = `${last[1]} ${text.trim()}`;
  }
  if (current) yield current;
}

/** "BMC Proceedings. Conference: ... 12 (Supplement 3) (no pagination), 2018." → journal title and volume. */
function sourceParts(source: string | null): { title: string | null; volume: string | null; issue: string | null } {
  if (!source) return { title: null, volume: null, issue: null };
  const title = cleanText(source.split(/\.\s/)[0] ?? null);
  const m = /\s(\d+)\s*(?:\(([^)]+)\))?\s*(?:\(|,|pp?\.)/.exec(source);
  return { title, volume: m?.[1] ?? null, issue: m?.[2] && !/pagination/i.test(m[2]) ? m[2] : null };
}

/** Authors, with the institutions (IN, "(Behan, Rubbo) NIHR ...") and the address (AD, "L. Behan, NIHR ...") that name them. */
function authorsOf(fields: Fields): Author[] {
  const authors = parseAuthors(fields.all("AU"));
  attachAffiliations(authors, fields.all("IN", "AD"));
  return authors;
}

/** One Ovid record (own id: UI, Embase's as its L-number); in Ovid's own tags IS is the ISSN, UI the accession number, YR the year, SO the citation. */
export function ovidToArticle(record: TaggedRecord, file: ImportFile): Article {
  const fields = new Fields(record);
  const database = detectOvidDatabase(fields);
  const accession = cleanText(fields.first("UI", "AN"));
  // Ovid drops the "L" that embase.com writes before the same Embase accession number.
  const ui = database === "embase" && accession && /^\d+$/.test(accession) ? `L${accession}` : accession;
  const base = emptyArticle("", { database, file: file.file, ownId: ui, importedAt: file.importedAt });
  const abstract = plainText(fields.first("AB"));
  const source = sourceParts(fields.first("SO"));
  const pmid = database === "pubmed" && ui && /^\d+$/.test(ui) ? ui : null;
  const article: Article = {
    ...base,
    pmid,
    doi: normalizeDoi(fields.first("DO")),
    // OT is Ovid's Original Title, the title in the language of publication.
    title: firstTitle(fields.all("TI", "OT")),
    vernacularTitle: plainText(fields.first("OT")),
    languages: distinct(fields.all("LG", "LA")),
    abstractSections: abstract ? [{ label: null, nlmCategory: null, text: abstract }] : [],
    abstract,
    copyright: cleanText(fields.first("CR")),
    journal: {
      title: cleanText(fields.first("JN", "JT")) ?? source.title,
      isoAbbreviation: cleanText(fields.first("JA", "TA")),
      issn: firstIssn(fields.all("IS", "SN")),
      volume: cleanText(fields.first("VO", "VI")) ?? source.volume,
      issue: cleanText(fields.first("IP", "NO")) ?? source.issue,
      pages: cleanText(fields.first("PG")),
    },
    pubDate: publicationDate([fields.first("DP"), fields.first("YR"), fields.first("PY")]),
    authors: authorsOf(fields),
    publicationTypes: distinct(database === "eric" ? ericPublicationTypes(fields.all("PT")) : fields.all("PT")),
    keywords: distinct([...fields.all("MH"), ...fields.all("KW")].map(cleanKeyword).filter((k): k is string => k !== null)),
  };
  return assignRecordId(article);
}

export async function* parseOvid(input: AsyncIterable<Buffer | string>, file: ImportFile): AsyncGenerator<ImportItem> {
  const { lines, warnings } = exportLines(input, file);
  for await (const record of readOvidRecords(lines)) {
    yield binaryDataItem(file, record.fields, positionOf(record)) ?? { record: ovidToArticle(record, file) };
  }
  yield* warnings;
}
