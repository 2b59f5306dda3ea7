import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";

function capture(env: NodeJS.ProcessEnv = {}): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { env, stdout: (t) => out.push(t), stderr: (t) => err.push(t), clock: () => new Date() }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "litreview-cli-options-"));

describe("eval --gold with a malformed file", () => {
  it("names the file, for classify and dedupe", async () => {
    const gold = join(dir, "gold.jsonl");
    writeFileSync(gold, '{"title": "no id"}\n');
    for (const what of ["classify", "dedupe"]) {
      const { io, out, err } = capture();
      expect(await main(["eval", what, "--gold", gold], io)).not.toBe(0);
      expect(out).toEqual([]);
      expect(err.join(""), what).toMatch(new RegExp(`^litreview: ${gold.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} line 1: `));
    }
  });
});

describe("status --limit", () => {
  it("refuses a value that is not a whole number of 1 or more, with exit 2", async () => {
    for (const limit of ["abc", "0", "-3", "2.5"]) {
      const { io, out, err } = capture();
      expect(await main(["status", "--limit", limit, "--db", join(dir, "none.sqlite")], io), limit).toBe(2);
      expect(out).toEqual([]);
      expect(err.join(""), limit).toContain(`option '--limit <n>' argument '${limit}' is invalid. expected a whole number, 1 or more.`);
    }
  });
});
