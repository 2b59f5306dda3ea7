import { describe, expect, it } from "vitest";
import { dedupeRecords } from "../../src/stages/dedupe/core.js";
import type { DedupeDecision } from "../../src/model/dedupe.js";
import { parseFixture } from "../imports/helpers.js";
import { makeArticle, pubmedArticle } from "./builders.js";

const linked = { preprints: "linked" } as const;

function byId(decisions: DedupeDecision[]): Map<string, DedupeDecision> {
  return new Map(decisions.map((d) => [d.recordId, d]));
}

describe("exact keys", () => {
  it("gives one decision for every record, kept records pointing at themselves", () => {
    const records = [pubmedArticle("1", { title: "Alpha study of skin" }), pubmedArticle("2", { title: "Beta study of hair" })];
    const { decisions } = dedupeRecords(records, linked);
    expect(decisions.map((d) => [d.recordId, d.role, d.keptRecordId, d.rule])).toEqual([
      ["1", "kept", "1", null],
      ["2", "kept", "2", null],
    ]);
  });

  it("merges on a DOI written differently and keeps the PubMed record", () => {
    const records = [
      makeArticle("scopus:2-s2.0-1", { doi: "https://doi.org/10.2340/00015555-3666", title: "Acne scars study", source: { database: "scopus", file: "s.ris", ownId: "1", importedAt: "x" } }),
      pubmedArticle("33073298", { doi: "10.2340/00015555-3666", title: "Acne scars study" }),
      makeArticle("wos:000", { doi: "DOI: 10.2340/00015555-3666.", title: null }),
    ];
    const d = byId(dedupeRecords(records, linked).decisions);
    expect(d.get("33073298")?.role).toBe("kept");
    expect(d.get("scopus:2-s2.0-1")).toMatchObject({ role: "duplicate", keptRecordId: "33073298", rule: "doi", score: 1 });
    expect(d.get("wos:000")).toMatchObject({ role: "duplicate", keptRecordId: "33073298", rule: "doi" });
  });

  it("merges on PMCID and on PMID", () => {
    const records = [
      pubmedArticle("37251412", { pmcid: "PMC10213721" }),
      makeArticle("pmc:1", { pmcid: "pmc10213721" }),
      makeArticle("ris:9", { pmid: "37251412" }),
    ];
    const d = byId(dedupeRecords(records, linked).decisions);
    expect(d.get("pmc:1")?.rule).toBe("pmcid");
    expect(d.get("ris:9")?.rule).toBe("pmid");
    expect(new Set([...d.values()].map((x) => x.clusterId))).toEqual(new Set(["37251412"]));
  });

  it("does not merge two PubMed records on a shared DOI alone", () => {
    const records = [
      pubmedArticle("100", { doi: "10.1000/book", title: "Chapter one: skin biology", year: 2020 }),
      pubmedArticle("200", { doi: "10.1000/book", title: "Chapter two: hair follicles", year: 2020 }),
    ];
    const { decisions } = dedupeRecords(records, linked);
    expect(decisions.every((d) => d.role === "kept")).toBe(true);
  });

  it("does not merge two meeting abstracts of one supplement on its DOI, and lists them for a human to check", async () => {
    // Two Embase records of BMC Proceedings 2018 abstracts, both given the supplement's DOI.
    const { records } = await parseFixture("knh-ovid-embase-complete-reference.cgi");
    expect(new Set(records.map((r) => r.doi))).toEqual(new Set(["10.1186/s12919-018-0099-8"]));
    const { decisions, possible } = dedupeRecords(records, linked);
    expect(decisions.map((d) => d.role)).toEqual(["kept", "kept"]);
    expect(possible.map((p) => [p.recordIdA, p.recordIdB, p.reason])).toEqual([["embase:L621381823", "embase:L621381829", "shared-doi"]]);
  });

  it("still merges on a shared DOI when the titles differ but the first author agrees (a translated or garbled title)", () => {
    const records = [
      pubmedArticle("2150382", { doi: "10.1000/acne", title: "[Therapy of acne with visible light].", authors: ["Meffert, H"], year: 1990 }),
      makeArticle("embase:1", { doi: "10.1000/acne", title: "Therapie der Akne mit sichtbarem Licht", authors: ["Meffert H."], year: 1990 }),
    ];
    expect(byId(dedupeRecords(records, linked).decisions).get("embase:1")).toMatchObject({ role: "duplicate", rule: "doi" });
  });

  it("keeps the most complete PubMed record: PMID first, then fields filled, then smallest record_id", () => {
    const title = "Exosomes derived from adipose stem cells improve photoaged skin";
    const sparse = makeArticle("a:1", { doi: "10.1000/x", title });
    const rich = makeArticle("b:1", { doi: "10.1000/x", title, year: 2020, abstract: "Text.", journal: { title: "J" } });
    const withPmid = makeArticle("c:1", { doi: "10.1000/x", pmid: "123" });
    expect(dedupeRecords([sparse, rich], linked).decisions.find((d) => d.role === "kept")?.recordId).toBe("b:1");
    expect(dedupeRecords([sparse, rich, withPmid], linked).decisions.find((d) => d.role === "kept")?.recordId).toBe("c:1");
    const twin = makeArticle("a:0", { doi: "10.1000/x", title });
    expect(dedupeRecords([sparse, twin], linked).decisions.find((d) => d.role === "kept")?.recordId).toBe("a:0");
  });

  it("gives the same output for the same records in any order", () => {
    const records = [
      pubmedArticle("5", { doi: "10.5/a", title: "Milk exosomes for skincare at scale", year: 2024, authors: ["Lee, J"] }),
      makeArticle("x:1", { doi: "10.5/A", title: "Milk exosomes for skincare at scale" }),
      makeArticle("x:2", { title: "Milk Exosomes for Skincare at Scale.", year: 2024, authors: ["Lee, Jin"] }),
      makeArticle("x:3", { title: "Plant exosome-like nanoparticles in wound repair", year: 2022 }),
    ];
    const forward = dedupeRecords(records, linked);
    const backward = dedupeRecords([...records].reverse(), linked);
    const shuffled = dedupeRecords([records[2]!, records[0]!, records[3]!, records[1]!], linked);
    expect(backward).toEqual(forward);
    expect(shuffled).toEqual(forward);
  });
});
