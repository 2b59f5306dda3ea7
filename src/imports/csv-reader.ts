import type { NumberedLine } from "./lines.js";

export interface CsvRow {
  cells: string[];
  /** 1-based line where the row starts. */
  lineNo: number;
}

/** Splits one RFC 4180 row; returns null when a quoted field is still open (the row goes on on the next line). */
export function splitCsvRow(text: string): string[] | null {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  if (quoted) return null;
  cells.push(cell);
  return cells;
}

/** CSV rows, streaming; quoted fields may span lines (abstracts with line breaks). */
export async function* readCsvRows(lines: AsyncIterable<NumberedLine[]>): AsyncGenerator<CsvRow | { unterminated: number }> {
  let pending: string | null = null;
  let start = 0;
  for await (const batch of lines) for (const { text, lineNo } of batch) {
    if (pending === null) {
      if (text.trim() === "") continue;
      pending = text;
      start = lineNo;
    } else pending += `\n${text}`;
    const cells = splitCsvRow(pending);
    if (cells) {
      yield { cells, lineNo: start };
      pending = null;
    }
  }
  if (pending !== null) yield { unterminated: start };
}
