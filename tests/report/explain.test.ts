import { describe, expect, it } from "vitest";
import { LitreviewError } from "../../src/errors.js";
import { explainRecord } from "../../src/stages/report/index.js";
import { buildStore } from "./store.js";

describe("explainRecord", () => {
  const db = buildStore();

  it("explains an included record with its labels and their evidence", () => {
    const text = explainRecord(db, "33073298");
    expect(text).toContain("Verdict: included in the evidence tables.");
    expect(text).toContain("Deduplication: kept for its cluster of 2, as its most complete record");
    expect(text).toContain("  embase:L2000001: merged into it, same DOI.");
    expect(text).toContain("design rct, group clinical, evidence level 2");
    expect(text).toContain('design evidence: design:rct [title]: "rct"');
    expect(text.match(/design:rct \[title\]/g)).toHaveLength(1);
    expect(text).toContain("Source: PubMed");
    expect(text).toContain("condition acne (confidence 0.8)");
    expect(text).toContain("participants: 25");
  });

  it("explains a merged duplicate with the rule and score, found by its DOI", () => {
    const text = explainRecord(db, "10.1000/DUP.1");
    expect(text).toContain("Record embase:L2000001");
    expect(text).toContain("Verdict: excluded, reason duplicate");
    expect(text).toContain("Deduplication: duplicate of 33073298: same DOI.");
  });

  it("explains notices, retractions, deletions and unclassified records", () => {
    expect(explainRecord(db, "40000003")).toContain("  excluded as notice: an erratum about 33073298, never merged with the article it concerns.");
    expect(explainRecord(db, "40000004")).toContain("excluded, reason retracted");
    expect(explainRecord(db, "40000005")).toContain("deleted by the source");
    expect(explainRecord(db, "hash:abc123")).toContain("Classification: not run yet for this record.");
    expect(explainRecord(db, "40000004")).toContain("Deduplication: kept; no other record is the same work.");
  });

  it("lists the possible duplicates a record is in, closest first, with their reason, from either side of the pair", () => {
    expect(explainRecord(db, "33073298")).not.toContain("possible duplicate");
    const store = buildStore();
    // A pair stored before reasons were kept, with the record as its second member.
    store.prepare("INSERT INTO possible_duplicates VALUES ('29138430', '29996938', 0.5, '{}', NULL)").run();
    const text = explainRecord(store, "29996938");
    expect(text).toContain(
      [
        "  2 possible duplicates for a human to check (possible-duplicates.csv):",
        // 32164386 is no longer stored.
        "    32164386, score 0.88 (different-ids: alike but with different PMIDs, DOIs or PMCIDs): (no title)",
        "    29138430, score 0.5 (reason not stored: run dedupe again): Extracellular vesicles derived from MSCs",
      ].join("\n"),
    );
  });

  it("names the id it could not find and what to give instead", () => {
    expect(() => explainRecord(db, "99999999")).toThrow(LitreviewError);
    expect(() => explainRecord(db, "99999999")).toThrow(/no record 99999999 in the store \S*: give a PMID, a DOI or a record_id/);
  });
});
