import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
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
      expect(await main(["eval", what, "--gold", gold], io), what).toBe(2);
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

describe("run --since", () => {
  it("refuses a date after today, naming the option and the date, before anything is touched", async () => {
    const db = join(dir, "since.sqlite");
    const now = new Date(2026, 10, 27, 12, 0, 0);
    for (const since of ["2030-01-01", "2026-11-28"]) {
      const out: string[] = [];
      const err: string[] = [];
      const io: CliIo = { env: {}, stdout: (t) => out.push(t), stderr: (t) => err.push(t), clock: () => now };
      expect(await main(["run", "--since", since, "--db", db, "--out", join(dir, "since"), "--quiet"], io), since).toBe(2);
      expect(err.join("")).toBe(`litreview: --since ${since}: the date is after today (2026-11-27); give a date up to today\n`);
    }
    expect(existsSync(db)).toBe(false);
  });
});

describe("run --offline --stages with a network stage", () => {
  it("says which stage needs the network, in good English, and what to do", async () => {
    for (const [stages, message] of [
      ["search,parse", "--offline cannot run search: it needs the network; leave out --offline, or that stage"],
      ["fetch,search,report", "--offline cannot run search and fetch: they need the network; leave out --offline, or those stages"],
    ] as const) {
      const { io, err } = capture();
      expect(await main(["run", "--offline", "--stages", stages, "--db", join(dir, "none.sqlite")], io), stages).toBe(2);
      expect(err.join("")).toBe(`litreview: ${message}\n`);
    }
  });
});

describe("a mistyped option", () => {
  it("points to the --help of the command it was given to, which lists that command's options", async () => {
    for (const [args, help] of [
      [["run", "--sinse", "2024-01-01"], "litreview run --help"],
      [["eval", "classify", "--gold"], "litreview eval classify --help"],
      [["status", "--limit", "x"], "litreview status --help"],
    ] as const) {
      const { io, err } = capture();
      expect(await main([...args], io), args.join(" ")).toBe(2);
      expect(err.join("").trim().split("\n").at(-1), args.join(" ")).toBe(`(${help} lists its options)`);
    }
  });
});
