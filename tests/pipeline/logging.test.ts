import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KEEP_LOG_FILES, createRunLogger, type Verbosity } from "../../src/pipeline/logging.js";

function logAll(verbosity: Verbosity) {
  const dir = mkdtempSync(join(tmpdir(), "litreview-logs-"));
  const shown: string[] = [];
  const logger = createRunLogger({ logDir: dir, name: "p", startedAt: new Date("2026-01-01T00:00:00Z"), verbosity, write: (l) => shown.push(l) });
  logger.debug({}, "d");
  logger.info({ stage: "fetch" }, "i");
  logger.warn({}, "w");
  logger.error({}, "e");
  return { shown, file: logger.file, dir };
}

describe("run logger", () => {
  it("shows errors only with --quiet, info and warnings normally, everything with --verbose", () => {
    expect(logAll("quiet").shown).toEqual(["error: e"]);
    expect(logAll("normal").shown).toEqual(["fetch: i", "warn: w", "error: e"]);
    expect(logAll("verbose").shown).toEqual(["debug: d", "fetch: i", "warn: w", "error: e"]);
  });

  it("writes every level as JSON lines to the run's file, whatever the terminal shows", () => {
    const { file } = logAll("quiet");
    const lines = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual(["d", "i", "w", "e"]);
  });

  it("records to the file alone what the caller prints itself", () => {
    const dir = mkdtempSync(join(tmpdir(), "litreview-logs-"));
    const shown: string[] = [];
    const logger = createRunLogger({ logDir: dir, name: "p", startedAt: new Date(), verbosity: "verbose", write: (l) => shown.push(l) });
    logger.record("error", { code: "SERVICE_UNAVAILABLE" }, "cannot reach");
    expect(shown).toEqual([]);
    expect(JSON.parse(readFileSync(logger.file, "utf8"))).toMatchObject({ level: 50, code: "SERVICE_UNAVAILABLE", msg: "cannot reach" });
  });

  it("keeps at most the newest KEEP_LOG_FILES logs of a pipeline, and never another pipeline's", () => {
    const dir = mkdtempSync(join(tmpdir(), "litreview-logs-"));
    const log = (pipeline: string, i: number) => `${pipeline}-2025-01-01T00-00-${String(i).padStart(2, "0")}-000Z-${1000 + i}.jsonl`;
    for (let i = 0; i < KEEP_LOG_FILES + 5; i++) writeFileSync(join(dir, log("p", i)), "{}\n");
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, log("p-q", i)), "{}\n");
    createRunLogger({ logDir: dir, name: "p", startedAt: new Date(), verbosity: "quiet", write: () => {} });
    const files = readdirSync(dir);
    expect(files.filter((f) => f.startsWith("p-2"))).toHaveLength(KEEP_LOG_FILES);
    expect(files).not.toContain(log("p", 0));
    expect(files.filter((f) => f.startsWith("p-q-"))).toHaveLength(3);
  });
});
