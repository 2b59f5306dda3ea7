import { gzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { parseStage, reparseAll } from "../../src/stages/parse/index.js";
import { openStore, type Db } from "../../src/store/open.js";
import { getRecord, markDeleted, upsertRecord } from "../../src/store/records.js";
import { fixtureText, record, stageContext } from "./helpers.js";

/** The stored JSON as a version from before dataBanks, investigators, otherAbstracts and authorListComplete wrote it. */
const OLD_SHAPE = "json_remove(article, '$.dataBanks', '$.investigators', '$.otherAbstracts', '$.authorListComplete')";
const parseFixtureRecord = (pmid: string) => record("biopython-pubmed2.xml", pmid);

function storeAnswer(
  db: Db,
  xml: string,
  pmids: string[],
  request = "efetch db=pubmed id=…&api_key=SECRET123",
  receivedAt = "2026-03-01T00:00:00.000Z",
): number {
  const info = db
    .prepare("INSERT INTO raw_responses (run_id, kind, request, pmids, body, received_at, parsed_at) VALUES (1, 'efetch', ?, ?, ?, ?, NULL)")
    .run(request, JSON.stringify(pmids), gzipSync(Buffer.from(xml, "utf8")), receivedAt);
  return Number(info.lastInsertRowid);
}

function unparsed(db: Db): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM raw_responses WHERE parsed_at IS NULL").get() as { n: number }).n;
}

describe("parse stage", () => {
  let db: Db;
  beforeEach(() => {
    db = openStore(":memory:");
  });

  it("stores the records of unparsed efetch answers and marks the answers parsed", async () => {
    storeAnswer(db, fixtureText("biopython-pubmed2.xml"), ["11748933", "11700088"]);
    storeAnswer(db, fixtureText("metapub-pmid20301577-book-article.xml"), ["20301577"]);
    const outcome = await parseStage(stageContext(db));
    expect(outcome.counts).toEqual({
      responses: 2, parsed: 3, new: 3, updated: 0, unchanged: 0, superseded: 0, deleted: 0, errors: 0, warnings: 0,
    });
    expect(outcome.warnings).toEqual([]);
    expect(outcome.incomplete).toBeUndefined();
    expect(unparsed(db)).toBe(0);
    const stored = getRecord(db, "11748933")!;
    expect(stored.article.source).toEqual({ database: "pubmed", file: null, ownId: "11748933", importedAt: "2026-03-01T00:00:00.000Z" });
    expect(stored.firstRunId).toBe(7);
    expect(getRecord(db, "20301577")!.article.kind).toBe("book");
  });

  it("does nothing the second time: the answers are parsed", async () => {
    storeAnswer(db, fixtureText("biopython-pubmed2.xml"), ["11748933", "11700088"]);
    await parseStage(stageContext(db));
    const again = await parseStage(stageContext(db));
    expect(again.counts.responses).toBe(0);
    expect(again.counts.parsed).toBe(0);
  });

  it("updates a record a newer answer changed (MEDLINE indexing added MeSH) and remembers the change", async () => {
    const indexed = fixtureText("metapub-pmid35649368-erratum-in.xml");
    const before = indexed.replace(/<MeshHeadingList>[\s\S]*?<\/MeshHeadingList>/, "");
    storeAnswer(db, before, ["35649368"]);
    await parseStage(stageContext(db));
    expect(getRecord(db, "35649368")!.article.mesh).toEqual([]);
    storeAnswer(db, indexed, ["35649368"], "efetch", "2026-04-01T00:00:00.000Z");
    const outcome = await parseStage(stageContext(db));
    expect(outcome.counts).toMatchObject({ parsed: 1, updated: 1, new: 0 });
    expect(getRecord(db, "35649368")!.article.mesh.length).toBe(9);
    expect(getRecord(db, "35649368")!.revision).toBe(2);
    const changes = db.prepare("SELECT fields FROM record_changes WHERE record_id = '35649368'").all() as { fields: string }[];
    expect(changes.map((c) => JSON.parse(c.fields))).toEqual([["mesh"]]);
  });

  it("re-parses everything offline without rolling records back to older answers", async () => {
    const indexed = fixtureText("metapub-pmid35649368-erratum-in.xml");
    storeAnswer(db, indexed.replace(/<MeshHeadingList>[\s\S]*?<\/MeshHeadingList>/, ""), ["35649368"]);
    storeAnswer(db, indexed, ["35649368"]);
    await parseStage(stageContext(db));
    const offline = await parseStage(stageContext(db, true));
    expect(offline.counts).toMatchObject({ responses: 2, parsed: 2, superseded: 1, unchanged: 1, updated: 0 });
    expect(getRecord(db, "35649368")!.revision).toBe(1);
    expect(db.prepare("SELECT COUNT(*) AS n FROM record_changes").get()).toEqual({ n: 0 });
  });

  it("re-parses offline without undoing a newer version imported from a file (a retraction)", async () => {
    storeAnswer(db, fixtureText("biopython-pubmed2.xml"), ["11748933", "11700088"]);
    await parseStage(stageContext(db));
    const fetched = getRecord(db, "11748933")!.article;
    const retracted = {
      ...fetched,
      publicationTypes: [...fetched.publicationTypes, "Retracted Publication"],
      source: { database: "pubmed", file: "update.xml", ownId: "11748933", importedAt: "2026-04-01T00:00:00.000Z" },
    };
    expect(upsertRecord(db, retracted, 8, "2026-04-01T00:00:00.000Z")).toBe("updated");
    const offline = await parseStage(stageContext(db, true));
    expect(offline.counts).toMatchObject({ parsed: 2, superseded: 1, unchanged: 1, updated: 0 });
    expect(getRecord(db, "11748933")!.article.publicationTypes).toContain("Retracted Publication");
    expect(getRecord(db, "11748933")!.revision).toBe(2);
  });

  it("re-parses offline without bringing back a record deleted since by an imported DeleteCitation", async () => {
    storeAnswer(db, fixtureText("biopython-pubmed2.xml"), ["11748933", "11700088"]);
    await parseStage(stageContext(db));
    expect(markDeleted(db, ["11700088"], "2026-04-01T00:00:00.000Z")).toBe(1);
    const offline = await parseStage(stageContext(db, true));
    expect(offline.counts).toMatchObject({ superseded: 1, unchanged: 1, updated: 0 });
    expect(getRecord(db, "11700088")!.deleted).toBe(true);
  });

  it("does not apply an answer's DeleteCitation to a version of the record seen after that answer", async () => {
    storeAnswer(db, '<PubmedArticleSet><DeleteCitation><PMID Version="1">11700088</PMID></DeleteCitation></PubmedArticleSet>', []);
    const imported = {
      ...parseFixtureRecord("11700088"),
      source: { database: "pubmed", file: "later.xml", ownId: "11700088", importedAt: "2026-04-01T00:00:00.000Z" },
    };
    upsertRecord(db, imported, 8, "2026-04-01T00:00:00.000Z");
    const outcome = await parseStage(stageContext(db));
    expect(outcome.counts.deleted).toBe(0);
    expect(getRecord(db, "11700088")!.deleted).toBe(false);
  });

  it("reparseAll marks every stored efetch answer unparsed, and only those", async () => {
    storeAnswer(db, fixtureText("biopython-pubmed2.xml"), ["11748933", "11700088"]);
    db.prepare("INSERT INTO raw_responses (kind, request, body, received_at, parsed_at) VALUES ('import', 'x.ris', x'00', 't', 't')").run();
    await parseStage(stageContext(db));
    expect(reparseAll(db)).toBe(1);
    expect(unparsed(db)).toBe(1);
  });

  it("keeps the good records of a truncated answer, stores the diagnostic, and says the run is incomplete", async () => {
    const text = fixtureText("biopython-pubmed2.xml");
    const cut = text.slice(0, text.indexOf("<PubmedArticle>", text.indexOf("</PubmedArticle>")) + 100);
    const rawId = storeAnswer(db, cut, ["11748933", "11700088"]);
    const outcome = await parseStage(stageContext(db));
    expect(outcome.counts).toMatchObject({ parsed: 1, new: 1, errors: 1 });
    expect(outcome.incomplete).toMatch(/^1 malformed or truncated record/);
    expect(outcome.warnings).toHaveLength(1);
    expect(outcome.warnings[0]).toContain(`raw_responses #${rawId}`);
    expect(outcome.warnings[0]).not.toContain("SECRET123");
    const rows = db.prepare("SELECT run_id, severity, location, position, message FROM diagnostics").all() as Record<string, unknown>[];
    expect(rows).toEqual([
      {
        run_id: 7,
        severity: "error",
        location: `raw_responses #${rawId} (efetch db=pubmed id=…&api_key=REDACTED)`,
        position: "record 2, line 4",
        message: expect.stringContaining("truncated"),
      },
    ]);
    expect(unparsed(db)).toBe(0);
  });

  it("applies DeleteCitation to stored records", async () => {
    storeAnswer(db, fixtureText("biopython-pubmed2.xml"), ["11748933", "11700088"]);
    storeAnswer(db, '<PubmedArticleSet><DeleteCitation><PMID Version="1">11700088</PMID></DeleteCitation></PubmedArticleSet>', []);
    const outcome = await parseStage(stageContext(db));
    expect(outcome.counts.deleted).toBe(1);
    expect(getRecord(db, "11700088")!.deleted).toBe(true);
    expect(getRecord(db, "11748933")!.deleted).toBe(false);
  });

  it("names the answer by row and the start of its request, without the API key", async () => {
    const pmids = Array.from({ length: 200 }, (_, i) => String(30000000 + i));
    const request = `POST https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi?db=pubmed&api_key=SECRET123&id=${pmids.join(",")}`;
    const rawId = storeAnswer(db, "<html>Bad Gateway</html>", pmids, request);
    const outcome = await parseStage(stageContext(db));
    expect(outcome.warnings).toEqual([
      `raw_responses #${rawId} (POST https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi?db=pubmed&api_key=REDACTED&id=30000000,30000001,30000002,…) after record 0, line 1: content that is not a PubMed record: "<html>Bad Gateway</html>" (an error page or an E-utilities ERROR instead of PubMed XML?)`,
    ]);
  });

  it("reports a body that cannot be decompressed and goes on", async () => {
    db.prepare("INSERT INTO raw_responses (kind, request, pmids, body, received_at) VALUES ('efetch', 'r', '[]', ?, 't')").run(
      Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]),
    );
    storeAnswer(db, fixtureText("biopython-pubmed2.xml"), ["11748933", "11700088"]);
    const outcome = await parseStage(stageContext(db));
    expect(outcome.counts).toMatchObject({ responses: 2, new: 2, errors: 1 });
    expect(outcome.warnings[0]).toMatch(/cannot be decompressed/);
  });

  it("loads a record stored before the model had dataBanks, investigators, otherAbstracts and authorListComplete, and a re-parse fills them silently", async () => {
    const xml = fixtureText("pubmedparser-pubmed21n1001-subset.xml");
    storeAnswer(db, xml, []);
    await parseStage(stageContext(db));
    // An older version stored that JSON, and the content hash of it.
    db.prepare(`UPDATE records SET article = ${OLD_SHAPE}, content_hash = 'hash of the older JSON'`).run();
    const old = getRecord(db, "31418820")!.article;
    expect(old).toMatchObject({ dataBanks: [], investigators: [], otherAbstracts: [], authorListComplete: null });
    expect(Object.keys(old).at(-1)).toBe("source");
    const outcome = await parseStage(stageContext(db, true));
    // The source did not change: our parser learned new fields. Refreshed, not counted or remembered as changed.
    expect(outcome.counts).toMatchObject({ parsed: 37, unchanged: 37, updated: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM record_changes").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM records WHERE revision > 1 OR content_hash = 'hash of the older JSON'").get()).toEqual({ n: 0 });
    expect(getRecord(db, "31418820")!.article.dataBanks).toEqual([{ name: "Dryad", accessionNumbers: ["10.5061/dryad.742564m"] }]);
    expect(getRecord(db, "31418828")!.article.otherAbstracts).toHaveLength(6);
    expect(getRecord(db, "31418820")!.article.source.importedAt).toBe("2026-03-01T00:00:00.000Z");
  });

  it("after an upgrade, a newer answer that changes what the source says is still recorded, with only the fields the source changed", async () => {
    const indexed = fixtureText("metapub-pmid35649368-erratum-in.xml");
    storeAnswer(db, indexed.replace(/<MeshHeadingList>[\s\S]*?<\/MeshHeadingList>/, ""), ["35649368"]);
    await parseStage(stageContext(db));
    db.prepare(`UPDATE records SET article = ${OLD_SHAPE}, content_hash = 'hash of the older JSON'`).run();
    storeAnswer(db, indexed, ["35649368"], "efetch", "2026-04-01T00:00:00.000Z");
    const outcome = await parseStage(stageContext(db));
    expect(outcome.counts).toMatchObject({ parsed: 1, updated: 1 });
    const changes = db.prepare("SELECT fields FROM record_changes WHERE record_id = '35649368'").all() as { fields: string }[];
    expect(changes.map((c) => JSON.parse(c.fields))).toEqual([["mesh"]]);
    expect(getRecord(db, "35649368")!.revision).toBe(2);
  });

  it("a newer answer that says the same as an older version stored, in an older shape, is not a change", async () => {
    const xml = fixtureText("metapub-pmid35649368-erratum-in.xml");
    storeAnswer(db, xml, ["35649368"]);
    await parseStage(stageContext(db));
    db.prepare(`UPDATE records SET article = ${OLD_SHAPE}, content_hash = 'hash of the older JSON'`).run();
    storeAnswer(db, xml, ["35649368"], "efetch", "2026-04-01T00:00:00.000Z");
    const outcome = await parseStage(stageContext(db));
    expect(outcome.counts).toMatchObject({ parsed: 1, unchanged: 1, updated: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM record_changes").get()).toEqual({ n: 0 });
    expect(getRecord(db, "35649368")!.article.authorListComplete).toBe(true);
  });
});
