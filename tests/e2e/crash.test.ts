import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEutilsServer, type EutilsServer } from "../../src/demo/eutils-server.js";
import { sampleRecordsFromJsonl } from "../../src/demo/sample-records.js";

/**
 * Crash safety (issue 8): a run killed with SIGKILL at several points, then started again, ends with the same
 * reports as a run never interrupted, every record stored once, and no half-written report.
 */
const root = resolve(import.meta.dirname, "../..");
const records = sampleRecordsFromJsonl(readFileSync(join(root, "data/sample/dev.jsonl"), "utf8"), "dev.jsonl");

type Trigger = { afterMs: number } | { afterLine: RegExp };

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

describe("a run killed at any point finishes correctly when started again", () => {
  let server: EutilsServer;
  const dir = mkdtempSync(join(tmpdir(), "litreview-crash-"));
  const pipeline = join(dir, "pipeline.yaml");
  let reference: Buffer;

  function runChild(db: string, out: string, trigger: Trigger | null): Promise<ChildRun> {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "run", pipeline, "--db", db, "--out", out], {
      cwd: root,
      env: { ...process.env, EUTILS_BASE_URL: server.url, NCBI_API_KEY: "", NCBI_EMAIL: "test@example.org" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const kill = () => child.kill("SIGKILL");
    if (trigger && "afterMs" in trigger) setTimeout(kill, trigger.afterMs);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (trigger && "afterLine" in trigger && trigger.afterLine.test(output)) kill();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    return new Promise((done) => child.on("exit", (code, signal) => done({ code, signal, output })));
  }

  beforeAll(async () => {
    server = await startEutilsServer({ records, rateLimit: true });
    writeFileSync(
      pipeline,
      [
        "name: crash-test",
        "title: Crash test",
        `query: ${join(root, "queries/exosome-dermatology.txt")}`,
        `vocab: ${join(root, "data/vocab")}`,
        "fetch:",
        "  batch_size: 10",
      ].join("\n"),
    );
    const clean = await runChild(join(dir, "reference.sqlite"), join(dir, "reference"), null);
    expect(clean.code, clean.output).toBe(0);
    reference = readFileSync(join(dir, "reference", "articles.csv"));
  }, 120_000);
  afterAll(async () => server.close());

  const points: [string, Trigger][] = [
    ["during search", { afterMs: 1200 }],
    ["during fetch", { afterMs: 3500 }],
    ["after fetch (parse)", { afterLine: /^fetch: /m }],
    ["after parse (dedupe)", { afterLine: /^parse: /m }],
    ["after dedupe (classify)", { afterLine: /^dedupe: /m }],
    ["after classify (report)", { afterLine: /^classify: /m }],
  ];

  it.each(points)("killed %s", async (_name, trigger) => {
    const slug = _name.replace(/\W+/g, "-");
    const db = join(dir, `${slug}.sqlite`);
    const out = join(dir, slug);
    const killed = await runChild(db, out, trigger);
    expect(killed.signal, killed.output).toBe("SIGKILL");
    for (const file of safeList(out)) {
      // Whatever a killed run left in the report folder is a whole file, never a partial one.
      if (file === "articles.csv") expect(readFileSync(join(out, file)).equals(reference)).toBe(true);
    }
    const again = await runChild(db, out, null);
    expect(again.code, again.output).toBe(0);
    expect(readFileSync(join(out, "articles.csv")).equals(reference)).toBe(true);
    expect(safeList(out).filter((f) => f.startsWith(".") || f.includes(".tmp"))).toEqual([]);
    const store = new Database(db, { readonly: true });
    const counts = store.prepare("SELECT count(*) AS n, count(DISTINCT pmid) AS d FROM records").get() as { n: number; d: number };
    expect(counts).toEqual({ n: records.length, d: records.length });
    const fetched = (store.prepare("SELECT pmids FROM raw_responses WHERE kind = 'efetch'").all() as { pmids: string }[]).flatMap(
      (r) => JSON.parse(r.pmids) as string[],
    );
    expect(fetched.length).toBe(new Set(fetched).size);
    store.close();
  }, 120_000);
});

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
