import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { csvChunks, csvHeader, csvRecord, formatCell, quoteField, renderCsv } from "../../src/stages/report/csv.js";
import type { CellValue, CsvRow } from "../../src/stages/report/csv.js";

/**
 * csv-stringify with the report's options, cells formatted first; told to quote a lone CR or LF as well,
 * which it otherwise leaves bare (a spreadsheet then splits the row).
 */
const OPTIONS = { record_delimiter: "\r\n", quoted_empty: false, quoted_match: /[\r\n]/ } as const;

function oracle(columns: readonly string[], rows: readonly CsvRow[], bom: boolean): string {
  const write = (records: string[][]): string => stringify(records, OPTIONS);
  return (bom ? "\ufeff" : "") + write([[...columns]]) + write(rows.map((row) => columns.map((c) => formatCell(row[c] ?? null))));
}

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every character the quoting, neutralising and capping rules look at, and some they must leave alone. */
const ALPHABET = [",", '"', "\r", "\n", "\r\n", "=", "+", "-", "@", "\t", " ", "a", "Z", "0", ";", "'", "é", "α", "😀", "\u2028", "\ufeff", "＝"];

function randomText(next: () => number): string {
  let text = "";
  const length = Math.floor(next() * 9);
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return text;
}

function randomCell(next: () => number): CellValue {
  const kind = next();
  if (kind < 0.1) return null;
  if (kind < 0.15) return next() < 0.5;
  if (kind < 0.3) return [0, -1, 0.5, -0.25, 1e21, 3, Number.NaN, Number.POSITIVE_INFINITY][Math.floor(next() * 8)]!;
  return randomText(next);
}

describe("the CSV writer against csv-stringify", () => {
  it("writes the same bytes for random cells of every kind", () => {
    const next = random(4180);
    for (let file = 0; file < 200; file++) {
      const columns = Array.from({ length: 1 + Math.floor(next() * 5) }, (_, i) => (next() < 0.2 ? randomText(next) : `c${i}`));
      const unique = [...new Set(columns)];
      const rows = Array.from({ length: Math.floor(next() * 6) }, () => Object.fromEntries(unique.map((c) => [c, randomCell(next)])));
      const bom = next() < 0.5;
      expect(renderCsv(unique, rows, { bom })).toBe(oracle(unique, rows, bom));
    }
  });

  it("quotes exactly what csv-stringify quotes, one character and one pair at a time", () => {
    for (const a of ALPHABET) {
      for (const b of ["", ...ALPHABET]) {
        const text = a + b;
        expect(quoteField(text), JSON.stringify(text)).toBe(stringify([[text]], OPTIONS).slice(0, -2));
      }
    }
  });

  it("caps long cells as before, whatever follows the cut", () => {
    const long = `=${"a,".repeat(20_000)}"😀`;
    const rows = [{ a: long, b: "x\r\ny" }];
    expect(renderCsv(["a", "b"], rows, { bom: false })).toBe(oracle(["a", "b"], rows, false));
  });

  it("joins the chunks into the whole file and starts it with the header", () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => ({ n: i, text: `row ${i}, "quoted"` }));
    const chunks = [...csvChunks(["n", "text"], rows, { bom: true })];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join("")).toBe(oracle(["n", "text"], rows, true));
    expect(chunks[0]!.startsWith(csvHeader(["n", "text"], { bom: true }))).toBe(true);
    expect(csvRecord([1, "a,b", null])).toBe('1,"a,b",\r\n');
    expect(csvRecord(["line\nbreak", "carriage\rreturn"])).toBe('"line\nbreak","carriage\rreturn"\r\n');
  });
});
