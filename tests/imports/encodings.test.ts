import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeMacRoman, decodeWindows1252, likeliestLegacy } from "../../src/imports/decoding.js";
import { importFiles } from "../../src/imports/index.js";
import { silentLogger } from "../../src/pipeline/context.js";
import type { Article } from "../../src/model/article.js";
import { openStore, type Db } from "../../src/store/open.js";
import { readLines } from "../../src/imports/lines.js";
import { chunked, FIXTURES, fixture } from "./helpers.js";

const options = { runId: null, clock: () => new Date("2026-02-03T04:05:06.000Z"), logger: silentLogger };

/** An 8-bit encoder for a decoder: every character of the text must be one the encoding has. */
function encoder(decode: (bytes: Buffer) => string): (text: string) => Buffer {
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decode(Buffer.from([b])), b);
  return (text) => Buffer.from([...text].map((c) => byChar.get(c) ?? Number.NaN));
}
/** Windows-1252 bytes of a text. */
const windows1252 = encoder(decodeWindows1252);
/** Mac Roman bytes of a text. */
const macRoman = encoder(decodeMacRoman);

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

let db: Db;
let dir: string;
beforeEach(() => {
  db = openStore(":memory:");
  dir = mkdtempSync(join(tmpdir(), "litreview-encodings-"));
});
afterEach(() => db.close());

/** The stored articles, their file name left out, by record_id. */
function stored(): Map<string, Article> {
  const rows = db.prepare("SELECT record_id, article FROM records ORDER BY record_id").all() as { record_id: string; article: string }[];
  return new Map(rows.map((r) => {
    const a = JSON.parse(r.article) as Article;
    return [r.record_id, { ...a, source: { ...a.source, file: null } }];
  }));
}

async function importAs(name: string, bytes: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const result = await importFiles(db, [path], options);
  const articles = stored();
  db.exec("DELETE FROM record_sources; DELETE FROM record_changes; DELETE FROM records; DELETE FROM raw_responses; DELETE FROM diagnostics");
  return { path, result, articles };
}

describe("exports that are not UTF-8", () => {
  it("Windows-1252 has its own characters for 0x80-0x9F, where Latin-1 has control codes", () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x8a, 0x93, 0x94, 0x96, 0x9f, 0x81, 0xe9, 0x41]))).toBe("€Š“”–Ÿ\u0081éA");
  });

  it("a Windows-1252 copy of the Citavi export imports as the UTF-8 one does, with a warning naming the file and first such line", async () => {
    const text = readFileSync(fixture("asreview-scopus-via-citavi.txt"), "utf8");
    const firstAccented = text.split(/\r\n|\r|\n/).findIndex((line) => /[^\x00-\x7f]/.test(line)) + 1;
    const utf8 = await importAs("citavi-utf8.txt", Buffer.from(text, "utf8"));
    const cp1252 = await importAs("citavi-1252.txt", windows1252(text));
    expect(utf8.result.diagnostics).toEqual([]);
    expect(cp1252.articles).toEqual(utf8.articles);
    expect(JSON.stringify([...cp1252.articles.values()])).not.toContain("\uFFFD");
    expect(cp1252.result.counts).toMatchObject({ records: 7, errors: 0 });
    expect(cp1252.result.diagnostics).toEqual([
      { severity: "warning", location: cp1252.path, position: `line ${firstAccented}`, recordId: null, message: expect.stringMatching(/Windows-1252.*re-export the file as UTF-8/) },
    ]);
  });

  it("'M\\xfcller' and 'ros\\xe9acea' in a RIS file are stored as Müller and roséacea (the reviewer's bytes)", async () => {
    const bytes = Buffer.concat([Buffer.from("TY  - JOUR\r\nAU  - M"), Buffer.from([0xfc]), Buffer.from("ller, Anna\r\nTI  - Blue light for ros"), Buffer.from([0xe9]), Buffer.from("acea\r\nPY  - 2019\r\nER  - \r\n")]);
    const { articles, result } = await importAs("latin.ris", bytes);
    const [article] = [...articles.values()];
    expect(article!.title).toBe("Blue light for roséacea");
    expect(article!.authors[0]).toMatchObject({ lastName: "Müller", foreName: "Anna" });
    expect(result.diagnostics.map((d) => d.position)).toEqual(["line 2"]);
  });

  it("a Mac Roman EndNote export (classic Mac OS) imports as the UTF-8 one does, its accents right, with a warning naming Mac Roman", async () => {
    // The fixture is the UTF-8 EndNote export written as classic Mac OS EndNote wrote files: Mac Roman,
    // CR line ends, no BOM, "?" for the characters Mac Roman lacks (ł, α, thin spaces...): see SOURCES.md.
    const original = readFileSync(fixture("reflib-endnote-blue-light-acne.ris"), "utf8").replace(/^\uFEFF/, "");
    const lossy = [...original].map((c) => (c < "\x80" || /[\r\n]/.test(c) || macRoman(c).every((b) => !Number.isNaN(b) && b !== 0) ? c : "?")).join("");
    const utf8 = await importAs("endnote-utf8.ris", Buffer.from(lossy, "utf8"));
    const mac = await importAs("endnote-mac.ris", readFileSync(fixture("reflib-endnote-blue-light-acne-macroman.ris")));
    expect(mac.result.counts).toMatchObject({ records: 102, errors: 0 });
    expect(mac.articles).toEqual(utf8.articles);
    expect(JSON.stringify([...mac.articles.values()])).toContain("Widerøe");
    expect(mac.result.diagnostics).toEqual([
      { severity: "warning", location: mac.path, position: "line 86", recordId: null, message: expect.stringMatching(/read as Mac Roman.*re-export the file as UTF-8/) },
    ]);
  });

  it("tells Mac Roman from Windows-1252 by which reads the letters as letters, across languages", () => {
    const samples = [
      "Müller J, Größe der Wunde; Straße", // German
      "Étude de l’acné: été, élève, crème", // French
      "Niño y señor: evaluación clínica", // Spanish
      "Avaliação da cicatrização – ação", // Portuguese
      "Widerøe T, Århus; Søren Kierkegård", // Danish, Norwegian
      "“Exosome” therapy — don’t", // quotes and dashes alone
      "Hämäläinen K, Åström L", // Finnish, Swedish
      "µg/ml ± 5 °C", // symbols
    ];
    for (const sample of samples) {
      expect(likeliestLegacy([windows1252(sample)]), `${sample} in Windows-1252`).toBe("Windows-1252");
      expect(likeliestLegacy([macRoman(sample)]), `${sample} in Mac Roman`).toBe("Mac Roman");
    }
  });

  it("every real UTF-8 export's lines with accents, written in Windows-1252 or in Mac Roman, are read in that encoding", () => {
    const encodings = { "Windows-1252": [windows1252, decodeWindows1252], "Mac Roman": [macRoman, decodeMacRoman] } as const;
    let checked = 0;
    for (const name of readdirSync(FIXTURES).filter((f) => f !== "SOURCES.md" && !f.includes("macroman"))) {
      const lines = readFileSync(fixture(name), "utf8").split(/\r\n|\r|\n/).filter((l) => /[^\x00-\x7f]/.test(l));
      for (const [encoding, [encode]] of Object.entries(encodings)) {
        // What the encoding can write; the rest as "?", as 8-bit exporters write it.
        const bytes = lines.slice(0, 200).map((l) => encode([...l].map((c) => (encode(c).some(Number.isNaN) ? "?" : c)).join("")));
        if (bytes.every((b) => decodeWindows1252(b) === decodeMacRoman(b))) continue; // both read the same
        expect(likeliestLegacy(bytes), `${name} in ${encoding}`).toBe(encoding);
        checked++;
      }
    }
    expect(checked).toBe(38); // the files whose lines read differently in the two
  });

  it("UTF-16 (LE and BE, with a BOM) copies of the EndNote export import as the UTF-8 one does, without a warning", async () => {
    const text = readFileSync(fixture("reflib-endnote-blue-light-acne.ris"), "utf8");
    const utf8 = await importAs("endnote-utf8.ris", Buffer.from(text, "utf8"));
    const le = await importAs("endnote-utf16le.ris", utf16le(text.replace(/^\uFEFF/, "")));
    const be = await importAs("endnote-utf16be.ris", utf16le(text.replace(/^\uFEFF/, "")).swap16());
    expect(utf8.articles.size).toBe(102);
    for (const copy of [le, be]) {
      expect(copy.result.diagnostics).toEqual([]);
      expect(copy.articles).toEqual(utf8.articles);
    }
  });

  it("UTF-16 copies without a byte-order mark (LE and BE) import as the UTF-8 one does, whole and read in small chunks", async () => {
    const text = readFileSync(fixture("reflib-endnote-blue-light-acne.ris"), "utf8").replace(/^\uFEFF/, "");
    const utf8 = await importAs("endnote-utf8.ris", Buffer.from(text, "utf8"));
    const le = await importAs("endnote-utf16le-nobom.ris", Buffer.from(text, "utf16le"));
    const be = await importAs("endnote-utf16be-nobom.ris", Buffer.from(text, "utf16le").swap16());
    for (const copy of [le, be]) {
      expect(copy.result.diagnostics).toEqual([]);
      expect(copy.articles).toEqual(utf8.articles);
    }
    const lines: string[] = [];
    for await (const batch of readLines(chunked(Buffer.from("TY  - JOUR\nTI  - Rosacée\nER  - \n", "utf16le"), 7))) lines.push(...batch.map((l) => l.text));
    expect(lines).toEqual(["TY  - JOUR", "TI  - Rosacée", "ER  - "]);
  });

  it("refuses UTF-16 PubMed XML by name rather than misreading it", async () => {
    const path = join(dir, "pubmed16.xml");
    writeFileSync(path, utf16le('<?xml version="1.0"?>\n<PubmedArticleSet>\n</PubmedArticleSet>\n'));
    await expect(importFiles(db, [path], options)).rejects.toThrow(/pubmed16\.xml is PubMed XML in UTF-16.*save the file as UTF-8/);
  });
});
