import { readdirSync } from "node:fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { RecordSplitter } from "../../src/stages/parse/pubmed-xml/split.js";
import { Content, NO_CUTS, elementText, type XmlElement } from "../../src/stages/parse/pubmed-xml/element.js";
import { newStartTag, readStartTag } from "../../src/stages/parse/pubmed-xml/scan.js";
import { readTree, type TreeResult } from "../../src/stages/parse/pubmed-xml/tree.js";
import { STOP_NODES, parseRecordXml, withoutUnusedParts } from "../../src/stages/parse/pubmed-xml/xml.js";
import { FIXTURES, fixtureText } from "./helpers.js";

/** fast-xml-parser configured for PubMed: the reference the fast reader must agree with. */
const reference = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  stopNodes: [...STOP_NODES].map((n) => `*.${n}`),
});

const RECORDS = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".xml"))
  .flatMap((f) => new RecordSplitter().push(fixtureText(f)).map((c, i) => ({ id: `${f} #${i + 1}`, record: c.xml, xml: withoutUnusedParts(c.xml) })));

function addChild(parent: Record<string, unknown>, name: string, value: unknown): void {
  const existing = parent[name];
  if (existing === undefined) parent[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else parent[name] = [existing, value];
}

/** An element as fast-xml-parser gives it: its text, or an object of "@_" attributes, children and "#text". */
function fxpValue(el: XmlElement): unknown {
  const tag = newStartTag();
  readStartTag(el.doc.xml, el.start, tag, true);
  const attributes = tag.attributes;
  const text = elementText(el);
  if (el.content === Content.Empty) return attributes ?? "";
  if (el.firstChild === null && attributes === null) return text;
  const node: Record<string, unknown> = attributes ?? {};
  for (let c = el.firstChild; c !== null; c = c.next) addChild(node, c.name, fxpValue(c));
  if (text !== "") node["#text"] = text;
  return node;
}

/** A reading as fast-xml-parser's tree, to compare with its output. */
function fxpTree(result: TreeResult | "crossed"): unknown {
  if (result === "crossed" || !result.ok) return result;
  return { ok: true, tree: { [result.root.name]: fxpValue(result.root) } };
}

const read = (xml: string) => readTree({ xml, cuts: NO_CUTS }, STOP_NODES);

describe("the record reader", () => {
  it("reads every fixture record", () => {
    expect(RECORDS).toHaveLength(91);
  });

  it.each(RECORDS)("gives fast-xml-parser's tree for $id", ({ xml }) => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(fxpTree(read(xml))).toEqual({ ok: true, tree: reference.parse(xml) });
  });

  it.each(RECORDS)("gives the same tree for $id reading around its unused parts as with them cut out", ({ record, xml }) => {
    expect(fxpTree(parseRecordXml(record))).toEqual({ ok: true, tree: reference.parse(xml) });
  });

  it.each([
    ["<a><b>x</a>", /expected <\/b>, found <\/a>/],
    ["<a><b>x</b>", /<a> is not closed/],
    ["<a>x</a><c/>", /second root element <c>/],
    ["<a>x & y</a>", /& that starts no entity/],
    ["<a b=c>x</a>", /not well-formed/],
    ['<a b="1" "2">x</a>', /not well-formed/],
    ["<a><AbstractText>x <i>y</AbstractText></a>", /inside <AbstractText>: <i> is not closed/],
    ["<a><AbstractText>unterminated</a>", /<AbstractText> is not closed/],
    ["<a>x</a>\n</b>", /unexpected <\/b>/],
  ])("rejects %s", (xml, message) => {
    const result = read(xml);
    expect(result !== "crossed" && result.ok).toBe(false);
    if (result !== "crossed" && !result.ok) expect(result.message).toMatch(message);
  });

  it("names the line of the fault", () => {
    expect(read("<a>\n<b>\n</c>\n</a>")).toEqual({ ok: false, message: "expected </b>, found </c>", line: 3 });
  });

  it("keeps CDATA text, escaped, for text.ts to decode", () => {
    expect(fxpTree(read("<a><b><![CDATA[x < y & z]]></b></a>"))).toEqual({ ok: true, tree: { a: { b: "x &lt; y &amp; z" } } });
  });

  it("reads a cut part as its line breaks, in text and in the line of a fault", () => {
    const xml = "<a><b>x\n<ReferenceList>\n<c>&</c>\n</ReferenceList>y</b>\n<d>\n</e></a>";
    const cuts = [xml.indexOf("<ReferenceList>"), xml.indexOf("y</b>")];
    expect(readTree({ xml, cuts }, STOP_NODES)).toEqual({ ok: false, message: "expected </d>, found </e>", line: 6 });
    expect(parseRecordXml(xml)).toEqual({ ok: false, message: "expected </d>, found </e>", line: 6 });
    const good = xml.replace("</e>", "</d>");
    expect(fxpTree(parseRecordXml(good))).toEqual({ ok: true, tree: { a: { b: "x\n\n\ny", d: "" } } });
    expect(fxpTree(parseRecordXml(good))).toEqual(fxpTree(read(withoutUnusedParts(good))));
  });

  it.each([
    "<a><!-- <ReferenceList> --><b>x</b></a><!-- </ReferenceList> -->",
    "<a><AbstractText>x <ReferenceList></AbstractText></ReferenceList></a>",
    '<a><b c="<ReferenceList>"/></ReferenceList></a>',
    "<a><b>x<ReferenceList>\n</b></ReferenceList></a>",
    '<a><CommentsCorrections RefType="Cites"><ReferenceList>\n</CommentsCorrections></ReferenceList></a>',
  ])("reads %s as with its unused parts cut out, when a cut begins inside markup or the parts overlap", (xml) => {
    expect(fxpTree(parseRecordXml(xml))).toEqual(fxpTree(read(withoutUnusedParts(xml))));
  });
});
