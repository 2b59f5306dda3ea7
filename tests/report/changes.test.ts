import { describe, expect, it } from "vitest";
import { diffSnapshots, snapshotOf } from "../../src/stages/report/changes.js";
import { changesSection } from "../../src/stages/report/summary/changes.js";
import { buildViews } from "../../src/stages/report/view.js";
import { makeArticle, makeClassification, makeDecision, makeRecord } from "./builders.js";

const views = buildViews([
  makeRecord(makeArticle("1"), makeClassification("1", { conditions: ["scar", "acne"] })),
  makeRecord(makeArticle("2"), makeClassification("2"), makeDecision("2", { retracted: true })),
  makeRecord(makeArticle("3"), makeClassification("3")),
]);

describe("changes since the last report", () => {
  it("counts every record as new on the first report", () => {
    const changes = diffSnapshots(views, null);
    expect(changes.added.map((v) => v.recordId)).toEqual(["1", "2", "3"]);
    expect(changes.newlyRetracted.map((v) => v.recordId)).toEqual(["2"]);
  });

  it("finds new, reclassified and newly retracted records, ignoring label order", () => {
    const rows = views.map(snapshotOf);
    const previous = {
      runId: 7,
      date: "2026-11-20T06:00:00.000Z",
      rows: [
        { ...rows[0]!, conditions: ["acne", "scar"] },
        { ...rows[1]!, retracted: false, included: true },
      ],
    };
    const changes = diffSnapshots(views, previous);
    expect(changes.baseline?.runId).toBe(7);
    expect(changes.added.map((v) => v.recordId)).toEqual(["3"]);
    expect(changes.reclassified.map((r) => r.view.recordId)).toEqual(["2"]);
    expect(changes.newlyRetracted.map((v) => v.recordId)).toEqual(["2"]);
  });

  it("is empty when nothing changed", () => {
    const changes = diffSnapshots(views, { runId: 1, date: null, rows: views.map(snapshotOf) });
    expect([changes.added, changes.reclassified, changes.newlyRetracted].map((l) => l.length)).toEqual([0, 0, 0]);
  });
});

describe("changes by work: a copy from another database joining a reported article", () => {
  // PMID 33073298 (Kwon et al. 2020, acne scars RCT) and its Embase record 633207744 (the writer's embase-sim.ris).
  const pubmed = makeArticle("33073298", { title: "Combination Treatment with Human Adipose Tissue Stem Cell-derived Exosomes and Fractional CO2 Laser for Acne Scars" });
  const embase = makeArticle("embase:633207744", {
    pmid: null,
    title: "Combination treatment with human adipose tissue stem cell-derived exosomes and fractional CO2 laser for acne scars",
    source: { database: "embase", file: "embase-sim.ris", ownId: "633207744", importedAt: "2026-11-27T19:00:00.000Z" },
  });
  const trial = { design: "rct" as const, conditions: ["acne" as const, "scar" as const] };
  const reported = { runId: 1, date: "2026-11-20T06:00:00.000Z", rows: [snapshotOf(buildViews([makeRecord(pubmed, makeClassification("33073298", trial))])[0]!)] };
  const cluster = (kept: string, copy: string) => [
    makeRecord(kept === pubmed.recordId ? pubmed : embase, makeClassification(kept, trial), makeDecision(kept, { clusterId: kept, keptRecordId: kept })),
    makeRecord(copy === pubmed.recordId ? pubmed : embase, makeClassification(copy, trial), makeDecision(copy, { role: "duplicate", clusterId: kept, keptRecordId: kept, rule: "doi", score: 1 })),
  ];

  it("shows the new copy as merged, nothing new or reclassified, whichever copy dedupe keeps", () => {
    for (const [kept, copy] of [[pubmed.recordId, embase.recordId], [embase.recordId, pubmed.recordId]]) {
      const changes = diffSnapshots(buildViews(cluster(kept!, copy!)), reported);
      expect(changes.added, kept).toEqual([]);
      expect(changes.reclassified, kept).toEqual([]);
      expect(changes.merged.map((m) => [m.view.recordId, m.reported.recordId, m.keptRecordId]), kept).toEqual([["embase:633207744", "33073298", kept]]);
    }
  });

  it("lists the merge in summary.md, and new excluded records by reason with their ids", () => {
    const offTopic = makeRecord(makeArticle("41000001"), makeClassification("41000001", { conditions: ["not-skin"] }));
    const notExosome = makeRecord(makeArticle("41000002"), makeClassification("41000002", { exosomeSources: ["not-exosome"] }));
    const alsoOffTopic = makeRecord(makeArticle("41000003"), makeClassification("41000003", { conditions: ["not-skin"] }));
    const text = changesSection(diffSnapshots(buildViews([...cluster(embase.recordId, pubmed.recordId), offTopic, notExosome, alsoOffTopic]), reported)).join("\n");
    expect(text).toContain("Compared with the report of 2026-11-20 06:00 UTC.");
    expect(text).toContain("### New (3 records: 0 included, 3 excluded)");
    expect(text).toContain("| Not about exosomes or extracellular vesicles | 1 | 41000002 |");
    expect(text).toContain("| Not about skin | 2 | 41000001, 41000003 |");
    expect(text).toContain("| embase:633207744 | Embase | [PMID 33073298](https://pubmed.ncbi.nlm.nih.gov/33073298/) |");
    expect(text).toContain("### Reclassified (0)");
  });

  it("gives new included records their design and conditions, and the reason a reclassified record is excluded", () => {
    const nowOffTopic = makeRecord(pubmed, makeClassification("33073298", { design: "rct", conditions: ["not-skin"] }));
    const added = makeRecord(makeArticle("41000004"), makeClassification("41000004", { design: "rct", conditions: ["skin-aging"] }));
    const text = changesSection(diffSnapshots(buildViews([nowOffTopic, added]), reported)).join("\n");
    expect(text).toMatch(/- .*\[PMID 41000004\]\(.*\) — RCT; skin aging/);
    expect(text).toContain("| included; RCT; acne, scars | excluded (not about skin); RCT; not about skin |");
  });
});
