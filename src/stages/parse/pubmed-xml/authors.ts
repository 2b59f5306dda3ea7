import type { Author } from "../../../model/article.js";
import { attr, child, children, markupText, text, type XmlNode } from "./text.js";

const ORCID_RE = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;
/** The 16 characters without hyphens, as NLM's element descriptions write it ("0000000179841889"). */
const ORCID_UNHYPHENATED_RE = /^(\d{4})(\d{4})(\d{4})(\d{3}[\dX])$/;

/**
 * ORCID from `Identifier Source="ORCID"`: bare ("0000-0002-1825-0097", or its 16 characters without
 * hyphens) or as a URL (2019 efetch, some baseline records); returned bare and hyphenated. A malformed
 * one (ORCIDs arrive truncated upstream) is reported and dropped rather than stored as if it identified someone.
 */
export function readOrcid(authorNode: XmlNode, warn: (message: string) => void): string | null {
  for (const id of children(authorNode, "Identifier")) {
    if (attr(id, "Source")?.toUpperCase() !== "ORCID") continue;
    const raw = text(id);
    if (raw === null) continue;
    const bare = raw
      .replace(/^https?:\/\/(www\.)?orcid\.org\//i, "")
      .replace(/\/$/, "")
      .toUpperCase()
      .replace(ORCID_UNHYPHENATED_RE, "$1-$2-$3-$4");
    if (ORCID_RE.test(bare)) return bare;
    warn(`ORCID "${raw}" is not a complete ORCID iD; left out`);
  }
  return null;
}

/** A person or group author (Author), or a group's member (Investigator: a person, never a group). */
export function readAuthor(node: XmlNode, warn: (message: string) => void): Author | null {
  const author: Author = {
    lastName: text(child(node, "LastName")),
    foreName: text(child(node, "ForeName")),
    initials: text(child(node, "Initials")),
    suffix: text(child(node, "Suffix")),
    collectiveName: markupText(child(node, "CollectiveName")),
    orcid: readOrcid(node, warn),
    affiliations: children(node, "AffiliationInfo")
      .map((info) => markupText(child(info, "Affiliation")))
      .filter((a): a is string => a !== null),
  };
  const equalContrib = attr(node, "EqualContrib");
  if (equalContrib === "Y" || equalContrib === "N") author.equalContrib = equalContrib === "Y";
  return author.lastName === null && author.collectiveName === null ? null : author;
}

/**
 * The people of the lists' `element` children, in order. One with ValidYN="N" is a name as first
 * misspelt, kept by NLM beside the corrected one after an erratum: it names no one, so it is left out.
 */
function readPeople(lists: XmlNode[], element: "Author" | "Investigator", warn: (message: string) => void): Author[] {
  const out: Author[] = [];
  for (const list of lists) {
    for (const node of children(list, element)) {
      if (attr(node, "ValidYN") === "N") continue;
      const a = readAuthor(node, warn);
      if (a !== null) out.push(a);
    }
  }
  return out;
}

/** An AuthorList that is a book's editors (Type="editors"): not its authors. */
const isEditors = (list: XmlNode): boolean => attr(list, "Type") === "editors";

/**
 * Persons and collective (group) authors, in order. A book's editors are not its authors and are skipped;
 * members in InvestigatorList are not authors either (see readInvestigators).
 */
export function readAuthors(authorLists: XmlNode[], warn: (message: string) => void): Author[] {
  return readPeople(authorLists.filter((list) => !isEditors(list)), "Author", warn);
}

/**
 * Whether the author lists are complete: false when one says CompleteYN="N" (the source printed "et al."),
 * true when they do not (the DTD's default is "Y"), null when there is none. Editors are not authors.
 */
export function readAuthorListComplete(authorLists: XmlNode[]): boolean | null {
  const lists = authorLists.filter((list) => !isEditors(list));
  if (lists.length === 0) return null;
  return !lists.some((list) => attr(list, "CompleteYN") === "N");
}

/** InvestigatorList: the members of a group author, in order, apart from the authors. */
export function readInvestigators(investigatorLists: XmlNode[], warn: (message: string) => void): Author[] {
  return readPeople(investigatorLists, "Investigator", warn);
}
