import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";
import { openStore, openStoreForReading } from "../../src/store/open.js";
import { listRuns } from "../../src/store/runs.js";

/** A pipeline whose vocabulary and gold file are copies the test may break. */
function project(): { pipeline: string; vocab: string; gold: string; db: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "litreview-check-"));
  const vocab = join(dir, "vocab");
  cpSync("data/vocab", vocab, { recursive: true });
  const gold = join(dir, "gold.jsonl");
  cpSync("data/sample/dev.jsonl", gold);
  const pipeline = join(dir, "p.yaml");
  writeFileSync(pipeline, `name: checked\ntitle: t\nquery: ${resolve("queries/exosome-dermatology.txt")}\nvocab: ${vocab}\nevaluation:\n  gold: ${gold}\n`);
  const db = join(dir, "store.sqlite");
  openStore(db).close();
  return { pipeline, vocab, gold, db, out: join(dir, "reports") };
}

/** No run was started: the store is as it was. */
function untouched(db: string): boolean {
  const store = openStoreForReading(db);
  try {
    return listRuns(store, 10).length === 0;
  } finally {
    store.close();
  }
}

function capture(): { io: CliIo; err: string[] } {
  const err: string[] = [];
  return { io: { env: {}, stdout: () => {}, stderr: (t) => err.push(t), clock: () => new Date() }, err };
}

describe("the pipeline's vocabulary and gold file are checked before any stage runs", () => {
  it("a label that is not a claim id stops the run before parse, with one line, and leaves the store as it was", async () => {
    const p = project();
    const claims = join(p.vocab, "claims.yaml");
    writeFileSync(claims, readFileSync(claims, "utf8").replace("  elasticity-firmness:", "  elasticity-firmnes:"));
    const { io, err } = capture();
    expect(await main(["run", p.pipeline, "--offline", "--db", p.db, "--out", p.out], io)).toBe(2);
    expect(err).toEqual([`litreview: invalid vocabulary: ${claims}: labels.elasticity-firmnes: not a claim id of the taxonomy (collagen-elastin, elasticity-firmness, wrinkles, wound-closure, scar-remodelling, anti-inflammation, barrier-hydration, mmp-inhibition, angiogenesis, pigmentation, hair-growth, safety) (fix the file, or restore it from git)\n`]);
    expect(untouched(p.db)).toBe(true);
    expect(existsSync(p.out)).toBe(false);
  });

  it("the same wrong-type threshold in 12 labels is told once, naming every field", async () => {
    const p = project();
    const claims = join(p.vocab, "claims.yaml");
    writeFileSync(claims, readFileSync(claims, "utf8").replaceAll("threshold: 1.5", 'threshold: "1.5"'));
    const { io, err } = capture();
    expect(await main(["report", p.pipeline, "--db", p.db, "--out", p.out], io)).toBe(2);
    const message = err.join("");
    expect(message.match(/expected number, received string/g)).toHaveLength(1);
    expect(message).toContain(`${claims}: labels.collagen-elastin.threshold, labels.elasticity-firmness.threshold, `);
    expect(message).toContain("labels.safety.threshold: Invalid input: expected number, received string");
    expect(untouched(p.db)).toBe(true);
    expect(existsSync(p.out)).toBe(false);
  });

  it("a malformed gold file is a configuration error naming the pipeline field and the file", async () => {
    const p = project();
    writeFileSync(p.gold, '{"title": "no id"}\n');
    const { io, err } = capture();
    expect(await main(["run", p.pipeline, "--offline", "--db", p.db, "--out", p.out], io)).toBe(2);
    expect(err.join("")).toMatch(new RegExp(`^litreview: ${p.pipeline}: evaluation\\.gold: ${p.gold} line 1: field id: `));
    expect(untouched(p.db)).toBe(true);
    expect(existsSync(p.out)).toBe(false);
  });
});
