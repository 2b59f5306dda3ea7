import type { NumberedLine } from "./lines.js";
import type { TaggedRecord } from "./types.js";

// "PMID- 123", "AU  - Oh M", "STAT- MEDLINE", "PHST- ...": a tag of up to four characters padded to four.
const TAG_LINE = /^([A-Z][A-Z0-9]{1,3}) *- ?(.*)$/s;

/**
 * Groups MEDLINE ("PubMed format") lines into records, streaming: a record starts at "PMID-" (or at the
 * first tag after a blank line) and ends at a blank line; lines indented by spaces continue the field.
 */
export async function* readMedlineRecords(lines: AsyncIterable<NumberedLine[]>): AsyncGenerator<TaggedRecord> {
  let current: TaggedRecord | null = null;
  let index = 0;
  for await (const batch of lines) for (const { text, lineNo } of batch) {
    if (text.trim() === "") {
      if (current) yield current;
      current = null;
      continue;
    }
    if (/^\s/.test(text)) {
      const last = current?.fields[current.fields.length - 1];
      if (last) last[1] = last[1] === "" ? text.trim() : `${last[1]} ${text.trim()}`;
      continue;
    }
    const tagged = TAG_LINE.exec(text);
    if (!tagged) continue;
    const tag = tagged[1]!;
    if (tag === "PMID" && current && current.fields.length > 0) {
      yield current;
      current = null;
    }
    current ??= { fields: [], startLine: lineNo, index: ++index };
    current.fields.push([tag, tagged[2]!.trim()]);
  }
  if (current) yield current;
}
