import { describe, expect, it } from "vitest";
import { parserFor } from "../../src/imports/parsers.js";
import type { ImportFormat } from "../../src/imports/types.js";

/** A large input made on demand, counting how much of it the parser has pulled. */
function lazyInput(header: string, record: (i: number) => string, records: number) {
  const state = { pulled: 0 };
  async function* input(): AsyncGenerator<Buffer> {
    if (header) yield Buffer.from(header);
    for (let i = 0; i < records; i++) {
      state.pulled++;
      yield Buffer.from(record(i));
    }
  }
  return { state, input: input() };
}

const FORMATS: [ImportFormat, string, (i: number) => string][] = [
  ["ris", "", (i) => `TY  - JOUR\r\nID  - X${i}\r\nTI  - Title ${i}\r\nPY  - 2020\r\nER  - \r\n\r\n`],
  ["medline", "", (i) => `PMID- ${i + 1}\nTI  - Title ${i}\nAB  - An abstract\n      continued.\nDP  - 2020 Jan\n\n`],
  ["wos", "FN Clarivate Analytics Web of Science\nVR 1.0\n", (i) => `PT J\nAU Doe, J\nTI Title ${i}\nPY 2020\nUT WOS:${String(i).padStart(15, "0")}\nER\n\n`],
  ["ovid", "", (i) => `<${i + 1}. >\nDB  - Embase\nUI  - ${i + 1}\nTI  - Title ${i}\nYR  - 2020\n\n`],
  ["scopus-csv", '"Authors","Title","Year","EID"\n', (i) => `"Doe J.","Title ${i}","2020","2-s2.0-${i}"\n`],
];

describe("parsers stream", () => {
  it.each(FORMATS)("%s yields its first record long before the input ends, and all of them", async (format, header, record) => {
    const total = 5000;
    const { state, input } = lazyInput(header, record, total);
    let first: number | null = null;
    let count = 0;
    for await (const item of parserFor(format)(input, { file: `big.${format}`, importedAt: "2026-01-01T00:00:00.000Z" })) {
      if (!item.record) continue;
      first ??= state.pulled;
      expect(item.record.title).toBe(`Title ${count}`);
      count++;
    }
    expect(count).toBe(total);
    expect(first).not.toBeNull();
    expect(first!).toBeLessThan(10);
  });
});
