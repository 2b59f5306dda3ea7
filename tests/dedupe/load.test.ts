import { describe, expect, it } from "vitest";
import { recordFeatures } from "../../src/stages/dedupe/features.js";
import { inputPages, parseInputRow } from "../../src/stages/dedupe/load.js";
import { storedFeatures } from "../../src/stages/dedupe/stored.js";
import abstractsTask, { unpackAbstracts } from "../../src/stages/dedupe/worker.js";
import { abstractFeatures } from "../../src/stages/dedupe/abstract.js";
import type { Article } from "../../src/model/article.js";
import { openStore } from "../../src/store/open.js";
import { markDeleted, upsertRecord } from "../../src/store/records.js";
import { makeArticle, pubmedArticle } from "./builders.js";

const NOW = "2026-01-01T00:00:00Z";

const records: Article[] = [
  pubmedArticle("111", {
    title: "Exosomes from <i>human</i> adipose stem cells: TNF-α and µg doses",
    abstract: "Background: \"quoted\" text\twith a tab, a back\\slash and Ünïcödé. Results: it worked.",
    doi: "10.1000/abc",
    pmcid: "PMC123",
    year: 2021,
    authors: ["Kim, J", "Lee, S"],
    journal: { title: "Journal of Skin", isoAbbreviation: "J Skin", issn: "1234-567x", volume: "3", issue: "2", pages: "e61-e68" },
    publicationTypes: ["Journal Article", "Retracted Publication"],
    commentsCorrections: [["RetractionIn", "999"], ["UpdateOf", "110"]],
    mesh: [{ descriptor: "Exosomes", descriptorUi: "D055354", majorTopic: true, qualifiers: [] }],
    keywords: ["exosome"],
  }),
  makeArticle("scopus:1", {
    title: "Erratum: exosomes",
    year: null,
    authors: [{ lastName: null, foreName: null, initials: null, suffix: null, collectiveName: "The Exosome Group", orcid: null, affiliations: ["A"] }],
    publicationTypes: ["Published Erratum"],
    commentsCorrections: [["ErratumFor", "111"]],
    source: { database: "scopus", file: "s.ris", ownId: "1", importedAt: "x" },
  }),
  makeArticle("biorxiv:1", { title: null, abstract: null, doi: "10.1101/2021.01.02.123456", journal: { title: "bioRxiv" } }),
  pubmedArticle("444", { title: "A deleted record", year: 2019 }),
];

function store() {
  const db = openStore(":memory:");
  for (const r of records) upsertRecord(db, r, 1, NOW);
  markDeleted(db, ["444"], NOW);
  return db;
}

const byId = <T extends { recordId: string }>(list: T[]): T[] => list.sort((a, b) => (a.recordId < b.recordId ? -1 : 1));
const expected = byId(records.filter((r) => r.recordId !== "444"));

describe("inputPages", () => {
  it("reads from the store what gives every non-deleted record the features its Article gives", () => {
    const pages = [...inputPages(store(), 2)];
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    const loaded = byId(pages.flat().map(parseInputRow));
    expect(loaded.map((r) => r.recordId)).toEqual(expected.map((r) => r.recordId));
    loaded.forEach((input, i) => expect(recordFeatures(input, i)).toEqual(recordFeatures(expected[i]!, i)));
  });
});

describe("storedFeatures", () => {
  it.each([false, true])("gives every record the features its Article gives (with a worker thread: %s)", async (parallel) => {
    const features = byId(await storedFeatures(store(), { parallel }));
    features.forEach((f, i) => expect({ ...f, index: i }).toEqual(recordFeatures(expected[i]!, i)));
  });
});

describe("the abstracts task", () => {
  it("packs each abstract's features and unpacks them the same", () => {
    const abstracts = [records[0]!.abstract, null, "", "one two three four", records[0]!.abstract];
    expect(unpackAbstracts(abstractsTask(abstracts))).toEqual(abstracts.map(abstractFeatures));
  });
});
