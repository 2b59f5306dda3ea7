import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { gunzipSync, createGunzip, constants as zlibConstants } from "node:zlib";
import { LitreviewError } from "../errors.js";
import { utf16Of } from "./decoding.js";
import { describeOtherFormat, detectFormat, isGzip } from "./detect.js";
import type { ImportFormat } from "./types.js";

/** How much of a file's start is read to tell its format. */
const SNIFF_BYTES = 64 * 1024;

export interface SniffedFile {
  path: string;
  size: number;
  gzip: boolean;
  format: ImportFormat;
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function gunzipHead(head: Buffer): Buffer {
  // The head is a prefix of the gzip stream: decompress what it holds without requiring the end.
  return gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).subarray(0, SNIFF_BYTES);
}

/** The head's text, for telling the format: UTF-16 when it is (utf16Of), else UTF-8 (the format's tags are ASCII either way). */
function headText(bytes: Buffer): string {
  const utf16 = utf16Of(bytes);
  return utf16 ? new TextDecoder(utf16).decode(bytes) : bytes.toString("utf8");
}

/** Checks a file exists, is not empty and is a format litreview reads, by its content; throws a usage error naming it otherwise. */
export async function sniffFile(path: string): Promise<SniffedFile> {
  let size: number;
  let head: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new Error("it is a folder: name the export files in it (e.g. folder/*.ris)");
    if (!info.isFile()) throw new Error("not a regular file");
    size = info.size;
    head = await readHead(path);
  } catch (cause) {
    throw new LitreviewError("USAGE", `cannot read the import file ${path}: ${(cause as Error).message}`, { cause, context: { file: path } });
  }
  const gzip = isGzip(head);
  let bytes: Buffer;
  try {
    bytes = gzip ? gunzipHead(head) : head;
  } catch (cause) {
    throw new LitreviewError("USAGE", `the import file ${path} looks gzip-compressed but cannot be decompressed: ${(cause as Error).message}`, { cause, context: { file: path } });
  }
  const text = headText(bytes);
  // A head shorter than SNIFF_BYTES is the whole content: blank through, the file holds nothing to import.
  if (bytes.length < SNIFF_BYTES && text.replace(/^\uFEFF/, "").trim() === "") {
    throw new LitreviewError("USAGE", `the import file ${path} is empty${gzip ? " once decompressed" : ""}: it holds no records; export them again or leave the file out`, {
      context: { file: path },
    });
  }
  const format = detectFormat(text);
  if (format === "pubmed-xml" && utf16Of(bytes)) {
    throw new LitreviewError("USAGE", `the import file ${path} is PubMed XML in UTF-16: litreview reads PubMed XML in UTF-8, as NCBI writes it; save the file as UTF-8 and import it again`, {
      context: { file: path },
    });
  }
  if (!format) {
    const other = describeOtherFormat(text);
    throw new LitreviewError(
      "USAGE",
      `the import file ${path} is not a format litreview reads${other ? `: it looks like ${other}` : ""}; expected PubMed XML, MEDLINE ("PubMed format", PMID- lines), RIS (TY  - lines), Web of Science plain text (FN/PT lines) or tab-delimited (a "PT<tab>AU<tab>..." header row), Ovid Complete Reference (<1. > markers) or a Scopus CSV export`,
      { context: { file: path } },
    );
  }
  return { path, size, gzip, format };
}

/** The chunk size a file's content is given in (a stream's default): parsers see their input in these steps. */
export const CHUNK_BYTES = 64 * 1024;
/** An uncompressed file is read this much at a time: one system call instead of sixteen. */
const READ_BYTES = 16 * CHUNK_BYTES;

async function* inChunksOf(size: number, input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const block of input) {
    for (let at = 0; at < block.length; at += size) yield block.subarray(at, at + size);
  }
}

/** The file's content as a stream of decompressed chunks. */
export function openContent(file: SniffedFile): AsyncIterable<Buffer> {
  if (!file.gzip) return inChunksOf(CHUNK_BYTES, createReadStream(file.path, { highWaterMark: READ_BYTES }));
  const raw = createReadStream(file.path);
  const gunzip = createGunzip();
  raw.on("error", (error) => gunzip.destroy(error));
  gunzip.on("error", () => raw.destroy());
  return raw.pipe(gunzip);
}
