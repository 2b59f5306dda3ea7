import { describe, expect, it } from "vitest";
import { decodeEntities, flattenMarkup, tidy } from "../../src/stages/parse/pubmed-xml/text.js";

describe("text helpers", () => {
  it("decodes the XML entities and decimal and hex references once", () => {
    expect(decodeEntities("Universit&#xe0; &#233; &lt;b&gt; &amp;amp; &quot;q&quot; &apos;")).toBe("Università é <b> &amp; \"q\" '");
    expect(decodeEntities("&#x1F600;")).toBe("\u{1F600}");
  });

  it("leaves what is not a valid reference as written", () => {
    expect(decodeEntities("&#0; &#x110000; &nbsp; AT&T")).toBe("&#0; &#x110000; &nbsp; AT&T");
  });

  it("collapses XML whitespace, trims, keeps inner no-break spaces, and gives null for nothing", () => {
    expect(tidy("  a \n\t b  ")).toBe("a b");
    expect(tidy("75\u00a0år")).toBe("75\u00a0år");
    expect(tidy(" \n ")).toBeNull();
    expect(tidy("")).toBeNull();
  });

  it("normalises to NFC", () => {
    expect(tidy("Cafe\u0301")).toBe("Caf\u00e9");
  });

  it("flattens inline tags keeping every character outside them", () => {
    expect(flattenMarkup("SnO<sub>2</sub>thin and <i>TERT</i> gene, 10<sup>-3</sup>")).toBe("SnO2thin and TERT gene, 10-3");
    expect(flattenMarkup("A &quot;<i>Blood&quot;</i> x")).toBe('A "Blood" x');
    expect(flattenMarkup("0.4-<u>&lt;</u>4.5 and <u>&gt;</u>2")).toBe("0.4-\u22644.5 and \u22652");
  });

  it("keeps CDATA text literally", () => {
    expect(flattenMarkup("x <![CDATA[a < b & c]]> y")).toBe("x a < b & c y");
  });
});
