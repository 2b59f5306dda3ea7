import type { Author } from "../model/article.js";
import { cleanText, parseAuthor } from "./normalize.js";
import type { TaggedRecord } from "./types.js";

/** PsycINFO's "Trindade, Ines A.: Faculty of Psychology, ...": surname, given names, colon. */
const SURNAME_GIVEN = /^([^,:()]+),\s*([^,:()]+?):\s+(.+)$/su;
/** Embase's "Z. Yang, School of ...": dotted initials, surname, comma. */
const INITIALS_SURNAME = /^((?:\p{Lu}\.[\s-]?)+)\s*([^,]+?),\s+(.+)$/su;
/** Ovid's "(Behan, Rubbo, Lucas) NIHR Southampton ...": the surnames whose address it is, in parentheses. */
const SURNAMES_FIRST = /^\(([^()]+)\)\s*(.+)$/su;
/** Web of Science's C1 "[Delea, Maryann G.; Solomon, Hiwote] Emory Univ, ...": full names in brackets. */
const FULL_NAMES_FIRST = /^\[([^\[\]]+)\]\s*(.+)$/su;

interface NamedAffiliation {
  /** Surname and, when given, first initial of each person the text names; null when it names nobody. */
  people: { surname: string; initial: string | null }[] | null;
  text: string;
}

const key = (name: string) => name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

function fullName(name: string): { surname: string; initial: string | null } {
  const comma = name.indexOf(",");
  if (comma < 0) return { surname: key(name), initial: null };
  return { surname: key(name.slice(0, comma)), initial: name.slice(comma + 1).trim().charAt(0).toUpperCase() || null };
}

function named(value: string): NamedAffiliation {
  let m = FULL_NAMES_FIRST.exec(value);
  if (m) return { people: m[1]!.split(";").map(fullName), text: m[2]! };
  m = SURNAMES_FIRST.exec(value);
  if (m) return { people: m[1]!.split(",").map((s) => ({ surname: key(s), initial: null })), text: m[2]! };
  m = INITIALS_SURNAME.exec(value);
  if (m) return { people: [{ surname: key(m[2]!), initial: m[1]!.charAt(0).toUpperCase() }], text: m[3]! };
  m = SURNAME_GIVEN.exec(value);
  if (m) return { people: [{ surname: key(m[1]!), initial: m[2]!.trim().charAt(0).toUpperCase() }], text: m[3]! };
  return { people: null, text: value };
}

function matches(author: Author, person: { surname: string; initial: string | null }): boolean {
  if (author.lastName === null || key(author.lastName) !== person.surname) return false;
  return person.initial === null || author.initials === null || author.initials.startsWith(person.initial);
}

/**
 * Gives the authors the affiliations an export lists, only where it says whose each one is: an address that
 * names its authors (Embase's "Z. Yang, ...", PsycINFO's "Trindade, Ines A.: ...", Ovid's "(Behan, Rubbo) ...",
 * Web of Science's "[Delea, Maryann G.; Solomon, Hiwote] ...") goes to them, and every address goes to a
 * record's only person. Addresses listed for the record as a whole
 * (Scopus, Web of Science, EndNote's RIS AD) are in no author order: given to nobody rather than to the wrong
 * person. An address whose names match no author is read as an address that names nobody.
 */
export function attachAffiliations(authors: Author[], values: readonly string[]): void {
  const persons = authors.filter((a) => a.lastName !== null);
  for (const value of values) {
    const entry = named(value);
    let owners = entry.people ? persons.filter((a) => entry.people!.some((p) => matches(a, p))) : [];
    let text = cleanText(entry.text);
    if (owners.length === 0) {
      owners = persons.length === 1 ? persons : [];
      text = cleanText(value);
    }
    if (text === null) continue;
    for (const owner of owners) if (!owner.affiliations.includes(text)) owner.affiliations.push(text);
  }
}

const AUTHOR_TAGS = new Set(["AU", "A1"]);
const ADDRESS_TAGS = new Set(["C1", "AD"]);

/**
 * The address lines a RIS record writes under each author (OpenAlex: "AU  - Vicente, Alba", then her
 * "C1  - ..." lines, then the next AU), as [author value, addresses]; null unless some addresses sit between
 * two authors, since addresses that only follow the last author (Scopus, WoS) are the whole record's.
 */
export function addressesUnderAuthors(record: TaggedRecord): [string, string[]][] | null {
  const under: [string, string[]][] = [];
  let current: [string, string[]] | null = null;
  let between = false;
  for (const [tag, value] of record.fields) {
    if (AUTHOR_TAGS.has(tag)) {
      if (current && current[1].length > 0) between = true;
      current = [value, []];
      under.push(current);
    } else if (ADDRESS_TAGS.has(tag) && current) {
      if (value.trim() !== "") current[1].push(value);
    } else {
      current = null;
    }
  }
  return between ? under : null;
}

/** Gives each author the addresses written under their name (see addressesUnderAuthors). */
export function attachAddressesUnder(authors: Author[], under: readonly [string, string[]][]): void {
  const unused = new Set(authors);
  for (const [value, addresses] of under) {
    const named = parseAuthor(value);
    if (!named) continue;
    const author = [...unused].find(
      (a) => a.lastName === named.lastName && a.foreName === named.foreName && a.initials === named.initials && a.collectiveName === named.collectiveName,
    );
    if (!author) continue;
    unused.delete(author);
    for (const address of addresses) {
      const text = cleanText(address);
      if (text !== null && !author.affiliations.includes(text)) author.affiliations.push(text);
    }
  }
}

/** EBSCOhost's note ends its numbered addresses at the next labelled part ("; Source Info: ...", "; Issue Info: ..."). */
const NOTE_ADDRESSES = /Affiliations?:\s+(.*?)(?:;\s*[A-Z][\w/ -]*:\s|$)/s;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The addresses an EBSCOhost note (N1) numbers for each author: "Curry Rogers, Kristina 1; Email Address: ...
 * Martínez, Ricardo N. 2 ...; Affiliation:  1: Biology and Geology Departments, ...  2: Instituto ...", as
 * [author value, addresses]; an author the note names without numbers gets none.
 */
export function numberedAddressesInNote(authorValues: readonly string[], note: string): [string, string[]][] {
  const block = NOTE_ADDRESSES.exec(note);
  if (!block) return [];
  const parts = block[1]!.split(/(?:^|;?\s+)(\d{1,2}):\s+/);
  const byNumber = new Map<string, string>();
  for (let i = 1; i + 1 < parts.length; i += 2) byNumber.set(parts[i]!, parts[i + 1]!.replace(/[;\s]+$/, ""));
  const people = note.slice(0, block.index);
  return authorValues.map((value) => {
    const numbers = new RegExp(`(?:^|[;\\s])${escape(value.trim())}\\s+(\\d{1,2}(?:,\\d{1,2})*)(?=[;\\s]|$)`).exec(people)?.[1];
    return [value, numbers ? numbers.split(",").flatMap((n) => byNumber.get(n) ?? []) : []];
  });
}
