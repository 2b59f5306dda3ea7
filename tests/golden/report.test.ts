import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderReports } from "../../src/stages/report/render.js";
import type { OutputName } from "../../src/stages/report/render.js";
import { makeInput } from "../report/builders.js";

/** Regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/golden`, then read the diff before committing. */
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const DIR = fileURLToPath(new URL("./report/", import.meta.url));
const OUTPUTS: OutputName[] = ["articles.csv", "tags.csv", "evidence-matrix.csv", "claims.csv", "prisma.csv", "possible-duplicates.csv", "summary.md"];

describe("report outputs match their golden files", () => {
  const files = renderReports(makeInput(), OUTPUTS, { bom: true });
  for (const name of OUTPUTS) {
    it(name, () => {
      const path = `${DIR}${name}`;
      const actual = files.get(name)!;
      if (UPDATE) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(path, actual);
      }
      expect(existsSync(path), `${path} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual).toBe(readFileSync(path, "utf8"));
    });
  }

  it("first-report summary (no earlier snapshot, no accuracy file, nothing included)", () => {
    const input = makeInput({ previous: null, accuracy: null, records: makeInput().records.filter((r) => r.classification === null) });
    const actual = renderReports(input, ["summary.md"], { bom: true }).get("summary.md")!;
    const path = `${DIR}summary-empty.md`;
    if (UPDATE) writeFileSync(path, actual);
    expect(actual).toBe(readFileSync(path, "utf8"));
  });
});
