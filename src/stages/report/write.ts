import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { LitreviewError } from "../../errors.js";

/** A report written in full to a temporary name beside it and flushed to disk, waiting to be renamed over it. */
export interface StagedFile {
  temp: string;
  target: string;
}

/**
 * Writes a report's content to a temporary file in the same directory (rename is atomic only within one
 * file system) and flushes it to disk; commitStaged then renames it over the report.
 */
export function stageFile(dir: string, name: string, content: string | Iterable<string>): StagedFile {
  const target = join(dir, name);
  const temp = join(dir, `.${name}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = openSync(temp, "w", 0o644);
    try {
      const buffer = Buffer.allocUnsafe(SLICE_CHARS * 3);
      for (const piece of typeof content === "string" ? [content] : content) writeText(fd, buffer, piece);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (cause) {
    rmSync(temp, { force: true });
    throw writeError(target, cause);
  }
  return { temp, target };
}

/**
 * Renames staged files over their reports, one after the other with nothing in between, so that a run
 * killed while rendering leaves the earlier set of reports whole, not some files new and some old.
 */
export function commitStaged(dir: string, staged: readonly StagedFile[]): void {
  for (const [i, { temp, target }] of staged.entries()) {
    try {
      renameSync(temp, target);
    } catch (cause) {
      discardStaged(staged.slice(i));
      throw writeError(target, cause);
    }
  }
  syncDirectory(dir);
}

/** Removes staged files that will not be committed. */
export function discardStaged(staged: readonly StagedFile[]): void {
  for (const { temp } of staged) rmSync(temp, { force: true });
}

function writeError(target: string, cause: unknown): LitreviewError {
  return new LitreviewError("INTERNAL", `cannot write the report ${target}: ${(cause as Error).message}; check that the folder is writable and the disk is not full`, { cause });
}

/** Characters encoded at a time: a UTF-16 code unit is at most 3 bytes of UTF-8, so a slice always fits the buffer. */
const SLICE_CHARS = 1 << 18;

/**
 * Writes text as UTF-8 through one reused buffer, a slice at a time, never cutting a surrogate pair
 * (Buffer.from per piece allocated as much as the files are large, all garbage).
 */
function writeText(fd: number, buffer: Buffer, text: string): void {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + SLICE_CHARS, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    const bytes = buffer.write(start === 0 && end === text.length ? text : text.slice(start, end), 0);
    writeAll(fd, buffer.subarray(0, bytes));
    start = end;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** writeSync may write less than asked; loop until the whole buffer is on its way to disk. */
function writeAll(fd: number, buffer: Buffer): void {
  let offset = 0;
  while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
}

/** Makes the rename itself durable; not every platform lets a directory be opened, so failure is ignored. */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  }
}

/** Temporary files a killed run left for these report names (never the reports themselves). */
export function staleTempFiles(dir: string, names: Iterable<string>): string[] {
  const prefixes = [...names].map((n) => `.${n}.`);
  return readdirSync(dir).filter((f) => f.endsWith(".tmp") && prefixes.some((p) => f.startsWith(p)));
}

/** Makes the report folder and removes the temporary files a killed run left there for these report names. */
export function prepareReportDir(dir: string, names: Iterable<string>): void {
  mkdirSync(dir, { recursive: true });
  for (const stale of staleTempFiles(dir, names)) rmSync(join(dir, stale), { force: true });
}

/**
 * Stages every file into a prepared folder, adding each to `staged` as it is written (so that a failure
 * part-way can discard what was staged before it). Content may come in pieces, rendered while it is
 * written, so a large report is never held whole in memory.
 */
export function stageReports(
  dir: string,
  files: ReadonlyMap<string, string | Iterable<string>>,
  staged: StagedFile[],
  onWritten: (filesDone: number) => void = () => {},
): void {
  let done = 0;
  for (const [name, content] of files) {
    staged.push(stageFile(dir, name, content));
    onWritten(++done);
  }
}
