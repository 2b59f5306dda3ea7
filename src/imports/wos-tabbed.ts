import { exportLines } from "./lines.js";
import { wosToArticle } from "./wos.js";
import { binaryDataItem, type ImportFile, type ImportItem, type TaggedRecord } from "./types.js";

/** Fields whose cell holds several values joined by "; " (one author or identifier each). */
const LISTS = new Set(["AU", "AF", "BA", "BF", "CA", "GP", "BE", "RI", "OI", "EM"]);
/** C1's "[Delea, Maryann G.; Solomon, Hiwote] Emory Univ, ...; [Solomon, Anthony W.] WHO, ...": a ";" outside brackets ends an address. */
const ADDRESS_SEPARATOR = /;\s*(?![^[\]]*\])/;

/** One row as the plain-text reader would give it: a [tag, value] per value, list cells cut into their values. */
function rowRecord(header: readonly string[], cells: readonly string[], lineNo: number, index: number): TaggedRecord {
  const fields: [string, string][] = [];
  header.forEach((tag, i) => {
    const cell = (cells[i] ?? "").trim();
    if (tag === "" || cell === "") return;
    const values = LISTS.has(tag) ? cell.split(/;\s*/) : tag === "C1" ? cell.split(ADDRESS_SEPARATOR) : [cell];
    for (const value of values) if (value.trim() !== "") fields.push([tag, value.trim()]);
  });
  return { fields, startLine: lineNo, index };
}

/**
 * Streams a Web of Science "Tab delimited file" export (savedrecs.txt): a header row of field tags
 * ("PT\tAU\tBA\t..."), then one record per line, no quoting (a cell never holds a tab). Each row is read
 * as a plain-text record would be, so both exports of one search give the same records.
 */
export async function* parseWosTabbed(input: AsyncIterable<Buffer | string>, file: ImportFile): AsyncGenerator<ImportItem> {
  const { lines, warnings } = exportLines(input, file);
  let header: string[] | null = null;
  let index = 0;
  for await (const batch of lines) for (const { text, lineNo } of batch) {
    if (text.trim() === "") continue;
    const cells = text.split("\t");
    if (!header) {
      header = cells.map((c) => c.trim().replace(/^\uFEFF/, ""));
      continue;
    }
    index++;
    const record = rowRecord(header, cells, lineNo, index);
    if (!record.fields.some(([tag]) => tag === "UT" || tag === "TI")) {
      yield { diagnostic: { severity: "warning", location: file.file, position: `record ${index} (line ${lineNo})`, recordId: null, message: "Web of Science row without a title or UT: skipped" } };
      continue;
    }
    yield binaryDataItem(file, record.fields, `record ${index} (line ${lineNo})`) ?? { record: wosToArticle(record, file) };
  }
  yield* warnings;
}
