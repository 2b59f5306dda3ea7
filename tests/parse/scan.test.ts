import { describe, expect, it } from "vitest";
import {
  closingTagEnd,
  endTagEnd,
  hasStrayAmpersand,
  isSpace,
  markupEnd,
  newStartTag,
  readStartTag,
  trimmedSlice,
} from "../../src/stages/parse/pubmed-xml/scan.js";

describe("the tag scanner", () => {
  it("reads a start tag's name, attributes and end", () => {
    const tag = newStartTag();
    expect(readStartTag('<a x="1" y = \'2>\'>t', 0, tag, true)).toBe(true);
    expect(tag).toEqual({ name: "a", attributes: { "@_x": "1", "@_y": "2>" }, hasAttributes: true, selfClosing: false, end: 18 });
    expect(readStartTag("<b:c.d-e />", 0, tag, true)).toBe(true);
    expect(tag).toEqual({ name: "b:c.d-e", attributes: null, hasAttributes: false, selfClosing: true, end: 11 });
  });

  it.each(['<a b="1"c="2">', "<a b=1>", '<a b="<">', "<a/ >", '<a b="1', "<a"])("rejects the start tag %s", (xml) => {
    expect(readStartTag(xml, 0, newStartTag(), true)).toBe(false);
  });

  it("ends an end tag or the closing tag of a given element", () => {
    expect(endTagEnd("</ab  >x", 0)).toBe(7);
    expect(endTagEnd("</1>", 0)).toBe(-1);
    expect(closingTagEnd("</ab>", 0, "ab")).toBe(5);
    expect(closingTagEnd("</abc>", 0, "ab")).toBe(-1);
    expect(closingTagEnd("</a>", 0, "ab")).toBe(-1);
  });

  it("ends comments, CDATA sections and processing instructions, and only those", () => {
    expect(markupEnd("<!--a-->b", 0)).toBe(8);
    expect(markupEnd("<![CDATA[<&]]>", 0)).toBe(14);
    expect(markupEnd("<?pi x?>", 0)).toBe(8);
    expect(markupEnd("<!DOCTYPE a>", 0)).toBe(-1);
    expect(markupEnd("<!-- open", 0)).toBe(-1);
  });

  it("tells references from stray ampersands", () => {
    expect(hasStrayAmpersand("a &amp; &#233; &#xE9; &a.b-c; b", 0, 30)).toBe(false);
    for (const bad of ["a & b", "&#x;", "&#12a;", "&amp", "&1;"]) expect(hasStrayAmpersand(bad, 0, bad.length)).toBe(true);
  });

  it("trims as String.prototype.trim does", () => {
    const text = "\u00a0\n a b \t\ufeff";
    expect(trimmedSlice(text, 0, text.length)).toBe(text.trim());
    expect(trimmedSlice(" \n ", 0, 3)).toBe("");
    for (let c = 0; c < 0x10000; c++) expect(isSpace(c)).toBe(String.fromCharCode(c).trim() === "");
  });
});
