/**
 * A strict, small XML reader for one PubMed record, giving the same tree as fast-xml-parser configured
 * for PubMed (attributes as "@_name", text as a string or "#text", repeated children as arrays, values
 * never converted, entities left for text.ts to decode once, stop nodes kept raw) at several times its
 * speed: it jumps from "<" to "<" with indexOf and reads tags with charCodeAt (scan.ts), so text is
 * never copied character by character. It checks well-formedness as it goes (names, attribute syntax,
 * entity syntax, nesting), so a malformed record is rejected, never half-read.
 * tests/parse/tree.test.ts holds it to fast-xml-parser's output on every fixture record.
 */
import {
  closingTagEnd,
  endTagEnd,
  hasStrayAmpersand,
  isBlank,
  isNameStart,
  markupEnd,
  nameEnd,
  newStartTag,
  readStartTag,
  trimmedSlice,
} from "./scan.js";

export type TreeResult = { ok: true; tree: Record<string, unknown> } | { ok: false; message: string; line: number };

const LT = 60;
const SLASH = 47;

function lineAt(xml: string, pos: number): number {
  let n = 1;
  for (let i = xml.indexOf("\n"); i !== -1 && i < pos; i = xml.indexOf("\n", i + 1)) n++;
  return n;
}

function addChild(parent: Record<string, unknown>, name: string, value: unknown): void {
  const existing = parent[name];
  if (existing === undefined) parent[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else parent[name] = [existing, value];
}

/** The value fast-xml-parser gives a closed element: its trimmed text, or an object of attributes and children. */
function valueOf(node: Record<string, unknown> | null, text: string): unknown {
  if (node === null) return text;
  if (text !== "") node["#text"] = text;
  return node;
}

const STRAY_AMPERSAND = "an & that starts no entity (write &amp;)";

function escapeCdata(body: string): string {
  return body.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/** Checks that raw stop-node content is well-formed on its own (balanced tags, valid references). */
function checkRaw(raw: string): string | null {
  const open: string[] = [];
  const tag = newStartTag();
  let i = 0;
  while (i < raw.length) {
    if (raw.charCodeAt(i) !== LT) {
      const next = raw.indexOf("<", i);
      const to = next === -1 ? raw.length : next;
      if (hasStrayAmpersand(raw, i, to)) return "an & that starts no entity";
      i = to;
      continue;
    }
    const c = raw.charCodeAt(i + 1);
    let end: number;
    if (isNameStart(c)) {
      end = readStartTag(raw, i, tag, false) ? tag.end : -1;
      if (end !== -1 && !tag.selfClosing) open.push(tag.name);
    } else if (c === SLASH) {
      end = endTagEnd(raw, i);
      if (end !== -1) {
        const name = raw.slice(i + 2, nameEnd(raw, i + 2));
        if (open.pop() !== name) return `unexpected </${name}>`;
      }
    } else {
      end = markupEnd(raw, i);
    }
    if (end === -1) return `unexpected "${raw.slice(i, i + 20)}"`;
    i = end;
  }
  return open.length > 0 ? `<${open[open.length - 1]}> is not closed` : null;
}

/**
 * Reads one record's XML into a tree. `stopNodes` are element names whose content is returned raw
 * (inline markup to flatten in order, or parts no stage reads).
 */
export function readTree(xml: string, stopNodes: ReadonlySet<string>): TreeResult {
  const fail = (message: string, at: number): TreeResult => ({ ok: false, message, line: lineAt(xml, at) });
  // The open elements, root first: name, children and attributes (null until there is one), text so far.
  const root: Record<string, unknown> = {};
  const names: string[] = [""];
  const nodes: (Record<string, unknown> | null)[] = [root];
  const texts: string[] = [""];
  let depth = 0;
  let rootSeen = false;
  const tag = newStartTag();
  // Where the next "&" is, so that a text is searched for stray ones only when it holds one.
  let amp = xml.indexOf("&");
  const strayAmpersandIn = (from: number, to: number): boolean => {
    if (amp === -1 || amp >= to) return false;
    if (amp < from) amp = xml.indexOf("&", from);
    if (amp === -1 || amp >= to) return false;
    if (hasStrayAmpersand(xml, amp, to)) return true;
    amp = xml.indexOf("&", to);
    return false;
  };
  let i = 0;
  while (i < xml.length) {
    const at = i;
    if (xml.charCodeAt(i) !== LT) {
      const next = xml.indexOf("<", i);
      i = next === -1 ? xml.length : next;
      if (depth === 0) {
        if (!isBlank(xml, at, i)) return fail("text outside the record element", at);
        continue;
      }
      if (strayAmpersandIn(at, i)) return fail(STRAY_AMPERSAND, at);
      // White space before an element's first real text is trimmed away anyway: no need to keep it.
      if (texts[depth] !== "") texts[depth] += xml.slice(at, i);
      else if (!isBlank(xml, at, i)) texts[depth] = xml.slice(at, i);
      continue;
    }
    const c = xml.charCodeAt(i + 1);
    if (isNameStart(c)) {
      if (!readStartTag(xml, i, tag, true)) return fail(`not well-formed XML at "${xml.slice(at, at + 30)}"`, at);
      const name = tag.name;
      if (depth === 0 && rootSeen) return fail(`a second root element <${name}>`, at);
      i = tag.end;
      if (tag.selfClosing) {
        addChild(nodes[depth] ?? (nodes[depth] = {}), name, tag.attributes ?? "");
      } else if (stopNodes.has(name)) {
        const close = `</${name}>`;
        const end = xml.indexOf(close, i);
        if (end === -1) return fail(`<${name}> is not closed`, at);
        const raw = xml.slice(i, end);
        const problem = raw.indexOf("<") === -1 && raw.indexOf("&") === -1 ? null : checkRaw(raw);
        if (problem !== null) return fail(`inside <${name}>: ${problem}`, at);
        let value: unknown = raw;
        if (tag.attributes !== null) {
          if (raw !== "") tag.attributes["#text"] = raw;
          value = tag.attributes;
        }
        addChild(nodes[depth] ?? (nodes[depth] = {}), name, value);
        i = end + close.length;
      } else {
        // Most elements hold only text: <name>text</name> is read at once, without a frame.
        const lt = xml.indexOf("<", i);
        const end = lt !== -1 && xml.charCodeAt(lt + 1) === SLASH ? closingTagEnd(xml, lt, name) : -1;
        if (end !== -1) {
          if (strayAmpersandIn(i, lt)) return fail(STRAY_AMPERSAND, i);
          addChild(nodes[depth] ?? (nodes[depth] = {}), name, valueOf(tag.attributes, trimmedSlice(xml, i, lt)));
          i = end;
        } else {
          depth++;
          names[depth] = name;
          nodes[depth] = tag.attributes;
          texts[depth] = "";
        }
      }
      if (depth === 0) rootSeen = true;
    } else if (c === SLASH) {
      const name = names[depth]!;
      const end = depth === 0 ? -1 : closingTagEnd(xml, i, name);
      if (end === -1) {
        if (endTagEnd(xml, i) === -1) return fail(`not well-formed XML at "${xml.slice(at, at + 30)}"`, at);
        const found = xml.slice(i + 2, nameEnd(xml, i + 2));
        return fail(depth === 0 ? `unexpected </${found}>` : `expected </${name}>, found </${found}>`, at);
      }
      i = end;
      const value = valueOf(nodes[depth]!, texts[depth]!.trim());
      depth--;
      addChild(nodes[depth] ?? (nodes[depth] = {}), name, value);
      if (depth === 0) rootSeen = true;
    } else {
      const end = markupEnd(xml, i);
      if (end === -1) return fail(`not well-formed XML at "${xml.slice(at, at + 30)}"`, at);
      if (xml.startsWith("<![CDATA[", i)) texts[depth] += escapeCdata(xml.slice(i + 9, end - 3));
      i = end;
    }
  }
  if (depth > 0) return fail(`<${names[depth]}> is not closed`, xml.length);
  if (!rootSeen) return fail("no element", 0);
  return { ok: true, tree: root };
}
