import { StringDecoder } from "node:string_decoder";
import type { Article, DeletedRecord, Diagnostic, RecordSource } from "../../../model/article.js";
import { readChunk } from "./records.js";
import { RecordSplitter, type RecordChunk } from "./split.js";

export type PubmedSource = Omit<RecordSource, "ownId">;

export interface PubmedParseResult {
  records: Article[];
  deleted: DeletedRecord[];
  diagnostics: Diagnostic[];
}

export interface PubmedStreamItem {
  record?: Article;
  deleted?: DeletedRecord;
  diagnostic?: Diagnostic;
}

function* itemsOf(chunks: RecordChunk[], source: PubmedSource, location: string): Generator<PubmedStreamItem> {
  for (const chunk of chunks) {
    const out = readChunk(chunk, { source, location });
    for (const diagnostic of out.diagnostics) yield { diagnostic };
    if (out.record !== null) yield { record: out.record };
    if (out.deleted !== null) yield { deleted: out.deleted };
  }
}

function* problemsOf(splitter: RecordSplitter, location: string, from: number): Generator<PubmedStreamItem> {
  for (const p of splitter.problems.slice(from)) {
    yield { diagnostic: { severity: "error", location, position: p.position, recordId: null, message: p.message } };
  }
}

/**
 * Parses a whole PubMed XML document (efetch answer, baseline or update file). Malformed or truncated
 * input yields every complete record plus an error diagnostic saying where it broke.
 * `location` names the file or request in diagnostics.
 */
export function parsePubmedXml(xml: string, source: PubmedSource, location: string): PubmedParseResult {
  const result: PubmedParseResult = { records: [], deleted: [], diagnostics: [] };
  const splitter = new RecordSplitter();
  const chunks = splitter.push(xml);
  splitter.finish();
  for (const item of [...itemsOf(chunks, source, location), ...problemsOf(splitter, location, 0)]) {
    if (item.record) result.records.push(item.record);
    if (item.deleted) result.deleted.push(item.deleted);
    if (item.diagnostic) result.diagnostics.push(item.diagnostic);
  }
  return result;
}

/**
 * Streams records from PubMed XML arriving as Buffers (UTF-8) or strings, one record at a time, with
 * memory bounded by the largest record. Decompressing `.xml.gz` is the caller's job.
 */
export async function* streamPubmedXml(
  input: NodeJS.ReadableStream | AsyncIterable<Buffer | string>,
  source: PubmedSource,
  location: string,
): AsyncGenerator<PubmedStreamItem> {
  const splitter = new RecordSplitter();
  const decoder = new StringDecoder("utf8");
  let reported = 0;
  for await (const piece of input as AsyncIterable<Buffer | string>) {
    const text = typeof piece === "string" ? piece : decoder.write(piece);
    yield* itemsOf(splitter.push(text), source, location);
    yield* problemsOf(splitter, location, reported);
    reported = splitter.problems.length;
  }
  const tail = decoder.end();
  if (tail) yield* itemsOf(splitter.push(tail), source, location);
  splitter.finish();
  yield* problemsOf(splitter, location, reported);
}
