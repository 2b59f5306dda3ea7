import { Readable } from "node:stream";
import { createReadStream } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePubmedXml, streamPubmedXml, type PubmedStreamItem } from "../../src/stages/parse/pubmed-xml/index.js";
import { RecordSplitter } from "../../src/stages/parse/pubmed-xml/split.js";
import { FIXTURES, SOURCE, fixtureText, parseFixture } from "./helpers.js";

async function collect(items: AsyncIterable<PubmedStreamItem>): Promise<PubmedStreamItem[]> {
  const out: PubmedStreamItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Cuts bytes into pieces of `size`, splitting multi-byte UTF-8 characters and tags anywhere. */
function* pieces(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const DELETE_UPDATE_FILE = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE PubmedArticleSet SYSTEM "http://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">
<PubmedArticleSet>
<DeleteCitation>
  <PMID Version="1">30000001</PMID>
  <PMID Version="1">30000002</PMID>
</DeleteCitation>
</PubmedArticleSet>
`;

describe("streaming", () => {
  it("gives the same records from a stream of 7-byte Buffers as from the whole text (raw UTF-8 split mid-character)", async () => {
    const name = "pubmedparser-pubmed21n1001-subset.xml";
    const whole = parseFixture(name);
    const bytes = Buffer.from(fixtureText(name), "utf8");
    const items = await collect(streamPubmedXml(Readable.from(pieces(bytes, 7)), SOURCE, name));
    expect(items.filter((i) => i.record).map((i) => i.record)).toEqual(whole.records);
    expect(items.filter((i) => i.diagnostic)).toEqual([]);
    expect(whole.records).toHaveLength(37);
  });

  it("reads a file stream and an async iterable of strings", async () => {
    const name = "pubmedparser-pubmed21n1005-subset.xml";
    const fromFile = await collect(streamPubmedXml(createReadStream(FIXTURES + name), SOURCE, name));
    expect(fromFile.filter((i) => i.record)).toHaveLength(20);
    async function* strings(): AsyncGenerator<string> {
      const text = fixtureText(name);
      for (let i = 0; i < text.length; i += 1000) yield text.slice(i, i + 1000);
    }
    const fromStrings = await collect(streamPubmedXml(strings(), SOURCE, name));
    expect(fromStrings.map((i) => i.record?.pmid)).toEqual(fromFile.map((i) => i.record?.pmid));
  });

  it("turns DeleteCitation into a deleted record", async () => {
    expect(parsePubmedXml(DELETE_UPDATE_FILE, SOURCE, "update.xml")).toEqual({
      records: [],
      deleted: [{ kind: "deleted", pmids: ["30000001", "30000002"] }],
      diagnostics: [],
    });
    const items = await collect(streamPubmedXml(Readable.from([Buffer.from(DELETE_UPDATE_FILE)]), SOURCE, "update.xml"));
    expect(items).toEqual([{ deleted: { kind: "deleted", pmids: ["30000001", "30000002"] } }]);
  });

  it("an empty PubmedArticleSet gives no record and no diagnostic", () => {
    expect(parseFixture("metapub-pmid37909814-empty-set.xml")).toEqual({ records: [], deleted: [], diagnostics: [] });
  });
});

describe("broken input", () => {
  it("a file cut inside its second record gives the first record and an error naming the position", async () => {
    const name = "biopython-pubmed2.xml";
    const text = fixtureText(name);
    const cut = text.slice(0, text.indexOf("<PubmedArticle>", text.indexOf("</PubmedArticle>")) + 2000);
    const result = parsePubmedXml(cut, SOURCE, name);
    expect(result.records.map((r) => r.pmid)).toEqual(["11748933"]);
    expect(result.diagnostics).toEqual([
      {
        severity: "error",
        location: name,
        position: "record 2, line 4",
        recordId: null,
        message: expect.stringMatching(/ends inside <PubmedArticle> \(PMID 11700088\).*truncated/),
      },
    ]);
    const streamed = await collect(streamPubmedXml(Readable.from(pieces(Buffer.from(cut), 500)), SOURCE, name));
    expect(streamed.filter((i) => i.record)).toHaveLength(1);
    expect(streamed.filter((i) => i.diagnostic).map((i) => i.diagnostic)).toEqual(result.diagnostics);
  });

  it("a file cut between records says it is truncated", () => {
    const text = fixtureText("biopython-pubmed2.xml");
    const cut = text.slice(0, text.indexOf("</PubmedArticle>") + "</PubmedArticle>".length);
    const result = parsePubmedXml(cut, SOURCE, "cut.xml");
    expect(result.records).toHaveLength(1);
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/before <\/PubmedArticleSet>.*truncated/)]);
  });

  it("a record cut short and followed by another record is skipped, the next one kept", () => {
    const text = fixtureText("biopython-pubmed2.xml");
    const first = text.indexOf("<PubmedArticle>");
    const broken = text.slice(0, first + 3000) + text.slice(text.indexOf("<PubmedArticle>", first + 1));
    const result = parsePubmedXml(broken, SOURCE, "spliced.xml");
    expect(result.records.map((r) => r.pmid)).toEqual(["11700088"]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: "error", position: "record 1, line 4", message: expect.stringMatching(/PMID 11748933.*cut short/) }),
    ]);
  });

  it("a malformed record (mismatched tags) is an error diagnostic; the other records are kept", () => {
    const text = fixtureText("biopython-pubmed2.xml").replace("<Volume>42</Volume>", "<Volume>42</Issue>");
    const result = parsePubmedXml(text, SOURCE, "bad.xml");
    expect(result.records.map((r) => r.pmid)).toEqual(["11700088"]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: "error", recordId: "11748933", position: "record 1, line 4", message: expect.stringMatching(/^malformed <PubmedArticle>: .*Volume/) }),
    ]);
  });

  it("truncated XML that holds no PubMed record (Biopython's cut einfo) is reported", () => {
    const result = parseFixture("biopython-einfo4-truncated.xml");
    expect(result.records).toEqual([]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toMatch(/not a PubMed record: "<eInfoResult>/);
  });

  it("an HTML page instead of XML is reported once, with its beginning", () => {
    const result = parseFixture("biopython-pubmed3-html-not-xml.html");
    expect(result.records).toEqual([]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/not a PubMed record: "<html><head><title>PmFetch response/)]);
  });

  it("an E-utilities ERROR body is reported, not taken as an empty answer", () => {
    const body = '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eEfetchResult PUBLIC "-//NLM//DTD efetch 20131226//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd">\n<eFetchResult>\n\t<ERROR>Empty id list - nothing todo</ERROR>\n</eFetchResult>\n';
    const result = parsePubmedXml(body, SOURCE, "efetch");
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("<eFetchResult> <ERROR>Empty id list - nothing todo</ERROR>")]);
  });

  it("empty input is reported", () => {
    expect(parsePubmedXml("", SOURCE, "empty.xml").diagnostics.map((d) => d.message)).toEqual(["input is empty: no PubMed XML"]);
  });
});

describe("positions", () => {
  it("a fault after a cut reference list is reported at its line in the file", () => {
    const name = "pubmedparser-pubmed21n1005-subset.xml";
    const text = fixtureText(name);
    const refsEnd = text.indexOf("</ReferenceList>");
    const fault = text.indexOf("</PubmedData>", refsEnd);
    expect(text.slice(refsEnd, fault).trim()).toBe("</ReferenceList>");
    expect(text.slice(text.lastIndexOf("<ReferenceList", refsEnd), refsEnd).split("\n").length).toBeGreaterThan(10);
    const broken = text.slice(0, fault) + "</Wrong>" + text.slice(fault + "</PubmedData>".length);
    const line = text.slice(0, fault).split("\n").length;
    const result = parsePubmedXml(broken, SOURCE, name);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toMatch(new RegExp(`found </Wrong> \\(line ${line}\\); record skipped$`));
  });
});

describe("the splitter's count of line breaks", () => {
  it("is every line break of the text once it is all split, and is refused while a record is buffered", () => {
    const text = fixtureText("pubmedparser-pubmed21n1005-subset.xml");
    const splitter = new RecordSplitter();
    const end = text.lastIndexOf("</PubmedArticle>") + "</PubmedArticle>".length;
    for (let at = 0; at < end; at += 1000) splitter.push(text.slice(at, Math.min(at + 1000, end)));
    expect(splitter.lineBreaks()).toBe(text.slice(0, end).split("\n").length - 1);
    splitter.push("\n<PubmedArticle>\n<MedlineCitation>");
    expect(() => splitter.lineBreaks()).toThrow(/buffered/);
  });
});
