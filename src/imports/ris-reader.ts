import type { NumberedLine } from "./lines.js";
import type { TaggedRecord } from "./types.js";

/**
 * A RIS record as read (`withoutEr` when the file writes no ER line at all and the record ended at the next
 * TY or the end of the file), or a record cut short (no ER before the next TY or the end of the file, in a
 * file whose other records have theirs).
 */
export type RisChunk =
  | { kind: "record"; record: TaggedRecord; withoutEr?: true }
  | { kind: "truncated"; record: TaggedRecord; endLine: number; reason: string };

// "TY  - JOUR", Cochrane's "TY  -  JOUR", "TY  -JOUR" without the space after the dash, "ER  -", "SP  -" with no value.
const TAG_LINE = /^([A-Z][A-Z0-9])  -(.*)$/s;

/** Tags EndNote writes several values of as untagged lines, one value per line. */
const MULTI_VALUE = new Set(["KW", "AU", "A1", "A2", "A3", "A4", "AD", "N1", "SN", "L1", "L2", "L3", "UR", "M1", "C3"]);

/** A second field on a tagged line, after two spaces or more (Rayyan: "UR  - https://...&from=export     U2  - L2029880245"). */
const GLUED_FIELD = /\s{2,}(?=[A-Z][A-Z0-9]  - )/;

/** The fields a line holds: itself, or, when it is a tagged line with others glued on, each of them. */
function fieldsOf(line: string): string[] {
  return TAG_LINE.test(line) && GLUED_FIELD.test(line) ? line.split(GLUED_FIELD) : [line];
}

/**
 * Records read before the first ER line, held until the file shows whether it writes ER lines at all; a
 * file whose first this-many records have none writes none, and they go on without waiting (memory stays flat).
 */
const MAX_HELD = 200;

/**
 * Groups RIS lines into records, streaming. Between records anything goes (Cochrane's "Record #3 of 18"
 * headers, Ovid's "1." number lines and "Link to ..." trailers); inside a record an untagged line continues
 * the previous field: a new value for list fields (EndNote KW/AD/N1/SN), more text for the others.
 * A record without its ER line is cut short when the file has ER lines elsewhere; a file that writes none
 * (records separated by blank lines only) has its records end at the next TY and at the end of the file.
 */
export async function* readRisRecords(lines: AsyncIterable<NumberedLine[]>): AsyncGenerator<RisChunk> {
  let current: TaggedRecord | null = null;
  let index = 0;
  let lastLine = 0;
  let erSeen = false;
  let erLess = false;
  let held: { record: TaggedRecord; endLine: number }[] = [];
  function* ended(record: TaggedRecord, endLine: number, reason: string): Generator<RisChunk> {
    if (erSeen) {
      yield { kind: "truncated", record, endLine, reason };
      return;
    }
    held.push({ record, endLine });
    if (!erLess && held.length < MAX_HELD) return;
    erLess = true;
    for (const h of held) yield { kind: "record", record: h.record, withoutEr: true };
    held = [];
  }
  for await (const batch of lines) for (const { text: line, lineNo } of batch) for (const text of fieldsOf(line)) {
    lastLine = lineNo;
    const tagged = TAG_LINE.exec(text);
    if (tagged) {
      const tag = tagged[1]!;
      const value = tagged[2]!.trim();
      if (tag === "TY") {
        if (current) yield* ended(current, lineNo - 1, "no ER line before the next TY");
        current = { fields: [["TY", value]], startLine: lineNo, index: ++index };
      } else if (current && tag === "ER") {
        if (!erSeen) {
          erSeen = true;
          for (const h of held) yield { kind: "truncated", record: h.record, endLine: h.endLine, reason: "no ER line before the next TY" };
          held = [];
        }
        yield { kind: "record", record: current };
        current = null;
      } else if (current) {
        current.fields.push([tag, value]);
      }
      continue;
    }
    if (!current || text.trim() === "") continue;
    const last = current.fields[current.fields.length - 1]!;
    const more = text.trim();
    if (MULTI_VALUE.has(last[0])) current.fields.push([last[0], more]);
    else last[1] = last[1] === "" ? more : `${last[1]} ${more}`;
  }
  if (current) yield* ended(current, lastLine, "the file ends before its ER line");
  for (const h of held) yield { kind: "record", record: h.record, withoutEr: true };
}
