import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** The installed command, as scripts and cron call it. */
describe("bin/litreview.js", () => {
  it("prints machine-readable JSON on stdout and nothing else", () => {
    const out = execFileSync(process.execPath, ["bin/litreview.js", "eval", "classify", "--gold", "data/sample/dev.jsonl", "--json"], {
      encoding: "utf8",
    });
    const metrics = JSON.parse(out) as { articles: number; design: { accuracy: number } };
    expect(metrics.articles).toBe(91);
    expect(metrics.design.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("lists the exit codes in --help and exits 2 on a usage error", () => {
    const help = execFileSync(process.execPath, ["bin/litreview.js", "--help"], { encoding: "utf8" });
    for (const line of ["0  success", "2  usage or configuration error", "3  E-utilities service unavailable", "4  locked", "5  finished incomplete"]) {
      expect(help).toContain(line);
    }
    const bad = spawnSync(process.execPath, ["bin/litreview.js", "run", "--stages", "serch"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown stage serch/);
  });
});
