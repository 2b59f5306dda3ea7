import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LitreviewError } from "../../src/errors.js";
import { importFiles } from "../../src/imports/index.js";
import { silentLogger } from "../../src/pipeline/context.js";
import { openStore, type Db } from "../../src/store/open.js";
import { getRecord } from "../../src/store/records.js";
import { FIXTURES, fixture } from "./helpers.js";

const clock = () => new Date("2026-02-03T04:05:06.000Z");
const options = { runId: null, clock, logger: silentLogger };
const ALL = readdirSync(FIXTURES)
  .filter((f) => f !== "SOURCES.md")
  .sort()
  .map(fixture);

let db: Db;
let dir: string;
beforeEach(() => {
  db = openStore(":memory:");
  dir = mkdtempSync(join(tmpdir(), "litreview-import-"));
});
afterEach(() => db.close());

const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;

describe("importFiles", () => {
  it("imports every real export; importing them all again changes nothing", async () => {
    const first = await importFiles(db, ALL, options);
    // The Mac Roman copy of the EndNote export holds the same 102 records as the UTF-8 one: all unchanged.
    expect(first.counts).toEqual({ files: 38, records: 964, new: 776, updated: 81, unchanged: 107, deleted: 0, errors: 0 });
    expect(first.diagnostics.map((d) => [d.severity, d.location.replace(/.*\//, ""), d.message.replace(/ \(.*/, "")])).toEqual([
      ["warning", "reflib-endnote-blue-light-acne-macroman.ris", "the first line that is not UTF-8: it and any other such lines were read as Mac Roman"],
    ]);
    const stored = count("SELECT count(*) AS n FROM records");
    const sources = count("SELECT count(*) AS n FROM record_sources");
    const again = await importFiles(db, ALL, options);
    expect(again.counts).toMatchObject({ files: 38, records: 964, new: 0, updated: 0, unchanged: 964, errors: 0 });
    expect(count("SELECT count(*) AS n FROM records")).toBe(stored);
    expect(count("SELECT count(*) AS n FROM record_sources")).toBe(sources);
    expect(count("SELECT count(*) AS n FROM record_changes")).toBe(81);
    expect(count("SELECT count(*) AS n FROM raw_responses")).toBe(38);
  });

  it("re-importing the same file after an upgrade refreshes what an older parser stored without recording a change; an edited file's change is recorded", async () => {
    const file = join(dir, "medline.nbib");
    const text = readFileSync(fixture("reflib-pubmed-blue-light-acne.nbib"), "utf8");
    writeFileSync(file, text);
    await importFiles(db, [file], options);
    // What an older parser stored: no otherAbstracts member, and a title it read differently.
    db.prepare("UPDATE records SET article = json_set(json_remove(article, '$.otherAbstracts'), '$.title', upper(json_extract(article, '$.title'))), content_hash = 'older'").run();
    const again = await importFiles(db, [file], options);
    expect(again.counts).toMatchObject({ records: 80, unchanged: 80, updated: 0 });
    expect(count("SELECT count(*) AS n FROM record_changes")).toBe(0);
    expect(count("SELECT count(*) AS n FROM records WHERE content_hash = 'older' OR json_extract(article, '$.title') = upper(json_extract(article, '$.title'))")).toBe(0);
    const retracted = text.replace("PMID- 27575854\r\n", "PMID- 27575854\r\nPT  - Retracted Publication\r\n");
    expect(retracted).not.toBe(text);
    writeFileSync(file, retracted);
    const edited = await importFiles(db, [file], options);
    expect(edited.counts).toMatchObject({ updated: 1, unchanged: 79 });
    expect(db.prepare("SELECT fields FROM record_changes").pluck().all()).toEqual(['["publicationTypes"]']);
  });

  it("keeps each file gzip-compressed in raw_responses, marked parsed", async () => {
    const file = fixture("jabref-ncbi-pubmed-ris.ris");
    await importFiles(db, [file], { ...options, runId: null });
    const row = db.prepare("SELECT kind, request, body, received_at, parsed_at FROM raw_responses").get() as Record<string, unknown>;
    expect(row).toMatchObject({ kind: "import", request: file, received_at: clock().toISOString(), parsed_at: clock().toISOString() });
    expect(gunzipSync(row.body as Buffer).equals(readFileSync(file))).toBe(true);
  });

  it("the acne review's .nbib and EndNote .ris give the same PMIDs, and the poorer RIS copy never replaces the MEDLINE record", async () => {
    const nbib = await importFiles(db, [fixture("reflib-pubmed-blue-light-acne.nbib")], options);
    expect(nbib.counts).toMatchObject({ records: 80, new: 80 });
    const fromNbib = db.prepare("SELECT record_id FROM records ORDER BY 1").pluck().all() as string[];
    const ris = await importFiles(db, [fixture("reflib-endnote-blue-light-acne.ris")], options);
    expect(ris.counts).toMatchObject({ records: 102, new: 22, unchanged: 80, updated: 0 });
    const shared = db
      .prepare("SELECT count(DISTINCT record_id) FROM record_sources WHERE file LIKE '%blue-light-acne.ris' AND record_id IN (SELECT record_id FROM record_sources WHERE file LIKE '%.nbib')")
      .pluck()
      .get();
    expect(shared).toBe(fromNbib.length);
    const record = getRecord(db, "27575854")!;
    expect(record.article.status).not.toBeNull();
    expect(record.article.mesh.length).toBeGreaterThan(0);
  });

  it("a MEDLINE record replaces an EndNote RIS copy of the same PMID (and the change is remembered)", async () => {
    await importFiles(db, [fixture("reflib-endnote-blue-light-acne.ris")], options);
    const again = await importFiles(db, [fixture("reflib-pubmed-blue-light-acne.nbib")], options);
    expect(again.counts).toMatchObject({ records: 80, updated: 80 });
    expect(getRecord(db, "27575854")!.article.source.file).toMatch(/\.nbib$/);
  });

  it("of two files' copies of one record of the same rank, the one that carries more stays whatever the order; re-importing changes nothing", async () => {
    const record = "TY  - JOUR\nDB  - Embase\nU2  - L644585435\nTI  - Dinosaur footprints\nAU  - Troiano, L.P.\nPY  - 2024\n";
    const full = join(dir, "embase.ris");
    const poor = join(dir, "screening-tool.ris");
    writeFileSync(full, `${record}AB  - Footprints and petroglyphs.\nKW  - dinosaur\nKW  - Brazil\nER  - \n`);
    writeFileSync(poor, `${record}N1  - INCLUSION: maybe\nER  - \n`);
    for (const order of [[full, poor], [poor, full]]) {
      db.close();
      db = openStore(":memory:");
      await importFiles(db, order, options);
      const again = await importFiles(db, order, options);
      expect(again.counts).toMatchObject({ new: 0, updated: 0, records: 2, unchanged: 2 });
      expect(getRecord(db, "embase:L644585435")!.article.source.file).toBe(full);
      expect(count("SELECT count(*) AS n FROM record_sources WHERE record_id = 'embase:L644585435'")).toBe(2);
    }
    expect(count("SELECT count(*) AS n FROM record_changes")).toBe(1);
  });

  it("detects gzip by its magic bytes and reads the format inside", async () => {
    const gz = join(dir, "export.download");
    writeFileSync(gz, gzipSync(readFileSync(fixture("revtools-pubmed-restoration.nbib"))));
    const result = await importFiles(db, [gz], options);
    expect(result.counts).toMatchObject({ records: 104, new: 104, errors: 0 });
    const xml = join(dir, "pubmed21n1001.xml.gz");
    writeFileSync(xml, gzipSync(readFileSync(fixture("pubmedparser-pubmed21n1001-subset.xml"))));
    expect((await importFiles(db, [xml], options)).counts).toMatchObject({ records: 37, new: 37 });
    const body = db.prepare("SELECT body FROM raw_responses WHERE request = ?").pluck().get(xml) as Buffer;
    expect(body.equals(readFileSync(xml))).toBe(true);
  });

  it("a truncated .gz keeps the records before the break and reports the file", async () => {
    const gz = join(dir, "cut.nbib.gz");
    const whole = gzipSync(readFileSync(fixture("revtools-pubmed-restoration.nbib")));
    writeFileSync(gz, whole.subarray(0, Math.floor(whole.length / 2)));
    const result = await importFiles(db, [gz], options);
    expect(result.counts.records).toBeGreaterThan(10);
    expect(result.counts.records).toBeLessThan(104);
    expect(result.counts.errors).toBe(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: "error", location: gz });
    expect(result.diagnostics[0]!.message).toMatch(/could not be read to its end/);
    expect(count("SELECT count(*) AS n FROM diagnostics WHERE location = ?", gz)).toBe(1);
  });

  it("a truncated RIS record is stored as a diagnostic with file and position; the good records are stored", async () => {
    const text = readFileSync(fixture("synthesisr-scopus.ris"), "utf8");
    const cut = join(dir, "cut.ris");
    writeFileSync(cut, text.replace(/ER {2}- \n/, ""));
    const result = await importFiles(db, [cut], { ...options, runId: null });
    expect(result.counts).toMatchObject({ records: 2, new: 2, errors: 1 });
    const stored = db.prepare("SELECT location, position, severity FROM diagnostics").all();
    expect(stored).toEqual([{ location: cut, position: "record 1, lines 1-41", severity: "error" }]);
  });

  it("broken PubMed XML stores every complete record and reports where it broke", async () => {
    const xml = readFileSync(fixture("pubmedparser-pubmed21n1001-subset.xml"), "utf8");
    const cutAt = xml.indexOf("<PubmedArticle>", xml.length / 2) + 200;
    const broken = join(dir, "broken.xml");
    writeFileSync(broken, xml.slice(0, cutAt));
    const result = await importFiles(db, [broken], options);
    expect(result.counts.new).toBeGreaterThan(5);
    expect(result.counts.errors).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.location === broken)).toBe(true);
  });

  it("a record holding binary data (a damaged file) is an error naming the file, record and field; the file's other records and the store's are kept", async () => {
    // Bytes no text has: C0 controls (NUL...) and the upper half, as a damaged disk or a pasted binary leaves them.
    const binary = Buffer.from([...Array(32).keys()].filter((b) => b !== 9 && b !== 10 && b !== 13).concat([...Array(128).keys()].map((b) => b + 128)));
    const withBinary = (name: string, after: string): string => {
      const bytes = readFileSync(fixture(name));
      const at = bytes.indexOf(after, bytes.indexOf(after) + 1) + after.length;
      const path = join(dir, name);
      writeFileSync(path, Buffer.concat([bytes.subarray(0, at), binary, bytes.subarray(at)]));
      return path;
    };
    await importFiles(db, [fixture("cff-scopus.csv")], options);
    const before = count("SELECT count(*) AS n FROM records");
    const cases: [string, string, number, RegExp][] = [
      ["synthesisr-scopus.ris", "TI  - ", 3, /^record 2 \(line \d+\)$/],
      ["reflib-pubmed-blue-light-acne.nbib", "TI  - ", 80, /^record 2 \(line \d+\)$/],
      ["synthesisr-wos.ciw", "\nTI ", 5, /^record 2 \(line \d+\)$/],
      ["knh-ovid-embase-complete-reference.cgi", "TI  - ", 2, /^record 2 \(line \d+\)$/],
      ["pubmedparser-pubmed21n1001-subset.xml", "<ArticleTitle>", 37, /^record 2, line \d+$/],
    ];
    for (const [name, after, records, position] of cases) {
      const path = withBinary(name, after);
      const result = await importFiles(db, [path], options);
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      expect(errors, name).toEqual([expect.objectContaining({ location: path, position: expect.stringMatching(position), message: expect.stringMatching(/binary data/) })]);
      expect(result.counts.errors, name).toBe(1);
      expect(result.counts.records, name).toBe(records - 1);
      expect(JSON.stringify(db.prepare("SELECT article FROM records").pluck().all())).not.toMatch(/\\u0000|\\u0001/);
    }
    expect(count("SELECT count(*) AS n FROM records")).toBeGreaterThan(before);
    expect(count("SELECT count(*) AS n FROM records WHERE record_id IN (SELECT record_id FROM record_sources WHERE file LIKE '%cff-scopus.csv')")).toBe(before);
  });

  it("applies DeleteCitation from an update file to the stored record", async () => {
    await importFiles(db, [fixture("pubmedparser-pubmed21n1001-subset.xml")], options);
    const update = join(dir, "pubmed21n1002.xml");
    writeFileSync(update, '<?xml version="1.0"?>\n<PubmedArticleSet>\n<DeleteCitation>\n<PMID Version="1">31418821</PMID>\n</DeleteCitation>\n</PubmedArticleSet>\n');
    const result = await importFiles(db, [update], options);
    expect(result.counts).toMatchObject({ records: 0, deleted: 1 });
    expect(getRecord(db, "31418821")!.deleted).toBe(true);
  });

  it("two libraries' RIS exports that both number a different article 'ID  - 1' keep both articles", async () => {
    const library = (title: string, author: string) => `TY  - JOUR\nID  - 1\nTI  - ${title}\nAU  - ${author}\nPY  - 2019\nER  - \n`;
    const a = join(dir, "libA.ris");
    const b = join(dir, "libB.ris");
    writeFileSync(a, library("Blue light for acne", "Smith, Anna"));
    writeFileSync(b, library("Red light for rosacea", "Jones, Bert"));
    const result = await importFiles(db, [a, b], options);
    expect(result.counts).toMatchObject({ records: 2, new: 2, updated: 0 });
    const ids = db.prepare("SELECT record_id FROM records ORDER BY 1").pluck().all() as string[];
    expect(ids).toHaveLength(2);
    expect(ids.every((id) => /^ris:hash-[0-9a-f]{16}$/.test(id))).toBe(true);
  });

  it("an EndNote export's record number (ID) is no id: a record of a named database without its accession gets the content hash", async () => {
    const endnote = join(dir, "endnote.ris");
    writeFileSync(endnote, "TY  - JOUR\nTI  - A trial\nAU  - Smith, Anna\nPY  - 2019\nDB  - Embase\nID  - 895\nER  - \n");
    await importFiles(db, [endnote], options);
    expect(db.prepare("SELECT record_id FROM records").pluck().get()).toMatch(/^embase:hash-[0-9a-f]{16}$/);
  });

  it("refuses a file that is no known format, naming it, before storing anything", async () => {
    const odd = join(dir, "notes.ris");
    writeFileSync(odd, "Just some notes\nabout papers\n");
    const error = await importFiles(db, [fixture("synthesisr-scopus.ris"), odd], options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LitreviewError);
    expect((error as LitreviewError).code).toBe("USAGE");
    expect((error as LitreviewError).message).toContain(odd);
    expect(count("SELECT count(*) AS n FROM records")).toBe(0);
    const missing = await importFiles(db, [join(dir, "nope.nbib")], options).catch((e: unknown) => e);
    expect((missing as LitreviewError).message).toMatch(/cannot read the import file .*nope\.nbib/);
    const folder = await importFiles(db, [fixture("synthesisr-scopus.ris"), dir], options).catch((e: unknown) => e);
    expect((folder as LitreviewError).message).toBe(`cannot read the import file ${dir}: it is a folder: name the export files in it (e.g. folder/*.ris)`);
    expect(count("SELECT count(*) AS n FROM records")).toBe(0);
  });

  it("says what an unreadable export looks like and what to export instead", async () => {
    const cases: Array<[string, string, RegExp]> = [
      ["pubmed.csv", 'PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,NIHMS ID,DOI\n"1","T","A B.","C","A B","J","2020","2020/01/01","","",""\n', /looks like PubMed's CSV, which holds no abstracts: save .* "PubMed" format \(\.nbib\)/],
      ["refs.bib", "% exported\n@article{doe2020,\n  title={Vesicles},\n}\n", /looks like BibTeX: export the records as RIS/],
      ["scholar.enw", "%0 Journal Article\n%T Vesicles\n%A Doe, Jane\n%D 2020\n", /looks like EndNote's tagged format \(\.enw/],
      ["refworks.txt", "RT Journal Article\nSR Electronic(1)\nA1 Doe, Jane\nT1 Vesicles\n", /looks like RefWorks' tagged format/],
      ["library.xml", '<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><database name="My.enl">My.enl</database></record></records></xml>', /looks like EndNote XML/],
      ["covidence.csv", "\uFEFFTitle,Authors,Abstract,Published Year\nVesicles,Doe J,Text,2020\n", /looks like a CSV export other than Scopus's/],
    ];
    for (const [name, content, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, content);
      const error = await importFiles(db, [file], options).catch((e: unknown) => e);
      expect((error as LitreviewError).code).toBe("USAGE");
      expect((error as LitreviewError).message).toContain(`the import file ${file} is not a format litreview reads: it`);
      expect((error as LitreviewError).message).toMatch(message);
    }
  });

  it("says an empty file is empty, naming it, before storing anything", async () => {
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ["empty.ris", "", /the import file .*empty\.ris is empty:/],
      ["blank.nbib", "\uFEFF\r\n\r\n  \n", /the import file .*blank\.nbib is empty:/],
      ["empty.ris.gz", gzipSync(Buffer.alloc(0)), /the import file .*empty\.ris\.gz is empty once decompressed:/],
    ];
    for (const [name, content, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, content);
      const error = await importFiles(db, [fixture("synthesisr-scopus.ris"), file], options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LitreviewError);
      expect((error as LitreviewError).code).toBe("USAGE");
      expect((error as LitreviewError).message).toMatch(message);
      expect((error as LitreviewError).message).not.toContain("not a format");
    }
    expect(count("SELECT count(*) AS n FROM records")).toBe(0);
  });
});
