import { emptyArticle, type Article, type Author } from "../model/article.js";
import { attachAffiliations } from "./affiliations.js";
import { publicationDate } from "./dates.js";
import { exportLines, type NumberedLine } from "./lines.js";
import { cleanKeyword, cleanText, distinct, firstIssn, firstTitle, normalizeDoi, normalizePages, parseAuthors, plainText } from "./normalize.js";
import { assignRecordId } from "./record-id.js";
import { binaryDataItem, Fields, positionOf, truncatedRecordItem, type ImportFile, type ImportItem, type TaggedRecord } from "./types.js";

const TAG_LINE = /^([A-Z][A-Z0-9])(?: (.*))?$/s;
/** Fields whose continuation lines are further values (one author, affiliation or reference per line). */
const LINE_LISTS = new Set(["AU", "AF", "BA", "BF", "CA", "GP", "C1", "C3", "CR", "RI", "OI", "EM"]);

type WosChunk = { kind: "record"; record: TaggedRecord } | { kind: "truncated"; record: TaggedRecord; endLine: number };

/** Groups Web of Science plain-text lines (FN/VR header, "PT J" ... "ER", final "EF") into records, streaming. */
export async function* readWosRecords(lines: AsyncIterable<NumberedLine[]>): AsyncGenerator<WosChunk> {
  let current: TaggedRecord | null = null;
  let index = 0;
  let lastLine = 0;
  for await (const batch of lines) for (const { text, lineNo } of batch) {
    lastLine = lineNo;
    if (text.trim() === "") continue;
    if (/^\s/.test(text)) {
      const last = current?.fields[current.fields.length - 1];
      if (!last) continue;
      if (LINE_LISTS.has(last[0])) current!.fields.push([last[0], text.trim()]);
      else last[1] = `${last[1]} ${text.trim()}`;
      continue;
    }
    const tagged = TAG_LINE.exec(text);
    if (!tagged) continue;
    const tag = tagged[1]!;
    const value = (tagged[2] ?? "").trim();
    if (tag === "ER") {
      if (current) yield { kind: "record", record: current };
      current = null;
    } else if (tag === "PT") {
      if (current) yield { kind: "truncated", record: current, endLine: lineNo - 1 };
      current = { fields: [["PT", value]], startLine: lineNo, index: ++index };
    } else if (current) {
      current.fields.push([tag, value]);
    }
  }
  if (current) yield { kind: "truncated", record: current, endLine: lastLine };
}

const PUBLICATION_TYPES: Record<string, string> = { J: "Journal", B: "Book", S: "Series", P: "Patent", C: "Conference" };

/** CA, the group authors ("DeWorm3 Implementation Sci Team"): collective authors, after the persons as WoS lists them. */
function groupAuthors(fields: Fields): Author[] {
  return distinct(fields.all("CA").map((v) => plainText(v)).filter((v): v is string => v !== null)).map((name) => ({
    lastName: null,
    foreName: null,
    initials: null,
    suffix: null,
    collectiveName: name,
    orcid: null,
    affiliations: [],
  }));
}

/** The persons (AF, else AU), with the addresses C1 names them in ("[Delea, Maryann G.; Solomon, Hiwote] Emory Univ, ..."). */
function authorsOf(fields: Fields): Author[] {
  const authors = parseAuthors(fields.has("AF") ? fields.all("AF") : fields.all("AU"));
  attachAffiliations(authors, fields.all("C1"));
  return authors;
}

/** One Web of Science record as an Article: own id UT ("WOS:..." or "MEDLINE:..."), PMID from PM. */
export function wosToArticle(record: TaggedRecord, file: ImportFile): Article {
  const fields = new Fields(record);
  const ut = cleanText(fields.first("UT"));
  const base = emptyArticle("", { database: "wos", file: file.file, ownId: ut, importedAt: file.importedAt });
  const abstract = plainText(fields.first("AB"));
  const pmid = fields.first("PM") ?? (ut && /^MEDLINE:(\d+)$/.exec(ut)?.[1]) ?? null;
  const keywords = [...fields.all("DE"), ...fields.all("ID")].flatMap((v) => v.split(";"));
  const pt = fields.first("PT");
  const article: Article = {
    ...base,
    kind: pt === "B" ? "book" : "article",
    pmid: pmid && /^\d+$/.test(pmid) ? pmid : null,
    doi: normalizeDoi(fields.first("DI")),
    title: firstTitle(fields.all("TI")),
    languages: distinct(fields.all("LA")),
    abstractSections: abstract ? [{ label: null, nlmCategory: null, text: abstract }] : [],
    abstract,
    journal: {
      title: plainText(fields.first("SO")),
      isoAbbreviation: cleanText(fields.first("JI", "J9")),
      issn: firstIssn(fields.all("SN", "EI")),
      volume: cleanText(fields.first("VL")),
      issue: cleanText(fields.first("IS")),
      pages: normalizePages(fields.first("BP"), fields.first("EP")) ?? normalizePages(fields.first("AR")),
    },
    pubDate: publicationDate([fields.first("PD"), fields.first("PY")]),
    authors: [...authorsOf(fields), ...groupAuthors(fields)],
    publicationTypes: distinct(fields.all("DT").flatMap((v) => v.split(";")).map((v) => v.trim()).filter(Boolean)),
    keywords: distinct(keywords.map(cleanKeyword).filter((k): k is string => k !== null)),
  };
  if (article.publicationTypes.length === 0 && pt && PUBLICATION_TYPES[pt]) article.publicationTypes = [PUBLICATION_TYPES[pt]!];
  return assignRecordId(article);
}

export async function* parseWos(input: AsyncIterable<Buffer | string>, file: ImportFile): AsyncGenerator<ImportItem> {
  const { lines, warnings } = exportLines(input, file);
  for await (const chunk of readWosRecords(lines)) {
    if (chunk.kind === "record") {
      yield binaryDataItem(file, chunk.record.fields, positionOf(chunk.record)) ?? { record: wosToArticle(chunk.record, file) };
      continue;
    }
    yield truncatedRecordItem(file, chunk.record, chunk.endLine, "truncated Web of Science record (no ER line)");
  }
  yield* warnings;
}
