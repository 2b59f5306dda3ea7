import type { NumberedLine } from "./lines.js";
import type { TaggedRecord } from "./types.js";

/** A RIS record as read, or a record cut short (no ER before the next TY or the end of the file). */
export type RisChunk =
  | { kind: "record"; record: TaggedRecord }
  | { kind: "truncated"; record: TaggedRecord; endLine: number; reason: string };

// "TY  - JOUR", Cochrane's "TY  -  JOUR", "TY  -JOUR" without the space after the dash, "ER  -", "SP  -" with no value.
const TAG_LINE = /^([A-Z][A-Z0-9])  -(.*)$/s;

/** Tags EndNote writes several values of as untagged lines, one value per line. */
const MULTI_VALUE = new Set(["KW", "AU", "A1", "A2", "A3", "A4", "AD", "N1", "SN", "L1", "L2", "L3", "UR", "M1", "C3"]);

/**
 * Groups RIS lines into records, streaming. Between records anything goes (Cochrane's "Record #3 of 18"
 * headers, Ovid's "1." number lines and "Link to ..." trailers); inside a record an untagged line continues
 * the previous field: a new value for list fields (EndNote KW/AD/N1/SN), more text for the others.
 */
export async function* readRisRecords(lines: AsyncIterable<NumberedLine[]>): AsyncGenerator<RisChunk> {
  let current: TaggedRecord | null = null;
  let index = 0;
  let lastLine = 0;
  for await (const batch of lines) for (const { text, lineNo } of batch) {
    lastLine = lineNo;
    const tagged = TAG_LINE.exec(text);
    if (tagged) {
      const tag = tagged[1]!;
      const value = tagged[2]!.trim();
      if (tag === "TY") {
        if (current) yield { kind: "truncated", record: current, endLine: lineNo - 1, reason: "no ER line before the next TY" };
        current = { fields: [["TY", value]], startLine: lineNo, index: ++index };
      } else if (current && tag === "ER") {
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
  if (current) yield { kind: "truncated", record: current, endLine: lastLine, reason: "the file ends before its ER line" };
}
