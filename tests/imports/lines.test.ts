import { describe, expect, it } from "vitest";
import { readLines } from "../../src/imports/lines.js";
import { chunked } from "./helpers.js";

async function lines(text: string | Buffer, size = 3): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of readLines(chunked(text, size))) out.push(...batch.map((l) => l.text));
  return out;
}

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
});
