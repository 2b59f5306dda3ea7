/**
 * A strict, small XML reader for one PubMed record. It jumps from "<" to "<" with indexOf and reads
 * tags with charCodeAt (scan.ts), so text is never copied character by character, and it checks
 * well-formedness as it goes (names, attribute syntax, entity syntax, nesting), so a malformed record
 * is rejected, never half-read. It gives the record's elements as element.ts holds them: names,
 * nesting and offsets, the same tree as fast-xml-parser configured for PubMed (attributes, text
 * trimmed, values never converted, entities left for text.ts to decode once, stop nodes kept raw)
 * at several times its speed. tests/parse/tree.test.ts holds it to fast-xml-parser on every fixture record.
 */
import { Content, XmlElement, type XmlDoc } from "./element.js";
import {
  closingTagEnd,
  endTagEnd,
  hasStrayAmpersand,
  isBlank,
  isNameStart,
  lineBreaks,
  markupEnd,
  nameEnd,
  newStartTag,
  readStartTag,
} from "./scan.js";

export type TreeResult = { ok: true; root: XmlElement } | { ok: false; message: string; line: number };

const LT = 60;
const SLASH = 47;

function lineAt(xml: string, pos: number): number {
  return 1 + lineBreaks(xml, 0, pos);
}

const STRAY_AMPERSAND = "an & that starts no entity (write &amp;)";

/**
 * Checks that a stop node's raw content xml[from, to) is well-formed on its own (balanced tags, valid
 * references); xml[to] is the "<" of the stop node's end tag, `amp` the first "&" in it (-1: none).
 */
function rawProblem(xml: string, from: number, to: number, firstAmp: number): string | null {
  const open: string[] = [];
  const tag = newStartTag();
  let amp = firstAmp;
  let i = from;
  while (i < to) {
    if (xml.charCodeAt(i) !== LT) {
      const next = xml.indexOf("<", i);
      if (amp !== -1 && amp < next) {
        if (amp < i) amp = xml.indexOf("&", i);
        if (amp !== -1 && amp < next && hasStrayAmpersand(xml, amp, next)) return "an & that starts no entity";
      }
      i = next;
      continue;
    }
    const c = xml.charCodeAt(i + 1);
    let end: number;
    if (isNameStart(c)) {
      end = readStartTag(xml, i, tag, false) ? tag.end : -1;
      if (end !== -1 && !tag.selfClosing) open.push(tag.name);
    } else if (c === SLASH) {
      end = endTagEnd(xml, i);
      if (end !== -1) {
        const name = xml.slice(i + 2, nameEnd(xml, i + 2));
        if (open.pop() !== name) return `unexpected </${name}>`;
      }
    } else {
      end = markupEnd(xml, i);
      if (end > to) end = -1;
    }
    if (end === -1) return `unexpected "${xml.slice(i, Math.min(i + 20, to))}"`;
    i = end;
  }
  return open.length > 0 ? `<${open[open.length - 1]}> is not closed` : null;
}

/** The reading state of one record: the open elements and where the next "&" is. */
class Reader {
  readonly xml: string;
  /** The open elements, the record's root at 1; open[depth] is the innermost. */
  readonly open: XmlElement[] = [];
  depth = 0;
  root: XmlElement | null = null;
  /** Where the next "&" is, so that a text is searched for stray ones only when it holds one. */
  private amp: number;

  constructor(readonly doc: XmlDoc) {
    this.xml = doc.xml;
    this.amp = doc.xml.indexOf("&");
  }

  fail(message: string, at: number): TreeResult {
    return { ok: false, message, line: lineAt(this.xml, at) };
  }

  /** Whether xml[from, to) holds an "&" that starts no reference; texts are asked about in order. */
  strayAmpersandIn(from: number, to: number): boolean {
    const xml = this.xml;
    if (this.amp === -1 || this.amp >= to) return false;
    if (this.amp < from) this.amp = xml.indexOf("&", from);
    if (this.amp === -1 || this.amp >= to) return false;
    if (hasStrayAmpersand(xml, this.amp, to)) return true;
    this.amp = xml.indexOf("&", to);
    return false;
  }

  /** The first "&" in xml[from, to), or -1. */
  ampersandIn(from: number, to: number): number {
    if (this.amp !== -1 && this.amp < from) this.amp = this.xml.indexOf("&", from);
    return this.amp !== -1 && this.amp < to ? this.amp : -1;
  }

  /** Adds a read element to the open one, or makes it the root. */
  add(el: XmlElement): void {
    if (this.depth > 0) this.open[this.depth]!.append(el);
    else this.root = el;
  }
}

/**
 * Reads one record's XML (`doc.xml` less `doc.cuts`) into its elements. `stopNodes` are element names
 * whose content is kept raw (inline markup to flatten in order, or parts no stage reads). A cut part
 * is passed over only where a tag could start; when one begins inside a tag, comment or stop node
 * (the text would read differently than with the part removed), the result is "crossed".
 */
export function readTree(doc: XmlDoc, stopNodes: ReadonlySet<string>): TreeResult | "crossed" {
  const { xml, cuts } = doc;
  const r = new Reader(doc);
  const tag = newStartTag();
  let cut = 0;
  let cutAt = cuts.length > 0 ? cuts[0]! : xml.length;
  let i = 0;
  while (i < xml.length) {
    if (i >= cutAt) {
      if (i > cutAt) return "crossed";
      i = cuts[cut + 1]!;
      cut += 2;
      cutAt = cut < cuts.length ? cuts[cut]! : xml.length;
      continue;
    }
    const at = i;
    if (xml.charCodeAt(i) !== LT) {
      const next = xml.indexOf("<", i);
      i = next === -1 ? xml.length : next;
      if (r.depth === 0) {
        if (!isBlank(xml, at, i)) return r.fail("text outside the record element", at);
        continue;
      }
      if (r.strayAmpersandIn(at, i)) return r.fail(STRAY_AMPERSAND, at);
      continue;
    }
    const c = xml.charCodeAt(i + 1);
    if (isNameStart(c)) {
      if (!readStartTag(xml, i, tag, false)) return r.fail(`not well-formed XML at "${xml.slice(at, at + 30)}"`, at);
      const name = tag.name;
      if (r.depth === 0 && r.root !== null) return r.fail(`a second root element <${name}>`, at);
      const el = new XmlElement(doc, name, at, tag.hasAttributes);
      i = tag.end;
      el.contentStart = i;
      if (tag.selfClosing) {
        el.content = Content.Empty;
        el.contentEnd = i;
        el.end = i;
        r.add(el);
      } else if (stopNodes.has(name)) {
        const close = `</${name}>`;
        const end = xml.indexOf(close, i);
        if (end === -1) return r.fail(`<${name}> is not closed`, at);
        const amp = r.ampersandIn(i, end);
        const plain = amp === -1 && xml.indexOf("<", i) === end;
        const problem = plain ? null : rawProblem(xml, i, end, amp);
        if (problem !== null) return r.fail(`inside <${name}>: ${problem}`, at);
        el.content = Content.Raw;
        el.contentEnd = end;
        el.end = end + close.length;
        r.add(el);
        i = el.end;
      } else {
        // Most elements hold only text: <name>text</name> is read at once, without opening it.
        const lt = xml.indexOf("<", i);
        const end = lt !== -1 && xml.charCodeAt(lt + 1) === SLASH ? closingTagEnd(xml, lt, name) : -1;
        if (end !== -1) {
          if (r.strayAmpersandIn(i, lt)) return r.fail(STRAY_AMPERSAND, i);
          el.content = Content.Text;
          el.contentEnd = lt;
          el.end = end;
          r.add(el);
          i = end;
        } else {
          r.open[++r.depth] = el;
        }
      }
    } else if (c === SLASH) {
      const el = r.depth === 0 ? null : r.open[r.depth]!;
      const end = el === null ? -1 : closingTagEnd(xml, i, el.name);
      if (el === null || end === -1) {
        if (endTagEnd(xml, i) === -1) return r.fail(`not well-formed XML at "${xml.slice(at, at + 30)}"`, at);
        const found = xml.slice(i + 2, nameEnd(xml, i + 2));
        return r.fail(el === null ? `unexpected </${found}>` : `expected </${el.name}>, found </${found}>`, at);
      }
      el.contentEnd = i;
      el.end = end;
      i = end;
      r.depth--;
      r.add(el);
    } else {
      const end = markupEnd(xml, i);
      if (end === -1) return r.fail(`not well-formed XML at "${xml.slice(at, at + 30)}"`, at);
      i = end;
    }
  }
  if (cut < cuts.length) return "crossed";
  if (r.depth > 0) return r.fail(`<${r.open[r.depth]!.name}> is not closed`, xml.length);
  if (r.root === null) return r.fail("no element", 0);
  return { ok: true, root: r.root };
}
