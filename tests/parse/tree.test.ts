import { readdirSync } from "node:fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { RecordSplitter } from "../../src/stages/parse/pubmed-xml/split.js";
import { readTree } from "../../src/stages/parse/pubmed-xml/tree.js";
import { STOP_NODES, withoutUnusedParts } from "../../src/stages/parse/pubmed-xml/xml.js";
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
  .flatMap((f) => new RecordSplitter().push(fixtureText(f)).map((c, i) => ({ id: `${f} #${i + 1}`, xml: withoutUnusedParts(c.xml) })));

describe("the record reader", () => {
  it("reads every fixture record", () => {
    expect(RECORDS).toHaveLength(89);
  });

  it.each(RECORDS)("gives fast-xml-parser's tree for $id", ({ xml }) => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(readTree(xml, STOP_NODES)).toEqual({ ok: true, tree: reference.parse(xml) });
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
    const result = readTree(xml, STOP_NODES);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("names the line of the fault", () => {
    expect(readTree("<a>\n<b>\n</c>\n</a>", STOP_NODES)).toEqual({ ok: false, message: "expected </b>, found </c>", line: 3 });
  });

  it("keeps CDATA text, escaped, for text.ts to decode", () => {
    expect(readTree("<a><b><![CDATA[x < y & z]]></b></a>", STOP_NODES)).toEqual({ ok: true, tree: { a: { b: "x &lt; y &amp; z" } } });
  });
});
