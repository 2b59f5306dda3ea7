export type CellValue = string | number | boolean | null;
export type CsvRow = Record<string, CellValue>;

export interface CsvOptions {
  /** Start the file with a UTF-8 byte-order mark (Excel reads UTF-8 only with it). */
  bom: boolean;
}

/**
 * A score or confidence as the CSVs give it: four decimals, so 0.68 is not written 0.6799999999999999 and
 * the same value reads the same in every file.
 */
export function roundScore(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** Excel, LibreOffice and Google Sheets all stop at 32,767 characters per cell. */
export const CELL_LIMIT = 32_767;
const BOM = "\ufeff";

/** Prefixes text a spreadsheet would run as a formula with an apostrophe, which shows as plain text. */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** = + - @ tab CR: a spreadsheet evaluates a cell starting with one as a formula (OWASP CSV injection). */
function startsLikeFormula(text: string): boolean {
  switch (text.charCodeAt(0)) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // CR
      return true;
    default:
      return false;
  }
}

export function truncationMarker(fullLength: number): string {
  return ` [… truncated: ${fullLength} characters in full]`;
}

/** Cuts text to the cell limit with a visible marker, never splitting a surrogate pair. */
export function capCell(text: string): string {
  if (text.length <= CELL_LIMIT) return text;
  const marker = truncationMarker(text.length);
  let end = CELL_LIMIT - marker.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + marker;
}

/**
 * One cell as text. Numbers are written as they are (a negative number is data, not a formula, and
 * spreadsheets must see it as a number); text is neutralised, then capped.
 */
export function formatCell(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return capCell(neutraliseFormula(value));
}

/**
 * A field as the CSV holds it: quoted when it holds a comma, a double quote or any line break (CR, LF),
 * quotes inside doubled. csv-stringify with a CRLF record delimiter leaves a lone LF or CR unquoted, which
 * splits the row in Excel and LibreOffice; the tests hold this rule to csv-stringify told to quote those too.
 */
export function quoteField(text: string): string {
  if (text.includes('"')) return `"${text.replaceAll('"', '""')}"`;
  return text.includes(",") || text.includes("\n") || text.includes("\r") ? `"${text}"` : text;
}

/** One cell as the CSV holds it: formatted, then quoted where needed (text only: a number or a boolean never needs it). */
export function csvCell(value: CellValue): string {
  return typeof value === "string" ? quoteField(capCell(neutraliseFormula(value))) : formatCell(value);
}

/** One record: the cells formatted and quoted, joined by commas, ended with CRLF. */
export function csvRecord(cells: readonly CellValue[]): string {
  let line = csvCell(cells[0] ?? null);
  for (let i = 1; i < cells.length; i++) line += "," + csvCell(cells[i] ?? null);
  return line + "\r\n";
}

/** The first record: the column names as they are (not neutralised), after the BOM when asked for. */
export function csvHeader(columns: readonly string[], options: CsvOptions): string {
  return (options.bom ? BOM : "") + columns.map(quoteField).join(",") + "\r\n";
}

/**
 * RFC 4180 CSV with the given columns in that order: CRLF between records (the RFC's and Excel's line
 * end; line breaks inside quoted cells are kept as they are).
 */
export function renderCsv(columns: readonly string[], rows: Iterable<CsvRow>, options: CsvOptions): string {
  return [...csvChunks(columns, rows, options)].join("");
}

/** The same CSV as renderCsv, in pieces, so a large file can be written without holding it whole. */
export function csvChunks(columns: readonly string[], rows: Iterable<CsvRow>, options: CsvOptions): Iterable<string> {
  return inChunks(csvHeader(columns, options), recordsOf(columns, rows));
}

function* recordsOf(columns: readonly string[], rows: Iterable<CsvRow>): Generator<string> {
  for (const row of rows) yield csvRecord(columns.map((c) => row[c] ?? null));
}

/** Characters per chunk of inChunks: big enough to write efficiently, small enough not to hold a file whole. */
const CHUNK_CHARS = 1 << 18;

/** The header, then the records (CSV text each), gathered into chunks of about CHUNK_CHARS characters. */
export function* inChunks(header: string, records: Iterable<string>): Generator<string> {
  let chunk = header;
  for (const record of records) {
    chunk += record;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Multi-valued cells: values joined with "; " (issue 2). */
export function joinValues(values: readonly string[]): string | null {
  return values.length === 0 ? null : values.join("; ");
}
