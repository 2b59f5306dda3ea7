/**
 * Character-level pieces of the record reader (tree.ts), written with charCodeAt and indexOf so that
 * reading a tag allocates only its name and attribute values. The grammar is the one the reader has
 * always accepted: names [A-Za-z_][\w:.-]*, attribute values quoted and without "<", white space as a
 * JavaScript regular expression's \s, references &#x..; &#..; &name;.
 */

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const HASH = 35;
const SEMICOLON = 59;
const LOWER_X = 120;

export function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** [\w.-]: the characters after the first of an entity name. */
function isEntityNameChar(c: number): boolean {
  return isNameStart(c) || isDigit(c) || c === 46 || c === 45;
}

/** For each ASCII code, whether it is in [\w:.-], the characters after the first of an element or attribute name. */
const NAME_CHARS = Uint8Array.from({ length: 128 }, (_, c) => (isEntityNameChar(c) || c === 58 ? 1 : 0));

/** What \s matches (and String.prototype.trim removes). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The index after the name that starts at `at` (xml[at] is a name start). Past the end, charCodeAt gives NaN, which ends every loop here. */
export function nameEnd(xml: string, at: number): number {
  let i = at + 1;
  for (let c = xml.charCodeAt(i); c < 128 && NAME_CHARS[c] === 1; c = xml.charCodeAt(++i));
  return i;
}

export function skipSpace(xml: string, at: number): number {
  let i = at;
  while (isSpace(xml.charCodeAt(i))) i++;
  return i;
}

/** How many line breaks ("\n") text[from, to) holds. */
export function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** True when xml[from, to) is white space only. */
export function isBlank(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(xml.charCodeAt(i))) return false;
  return true;
}

/** A start tag as read by readStartTag; one object is reused for every tag of a record. */
export interface StartTag {
  name: string;
  /** "@_name" → value, as written (entities are decoded later); null when the tag has none. */
  attributes: Record<string, unknown> | null;
  /** Whether the tag has attributes, whether or not they were kept. */
  hasAttributes: boolean;
  selfClosing: boolean;
  /** Index just after the tag's ">". */
  end: number;
}

export function newStartTag(): StartTag {
  return { name: "", attributes: null, hasAttributes: false, selfClosing: false, end: 0 };
}

/** The index of the quote closing the value opened at `open`, or -1 when the value holds "<" or never closes. */
function valueEnd(xml: string, open: number): number {
  const quote = xml.charCodeAt(open);
  for (let i = open + 1; ; i++) {
    const c = xml.charCodeAt(i);
    if (c === quote) return i;
    if (c === LT || c !== c /* NaN: end of input */) return -1;
  }
}

/**
 * Reads the start tag at `at` (xml[at] is "<", xml[at + 1] a name start) into `tag`; false when it is
 * not a well-formed start tag. Attribute values are kept only when `withAttributes` is set.
 */
export function readStartTag(xml: string, at: number, tag: StartTag, withAttributes: boolean): boolean {
  const end = nameEnd(xml, at + 1);
  tag.name = xml.slice(at + 1, end);
  tag.attributes = null;
  tag.hasAttributes = false;
  let i = end;
  for (;;) {
    const s = skipSpace(xml, i);
    const c = xml.charCodeAt(s);
    if (c === GT) {
      tag.selfClosing = false;
      tag.end = s + 1;
      return true;
    }
    if (c === SLASH) {
      if (xml.charCodeAt(s + 1) !== GT) return false;
      tag.selfClosing = true;
      tag.end = s + 2;
      return true;
    }
    // An attribute must be separated from what precedes it by white space.
    if (s === i || !isNameStart(c)) return false;
    const attrEnd = nameEnd(xml, s);
    const equals = skipSpace(xml, attrEnd);
    if (xml.charCodeAt(equals) !== EQUALS) return false;
    const open = skipSpace(xml, equals + 1);
    const q = xml.charCodeAt(open);
    if (q !== DOUBLE_QUOTE && q !== SINGLE_QUOTE) return false;
    const close = valueEnd(xml, open);
    if (close === -1) return false;
    tag.hasAttributes = true;
    if (withAttributes) {
      if (tag.attributes === null) tag.attributes = {};
      tag.attributes[`@_${xml.slice(s, attrEnd)}`] = xml.slice(open + 1, close);
    }
    i = close + 1;
  }
}

/**
 * The raw value of attribute `name` (the last when repeated) in a start tag the reader found
 * well-formed, whose attributes begin at `from`; null when it has none of that name.
 */
export function attributeValue(xml: string, from: number, name: string): string | null {
  let found: string | null = null;
  let i = from;
  for (;;) {
    const s = skipSpace(xml, i);
    const c = xml.charCodeAt(s);
    if (c === GT || c === SLASH) return found;
    const attrEnd = nameEnd(xml, s);
    const open = skipSpace(xml, skipSpace(xml, attrEnd) + 1);
    const close = valueEnd(xml, open);
    if (attrEnd - s === name.length && xml.startsWith(name, s)) found = xml.slice(open + 1, close);
    i = close + 1;
  }
}

/**
 * Reads the end tag at `at` (xml[at, at + 2) is "</"): the index after its ">", or -1 when it is not
 * well-formed. Its name is xml[at + 2, nameEnd(xml, at + 2)).
 */
export function endTagEnd(xml: string, at: number): number {
  if (!isNameStart(xml.charCodeAt(at + 2))) return -1;
  const gt = skipSpace(xml, nameEnd(xml, at + 2));
  return xml.charCodeAt(gt) === GT ? gt + 1 : -1;
}

/** The index after the end tag at `at` when it is `</name>` (white space allowed before ">"); -1 otherwise. */
export function closingTagEnd(xml: string, at: number, name: string): number {
  const from = at + 2;
  if (!xml.startsWith(name, from)) return -1;
  const gt = skipSpace(xml, from + name.length);
  return xml.charCodeAt(gt) === GT ? gt + 1 : -1;
}

/** xml.slice(from, to).trim(), slicing once. */
export function trimmedSlice(xml: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a < b && isSpace(xml.charCodeAt(a))) a++;
  while (b > a && isSpace(xml.charCodeAt(b - 1))) b--;
  return a === b ? "" : xml.slice(a, b);
}

/** For a comment, CDATA section or processing instruction at `at`: the index after it; -1 when unclosed or not one. */
export function markupEnd(xml: string, at: number): number {
  let close: string;
  let from: number;
  if (xml.startsWith("<!--", at)) {
    close = "-->";
    from = at + 4;
  } else if (xml.startsWith("<![CDATA[", at)) {
    close = "]]>";
    from = at + 9;
  } else if (xml.startsWith("<?", at)) {
    close = "?>";
    from = at + 2;
  } else {
    return -1;
  }
  const end = xml.indexOf(close, from);
  return end === -1 ? -1 : end + close.length;
}

/** Whether the "&" at `at` starts a reference: &#x1F; &#31; &name; */
function startsReference(xml: string, at: number): boolean {
  let i = at + 1;
  let c = xml.charCodeAt(i);
  if (c === HASH) {
    const hex = xml.charCodeAt(i + 1) === LOWER_X;
    i += hex ? 2 : 1;
    const first = i;
    while (hex ? isHexDigit(xml.charCodeAt(i)) : isDigit(xml.charCodeAt(i))) i++;
    return i > first && xml.charCodeAt(i) === SEMICOLON;
  }
  if (!isNameStart(c)) return false;
  do c = xml.charCodeAt(++i);
  while (isEntityNameChar(c));
  return c === SEMICOLON;
}

/** Whether xml[from, to) holds an "&" that starts no reference; `from` is the first "&" there or before. */
export function hasStrayAmpersand(xml: string, from: number, to: number): boolean {
  for (let i = xml.indexOf("&", from); i !== -1 && i < to; i = xml.indexOf("&", i + 1)) {
    if (!startsReference(xml, i)) return true;
  }
  return false;
}
