import {
  emptyArticle,
  type Article,
  type Author,
  type CommentCorrection,
  type DataBank,
  type Grant,
  type MeshHeading,
  type OtherAbstract,
} from "../model/article.js";
import { isoDate, publicationDate } from "./dates.js";
import { exportLines } from "./lines.js";
import { readMedlineRecords } from "./medline-reader.js";
import { cleanKeyword, cleanText, distinct, firstIssn, firstTitle, normalizeDoi, parseAuthor, plainText, surnameCase } from "./normalize.js";
import { assignRecordId } from "./record-id.js";
import { binaryDataItem, Fields, positionOf, type ImportFile, type ImportItem, type TaggedRecord } from "./types.js";

/** MEDLINE comment/correction tags and the PubMed XML RefType each stands for. */
const REF_TYPES: Record<string, string> = {
  CON: "CommentOn",
  CIN: "CommentIn",
  EIN: "ErratumIn",
  EFR: "ErratumFor",
  CRI: "CorrectedandRepublishedIn",
  CRF: "CorrectedandRepublishedFrom",
  PRIN: "PartialRetractionIn",
  PROF: "PartialRetractionOf",
  RPI: "RepublishedIn",
  RPF: "RepublishedFrom",
  RIN: "RetractionIn",
  ROF: "RetractionOf",
  UIN: "UpdateIn",
  UOF: "UpdateOf",
  SPIN: "SummaryForPatientsIn",
  ECI: "ExpressionOfConcernIn",
  ECF: "ExpressionOfConcernFor",
  ORI: "OriginalReportIn",
};

/** NLM's name suffixes ("Bitter P Jr", "Gates WH 3rd"); a lone I or V is an initial, not a suffix. */
const SUFFIX = /^(?:Jr|Sr|\d(?:st|nd|rd|th)|I{2,3}|IV|VI{0,3})\.?$/;
const AU_INITIALS = /^\p{Lu}+$/u;

/** A name's trailing suffix token taken off: ["Patrick", "Jr"] gives "Jr" and leaves ["Patrick"]. */
function takeSuffix(tokens: string[]): string | null {
  return tokens.length > 1 && SUFFIX.test(tokens[tokens.length - 1]!) ? tokens.pop()!.replace(/\.$/, "") : null;
}

/** FAU "Last, Fore names [Suffix]": "Hensley, Dana T Jr". */
function fullAuthor(value: string): Author | null {
  const author = parseAuthor(value);
  const given = author?.foreName?.split(" ");
  if (!author || author.lastName === null || !given) return author;
  const suffix = takeSuffix(given);
  if (suffix === null) return author;
  return { ...parseAuthor(`${author.lastName}, ${given.join(" ")}`)!, suffix };
}

/**
 * AU "Last INITIALS [Suffix]", initials of any length ("Buzatti KCLR", "Hensley DT Jr"). With the last name
 * known from FAU, the initials are what follows it.
 */
function abbreviatedAuthor(value: string, lastName: string | null): Author | null {
  const text = plainText(value.replace(/\s*\(\d+\)\s*$/, ""));
  if (!text) return null;
  const tokens = text.split(" ");
  const suffix = takeSuffix(tokens);
  const known = lastName !== null && text.startsWith(`${lastName} `) ? lastName.split(" ").length : null;
  const initialsAt = known ?? (tokens.length > 1 && AU_INITIALS.test(tokens[tokens.length - 1]!) ? tokens.length - 1 : null);
  if (initialsAt === null || initialsAt >= tokens.length) return parseAuthor(value);
  const initials = tokens.slice(initialsAt).join("");
  const last = surnameCase(tokens.slice(0, initialsAt).join(" "));
  return { lastName: last, foreName: null, initials, suffix, collectiveName: null, orcid: null, affiliations: [] };
}

/** The tags of one list of people: authors (FAU, AU, AD, AUID, CN) or a group's investigators (FIR, IR, IRAD). */
interface PeopleTags {
  full: string;
  abbreviated: string;
  affiliation: string;
  orcid: string | null;
  group: string | null;
}

const AUTHOR_TAGS: PeopleTags = { full: "FAU", abbreviated: "AU", affiliation: "AD", orcid: "AUID", group: "CN" };
const INVESTIGATOR_TAGS: PeopleTags = { full: "FIR", abbreviated: "IR", affiliation: "IRAD", orcid: null, group: null };

/**
 * People in file order: the full name (FAU, FIR) with the abbreviated one that follows it, or the
 * abbreviated one alone; CN for groups; an affiliation (AD, IRAD) and AUID attach to the person before them.
 */
export function medlineAuthors(record: TaggedRecord, tags: PeopleTags = AUTHOR_TAGS): Author[] {
  const authors: Author[] = [];
  // Before 2014 MEDLINE gave one AD for the record, ahead of the authors; PubMed XML puts it on the first author.
  const early: string[] = [];
  let lastTag = "";
  for (const [tag, value] of record.fields) {
    const last = authors[authors.length - 1];
    if (tag === tags.full) {
      const author = fullAuthor(value);
      if (author) authors.push(author);
    } else if (tag === tags.abbreviated && lastTag !== tags.full) {
      const author = abbreviatedAuthor(value, null);
      if (author) authors.push(author);
    } else if (tag === tags.abbreviated && last) {
      const abbreviated = abbreviatedAuthor(value, last.lastName);
      last.initials = abbreviated?.initials ?? last.initials;
      last.suffix ??= abbreviated?.suffix ?? null;
    } else if (tag === tags.group) {
      const name = plainText(value);
      if (name) authors.push({ lastName: null, foreName: null, initials: null, suffix: null, collectiveName: name, orcid: null, affiliations: [] });
    } else if (tag === tags.affiliation) {
      const affiliation = cleanText(value);
      if (affiliation) (last ? last.affiliations : early).push(affiliation);
    } else if (tag === tags.orcid && last) {
      last.orcid = /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/.exec(value)?.[1] ?? last.orcid;
    }
    lastTag = tag;
  }
  if (authors[0] && early.length > 0) authors[0].affiliations.unshift(...early);
  return authors;
}

/** "Acne Vulgaris/*therapy", "*Software": descriptor, qualifiers and major-topic stars. */
export function parseMesh(value: string): MeshHeading | null {
  const parts = value.split("/").map((p) => p.trim());
  const head = parts[0] ?? "";
  const descriptor = cleanText(head.replace(/^\*/, ""));
  if (!descriptor) return null;
  return {
    descriptor,
    descriptorUi: null,
    majorTopic: head.startsWith("*"),
    qualifiers: parts
      .slice(1)
      .filter((q) => q.replace(/^\*/, "") !== "")
      .map((q) => ({ name: q.replace(/^\*/, ""), ui: null, majorTopic: q.startsWith("*") })),
  };
}

function grantOf(value: string): Grant {
  const [id, , agency, country] = value.split("/").map((p) => cleanText(p));
  return { grantId: id ?? null, agency: agency ?? null, country: country ?? null };
}

function commentsOf(record: TaggedRecord): CommentCorrection[] {
  const out: CommentCorrection[] = [];
  for (const [tag, value] of record.fields) {
    const refType = REF_TYPES[tag];
    if (!refType) continue;
    out.push({ refType, pmid: /PMID:\s*(\d+)/.exec(value)?.[1] ?? null, refSource: cleanText(value.replace(/\s*PMID:\s*\d+\s*$/, "")) });
  }
  return out;
}

function idWithType(values: readonly string[], type: string): string | null {
  for (const value of values) {
    const m = new RegExp(`^(.*\\S)\\s*\\[${type}\\]$`, "i").exec(value.trim());
    if (m) return m[1]!;
  }
  return null;
}

function historyOf(fields: Fields): Article["history"] {
  const phst = (status: string) => isoDate(idWithType(fields.all("PHST"), status));
  return {
    entrez: phst("entrez") ?? isoDate(fields.first("EDAT")),
    pubmed: phst("pubmed") ?? isoDate(fields.first("EDAT")),
    medline: phst("medline") ?? isoDate(fields.first("MHDA")),
  };
}

/**
 * SI "ClinicalTrials.gov/NCT02149199", "Dryad/10.5061/dryad.0cfxpnw24": PubMed XML's DataBankList, one
 * databank per name in the order first named, its accession numbers in file order.
 */
function dataBanksOf(values: readonly string[]): DataBank[] {
  const banks: DataBank[] = [];
  for (const value of values) {
    const text = cleanText(value);
    if (!text) continue;
    const slash = text.indexOf("/");
    const name = slash > 0 ? text.slice(0, slash).trim() : null;
    const accession = (slash > 0 ? text.slice(slash + 1) : text).trim();
    if (!accession) continue;
    const bank = banks.find((b) => b.name === name);
    if (bank) bank.accessionNumbers.push(accession);
    else banks.push({ name, accessionNumbers: [accession] });
  }
  return banks;
}

/** OAB, each with the OABL (language) that follows it before the next OAB: PubMed XML's OtherAbstract. */
function otherAbstractsOf(record: TaggedRecord): OtherAbstract[] {
  const out: OtherAbstract[] = [];
  let current: OtherAbstract | null = null;
  for (const [tag, value] of record.fields) {
    if (tag === "OAB") {
      const text = plainText(value);
      // The format does not say who supplied it (PubMed XML's Type); the DTD's default language is English.
      current = text ? { type: null, language: "eng", sections: [{ label: null, nlmCategory: null, text }], text, copyright: null } : null;
      if (current) out.push(current);
    } else if (tag === "OABL" && current) {
      current.language = cleanText(value) ?? current.language;
    }
  }
  return out;
}

/** One MEDLINE record as an Article; its own id is its PMID, which is its record_id. */
export function medlineToArticle(record: TaggedRecord, file: ImportFile): Article {
  const fields = new Fields(record);
  const pmid = fields.first("PMID");
  const base = emptyArticle("", { database: "pubmed", file: file.file, ownId: pmid, importedAt: file.importedAt });
  const abstract = plainText(fields.first("AB"));
  const ids = fields.all("AID", "LID");
  const article: Article = {
    ...base,
    kind: fields.has("BTI") && !fields.has("TA") ? "book" : "article",
    pmid,
    doi: normalizeDoi(idWithType(ids, "doi")),
    pmcid: cleanText(fields.first("PMC")),
    pii: idWithType(ids, "pii"),
    // TT is the title in the original language, PubMed XML's VernacularTitle.
    title: firstTitle(fields.all("TI", "BTI", "TT")),
    vernacularTitle: plainText(fields.first("TT")),
    languages: distinct(fields.all("LA")),
    abstractSections: abstract ? [{ label: null, nlmCategory: null, text: abstract }] : [],
    abstract,
    copyright: cleanText(fields.first("CI")),
    journal: {
      title: plainText(fields.first("JT")),
      isoAbbreviation: plainText(fields.first("TA")),
      issn: firstIssn(fields.all("IS")),
      volume: cleanText(fields.first("VI")),
      issue: cleanText(fields.first("IP")),
      pages: cleanText(fields.first("PG")),
    },
    pubDate: publicationDate([fields.first("DP")]),
    authors: medlineAuthors(record),
    investigators: medlineAuthors(record, INVESTIGATOR_TAGS),
    otherAbstracts: otherAbstractsOf(record),
    dataBanks: dataBanksOf(fields.all("SI")),
    publicationTypes: distinct(fields.all("PT")),
    mesh: fields.all("MH").map(parseMesh).filter((m): m is MeshHeading => m !== null),
    keywords: distinct(fields.all("OT").map(cleanKeyword).filter((k): k is string => k !== null)),
    chemicals: distinct(fields.all("RN").map((v) => cleanText(/\(([^()]*)\)\s*$/.exec(v)?.[1] ?? v)).filter((v): v is string => v !== null)),
    grants: fields.all("GR").map(grantOf),
    commentsCorrections: commentsOf(record),
    history: historyOf(fields),
    status: cleanText(fields.first("STAT")),
    publicationStatus: cleanText(fields.first("PST")),
  };
  return assignRecordId(article);
}

/** Streams a MEDLINE/"PubMed format" file's records; a record without a PMID is reported, not stored. */
export async function* parseMedline(input: AsyncIterable<Buffer | string>, file: ImportFile): AsyncGenerator<ImportItem> {
  const { lines, warnings } = exportLines(input, file);
  for await (const record of readMedlineRecords(lines)) {
    const pmid = new Fields(record).first("PMID");
    if (!pmid || !/^\d+$/.test(pmid)) {
      yield {
        diagnostic: {
          severity: "error",
          location: file.file,
          position: positionOf(record),
          recordId: null,
          message: `MEDLINE record without a valid PMID line (${pmid ? `"${pmid}"` : "none"}): it was not imported; re-export it from PubMed`,
        },
      };
      continue;
    }
    yield binaryDataItem(file, record.fields, positionOf(record)) ?? { record: medlineToArticle(record, file) };
  }
  yield* warnings;
}
