import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Article, Diagnostic } from "../../src/model/article.js";
import { openContent, sniffFile } from "../../src/imports/files.js";
import { parserFor } from "../../src/imports/parsers.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/exports/", import.meta.url));
export const IMPORTED_AT = "2026-01-02T03:04:05.000Z";

export function fixture(name: string): string {
  return `${FIXTURES}${name}`;
}

/** Every record and diagnostic a fixture gives, through format detection and its parser. */
export async function parseFixture(name: string): Promise<{ records: Article[]; diagnostics: Diagnostic[]; format: string }> {
  const file = await sniffFile(fixture(name));
  const records: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  for await (const item of parserFor(file.format)(openContent(file), { file: name, importedAt: IMPORTED_AT })) {
    if (item.record) records.push(item.record);
    if (item.diagnostic) diagnostics.push(item.diagnostic);
  }
  return { records, diagnostics, format: file.format };
}

/** A text as a stream of small chunks, to exercise chunk borders. */
export async function* chunked(text: string | Buffer, size: number): AsyncGenerator<Buffer> {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export function byId(records: Article[], recordId: string): Article {
  const found = records.find((r) => r.recordId === recordId);
  if (!found) throw new Error(`no record ${recordId} among ${records.map((r) => r.recordId).join(", ")}`);
  return found;
}

export { createReadStream };
