import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { LitreviewError } from "../../src/errors.js";
import { commitStaged, discardStaged, prepareReportDir, stageFile, stageReports, type StagedFile } from "../../src/stages/report/write.js";

/** One file staged and renamed over its report at once. */
function writeFileAtomic(dir: string, name: string, content: string | Iterable<string>): void {
  commitStaged(dir, [stageFile(dir, name, content)]);
}

function writeReports(dir: string, files: Map<string, string | Iterable<string>>): void {
  const staged: StagedFile[] = [];
  stageReports(dir, files, staged);
  commitStaged(dir, staged);
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "litreview-write-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("atomic report writes", () => {
  it("replaces a file whole and leaves no temporary file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.csv"), "old content");
    writeFileAtomic(dir, "a.csv", "new ✓ content");
    expect(readFileSync(join(dir, "a.csv"), "utf8")).toBe("new ✓ content");
    expect(readdirSync(dir)).toEqual(["a.csv"]);
  });

  it("writes long text and pieces in UTF-8 whole, surrogate pairs across slice boundaries included", () => {
    const dir = tempDir();
    const long = `${"a".repeat((1 << 18) - 1)}😀${"é".repeat(1 << 18)}😀✓`;
    writeFileAtomic(dir, "long.csv", long);
    expect(readFileSync(join(dir, "long.csv"), "utf8")).toBe(long);
    const pieces = ["x".repeat(1 << 18), "😀", "", `y${"😀".repeat(1 << 17)}`];
    writeFileAtomic(dir, "pieces.csv", pieces);
    expect(readFileSync(join(dir, "pieces.csv"), "utf8")).toBe(pieces.join(""));
  });

  it("creates the report folder and writes every file", () => {
    const dir = join(tempDir(), "nested", "out");
    prepareReportDir(dir, ["x.csv", "y.md"]);
    writeReports(dir, new Map([["x.csv", "x"], ["y.md", "y"]]));
    expect(readdirSync(dir).sort()).toEqual(["x.csv", "y.md"]);
  });

  it("renames nothing until every file is written: a failure part-way leaves the earlier set whole", () => {
    const dir = tempDir();
    writeReports(dir, new Map([["articles.csv", "old rows"], ["summary.md", "old summary"]]));
    const staged: StagedFile[] = [];
    const failing = (function* () {
      yield "new summary, first part";
      throw new Error("the renderer failed");
    })();
    expect(() => stageReports(dir, new Map<string, string | Iterable<string>>([["articles.csv", "new rows"], ["summary.md", failing]]), staged)).toThrow(
      /cannot write the report .*summary\.md: the renderer failed/,
    );
    expect(staged).toHaveLength(1);
    expect(readFileSync(join(dir, "articles.csv"), "utf8")).toBe("old rows");
    expect(readFileSync(join(dir, "summary.md"), "utf8")).toBe("old summary");
    discardStaged(staged);
    expect(readdirSync(dir).sort()).toEqual(["articles.csv", "summary.md"]);
    expect(readFileSync(join(dir, "articles.csv"), "utf8")).toBe("old rows");
  });

  it("fails with the file named, cleans up its temporary file and leaves what was there", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "summary.md"));
    writeFileSync(join(dir, "summary.md", "keep"), "kept");
    let error: unknown;
    try {
      writeFileAtomic(dir, "summary.md", "text");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LitreviewError);
    expect((error as Error).message).toContain(join(dir, "summary.md"));
    expect(readdirSync(dir)).toEqual(["summary.md"]);
    expect(readFileSync(join(dir, "summary.md", "keep"), "utf8")).toBe("kept");
  });

  it("never leaves a half-written file when the writer is killed mid-write", async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./write-child.ts", import.meta.url)), dir, "articles.csv"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    const content = readFileSync(join(dir, "articles.csv"), "utf8");
    expect(content.length).toBe(4_000_000);
    expect(["A", "B"]).toContain(content[0]);
    expect(content).toBe(content[0]!.repeat(4_000_000));
    prepareReportDir(dir, ["articles.csv"]);
    writeReports(dir, new Map([["articles.csv", "rerun"]]));
    expect(readdirSync(dir)).toEqual(["articles.csv"]);
  });
});
