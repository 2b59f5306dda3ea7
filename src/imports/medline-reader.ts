import type { NumberedLine } from "./lines.js";
import type { TaggedRecord } from "./types.js";

// "PMID- 123", "AU  - Oh M", "STAT- MEDLINE", "PHST- ...": a tag of up to four characters padded to four.
const TAG_LINE = /^([A-Z][A-Z0-9]{1,3}) *- ?(.*)$/s;

/**
 * Groups MEDLINE ("PubMed format") lines into records, streaming: a record starts at "PMID-" and runs to
 * the next "PMID-" line or the end of the file; lines indented by spaces continue the field. Blank lines
 * separate records but do not end one: tag lines after a blank line that do not start with "PMID-" (a
 * blank line inside an abstract or between fields, as editors and mailers leave) belong to the record
 * before. Tag lines before the first "PMID-" make a record of their own, reported as having no PMID.
 */
export async function* readMedlineRecords(lines: AsyncIterable<NumberedLine[]>): AsyncGenerator<TaggedRecord> {
  let current: TaggedRecord | null = null;
  let index = 0;
  for await (const batch of lines) for (const { text, lineNo } of batch) {
    if (text.trim() === "") continue;
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
