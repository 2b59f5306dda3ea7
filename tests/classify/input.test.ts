import { describe, expect, it } from "vitest";
import { inputPages, parseInput } from "../../src/stages/classify/input.js";
import { openStore } from "../../src/store/open.js";
import { markDeleted, upsertRecord } from "../../src/store/records.js";
import { makeArticle } from "./builders.js";

const NOW = "2026-02-01T10:00:00.000Z";
const TRICKY = 'quote " backslash \\ tab \t line\nbreak \u2028 \u0001 lone \ud800 pair 😀 é α';

describe("inputPages", () => {
  it("gives each live record's classification input as the stored article has it, in record_id order", () => {
    const db = openStore(":memory:");
    const articles = ["3", "1", "2", "4"].map((id) =>
      makeArticle(id, {
        title: `${TRICKY} title ${id}`,
        abstract: `${TRICKY} abstract`,
        abstractSections: [{ label: "METHODS", nlmCategory: "METHODS", text: TRICKY }],
        keywords: [TRICKY, "k"],
        mesh: [{ descriptor: TRICKY, descriptorUi: "D1", majorTopic: true, qualifiers: [{ name: "q", ui: null, majorTopic: false }] }],
        publicationTypes: ["Journal Article"],
        journal: { ...makeArticle(id).journal, title: `${TRICKY} journal`, volume: "12" },
      }),
    );
    for (const a of articles) upsertRecord(db, a, 1, NOW);
    markDeleted(db, ["4"], NOW);
    const pages = [...inputPages(db, 2)];
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    const inputs = pages.flat().map(parseInput);
    const expected = ["1", "2", "3"].map((id) => {
      const a = articles.find((x) => x.recordId === id)!;
      return { recordId: a.recordId, title: a.title, abstract: a.abstract, abstractSections: a.abstractSections, keywords: a.keywords, mesh: a.mesh, publicationTypes: a.publicationTypes, journal: { title: a.journal.title } };
    });
    expect(inputs).toEqual(expected);
  });
});
