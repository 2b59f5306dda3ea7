import { emptyArticle, type Article, type Author } from "../model/article.js";
import { addressesUnderAuthors, attachAddressesUnder, attachAffiliations, numberedAddressesInNote } from "./affiliations.js";
import { publicationDate } from "./dates.js";
import { exportLines } from "./lines.js";
import {
  cleanText,
  distinct,
  doiInLink,
  firstIssn,
  firstTitle,
  normalizeDoi,
  normalizePages,
  parseAuthors,
  plainText,
} from "./normalize.js";
import { assignRecordId } from "./record-id.js";
import { ericPublicationTypes } from "./eric-types.js";
import { detectRisDatabase } from "./ris-database.js";
import { carriedPmcid, carriedPmid, ownId } from "./ris-ids.js";
import { readRisRecords } from "./ris-reader.js";
import { pubmedTypesIn } from "./pubmed-types.js";
import { binaryDataItem, Fields, positionOf, truncatedRecordItem, type ImportFile, type ImportItem, type TaggedRecord } from "./types.js";

const BOOK_TYPES = new Set(["BOOK", "EBOOK", "CHAP", "ECHAP", "EDBOOK"]);
/** Databases whose M3 holds the document type (elsewhere M3 is a classification code or free text). */
const M3_IS_TYPE = new Set(["embase", "scopus", "ebsco", "cochrane"]);
const COPYRIGHT = /^(copyright\b|©|\(c\)\s)|is the property of .* and its content may not be copied/i;

/** EBSCOhost's note of where an abstract came from, after it: "[ABSTRACT FROM AUTHOR]", "[ABSTRACT FROM PUBLISHER]". */
const ABSTRACT_SOURCE_NOTE = /\s*\[ABSTRACT FROM [A-Z ]+\]$/;

function abstractOf(fields: Fields): { abstract: string | null; copyright: string | null } {
  const texts: string[] = [];
  let copyright: string | null = null;
  for (const value of fields.all("AB", "N2")) {
    const text = cleanText(plainText(value)?.replace(ABSTRACT_SOURCE_NOTE, ""));
    if (!text) continue;
    if (COPYRIGHT.test(text)) copyright ??= text;
    else if (!texts.includes(text)) texts.push(text);
  }
  return { abstract: texts.length > 0 ? texts.join(" ") : null, copyright };
}

/** A value that is nothing but a DOI, with or without its "doi:" or resolver prefix. */
const ONLY_A_DOI = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\/\S+$/i;

/**
 * DO/DI hold a DOI whatever its dress ("doi: 10.1/x.", "DOI: 10.1/x", "10.1/x; 10.1/y" gives the first);
 * L3, M3 and N1 hold other things too, so they count only when the value is a DOI and nothing else.
 */
function doiOf(fields: Fields): string | null {
  for (const value of fields.all("DO", "DI")) {
    const doi = normalizeDoi(value);
    if (doi) return doi;
  }
  for (const value of fields.all("L3", "M3", "N1")) {
    if (ONLY_A_DOI.test(value)) return normalizeDoi(value);
  }
  // A resolver link in any link field (Ovid ERIC gives the DOI only as "L1  - https://dx.doi.org/...").
  const links = fields.all("UR", "L1", "L2", "L3", "L4", "LK");
  for (const value of links) {
    if (/doi\.org\//i.test(value)) return normalizeDoi(value);
  }
  // A publisher's link with the DOI in its path or query (Lens and reference managers give some so), only when no DOI tag is there to trust.
  if (fields.first("DO", "DI") !== null) return null;
  for (const value of links) {
    const doi = doiInLink(value);
    if (doi) return doi;
  }
  return null;
}

/**
 * The record's title; PubMed's placeholders ("[Not Available].") count as none. Only without one, the
 * translated title (TT) or, in a PubMed record, OP: EndNote files PubMed's VernacularTitle (the title in
 * the original language) as "Original Publication".
 */
function titleOf(fields: Fields, database: string): string | null {
  return firstTitle(fields.all("TI", "T1", "CT", "ST", "BT", "TT", ...(database === "pubmed" ? ["OP"] : [])));
}

function journalOf(fields: Fields, type: string): Article["journal"] {
  const journalTag = type === "JOUR" || type === "JFULL" || type === "MGZN" ? ["JF", "T2", "JO", "JA", "J2"] : ["JF", "JO", "T2", "JA", "J2"];
  const title = plainText(fields.first(...journalTag));
  // JI is Web of Science's ISO abbreviation ("Vet. Comp. Orthop. Traumatol."), J9 its 29-character one ("VET COMP ORTHOPAED").
  const abbreviations = fields.all("J2", "JA", "JO", "JI", "J9").map((v) => plainText(v)).filter((v): v is string => v !== null && v !== title);
  return {
    title,
    isoAbbreviation: abbreviations[0] ?? null,
    issn: firstIssn(fields.all("SN")),
    volume: cleanText(fields.first("VL", "VO")),
    issue: issueOf(fields.first("IS")),
    pages: normalizePages(fields.first("SP"), fields.first("EP")) ?? articleNumber(fields.first("C7")),
  };
}

/**
 * IS, unless it is Ovid MEDLINE's journal codes ("0401664, du5", "101676033": the NLM journal id and a
 * code): no issue number runs to six digits.
 */
function issueOf(value: string | null): string | null {
  const text = cleanText(value);
  return text !== null && /\d{6,}/.test(text) ? null : text;
}

/**
 * C7, RIS's article number, as the pages of an article that has no page range (Web of Science and Scopus:
 * "C7  - e12292", "C7  - 11163"); only a value shaped like one, since some tools put other things there.
 */
function articleNumber(value: string | null): string | null {
  const text = cleanText(value);
  return text !== null && /^[A-Za-z]{0,4}\d[\w.-]{0,19}$/.test(text) ? text : null;
}

/** One keyword per KW line, or several on one joined by ";" (cut after decoding, so "&beta;" stays whole). */
function keywordsOf(fields: Fields): string[] {
  const keywords = fields.all("KW").flatMap((value) => (plainText(value) ?? "").split(";"));
  return distinct(keywords.map((k) => cleanText(k.replace(/\*/g, ""))).filter((k): k is string => k !== null));
}

/** Authors, with the addresses the export says are theirs: written under each author (OpenAlex), AD naming them (see attachAffiliations), or numbered in an EBSCOhost note. */
function authorsOf(fields: Fields, database: string): Author[] {
  const values = fields.all("AU", "A1");
  const authors = parseAuthors(values);
  const under = addressesUnderAuthors(fields.record);
  if (under) attachAddressesUnder(authors, under);
  else attachAffiliations(authors, fields.all("AD"));
  if (database === "ebsco") for (const note of fields.all("N1")) attachAddressesUnder(authors, numberedAddressesInNote(values, note));
  return authors;
}

/** One RIS record as an Article, its source and record_id set. */
export function risToArticle(record: TaggedRecord, file: ImportFile): Article {
  const fields = new Fields(record);
  const database = detectRisDatabase(fields);
  const id = ownId(fields, database);
  const type = (fields.first("TY") ?? "GEN").toUpperCase();
  const base = emptyArticle("", { database, file: file.file, ownId: id, importedAt: file.importedAt });
  const { abstract, copyright } = abstractOf(fields);
  const pmid = database === "pubmed" && id && /^\d+$/.test(id) ? id : carriedPmid(fields, database);
  const article: Article = {
    ...base,
    kind: BOOK_TYPES.has(type) ? "book" : "article",
    pmid,
    doi: doiOf(fields),
    pmcid: carriedPmcid(fields),
    title: titleOf(fields, database),
    languages: distinct(fields.all("LA").map((v) => v.trim())),
    abstractSections: abstract ? [{ label: null, nlmCategory: null, text: abstract }] : [],
    abstract,
    copyright,
    journal: journalOf(fields, type),
    pubDate: publicationDate([fields.first("DA"), fields.first("Y1"), fields.first("PY")]),
    authors: authorsOf(fields, database),
    publicationTypes: distinct([
      ...(database === "eric" ? ericPublicationTypes(fields.all("PT")) : fields.all("PT")),
      ...(M3_IS_TYPE.has(database) ? fields.all("M3") : []),
      ...(database === "pubmed" ? pubmedTypesIn(fields.all("N1", "M3")) : []),
    ]),
    keywords: keywordsOf(fields),
  };
  return assignRecordId(article);
}

/** Streams a RIS file's records; a record cut short is reported with its position and not stored. */
export async function* parseRis(input: AsyncIterable<Buffer | string>, file: ImportFile): AsyncGenerator<ImportItem> {
  const { lines, warnings } = exportLines(input, file);
  let withoutEr = 0;
  for await (const chunk of readRisRecords(lines)) {
    if (chunk.kind === "record") {
      if (chunk.withoutEr) withoutEr++;
      yield binaryDataItem(file, chunk.record.fields, positionOf(chunk.record)) ?? { record: risToArticle(chunk.record, file) };
      continue;
    }
    const title = new Fields(chunk.record).first("TI", "T1");
    yield truncatedRecordItem(file, chunk.record, chunk.endLine, `truncated RIS record${title ? ` "${title.slice(0, 80)}"` : ""} (${chunk.reason})`);
  }
  if (withoutEr > 0) {
    yield {
      diagnostic: {
        severity: "warning",
        location: file.file,
        position: null,
        recordId: null,
        message: `the file has no ER lines: its ${withoutEr} record(s) were taken to end at the next TY line and at the end of the file; if the last one looks cut short, export the file again`,
      },
    };
  }
  yield* warnings;
}
