import { describe, expect, it } from "vitest";
import { PARALLEL_MIN_BYTES, parseStage } from "../../src/stages/parse/index.js";
import { openStore, type Db } from "../../src/store/open.js";
import { fixtureText, stageContext } from "./helpers.js";

/** Answers of fresh PMIDs, stored uncompressed (as an older writer did) so that a few make a large backlog. */
function storeAnswers(db: Db): number {
  const text = fixtureText("pubmedparser-pubmed21n1001-subset.xml");
  const insert = db.prepare("INSERT INTO raw_responses (run_id, kind, request, pmids, body, received_at, parsed_at) VALUES (1, 'efetch', ?, ?, ?, ?, NULL)");
  let bytes = 0;
  let answer = 0;
  for (; bytes < PARALLEL_MIN_BYTES; answer++) {
    const pmids: string[] = [];
    let n = 0;
    // Each record's own PMID (the first in its MedlineCitation) renumbered.
    const xml = text
      .replace(/<PubmedArticle>\s*<MedlineCitation([^>]*)>\s*<PMID Version="1">\d+<\/PMID>/g, (_m, attrs: string) => {
        const pmid = String(80000000 + answer * 1000 + n++);
        pmids.push(pmid);
        return `<PubmedArticle><MedlineCitation${attrs}><PMID Version="1">${pmid}</PMID>`;
      })
      .replace(/<ArticleTitle>[\s\S]*?<\/ArticleTitle>/, ""); // one warning an answer
    const body = Buffer.from(answer === 3 ? xml.slice(0, 300_000) : xml, "utf8"); // and one truncated answer
    insert.run(`efetch id=${answer}`, JSON.stringify(pmids), body, `2026-03-0${1 + (answer % 9)}T00:00:00.000Z`);
    bytes += body.length;
  }
  return answer;
}

async function parsed(threads: string) {
  process.env.LITREVIEW_THREADS = threads;
  const db = openStore(":memory:");
  try {
    const answers = storeAnswers(db);
    const outcome = await parseStage(stageContext(db));
    const rows = (sql: string) => db.prepare(sql).all();
    return {
      answers,
      outcome,
      records: rows("SELECT record_id, kind, pmid, doi, pmcid, source_db, article, content_hash FROM records ORDER BY rowid"),
      diagnostics: rows("SELECT * FROM diagnostics ORDER BY rowid"),
      unparsed: rows("SELECT raw_id FROM raw_responses WHERE parsed_at IS NULL"),
    };
  } finally {
    db.close();
    delete process.env.LITREVIEW_THREADS;
  }
}

describe("parse stage on worker threads", () => {
  it("stores a large backlog of answers as it does reading them in its own thread", async () => {
    const inline = await parsed("1");
    expect(inline.answers).toBeGreaterThan(4);
    expect(inline.outcome.counts).toMatchObject({ responses: inline.answers, errors: 1, warnings: inline.answers });
    expect(inline.unparsed).toEqual([]);
    expect(await parsed("2")).toEqual(inline);
  }, 120_000);
});
