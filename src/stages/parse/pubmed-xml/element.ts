/**
 * The elements of one record as the reader (tree.ts) gives them: names, nesting and source offsets
 * only. Texts and attribute values stay in the record's source until a field module asks for them, so
 * the many that no field reads are never copied. What they read back is what fast-xml-parser gives for
 * PubMed (tests/parse/tree.test.ts holds them to it): an element's text is its own text runs and CDATA
 * sections, trimmed; a stop node's is its raw content.
 */
import { attributeValue, isBlank, lineBreaks, markupEnd, trimmedSlice } from "./scan.js";

/** One record's source and the parts cut out of it (xml.ts): [start, stop) pairs, read as their line breaks. */
export interface XmlDoc {
  xml: string;
  cuts: readonly number[];
}

export const NO_CUTS: readonly number[] = [];

/**
 * How an element's content is read. Parsed: text, comments, CDATA and child elements. Text: text only,
 * no "<" in it, read trimmed. Raw: a stop node's content, markup and all, untrimmed. Empty: self-closing.
 */
export const Content = { Parsed: 0, Text: 1, Raw: 2, Empty: 3 } as const;
export type Content = (typeof Content)[keyof typeof Content];

export class XmlElement {
  firstChild: XmlElement | null = null;
  lastChild: XmlElement | null = null;
  next: XmlElement | null = null;
  /** Content from just after the start tag to the "<" of the end tag (both the start tag's end when self-closing). */
  contentStart = 0;
  contentEnd = 0;
  /** Index just after the element (its end tag's ">"). */
  end = 0;
  content: Content = Content.Parsed;

  constructor(
    readonly doc: XmlDoc,
    readonly name: string,
    /** Index of the start tag's "<". */
    readonly start: number,
    readonly hasAttributes: boolean,
  ) {}

  append(child: XmlElement): void {
    if (this.lastChild === null) this.firstChild = child;
    else this.lastChild.next = child;
    this.lastChild = child;
  }
}

/** The raw (still entity-encoded) text of an element, as fast-xml-parser gives it. */
export function elementText(el: XmlElement): string {
  const { xml } = el.doc;
  switch (el.content) {
    case Content.Text:
      return trimmedSlice(xml, el.contentStart, el.contentEnd);
    case Content.Raw:
      return xml.slice(el.contentStart, el.contentEnd);
    case Content.Empty:
      return "";
    default:
      return parsedText(el);
  }
}

/** A raw attribute value of an element (the last when repeated), or null. */
export function elementAttribute(el: XmlElement, name: string): string | null {
  return el.hasAttributes ? attributeValue(el.doc.xml, el.start + 1 + el.name.length, name) : null;
}

function escapeCdata(body: string): string {
  return body.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/**
 * The text of an element with markup in it: its text runs and CDATA sections between the children,
 * white space before the first real text left out, trimmed. A cut part reads as its line breaks.
 */
function parsedText(el: XmlElement): string {
  const { xml, cuts } = el.doc;
  let text = "";
  const add = (from: number, to: number): void => {
    if (text !== "") text += xml.slice(from, to);
    else if (!isBlank(xml, from, to)) text = xml.slice(from, to);
  };
  let cut = 0;
  let child = el.firstChild;
  let i = el.contentStart;
  while (i < el.contentEnd) {
    if (child !== null && i === child.start) {
      i = child.end;
      child = child.next;
      continue;
    }
    while (cut < cuts.length && cuts[cut]! < i) cut += 2;
    if (cut < cuts.length && cuts[cut] === i) {
      if (text !== "") text += "\n".repeat(lineBreaks(xml, i, cuts[cut + 1]!));
      i = cuts[cut + 1]!;
      continue;
    }
    if (xml.charCodeAt(i) !== 60 /* < */) {
      const next = xml.indexOf("<", i);
      const to = next === -1 || next > el.contentEnd ? el.contentEnd : next;
      add(i, to);
      i = to;
      continue;
    }
    const end = markupEnd(xml, i);
    if (xml.startsWith("<![CDATA[", i)) text += escapeCdata(xml.slice(i + 9, end - 3));
    i = end;
  }
  return text.trim();
}
