import { createHash } from "node:crypto";
import type { Author } from "../model/article.js";
import { decodeEntities, flattenMarkup } from "../stages/parse/pubmed-xml/text.js";
import { NO_TITLE_RE } from "../stages/parse/pubmed-xml/title.js";
import { decodeHtmlNames } from "./html-entities.js";

/** NFC, whitespace collapsed, trimmed; null for empty. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  // NFC and whitespace collapsing cost time on every field; most values are plain ASCII with single spaces.
  const nfc = /[^\x00-\x7F]/.test(value) ? value.normalize("NFC") : value;
  const text = (/\s\s|[^\S ]/.test(nfc) ? nfc.replace(/\s+/g, " ") : nfc).trim();
  return text === "" ? null : text;
}

/** Tags that run inside a word ("CO<sub>2</sub>", "<i>E. coli</i>", MathML): removed, nothing put in their place. */
const INLINE_TAGS =
  "sub|sup|i|u|em|span|a|sc|small|italic|underline|smallcaps|monospace|inline-formula|" +
  "math|mi|mo|mn|ms|mtext|mspace|mrow|msub|msup|msubsup|munder|mover|munderover|mfrac|msqrt|mroot|mfenced|" +
  "menclose|mpadded|mphantom|mstyle|mmultiscripts|mprescripts|none|mtable|mtr|mtd|semantics|annotation|" +
  "(?:mml|jats):[A-Za-z][A-Za-z0-9.-]*";
/**
 * Tags that end a paragraph, heading or line (Lens: <p>, <AbstractText>; JATS <sec>, <title>): a space.
 * Bold is among them: exports set run-in headings in it ("minimisation.<bold>Methods</bold>The research").
 */
const BLOCK_TAGS =
  "b|strong|bold|p|div|br|hr|li|ul|ol|h[1-6]|AbstractText|Abstract|CopyrightInformation|title|sec|list|list-item|label|caption";
/** Attributes as markup writes them (name="v", name='v', name=v): "x <b and c> y" is not a tag. */
const ATTRIBUTES = `(?:\\s+[A-Za-z_:][\\w:.-]*\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s"'<>=]+))*\\s*\\/?>`;
const BLOCK_TAG_RE = new RegExp(`<\\/?(?:${BLOCK_TAGS}|jats:(?:${BLOCK_TAGS}))${ATTRIBUTES}`, "gi");
/** A "<" that starts no inline tag: text, escaped so that flattenMarkup keeps it. */
const TEXT_LESS_THAN = new RegExp(`<(?!\\/?(?:${INLINE_TAGS})${ATTRIBUTES})`, "gi");

/**
 * The text of a field that exports leave in HTML/JATS markup (Lens: <p>, <AbstractText>; Dimensions:
 * "CO<sub>2</sub>", "&amp;"; "TGF-&beta;", "5&ndash;10"). Only known tags are markup: block tags become a
 * space, inline tags nothing ("CO2", "H2O2"), and any other "<" is text ("<or =65 years", "p < 0.001").
 * HTML's named references become their characters; the inline tags, XML's entities and numeric references
 * go the PubMed XML way (flattenMarkup), with every other "<" escaped first, so that every reference is
 * decoded once ("&amp;lt;" gives "&lt;", "&amp;beta;" gives "&beta;").
 */
export function stripMarkup(value: string): string {
  const text = decodeHtmlNames(value);
  if (text.indexOf("<") === -1) return decodeEntities(text);
  return flattenMarkup(text.replace(BLOCK_TAG_RE, " ").replace(TEXT_LESS_THAN, "&lt;"));
}

/** A text field as an export may leave it (markup, HTML entities), as plain text: see stripMarkup and cleanText. */
export function plainText(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : cleanText(stripMarkup(value));
}

/**
 * What other databases write where a record has no title: Scopus's and Ovid's "[No title available]",
 * "Untitled", "[Title not available]", and a note of the language in place of a title ("[Article in Chinese]").
 */
const OTHER_NO_TITLE_RE = /^\[?(?:no title(?: available)?|title not available|untitled|(?:article|text) in [a-z]+(?: with [a-z]+ abstract)?)\]?\.?$/i;

/** A title that is only a placeholder for none (PubMed's and other databases'): kept, every such record would share it. */
export function isPlaceholderTitle(title: string): boolean {
  return NO_TITLE_RE.test(title) || OTHER_NO_TITLE_RE.test(title);
}

/**
 * The first of the values that is a title: empty values and placeholders ("[Not Available].", "[In Process
 * Citation]", which a PubMed record carries while it has no English title, "[No title available]") are
 * passed over, as the PubMed XML parser does, so that the title in the original language can stand in.
 */
export function firstTitle(values: readonly (string | null | undefined)[]): string | null {
  for (const value of values) {
    const title = plainText(value);
    if (title !== null && !isPlaceholderTitle(title)) return title;
  }
  return null;
}

const DOI_IN_TEXT = /10\.\d{4,9}\/\S+/;

/**
 * A DOI without resolver prefixes (`https://doi.org/`, `http://dx.doi.org/`, `doi:`) or trailing
 * punctuation; the case is kept as the source gave it. Null when the text holds no DOI.
 */
export function normalizeDoi(value: string | null | undefined): string | null {
  const text = cleanText(value);
  if (!text) return null;
  let rest = text.replace(/^doi:\s*/i, "").replace(/^https?:\/\/(dx\.)?doi\.org\//i, "");
  if (/%[0-9A-Fa-f]{2}/.test(rest)) {
    try {
      rest = decodeURIComponent(rest);
    } catch {
      // not percent-encoded after all: keep as given
    }
  }
  const match = DOI_IN_TEXT.exec(rest);
  if (!match) return null;
  rest = match[0];
  return rest.replace(/[.,;:)\]}>'"]+$/, "");
}

/** Path segments publishers add after a DOI for a view of the article ("/full", "/pdf"): Frontiers, Wiley, Sage. */
const VIEW_SEGMENT = /^(?:full|fulltext|full-text|abstract|abs|summary|pdf|epdf|pdfdirect|html|references|figures|tables|metrics|citation|suppl)$/i;

/** A query value that is a DOI and nothing else, or Handle's "info:doi/" form of one (old PLOS links). */
const DOI_QUERY_VALUE = /^(?:info:doi\/)?(10\.\d{4,9}\/\S+)$/i;

/**
 * The DOI a publisher's link carries: in its path ("https://link.springer.com/article/10.1007/s00403-023-02561-9",
 * "https://onlinelibrary.wiley.com/doi/full/10.1111/jocd.15869", "https://www.frontiersin.org/articles/10.3389/x/full",
 * PLOS's old "/article/info%3Adoi%2F10.1371%2Fjournal.pone.0012345"): the path from its one "10.NNNN" segment on,
 * without a view segment or file extension after it (".pdf"); else in a query value that is only a DOI
 * ("https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456", "?doi=10.1016/..."). Null when
 * the path has no such segment or more than one, or nothing after the prefix, and no query value is a DOI.
 */
export function doiInLink(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  return doiInPath(url.pathname) ?? doiInQuery(url.searchParams);
}

function doiInPath(pathname: string): string | null {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // not percent-encoded after all: read as given
  }
  const segments = path.split("/").filter((s) => s !== "");
  const prefixes = segments.flatMap((s, i) => (/^10\.\d{4,9}$/.test(s) ? [i] : []));
  if (prefixes.length !== 1) return null;
  const suffix = segments.slice(prefixes[0]! + 1);
  while (suffix.length > 1 && VIEW_SEGMENT.test(suffix[suffix.length - 1]!)) suffix.pop();
  if (suffix.length === 0) return null;
  suffix[suffix.length - 1] = suffix[suffix.length - 1]!.replace(/\.(?:pdf|html?|xml|epub)$/i, "");
  return normalizeDoi(`${segments[prefixes[0]!]}/${suffix.join("/")}`);
}

function doiInQuery(params: URLSearchParams): string | null {
  for (const value of params.values()) {
    const m = DOI_QUERY_VALUE.exec(value.trim());
    if (m) return normalizeDoi(m[1]);
  }
  return null;
}

/** Eight characters standing alone, not a group of a longer hyphenated number such as an ISBN ("978-1-4020-1234-5"). */
const ISSN_CANDIDATE = /(?<![\dXx-])(\d{4})-?(\d{3}[\dXx])(?![\dXx]|-\d)/g;

/** ISO 3297's check: digits weighted 8 down to 2, the check character making the sum a multiple of 11 (10 written X). */
function issnChecks(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  return digits[7]!.toUpperCase() === (check === 10 ? "X" : String(check));
}

/**
 * First ISSN found in the values ("1895-5770 1895-5770", "20964129 (ISSN)", "0894-9867, 0894-9867"), as
 * NNNN-NNNX; a number whose check character fails, or a piece of an ISBN that SN holds for a book, is none.
 */
export function firstIssn(values: readonly string[]): string | null {
  for (const value of values) {
    for (const match of value.matchAll(ISSN_CANDIDATE)) {
      if (issnChecks(match[1]! + match[2]!)) return `${match[1]}-${match[2]!.toUpperCase()}`;
    }
  }
  return null;
}

/**
 * Start and end page as one range; Unicode hyphens become "-"; "No"/"Specified" placeholders dropped, and
 * Web of Science's "UNSP" (unspecified) before an article number ("UNSP 1722034").
 */
export function normalizePages(start: string | null | undefined, end?: string | null): string | null {
  const clean = (v: string | null | undefined): string | null => {
    const t = cleanText(v ?? null)?.replace(/[\u2010-\u2015\u2212]/g, "-").replace(/^UNSP\s+/, "") ?? null;
    if (!t || /^(no|specified|n\/a|no pagination( specified)?)$/i.test(t)) return null;
    return t;
  };
  const sp = clean(start);
  const ep = clean(end);
  if (!sp) return ep;
  if (!ep || ep === sp || sp.includes("-")) return sp;
  return `${sp}-${ep}`;
}

/** Keyword without major-topic asterisks ("*athlete", "Acne Vulgaris/*therapy", "[*prevention & control]"). */
export function cleanKeyword(value: string): string | null {
  return plainText(value.replace(/\*/g, ""));
}

/** Distinct values (case-insensitive), first spelling kept, order kept. */
export function distinct(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = v.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

const EAST_ASIAN_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const INITIALS_TOKEN = /^(?:\p{Lu}\.?-?)+$/u;

/**
 * A word of capitals that stands for given names ("J.", "J.-P.", "JA", "MDP"). In a name written all in
 * capitals (EBSCO's "CROUDACE, ANGUS D.", "CAIZHI SHEN") capitals say nothing: there an undotted word of
 * three letters or more is a name.
 */
function isInitials(word: string, shouted: boolean): boolean {
  return INITIALS_TOKEN.test(word) && (!shouted || word.includes(".") || word.replace(/-/g, "").length <= 2);
}

/** No lower-case letter at all: "CROUDACE, ANGUS D.", not "Gyeke, MDP". */
function isShouted(name: string): boolean {
  return !/\p{Ll}/u.test(name);
}

function initialsOf(given: string, shouted: boolean): string {
  return given
    .split(/[\s.-]+/)
    .filter(Boolean)
    .map((part) => (isInitials(part, shouted) ? part.replace(/[.-]/g, "") : part.charAt(0)))
    .join("")
    .toUpperCase();
}

/** Name particles that start a surname ("van der Berg", "de la Cruz", "von Trapp", "Da Silva"). */
const PARTICLE = /^(?:van|von|der|den|de|del|della|dei|des|di|da|das|do|dos|du|la|le|ten|ter|zu|zur|af|av)$/i;

/** Particles written in lower case before the rest of a surname (Dutch, German, French, Spanish, Portuguese); Italian ones ("Di Mario", "Della Valle") are capitalised. */
const LOWER_CASE_PARTICLE = /^(?:van|von|der|den|de|des|du|la|le|ten|ter|zu|zur|da|das|do|dos|af|av)$/i;

/** One word of a name written in capitals, in the case it is usually written: "McDonald", "O'Brien", "Smith-Jones". */
function wordCase(word: string, particle: boolean): string {
  // Turkish capitals (İ, Ğ, Ş) say the word is Turkish, whose I and İ lower to ı and i ("GÜVELİOĞLU").
  const lower = /[İĞŞ]/u.test(word) ? word.toLocaleLowerCase("tr") : word.toLowerCase();
  if (particle && LOWER_CASE_PARTICLE.test(word)) return lower;
  return lower
    .replace(/(^|[-'\u2019])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
    .replace(/^Mc(\p{Ll})(?=\p{Ll})/u, (_, letter: string) => `Mc${letter.toUpperCase()}`);
}

/**
 * A surname written wholly in capitals ("SMITH", "VAN DER BERG", "O'BRIEN") in the case a reviewer expects
 * ("Smith", "van der Berg", "O'Brien"); any other surname as written. Capitals carry no case, whether the
 * whole file, one record (Web of Science writes its pre-1990s records so) or only the surname (the French
 * "DUPONT Jean") is in capitals, so the rule is per name.
 */
export function surnameCase(lastName: string): string {
  if (/\p{Ll}/u.test(lastName) || lastName.replace(/[^\p{L}]/gu, "").length < 2) return lastName;
  const words = lastName.split(" ");
  // A French article that starts a surname is capitalised ("Le Gall", "La Fontaine"), not after "de" ("de la Cruz").
  const lowered = (word: string, i: number): boolean => i < words.length - 1 && PARTICLE.test(word) && (i > 0 || !/^l[ae]$/i.test(word));
  return words.map((word, i) => wordCase(word, lowered(word, i))).join(" ");
}

/** Given names of a name written all in capitals, initials kept: "ANGUS D." gives "Angus D.". */
function givenCase(given: string, shouted: boolean): string {
  if (!shouted) return given;
  return given.replace(/[\p{L}'\u2019.-]+/gu, (word) => (isInitials(word, true) ? word : wordCase(word, false)));
}

function person(lastName: string, given: string | null, shouted: boolean): Author {
  const g = cleanText(given);
  const onlyInitials = g !== null && g.split(/[\s-]+/).filter(Boolean).every((word) => isInitials(word, shouted));
  return {
    lastName: surnameCase(lastName),
    foreName: g && !onlyInitials ? givenCase(g, shouted) : null,
    initials: g ? initialsOf(g, shouted) || null : null,
    suffix: null,
    collectiveName: null,
    orcid: null,
    affiliations: [],
  };
}

/** Words of corporate and group author names ("World Health Organization", "European Medicines Agency", "NICE Guideline Committee"). */
const GROUP = new RegExp(
  "\\b(?:group|consortium|committee|task force|collaborat\\w*|society|network|investigators|team|association|working party|study|" +
    "organi[sz]ation|institute|institut|agency|academy|council|foundation|ministry|department|university|universit[ye]|college|" +
    "cent(?:er|re)|commission|board|federation|authority|office|panel|programme|program|service|alliance|union|trust|hospital|" +
    "clinic|initiative|coalition|forum|partnership|registry|bureau|secretariat|administration|corporation|company|inc|ltd|gmbh)s?\\b",
  "i",
);
/** MEDLINE's "Board J" (surname and up to three capitals), IEEE's "J. Board" (dotted initials before it). */
const SURNAME_INITIALS = /^[\p{L}'-]+ \p{Lu}{1,3}$|^(?:\p{Lu}\.[\s-]?)+[\p{L}'-]+$/u;
const GIVEN_NAMES = /^(?!the\b)(?:[\p{L}'.-]+\s*){1,3}$/iu;

/**
 * A person whose surname is also a word of group names: "Service, Robert" (one word, then up to three
 * given names), "Board J", "J. Board". Not Dimensions' inverted group names: "Team, The Global Adaptation
 * Mapping", "Network, Multi-Country Multi-City Collaborative Research".
 */
function personShaped(text: string): boolean {
  const comma = text.indexOf(",");
  if (comma < 0) return SURNAME_INITIALS.test(text);
  const surname = text.slice(0, comma).trim();
  const given = text.slice(comma + 1).trim();
  return !/\s/.test(surname) && GIVEN_NAMES.test(given) && !GROUP.test(given);
}

/**
 * An author from the forms exports use: "Last, First", "Last, F.", "Last FM" (MEDLINE AU, Embase "Fanning E."),
 * and "F. Last" (IEEE); group names ("IADVL Task Force") are collective authors. A single word is kept as the last name.
 */
export function parseAuthor(value: string): Author | null {
  const text = plainText(value.replace(/\s*\(\d+\)\s*$/, ""));
  if (!text) return null;
  if (GROUP.test(text) && !personShaped(text)) {
    return { lastName: null, foreName: null, initials: null, suffix: null, collectiveName: text, orcid: null, affiliations: [] };
  }
  const { name, suffix } = withoutSuffix(text);
  const author = personalName(name);
  return suffix ? { ...author, suffix: /^[JS]R$/.test(suffix) ? wordCase(suffix, false) : suffix } : author;
}

/** Name suffixes: "Jr", "Sr", "II"-"IV", "VI"-"VIII", "3rd" (a lone I or V is an initial). */
const NAME_SUFFIX = /^(?:Jr|Sr|\d(?:st|nd|rd|th)|I{2,3}|IV|VI{1,3})\.?$/i;

/** The suffix RIS writes as a third part ("Smith, John A., Jr.") or MEDLINE-style names end with ("Bitter P Jr"), taken off. */
function withoutSuffix(text: string): { name: string; suffix: string | null } {
  const parts = text.includes(",") ? text.split(",").map((p) => p.trim()) : text.split(" ");
  const last = parts[parts.length - 1]!;
  if (parts.length < 3 || !NAME_SUFFIX.test(last)) return { name: text, suffix: null };
  return { name: parts.slice(0, -1).join(text.includes(",") ? ", " : " "), suffix: last.replace(/\.$/, "") };
}

/** How many words a surname that starts at `from` takes: its particles and the word after them ("van der Berg"). */
function surnameLength(tokens: readonly string[], from: number): number {
  let n = 0;
  while (from + n < tokens.length - 1 && PARTICLE.test(tokens[from + n]!)) n++;
  return n + 1;
}

/** A word in capitals that is a surname, not initials: three letters or more, with a vowel ("DUPONT", "LEE"; not "MDP"). */
function capitalSurnameWord(word: string): boolean {
  return !/\p{Ll}/u.test(word) && word.replace(/[^\p{L}]/gu, "").length >= 3 && /[AEIOUYÀ-ÖØ-Ý]/u.test(word);
}

/** How many leading words are a surname in capitals before given names in mixed case ("DUPONT Jean-Pierre"), else 0. */
function capitalSurnameFirst(tokens: readonly string[]): number {
  let n = 0;
  while (n < tokens.length && !/\p{Ll}/u.test(tokens[n]!)) n++;
  if (n === 0 || n === tokens.length || !tokens.slice(0, n).some(capitalSurnameWord)) return 0;
  return tokens.slice(n).every((t) => /^\p{Lu}\p{Ll}/u.test(t)) ? n : 0;
}

function personalName(text: string): Author {
  const shouted = isShouted(text);
  const comma = text.indexOf(",");
  if (comma > 0) return person(text.slice(0, comma).trim(), text.slice(comma + 1), shouted);
  const tokens = text.split(" ");
  if (tokens.length === 1) return person(text, null, shouted);
  // Chinese, Japanese and Korean names in their own script put the family name first ("熊 玮").
  if (EAST_ASIAN_SCRIPT.test(text)) return person(tokens[0]!, tokens.slice(1).join(" "), shouted);
  const capitalSurname = capitalSurnameFirst(tokens);
  if (capitalSurname > 0) return person(tokens.slice(0, capitalSurname).join(" "), tokens.slice(capitalSurname).join(" "), shouted);
  // A name that starts with a particle starts with its surname: "VAN DER BERG JOHN", "de la Cruz Maria".
  if (PARTICLE.test(tokens[0]!)) {
    const n = surnameLength(tokens, 0);
    if (n < tokens.length) return person(tokens.slice(0, n).join(" "), tokens.slice(n).join(" "), shouted);
  }
  const lastToken = tokens[tokens.length - 1]!;
  if (isInitials(lastToken, shouted) && lastToken.replace(/[.-]/g, "").length <= 3) {
    // Initials spaced apart (EPPI-Reviewer's "Brownstein C D", "McNamara M E") are all the given part.
    let first = tokens.length - 1;
    while (first > 1 && /^\p{Lu}\.?$/u.test(tokens[first - 1]!) && /^\p{Lu}\.?$/u.test(tokens[first]!)) first--;
    // In capitals, words between the surname and the initials are given names ("SMITH JOHN A"): no export
    // writes a full given name after MEDLINE-style initials, and MEDLINE files name the surname in FAU.
    if (shouted && first > 1) first = surnameLength(tokens, 0);
    return person(tokens.slice(0, first).join(" "), tokens.slice(first).join(" "), shouted);
  }
  let lead = 0;
  while (lead < tokens.length - 1 && isInitials(tokens[lead]!, shouted)) lead++;
  if (lead > 0) return person(tokens.slice(lead).join(" "), tokens.slice(0, lead).join(" "), shouted);
  // Given names first: the surname starts at its first particle ("Johannes van der Berg"), else it is the last word.
  const particle = tokens.findIndex((t, i) => i > 0 && i < tokens.length - 1 && PARTICLE.test(t));
  const from = particle > 0 ? particle : tokens.length - 1;
  return person(tokens.slice(from).join(" "), tokens.slice(0, from).join(" "), shouted);
}

/** Authors in order, exact repeats dropped (IEEE lists some authors twice). */
export function parseAuthors(values: readonly string[]): Author[] {
  const seen = new Set<string>();
  const out: Author[] = [];
  for (const value of values) {
    const key = cleanText(value)?.toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const author = parseAuthor(value);
    if (author) out.push(author);
  }
  return out;
}

/** Stable id for a record without its own: title, year, first author and DOI, case- and space-insensitive. */
export function contentId(title: string | null, year: number | null, firstAuthor: string | null, doi: string | null): string {
  const key = [title, year === null ? "" : String(year), firstAuthor, doi]
    .map((v) => (v ?? "").toString().normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim())
    .join("\u001f");
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}
