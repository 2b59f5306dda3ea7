import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";

function capture(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { env: {}, stdout: (t) => out.push(t), stderr: (t) => err.push(t), clock: () => new Date() }, out, err };
}

/** A PubMed-format export (tests/fixtures/exports): its first record is PMID 29657938, DOI 10.4103/abr.abr_99_17. */
describe("litreview explain, given a record as people copy it", () => {
  const db = join(mkdtempSync(join(tmpdir(), "litreview-explain-")), "s.sqlite");
  beforeAll(async () => {
    expect(await main(["import", "tests/fixtures/exports/reflib-pubmed-blue-light-acne.nbib", "--db", db, "--quiet"], capture().io)).toBe(0);
  });

  it("finds it by PMID, 'PMID: n', its PubMed or doi.org link (articles.csv's url), its DOI or 'doi:…'", async () => {
    for (const id of [
      "29657938",
      "PMID: 29657938",
      "pmid:29657938",
      "https://pubmed.ncbi.nlm.nih.gov/29657938/",
      "https://www.ncbi.nlm.nih.gov/pubmed/29657938",
      "10.4103/abr.abr_99_17",
      "https://doi.org/10.4103/abr.abr_99_17",
      "doi:10.4103/ABR.ABR_99_17",
    ]) {
      const { io, out } = capture();
      expect(await main(["explain", id, "--db", db], io), id).toBe(0);
      expect(out.join("").split("\n")[0], id).toMatch(/^Record 29657938: /);
    }
  });

  it("still refuses an id the store does not hold, with exit 2", async () => {
    for (const id of ["99999999", "https://pubmed.ncbi.nlm.nih.gov/99999999/", "embase:L0"]) {
      const { io, out, err } = capture();
      expect(await main(["explain", id, "--db", db], io), id).toBe(2);
      expect(out).toEqual([]);
      expect(err.join(""), id).toMatch(/^litreview: no record \S+ in the store \S+: give a PMID, a DOI or a record_id as articles.csv lists it \(is --db the store of this review\?\)\n$/);
      expect(err.join(""), id).toContain(` in the store ${db}: `);
    }
  });
});
