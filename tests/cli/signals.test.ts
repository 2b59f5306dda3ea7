import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { startEutilsServer, type EutilsServer } from "../../src/demo/eutils-server.js";
import { sampleRecordsFromJsonl } from "../../src/demo/sample-records.js";

/**
 * A run stopped by Ctrl-C, SIGTERM or kill -9 in the middle of fetch. The fetch is held there by a proxy in
 * front of the stand-in server that answers esearch and never answers efetch, so the signal always lands
 * while a request is open.
 */
const root = resolve(import.meta.dirname, "../..");
const records = sampleRecordsFromJsonl(readFileSync(join(root, "data/sample/dev.jsonl"), "utf8"), "dev.jsonl");
const PIPELINE_NAME = "signal-test";

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

describe("a run stopped by a signal", () => {
  let server: EutilsServer;
  let proxy: Server;
  let proxyUrl: string;
  let efetchWaiting: (() => void) | null = null;
  const dir = mkdtempSync(join(tmpdir(), "litreview-signals-"));
  const pipeline = join(dir, "pipeline.yaml");

  beforeAll(async () => {
    server = await startEutilsServer({ records });
    proxy = createServer((req, res) => {
      if (req.url?.includes("efetch")) {
        efetchWaiting?.();
        return; // never answered: the run stays in fetch until the signal
      }
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const target = new URL(req.url ?? "/", server.url);
        fetch(target, { method: req.method, headers: { "content-type": req.headers["content-type"] ?? "" }, body: req.method === "POST" ? Buffer.concat(chunks) : undefined })
          .then(async (answer) => {
            res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "text/xml" });
            res.end(Buffer.from(await answer.arrayBuffer()));
          })
          .catch(() => res.destroy());
      });
    });
    await new Promise<void>((done) => proxy.listen(0, "127.0.0.1", done));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${new URL(server.url).pathname}`;
    writeFileSync(
      pipeline,
      [`name: ${PIPELINE_NAME}`, "title: Signal test", `query: ${join(root, "queries/exosome-dermatology.txt")}`, `vocab: ${join(root, "data/vocab")}`].join("\n"),
    );
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    proxy.close();
    await server.close();
  });

  /** Runs litreview; once it is waiting on efetch, sends it `signal` (none: let it finish against the server). */
  function runChild(db: string, signal: NodeJS.Signals | null): Promise<ChildRun> {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "run", pipeline, "--db", db, "--out", join(dir, "out")], {
      cwd: root,
      env: { ...process.env, EUTILS_BASE_URL: signal ? proxyUrl : server.url, NCBI_API_KEY: "", NCBI_EMAIL: "test@example.org" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (signal) efetchWaiting = () => {
      efetchWaiting = null;
      child.kill(signal);
    };
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    return new Promise((done) => child.on("exit", (code, sig) => done({ code, signal: sig, stderr })));
  }

  async function status(db: string, json = false): Promise<string> {
    let out = "";
    const code = await main(["status", pipeline, "--db", db, ...(json ? ["--json"] : [])], {
      env: {},
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
      clock: () => new Date(),
    });
    expect(code).toBe(0);
    return out;
  }

  /** The logs of the runs on a store: in logs/ beside it, named after it. */
  function logs(db: string): string {
    const store = basename(db, ".sqlite");
    const files = readdirSync(join(dir, "logs")).filter((f) => f.startsWith(`${store}-`));
    return files.map((f) => readFileSync(join(dir, "logs", f), "utf8")).join("");
  }

  it("on Ctrl-C (SIGINT) ends the run as interrupted, says what was kept, exits 130, and the next run carries on", async () => {
    const db = join(dir, "sigint.sqlite");
    const stopped = await runChild(db, "SIGINT");
    expect(stopped.code, stopped.stderr).toBe(130);
    const line = "run 1 interrupted by SIGINT during fetch: kept the finished stages (search) and everything stored before it; the next run carries on from there";
    expect(stopped.stderr.trim().split("\n").at(-1)).toMatch(/^litreview sigint: run 1 interrupted by SIGINT during fetch: .* carries on from there \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, exit 130\)$/);
    expect(stopped.stderr).toContain(line);
    expect(logs(db)).toContain(line);
    expect(existsSync(`${db}.lock.json`)).toBe(false);
    const shown = await status(db);
    expect(shown).toMatch(/^run 1 {2}INTERRUPTED \(exit 130\) {2}litreview run /);
    expect(shown).toMatch(/started \S+, ended \S+/);
    expect(shown).toContain("error: stopped by SIGINT during fetch");

    const again = await runChild(db, null);
    expect(again.code, again.stderr).toBe(0);
    const [latest, first] = JSON.parse(await status(db, true)) as { run_id: number; outcome: string; ended_at: string }[];
    expect([latest?.run_id, latest?.outcome]).toEqual([2, "success"]);
    expect([first?.run_id, first?.outcome]).toEqual([1, "interrupted"]);
  }, 60_000);

  it("on SIGTERM ends the run as interrupted and exits 143", async () => {
    const db = join(dir, "sigterm.sqlite");
    const stopped = await runChild(db, "SIGTERM");
    expect(stopped.code, stopped.stderr).toBe(143);
    expect(stopped.stderr).toContain("litreview sigterm: run 1 interrupted by SIGTERM during fetch");
    expect(await status(db)).toMatch(/^run 1 {2}INTERRUPTED \(exit 143\)/);
  }, 60_000);

  it("after kill -9, status shows the run as interrupted (process gone) without waiting for the next run", async () => {
    const db = join(dir, "sigkill.sqlite");
    const killed = await runChild(db, "SIGKILL");
    expect(killed.signal).toBe("SIGKILL");
    const shown = await status(db);
    expect(shown).toMatch(/^run 1 {2}INTERRUPTED \(process gone\) {2}litreview run /);
    const [run] = JSON.parse(await status(db, true)) as { outcome: string; process_gone?: boolean }[];
    expect(run).toMatchObject({ outcome: "interrupted", process_gone: true });
  }, 60_000);

  it("on Ctrl-C during an import ends the import as interrupted, and importing the file again finishes it", async () => {
    const db = join(dir, "import.sqlite");
    const ris = join(dir, "many.ris");
    const n = 30_000;
    writeFileSync(ris, Array.from({ length: n }, (_, i) => `TY  - JOUR\nTI  - Exosome study ${i}\nAU  - Doe, Jane\nPY  - 2020\nDO  - 10.1000/x${i}\nER  - \n`).join("\n"));
    const importChild = (signal: boolean) => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "import", ris, "--db", db, "--pipeline", pipeline], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      let sent = false;
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        if (signal && !sent && stderr.includes("importing ")) sent = child.kill("SIGINT");
      });
      return new Promise<ChildRun>((done) => child.on("exit", (code, sig) => done({ code, signal: sig, stderr })));
    };
    const stopped = await importChild(true);
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr.trim().split("\n").at(-1)).toMatch(/^litreview import: run 1 interrupted by SIGINT: kept everything stored before it; the next run carries on from there \(\S+Z, exit 130\)$/);
    expect(await status(db)).toMatch(/^run 1 {2}INTERRUPTED \(exit 130\) {2}litreview import /);
    const again = await importChild(false);
    expect(again.code, again.stderr).toBe(0);
    expect(await status(db)).toMatch(/^run 2 {2}SUCCESS \(exit 0\) {2}litreview import /);
    const store = new Database(db, { readonly: true });
    expect(store.prepare("SELECT count(*) AS n FROM records").get()).toEqual({ n });
    store.close();
  }, 60_000);
});
