/**
 * Text helpers shared by the field modules. The record reader (tree.ts) leaves entities alone, so every
 * string taken from the tree passes through `decodeEntities` exactly once, here.
 */
import { elementAttribute, elementText, type XmlElement } from "./element.js";

const ENTITY_RE = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function entityValue(match: string, body: string): string {
  if (body.charCodeAt(0) !== 35 /* # */) return NAMED[body] ?? match;
  const code = body.charCodeAt(1) === 120 /* x */ ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  if (code === 0 || code > 0x10ffff) return match;
  return String.fromCodePoint(code);
}

/** Decodes the five XML entities and decimal/hex character references, once. */
export function decodeEntities(text: string): string {
  return text.indexOf("&") === -1 ? text : text.replace(ENTITY_RE, entityValue);
}

const NON_ASCII = /[^\x00-\x7f]/;
const XML_SPACE = /[ \t\r\n]+/g;
/** Whitespace that tidy would change: a tab or line break, a double space, or any space at either end. */
const UNTIDY = /[\t\r\n]| {2}|^\s|\s$/;

/** What \s matches below 0x80: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Whether tidy leaves `text` as it is: ASCII, without a tab or line break, a double space, or a space
 * at either end (neither UNTIDY nor NON_ASCII matches). Most texts are; a loop tells so faster than a
 * regular expression for the short ones.
 */
function isTidyAscii(text: string): boolean {
  const last = text.length - 1;
  if (last < 0) return true;
  if (isAsciiSpace(text.charCodeAt(0)) || isAsciiSpace(text.charCodeAt(last))) return false;
  let previous = 0;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || c === 9 || c === 10 || c === 13 || (c === 32 && previous === 32)) return false;
    previous = c;
  }
  return true;
}

/**
 * Collapses XML whitespace (not U+00A0: a no-break space is content), trims, NFC-normalises;
 * null when nothing is left.
 */
export function tidy(text: string): string | null {
  if (isTidyAscii(text)) return text === "" ? null : text;
  const collapsed = UNTIDY.test(text) ? text.replace(XML_SPACE, " ").trim() : text;
  if (collapsed === "") return null;
  return NON_ASCII.test(collapsed) ? collapsed.normalize("NFC") : collapsed;
}

const MATH_RE = /<(mml:)?math\b[\s\S]*?<\/(mml:)?math>/g;
const BETWEEN_TAGS_SPACE = />[ \t\r\n]+</g;
/** <mmultiscripts> writes base, postscripts, <mprescripts/>, prescripts: isotopes read "129Xe" only when reordered. */
const PRESCRIPTS_RE = /<((?:mml:)?)mmultiscripts>([\s\S]*?)<(?:mml:)?mprescripts\s*\/>([\s\S]*?)<\/(?:mml:)?mmultiscripts>/g;

/**
 * <semantics> may carry other encodings of the same formula (TeX, content MathML) in <annotation> and
 * <annotation-xml>: never displayed, and read as text they would repeat the formula in another notation.
 */
const ANNOTATION_RE = /<((?:mml:)?)(annotation(?:-xml)?)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1\2>)/g;

function flattenMath(math: string): string {
  const shown = math.indexOf("annotation") === -1 ? math : math.replace(ANNOTATION_RE, "");
  return shown.replace(BETWEEN_TAGS_SPACE, "><").replace(PRESCRIPTS_RE, "$3$2");
}
const CDATA_RE = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const TAG_RE = /<[^>]*>/g;

function escapeCdata(_m: string, body: string): string {
  return body.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Flattens raw inline markup (<i>, <b>, <sup>, <sub>, <u>, MathML) to its text, in order, keeping every
 * character outside the tags: "SnO<sub>2</sub>thin" stays "SnO2thin", words are never joined or split.
 * MathML is pretty-printed over many lines, so the indentation between its tags is dropped.
 * PubMed writes ≤ and ≥ as an underlined < and > (`<u>&lt;</u>`); those become the real characters.
 */
export function flattenMarkup(raw: string): string {
  let s = raw;
  if (s.indexOf("<") !== -1) {
    if (s.indexOf("<![CDATA[") !== -1) s = s.replace(CDATA_RE, escapeCdata);
    if (s.indexOf("math") !== -1) s = s.replace(MATH_RE, flattenMath);
    if (s.indexOf("<u>") !== -1) s = s.replace(/<u>&lt;<\/u>/g, "\u2264").replace(/<u>&gt;<\/u>/g, "\u2265");
    s = s.replace(TAG_RE, "");
  }
  return decodeEntities(s);
}

/** An element of the record, or undefined where the record has none. */
export type XmlNode = XmlElement | undefined;

/** The raw text of an element; "" when absent. */
export function rawText(node: XmlNode): string {
  return node === undefined ? "" : elementText(node);
}

/** Plain element text: entities decoded, whitespace tidied, null when empty. */
export function text(node: XmlNode): string | null {
  return tidy(decodeEntities(rawText(node)));
}

/** Text of an element that may hold inline markup (configured as a stop node, so it arrives raw). */
export function markupText(node: XmlNode): string | null {
  return tidy(flattenMarkup(rawText(node)));
}

/** An attribute value, decoded, or null. */
export function attr(node: XmlNode, name: string): string | null {
  if (node === undefined) return null;
  const v = elementAttribute(node, name);
  return v === null ? null : tidy(decodeEntities(v));
}

/** A child element (the first when repeated). */
export function child(node: XmlNode, name: string): XmlNode {
  if (node === undefined) return undefined;
  for (let c = node.firstChild; c !== null; c = c.next) if (c.name === name) return c;
  return undefined;
}

/** All children of that name, in order. */
export function children(node: XmlNode, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  if (node === undefined) return out;
  for (let c = node.firstChild; c !== null; c = c.next) if (c.name === name) out.push(c);
  return out;
}

/** Follows a path of child names, taking the first child at each step. */
export function path(node: XmlNode, ...names: string[]): XmlNode {
  let cur = node;
  for (const n of names) {
    cur = child(cur, n);
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Non-null texts of all children of that name. */
export function texts(node: XmlNode, name: string, read: (n: XmlNode) => string | null = text): string[] {
  const out: string[] = [];
  if (node === undefined) return out;
  for (let c = node.firstChild; c !== null; c = c.next) {
    if (c.name !== name) continue;
    const t = read(c);
    if (t !== null) out.push(t);
  }
  return out;
}
