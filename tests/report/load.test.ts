import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleRow } from "../../src/stages/report/articles.js";
import { buildViews } from "../../src/stages/report/view.js";
import { parsePubmedXml } from "../../src/stages/parse/pubmed-xml/index.js";
import { upsertRecord } from "../../src/store/records.js";
import { loadImports, loadPairTable, loadRecords } from "../../src/stages/report/load.js";
import { pairTableOf } from "../../src/stages/report/possible-duplicates.js";
import { openStore } from "../../src/store/open.js";
import { makeInput } from "./builders.js";
import { buildStore } from "./store.js";

describe("reading the store for the report", () => {
  it("reads every pair, in pages, with scores exactly as stored", () => {
    const db = openStore(":memory:");
    const insert = db.prepare("INSERT INTO possible_duplicates VALUES (?, ?, ?, ?, ?)");
    const awkward = [0.1 + 0.2, 1 / 3, 0.88, 1, 0, 5e-324, 1e300, 0.123456789012345678, 2 / 3];
    const expected = [];
    for (let i = 0; i < 2_345; i++) {
      const score = awkward[i % awkward.length]! * (1 + i / 7919);
      const fieldScores = { title: awkward[(i + 1) % awkward.length]!, abstract: null, "odd \"name\"": i % 2 === 0 ? 1 : -0.5 };
      // A pair stored before reasons were kept has none.
      const reason = i % 3 === 0 ? null : i % 3 === 1 ? "similar" : "different-ids";
      insert.run(`${i}`, `hash:${i}`, score, JSON.stringify(fieldScores), reason);
      expected.push({ recordIdA: `${i}`, recordIdB: `hash:${i}`, score, fieldScores, reason } as const);
    }
    db.prepare("DELETE FROM possible_duplicates WHERE record_id_a IN ('5', '1000', '1001')").run();
    const kept = expected.filter((p) => !["5", "1000", "1001"].includes(p.recordIdA));
    const table = loadPairTable(db);
    expect(table).toEqual(pairTableOf(kept));
    expect(table.size).toBe(2_342);
    expect(table.fields).toEqual(["abstract", "author", "journal", 'odd "name"', "pages", "title", "year"]);
    expect(table.score[4]).toBe(kept[4]!.score);
    expect(table.fieldScores[0]!.every((v) => Number.isNaN(v))).toBe(true);
  });

  it("reads an empty table as no pairs", () => {
    expect(loadPairTable(openStore(":memory:"))).toMatchObject({ size: 0, idA: [], fields: ["abstract", "author", "journal", "pages", "title", "year"] });
  });

  it("gives the articles the fields the reports read, and design evidence and labels on demand", () => {
    const { records, details } = loadRecords(buildStore());
    const source = makeInput().records;
    expect(records).toHaveLength(source.length);
    for (const original of source) {
      const loaded = records.find((r) => r.article.recordId === original.article.recordId)!;
      const a = loaded.article;
      const o = original.article;
      expect([a.kind, a.pmid, a.doi, a.pmcid, a.title, a.journal, a.pubDate, a.source]).toEqual(
        [o.kind, o.pmid, o.doi, o.pmcid, o.title, o.journal, o.pubDate, o.source],
      );
      expect([a.abstract, details.abstract(o.recordId)]).toEqual([null, o.abstract]);
      expect(a.authors).toEqual(o.authors.map((author) => ({ ...author, affiliations: [] })));
      expect([a.publicationTypes, a.commentsCorrections]).toEqual([o.publicationTypes, o.commentsCorrections]);
      expect([loaded.deleted, loaded.decision]).toEqual([original.deleted, original.decision]);
      const c = original.classification;
      expect(loaded.classification).toEqual(c ? { ...c, designEvidence: [], labels: [] } : null);
      expect(details.designEvidence(o.recordId)).toEqual(c?.designEvidence ?? []);
      expect(details.labels(o.recordId)).toEqual(c?.labels ?? []);
    }
  });

  it("reads whether the author list is complete, so articles.csv can say a PubMed list was cut short", () => {
    // A real record, its AuthorList marked incomplete as PubMed marks a journal's "et al." byline.
    const xml = readFileSync(new URL("../fixtures/pubmed/metapub-pmid37693885-exosome-review.xml", import.meta.url), "utf8");
    const source = { database: "pubmed", file: null, importedAt: "2026-03-01T00:00:00.000Z" };
    const db = openStore(":memory:");
    for (const cut of [false, true]) {
      const text = cut ? xml.replace('<AuthorList CompleteYN="Y">', '<AuthorList CompleteYN="N">') : xml;
      expect(text.includes('CompleteYN="N"')).toBe(cut);
      upsertRecord(db, parsePubmedXml(text, source, "efetch").records[0]!, 1, "2026-03-01");
      const [loaded] = loadRecords(db).records;
      const authors = articleRow(buildViews([loaded!])[0]!).authors as string;
      expect(authors.endsWith("; et al.")).toBe(cut);
      expect(authors.split("; ").length).toBe(loaded!.article.authors.length + (cut ? 1 : 0));
    }
  });

  it("refuses to give details once released, rather than give none", () => {
    const { records, details } = loadRecords(buildStore());
    details.release();
    expect(() => details.abstract(records[0]!.article.recordId)).toThrow(/released/);
    expect(() => details.labels(records[0]!.article.recordId)).toThrow(/released/);
  });

  it("reads each imported file with its import date", () => {
    expect(loadImports(buildStore())).toEqual([{ database: "embase", file: "exports/embase.ris", importedOn: "2026-03-01", records: 1 }]);
  });
});
