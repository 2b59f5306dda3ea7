/**
 * Reads one stored efetch answer into serialized records, deletions and diagnostics. Pure: the parse
 * stage runs it in its own thread or, for a large backlog, as the default export on worker threads.
 */
import type { DeletedRecord, Diagnostic } from "../../model/article.js";
import { serializeRecord, type SerializedRecord } from "../../store/records.js";
import { parsePubmedXml, type PubmedSource } from "./pubmed-xml/index.js";
import { bodyText } from "./raw.js";

export interface AnswerInput {
  /** The stored body (gzip-compressed, or plain from an older writer). */
  body: Uint8Array;
  source: PubmedSource;
  /** Where the answer came from, for diagnostics. */
  location: string;
}

export interface ReadAnswer {
  records: SerializedRecord[];
  deleted: DeletedRecord[];
  diagnostics: Diagnostic[];
}

/** A body that cannot be decompressed is one error diagnostic, not a failed run. */
export default function readAnswer(input: AnswerInput): ReadAnswer {
  let xml: string;
  try {
    xml = bodyText(Buffer.from(input.body.buffer, input.body.byteOffset, input.body.length));
  } catch (error) {
    const message = `stored body cannot be decompressed (${(error as Error).message}); fetch it again`;
    return { records: [], deleted: [], diagnostics: [{ severity: "error", location: input.location, position: null, recordId: null, message }] };
  }
  const parsed = parsePubmedXml(xml, input.source, input.location);
  return { records: parsed.records.map(serializeRecord), deleted: parsed.deleted, diagnostics: parsed.diagnostics };
}
