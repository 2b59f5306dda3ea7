import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";
import { sampleRecordsFromJsonl } from "../../src/demo/sample-records.js";
import { explainRecord } from "../../src/stages/report/index.js";
import { openStoreForReading } from "../../src/store/open.js";

/**
 * explain over a store made as a user makes one: the demo's 91 real articles (data/sample/dev.jsonl, as PubMed
 * XML) and the same Scopus and Web of Science records as tests/fixtures/exports, imported, then run --offline.
 */
describe("litreview explain on real records", () => {
  const dir = mkdtempSync(join(tmpdir(), "litreview-explain-"));
  const db = join(dir, "store.sqlite");
  const io: CliIo = { env: {}, stdout: () => {}, stderr: () => {}, clock: () => new Date() };
  let explain: (id: string) => string;

  beforeAll(async () => {
    const sample = sampleRecordsFromJsonl(readFileSync("data/sample/dev.jsonl", "utf8"), "dev.jsonl");
    const xml = join(dir, "sample.xml");
    writeFileSync(xml, `<?xml version="1.0"?>\n<PubmedArticleSet>${sample.map((r) => r.xml).join("\n")}</PubmedArticleSet>\n`);
    const exports = ["synthesisr-scopus.ris", "synthesisr-wos.ciw"].map((f) => `tests/fixtures/exports/${f}`);
    expect(await main(["import", xml, ...exports, "--db", db, "--quiet"], io)).toBe(0);
    expect(await main(["run", "--offline", "--db", db, "--out", join(dir, "reports"), "--quiet"], io)).toBe(0);
    explain = (id) => {
      const store = openStoreForReading(db);
      try {
        return explainRecord(store, id);
      } finally {
        store.close();
      }
    };
  }, 120_000);

  it("says 1 week, not 1 weeks (a case report)", () => {
    const text = explain("39000053");
    expect(text).toContain("  participants: 1\n  follow-up: 1 week\n");
    expect(explain("33073298")).toContain("  follow-up: 12 weeks\n");
  });

  it("lists a text several design rules matched in the same field once, naming the rules (an included RCT)", () => {
    const text = explain("33073298");
    expect(text).toContain("Verdict: included in the evidence tables.");
    const publicationType = text.split("\n").filter((l) => l.includes("[publication_types]"));
    expect(publicationType).toEqual([
      '  design evidence: rct:randomized-trial, rct:random-allocation, rct:Randomized Controlled Trial [publication_types]: "randomized controlled trial"',
    ]);
  });

  it("says why the relevance rules found a record not about exosomes", () => {
    const none = explain("29403184");
    expect(none).toContain("Verdict: excluded, reason not-exosome (not about exosomes or extracellular vesicles); reasons are checked");
    expect(none).toContain("  source not-exosome (confidence 1): no exosome or extracellular-vesicle term was found\n");
    // One "exosomes" in a list of what stem cells secrete: below the about-exosomes threshold.
    expect(explain("36464219")).toContain(
      "  source not-exosome (confidence 0.75): exosome or extracellular-vesicle terms were too few (a passing mention) or outweighed by conditioned-medium or secretome terms\n",
    );
  });

  it("names a merged duplicate's reason once (a Web of Science record merged into its Scopus copy)", () => {
    const text = explain("wos:WOS:000502504100001");
    expect(text).toContain("Source: Web of Science (tests/fixtures/exports/synthesisr-wos.ciw)");
    expect(text).toContain("Verdict: excluded, reason duplicate; reasons are checked in the order");
    expect(text).toContain("Deduplication: duplicate of scopus:2-s2.0-85076498356: same DOI.");
    expect(explain("scopus:2-s2.0-85076498356")).toContain("  wos:WOS:000502504100001: merged into it, same DOI.");
  });
});
