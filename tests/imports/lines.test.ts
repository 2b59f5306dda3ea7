import { describe, expect, it } from "vitest";
import { readLines } from "../../src/imports/lines.js";
import { chunked } from "./helpers.js";

async function lines(text: string | Buffer, size = 3, onWindows1252?: (lineNo: number) => void): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of readLines(chunked(text, size), onWindows1252)) out.push(...batch.map((l) => l.text));
  return out;
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const utf16be = (text: string) => utf16le(text).swap16();

describe("readLines", () => {
  it("splits CRLF, LF and lone CR alike, even when a CRLF straddles two chunks", async () => {
    for (const size of [1, 2, 3, 7, 100]) {
      expect(await lines("a\r\nb\nc\rd\r\n\n\re", size)).toEqual(["a", "b", "c", "d", "", "", "e"]);
    }
  });

  it("drops a leading byte-order mark and decodes UTF-8 split across chunks", async () => {
    expect(await lines("\uFEFFTY  - JOUR\nAU  - Bobák, M\u00e1ria μg\n", 1)).toEqual(["TY  - JOUR", "AU  - Bobák, Mária μg"]);
  });

  it("keeps a last line without a line end and numbers lines from 1", async () => {
    const out: { text: string; lineNo: number }[] = [];
    for await (const batch of readLines(chunked("x\r\ny\r\nER  - ", 4))) out.push(...batch);
    expect(out).toEqual([
      { text: "x", lineNo: 1 },
      { text: "y", lineNo: 2 },
      { text: "ER  - ", lineNo: 3 },
    ]);
  });

  it("decodes UTF-16 LE and BE files that start with a byte-order mark", async () => {
    const text = "TY  - JOUR\r\nAU  - Müller, Jürgen\r\nTI  - Rosácea μg \u{1F600}\r\nER  - \r\n";
    for (const size of [1, 2, 3, 7, 100]) {
      expect(await lines(utf16le(text), size)).toEqual(["TY  - JOUR", "AU  - Müller, Jürgen", "TI  - Rosácea μg \u{1F600}", "ER  - "]);
      expect(await lines(utf16be(text), size)).toEqual(["TY  - JOUR", "AU  - Müller, Jürgen", "TI  - Rosácea μg \u{1F600}", "ER  - "]);
    }
  });

  it("reads lines that are not UTF-8 as Windows-1252 and tells the first one's number, once", async () => {
    const bytes = Buffer.concat([Buffer.from("TY  - JOUR\r\nAU  - M"), Buffer.from([0xfc]), Buffer.from("ller\r\nTI  - ros"), Buffer.from([0xe9]), Buffer.from("acea "), Buffer.from([0x93]), Buffer.from("quoted"), Buffer.from([0x94]), Buffer.from("\r\n")]);
    for (const size of [1, 2, 3, 7, 100]) {
      const told: number[] = [];
      expect(await lines(bytes, size, (n) => told.push(n))).toEqual(["TY  - JOUR", "AU  - Müller", "TI  - roséacea \u201Cquoted\u201D"]);
      expect(told).toEqual([2]);
    }
  });

  it("keeps UTF-8 lines UTF-8 around a line that is not, whatever the chunk borders; a UTF-8 file tells nothing", async () => {
    const bytes = Buffer.concat([Buffer.from("Bobák\rx\n"), Buffer.from([0x4d, 0xfc, 0x6c]), Buffer.from("\nMária μg\n")]);
    for (const size of [1, 2, 3, 5, 100]) {
      const told: number[] = [];
      expect(await lines(bytes, size, (n) => told.push(n))).toEqual(["Bobák", "x", "Mül", "Mária μg"]);
      expect(told).toEqual([3]);
    }
    const told: number[] = [];
    await lines("\uFEFFAU  - Bobák, Mária μg\n", 1, (n) => told.push(n));
    expect(told).toEqual([]);
  });
});
