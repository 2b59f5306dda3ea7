/**
 * Speed of the PubMed XML parser alone (split + per-record parse, no store):
 *   tsx bench/parse.ts [FILE]   (default bench/out/pubmed-20000.xml)
 * Streams the file as the import does and prints one JSON line: records, deleted and diagnostics
 * counted, CPU seconds (user + system), wall seconds, peak resident memory (MB).
 */
import { createReadStream } from "node:fs";
import { streamPubmedXml } from "../src/stages/parse/pubmed-xml/index.js";

const file = process.argv[2] ?? "bench/out/pubmed-20000.xml";
const source = { database: "pubmed" as const, file, importedAt: "2026-01-01T00:00:00.000Z" };

const cpu = process.cpuUsage();
const started = performance.now();
let records = 0;
let deleted = 0;
let diagnostics = 0;
for await (const item of streamPubmedXml(createReadStream(file), source, file)) {
  if (item.record) records++;
  if (item.deleted) deleted++;
  if (item.diagnostic) diagnostics++;
}
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({
    file,
    records,
    deleted,
    diagnostics,
    cpuSeconds: (used.user + used.system) / 1e6,
    seconds: (performance.now() - started) / 1000,
    peakMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
