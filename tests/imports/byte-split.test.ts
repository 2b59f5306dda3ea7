import { readFileSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { splitPlainRecords } from "../../src/imports/pubmed-byte-split.js";
import { RecordSplitter } from "../../src/stages/parse/pubmed-xml/split.js";

const PUBMED = fileURLToPath(new URL("../fixtures/pubmed/", import.meta.url));
const recordsOf = (name: string, tag: string): string[] =>
  [...readFileSync(PUBMED + name, "utf8").matchAll(new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`, "g"))].map((m) => m[0]);
const R = recordsOf("pubmedparser-pubmed21n1001-subset.xml", "PubmedArticle").slice(0, 6);
const BOOK = recordsOf("metapub-pmid20301577-book-article.xml", "PubmedBookArticle")[0]!;
const DELETE = '<DeleteCitation>\n  <PMID Version="1">30000001</PMID>\n</DeleteCitation>';
const inThird = (edit: (record: string) => string) => R.map((r, i) => (i === 2 ? edit(r) : r)).join("\n");

/** What the text splitter gives for the whole piece, when it is whole records split without a problem; else null. */
function bySplitter(bytes: Buffer): ReturnType<typeof splitPlainRecords> {
  const splitter = new RecordSplitter();
  const decoder = new StringDecoder("utf8");
  const chunks = splitter.push(decoder.write(bytes));
  const last = chunks.at(-1);
  if (splitter.problems.length > 0 || decoder.end() !== "" || last === undefined) return null;
  if (!bytes.subarray(bytes.length - Buffer.byteLength(last.xml)).equals(Buffer.from(last.xml))) return null;
  return { chunks, lines: splitter.lineBreaks() };
}

const QUICK: [string, string | Buffer][] = [
  ["records after a line break", `\n${R.join("\n")}`],
  ["CRLF line ends", `\r\n${R.join("\r\n").replace(/\n/g, "\r\n")}`],
  ["byte-order marks between records", `\uFEFF${R.join("\n\uFEFF")}`],
  ["a book and a DeleteCitation", [R[0], BOOK, DELETE, R[1]].join("\n")],
  ["start tags with attributes or a tab", R.map((r, i) => r.replace("<PubmedArticle>", i % 2 ? '<PubmedArticle a="1">' : "<PubmedArticle\t>")).join("\n")],
  ["a longer name that is no record's inside one", inThird((r) => r.replace("<PMID", "<PubmedArticleX/><PMID"))],
  ["a record's name and a non-ASCII letter inside one", inThird((r) => r.replace("<PMID", "<PubmedArticleé/><PMID"))],
  ["another record's end tag inside one", inThird((r) => r.replace("<PMID", "</DeleteCitation><PMID"))],
  ["characters beyond ASCII and Latin-1", R.map((r) => r.replace("<ArticleTitle>", "<ArticleTitle>βé’ ")).join("\n")],
];

const LEFT_TO_THE_TEXT_SPLITTER: [string, string | Buffer][] = [
  ["a vertical tab between records", R.join("\n\v")],
  ["a no-break space between records", R.join("\n\u00a0")],
  ["a comment between records", R.join("\n<!-- x -->\n")],
  ["white space after the last record", `${R.join("\n")}\n`],
  ["text before the first record", `x${R.join("\n")}`],
  ["the set's own tag", `<PubmedArticleSet>\n${R.join("\n")}`],
  ["a start tag ended by a no-break space", R.map((r) => r.replace("<PubmedArticle>", "<PubmedArticle\u00a0>")).join("\n")],
  ["a record's name and a no-break space inside one", inThird((r) => r.replace("<PMID", "<PubmedArticle\u00a0/><PMID"))],
  ["a record started inside another", inThird((r) => r.replace("<PMID", "<PubmedBookArticle><PMID"))],
  ["a record cut short", [R[0], R[1]!.slice(0, 2000), R[2]].join("\n")],
  ["a piece that ends inside a record", R.join("\n").slice(0, -3)],
  ["invalid UTF-8", Buffer.concat([Buffer.from(R[0]!), Buffer.from([0x0a, 0xff, 0x0a]), Buffer.from(R[1]!)])],
  ["nothing but white space", "\n\n"],
  ["nothing", ""],
];

describe("splitPlainRecords", () => {
  it.each(QUICK)("splits %s on bytes as the text splitter does", (_name, input) => {
    const bytes = Buffer.from(input);
    const split = splitPlainRecords(bytes);
    expect(split).not.toBeNull();
    expect(split).toEqual(bySplitter(bytes));
  });

  it.each(LEFT_TO_THE_TEXT_SPLITTER)("leaves %s to the text splitter", (_name, input) => {
    expect(splitPlainRecords(Buffer.from(input))).toBeNull();
  });
});
