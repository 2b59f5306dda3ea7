import { describe, expect, it } from "vitest";
import { diffSnapshots, snapshotOf } from "../../src/stages/report/changes.js";
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
      rows: [
        { ...rows[0]!, conditions: ["acne", "scar"] },
        { ...rows[1]!, retracted: false, included: true },
      ],
    };
    const changes = diffSnapshots(views, previous);
    expect(changes.previousRunId).toBe(7);
    expect(changes.added.map((v) => v.recordId)).toEqual(["3"]);
    expect(changes.reclassified.map((r) => r.view.recordId)).toEqual(["2"]);
    expect(changes.newlyRetracted.map((v) => v.recordId)).toEqual(["2"]);
  });

  it("is empty when nothing changed", () => {
    const changes = diffSnapshots(views, { runId: 1, rows: views.map(snapshotOf) });
    expect([changes.added, changes.reclassified, changes.newlyRetracted].map((l) => l.length)).toEqual([0, 0, 0]);
  });
});
