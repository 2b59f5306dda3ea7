import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseOvid } from "../../src/imports/ovid.js";
import { parseWos } from "../../src/imports/wos.js";
import { parseScopusCsv } from "../../src/imports/scopus-csv.js";
import { parseWosTabbed } from "../../src/imports/wos-tabbed.js";
import { detectFormat } from "../../src/imports/detect.js";
import type { Article } from "../../src/model/article.js";
import { byId, chunked, fixture, parseFixture } from "./helpers.js";

describe("Web of Science plain text", () => {
  it("full record (BOM, FN header, EF without newline): AU/AF lists, paragraph abstract, PM, DE/ID keywords", async () => {
    const { records } = await parseFixture("knh-wos-plaintext-fullrecord.txt");
    const r = byId(records, "wos:WOS:000424022700066");
    expect(r.authors.map((a) => `${a.lastName}, ${a.foreName}`)).toEqual(["Asampong, Emmanuel", "Gyeke, Mavis Dako Plusminus", "Oduro, Razak"]);
    expect(r.title).toBe("Caregivers' views on stigmatization and discrimination of people affected by leprosy in Ghana");
    expect(r.abstract).toMatch(/^Background Leprosy is a condition .* Methods A qualitative interview/);
    expect(r.pmid).toBe("29377890");
    expect(r.keywords).toEqual(["MENTAL-HEALTH", "STIGMA", "INDIA"]);
    expect(r.journal).toMatchObject({ title: "PLOS NEGLECTED TROPICAL DISEASES", issn: "1935-2735", volume: "12", issue: "1", pages: "e0006219" });
    expect(r.pubDate).toMatchObject({ year: 2018, month: 1 });
  });

  it(".ciw: a MEDLINE-keyed record keeps its UT and gets its PMID; PD 'DEC 16 2020' and '2020-Dec'", async () => {
    const { records } = await parseFixture("synthesisr-wos.ciw");
    const medline = records.find((r) => r.source.ownId === "MEDLINE:31858815")!;
    expect(medline.recordId).toBe("wos:MEDLINE:31858815");
    expect(medline.pmid).toBe("31858815");
    expect(medline.pubDate).toMatchObject({ year: 2020, month: 12 });
    expect(byId(records, "wos:WOS:000514379300001").pubDate).toMatchObject({ year: 2020, month: 12, day: 16 });
  });

  it("full record: the group author (CA) is kept, as a collective author after the persons", async () => {
    const { records } = await parseFixture("knh-wos-plaintext-fullrecord.txt");
    const r = records.find((x) => x.authors.some((a) => a.lastName === "Means"))!;
    expect(r.authors).toHaveLength(20);
    expect(r.authors[0]).toMatchObject({ lastName: "Means", foreName: "Arianna Rubin" });
    expect(r.authors[19]).toMatchObject({ lastName: null, collectiveName: "DeWorm3 Implementation Sci Team" });
  });

  it(".ciw: an article number marked 'UNSP' (unspecified) is stored without the mark", async () => {
    const { records } = await parseFixture("synthesisr-wos.ciw");
    expect(byId(records, "wos:WOS:000514379300001").journal.pages).toBe("1722034");
  });

  it("two records shared with the Scopus RIS carry the same DOIs", async () => {
    const wos = (await parseFixture("synthesisr-wos.ciw")).records.map((r) => r.doi);
    const scopus = (await parseFixture("synthesisr-scopus.ris")).records.map((r) => r.doi);
    expect(wos.filter((d) => scopus.includes(d))).toEqual(["10.1080/20964129.2020.1722034", "10.1007/s11220-019-0265-8"]);
  });
});

describe("Ovid Complete Reference", () => {
  it("records by <N. > marker; IS is the ISSN; abstract paragraphs joined; stars dropped; journal from SO", async () => {
    const { records } = await parseFixture("knh-ovid-embase-complete-reference.cgi");
    expect(records.map((r) => r.recordId)).toEqual(["embase:L621381829", "embase:L621381823"]);
    const r = records[0]!;
    expect(r.abstract).toMatch(/mental\S* .*Method\(s\): We searched MEDLINE.*Conclusion\(s\): Health-related quality of life decreases/);
    expect(r.keywords).toContain("Kartagener syndrome");
    expect(r.journal).toMatchObject({ title: "BMC Proceedings", issn: "1753-6561", volume: "12", issue: "Supplement 3" });
    expect(r.publicationTypes).toEqual(["Conference Abstract"]);
    expect(r.copyright).toBe("Copyright 2018 Elsevier B.V., All rights reserved.");
  });

  it("ERIC's publication types joined on one PT line are cut into ERIC's types; other databases' PT stay whole", async () => {
    const cgi = readFileSync(fixture("knh-ovid-embase-complete-reference.cgi"), "utf8");
    const types = async (text: string) => {
      const out: string[][] = [];
      for await (const item of parseOvid(chunked(text, 700), { file: "x.cgi", importedAt: "2026-01-01T00:00:00.000Z" })) if (item.record) out.push(item.record.publicationTypes);
      return out[0]!;
    };
    const joined = "PT  - Creative Works (Literature, Drama, Fine Arts), Journal Articles, Reports - Research";
    const eric = cgi.replace("DB  - Embase", "DB  - ERIC").replace("PT  - Conference Abstract", joined);
    expect(await types(eric)).toEqual(["Creative Works (Literature, Drama, Fine Arts)", "Journal Articles", "Reports - Research"]);
    expect(await types(cgi.replace("PT  - Conference Abstract", joined))).toEqual([joined.slice(6)]);
  });
});

describe("Scopus CSV", () => {
  it("quoted header and fields with a BOM; full author names without their Scopus ids; EID and PubMed ID", async () => {
    const { records } = await parseFixture("cff-scopus.csv");
    const r = byId(records, "scopus:2-s2.0-85189760133");
    expect(r.title).toBe("Global latitudinal gradients and the evolution of body size in dinosaurs and mammals");
    expect(r.authors[0]).toMatchObject({ lastName: "Wilson", foreName: "Lauren N.", initials: "LN" });
    expect(r.authors).toHaveLength(8);
    expect(r.pmid).toBe("38580657");
    expect(r.journal).toMatchObject({ title: "Nature Communications", volume: "15", issue: "1", pages: "2864", issn: "2041-1723" });
    expect(r.publicationTypes).toEqual(["Article"]);
  });
});

describe("Scopus CSV affiliations", () => {
  it("'Authors with affiliations' gives each author theirs, cut where one of the record's 'Affiliations' ends", async () => {
    const { records } = await parseFixture("cff-scopus.csv");
    const r = byId(records, "scopus:2-s2.0-85189760133");
    expect(r.authors[0]!.affiliations).toEqual([
      "University of Alaska Museum, 1962 Yukon Drive, Fairbanks, 99775, AK, United States",
      "Department of Geosciences, University of Alaska, Fairbanks, 99775, AK, United States",
    ]);
    expect(r.authors[1]!.affiliations).toEqual(["School of Biological Sciences, University of Reading, Reading, RG6 6EX, United Kingdom"]);
    expect(records.every((x) => x.authors.every((a) => a.affiliations.length > 0))).toBe(true);
  });
});

describe("line and paragraph separators (U+2028, U+2029) inside a tagged line", () => {
  const withSeparator = (text: string, from: string, to: string) => {
    const out = text.replace(from, to);
    if (out === text) throw new Error(`no "${from}" to edit`);
    return out;
  };
  const file = { file: "edited", importedAt: "2026-01-01T00:00:00.000Z" };
  async function titles(parse: typeof parseWos, text: string): Promise<(string | null)[]> {
    const out: (string | null)[] = [];
    for await (const item of parse(chunked(text, 1000), file)) if (item.record) out.push(item.record.title);
    return out;
  }

  it("Web of Science: the tag's value is kept, not read as a continuation of the previous field", async () => {
    const text = withSeparator(readFileSync(fixture("knh-wos-plaintext-fullrecord.txt"), "utf8"), "TI Caregivers' views", "TI Caregivers'\u2028views");
    expect((await titles(parseWos, text))[0]).toBe("Caregivers' views on stigmatization and discrimination of people affected by leprosy in Ghana");
  });

  it("Ovid: the tag's value is kept", async () => {
    const text = withSeparator(readFileSync(fixture("knh-ovid-embase-complete-reference.cgi"), "utf8"), "Quality of life in", "Quality\u2029of life in");
    expect((await titles(parseOvid, text))[0]).toBe("Quality of life in patients with primary ciliary dyskinesia: A systematic review.");
  });
});

describe("placeholder titles of Ovid, Web of Science and Scopus", () => {
  const file = { file: "edited", importedAt: "2026-01-01T00:00:00.000Z" };
  async function titles(parse: typeof parseWos, text: string): Promise<{ title: string | null; vernacular: string | null; id: string }[]> {
    const out: { title: string | null; vernacular: string | null; id: string }[] = [];
    for await (const item of parse(chunked(text, 1000), file)) if (item.record) out.push({ title: item.record.title, vernacular: item.record.vernacularTitle, id: item.record.recordId });
    return out;
  }
  const edited = (text: string, from: string, to: string) => {
    const out = text.replace(from, to);
    if (out === text) throw new Error(`no "${from}" to edit`);
    return out;
  };

  it("Ovid: '[No title available]' and '[Article in Chinese]' are no title; the Original Title (OT) stands in and is the vernacular title", async () => {
    const cgi = readFileSync(fixture("knh-ovid-embase-complete-reference.cgi"), "utf8");
    const title = "TI  - Quality of life in patients with primary ciliary dyskinesia: A systematic review.";
    expect((await titles(parseOvid, edited(cgi, title, "TI  - [No title available]")))[0]!.title).toBeNull();
    const original = await titles(parseOvid, edited(cgi, title, "TI  - [Article in Chinese]\nOT  - Lebensqualität bei primärer ziliärer Dyskinesie."));
    expect(original[0]).toMatchObject({ title: "Lebensqualität bei primärer ziliärer Dyskinesie.", vernacular: "Lebensqualität bei primärer ziliärer Dyskinesie." });
  });

  it("Web of Science: 'Untitled' is no title", async () => {
    const txt = readFileSync(fixture("knh-wos-plaintext-fullrecord.txt"), "utf8");
    const records = await titles(parseWos, edited(txt, "TI Caregivers' views on stigmatization and discrimination of people\n   affected by leprosy in Ghana", "TI Untitled"));
    expect(records.find((r) => r.id === "wos:WOS:000424022700066")!.title).toBeNull();
  });

  it("Scopus CSV: '[No title available]' is no title", async () => {
    const csv = readFileSync(fixture("cff-scopus.csv"), "utf8");
    const text = edited(csv, "Global latitudinal gradients and the evolution of body size in dinosaurs and mammals", "[No title available]");
    const records: { title: string | null; id: string }[] = [];
    for await (const item of parseScopusCsv(chunked(text, 1000), file)) if (item.record) records.push({ title: item.record.title, id: item.record.recordId });
    expect(records.find((r) => r.id === "scopus:2-s2.0-85189760133")!.title).toBeNull();
  });
});

describe("affiliations the export says are an author's", () => {
  it("Web of Science C1 '[Surname, Given; ...] address' goes to the authors it names, told apart by their first initial", async () => {
    const { records } = await parseFixture("knh-wos-plaintext-fullrecord.txt");
    const r = records.find((x) => x.authors.some((a) => a.lastName === "Delea"))!;
    const of = (last: string, initials: string) => r.authors.find((a) => a.lastName === last && a.initials === initials)!.affiliations;
    expect(of("Delea", "MG")).toEqual([
      "Emory Univ, Dept Environm Hlth, Rollins Sch Publ Hlth, Atlanta, GA 30322 USA.",
      "London Sch Hyg & Trop Med, Dept Dis Control, Fac Infect & Trop Dis, London, England.",
    ]);
    expect(of("Solomon", "H")).toEqual(["Emory Univ, Dept Environm Hlth, Rollins Sch Publ Hlth, Atlanta, GA 30322 USA."]);
    expect(of("Solomon", "AW")).toEqual(["WHO, Dept Control Neglected Trop Dis, Geneva, Switzerland."]);
  });

  it("Ovid IN '(Surname, Surname) institution' goes to those authors, once each though AD repeats it", async () => {
    const { records } = await parseFixture("knh-ovid-embase-complete-reference.cgi");
    const r = byId(records, "embase:L621381829");
    const cork = "School of Applied Psychology, University College Cork, Cork, Ireland";
    const southampton = "NIHR Southampton Biomedical Research Centre, University of Southampton, University Hospital Southampton NHS Foundation Trust, Southampton, United Kingdom";
    expect(r.authors.map((a) => a.affiliations)).toEqual([[southampton, cork], [southampton], [southampton], [cork]]);
  });
});

/** A Web of Science plain-text export as its "Tab delimited file" has the same records: one row each, lists joined by "; ". */
function asTabDelimited(plain: string): string {
  const LISTS = new Set(["AU", "AF", "BA", "BF", "CA", "GP", "BE", "RI", "OI", "EM", "C1", "CR"]);
  const records: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  let tag = "";
  for (const line of plain.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    if (/^PT /.test(line)) records.push((current = new Map()));
    if (!current || line.trim() === "" || /^(ER|EF)\b/.test(line)) continue;
    const continued = /^\s/.test(line);
    if (!continued) tag = line.slice(0, 2);
    const value = continued ? line.trim() : line.slice(3).trim();
    const before = current.get(tag);
    current.set(tag, before === undefined ? value : `${before}${LISTS.has(tag) ? "; " : " "}${value}`);
  }
  const header = [...new Set(records.flatMap((r) => [...r.keys()]))];
  return [header, ...records.map((r) => header.map((t) => r.get(t) ?? ""))].map((cells) => `${cells.join("\t")}\t\r\n`).join("");
}

describe("Web of Science tab-delimited", () => {
  const file = { file: "savedrecs.txt", importedAt: "2026-01-01T00:00:00.000Z" };

  it("is told from its header row of tags, and gives the records its plain-text twin gives (real WoS records, re-laid as WoS tab-delimited)", async () => {
    const plain = readFileSync(fixture("knh-wos-plaintext-fullrecord.txt"), "utf8");
    const tabbed = asTabDelimited(plain);
    expect(detectFormat(tabbed)).toBe("wos-tabbed");
    const fromPlain: unknown[] = [];
    for await (const item of parseWos(chunked(plain, 4096), file)) if (item.record) fromPlain.push(item.record);
    const fromTabbed: unknown[] = [];
    for await (const item of parseWosTabbed(chunked(tabbed, 4096), file)) {
      expect(item.diagnostic).toBeUndefined();
      if (item.record) fromTabbed.push(item.record);
    }
    expect(fromTabbed).toHaveLength(12);
    expect(fromTabbed).toEqual(fromPlain);
  });

  it("a hand-made file in the layout: C1's '[A; B] address; [C] address' cut between addresses, not inside the brackets", async () => {
    const header = "PT\tAU\tAF\tTI\tSO\tLA\tDT\tDE\tID\tAB\tC1\tEM\tSN\tPD\tPY\tVL\tIS\tBP\tEP\tAR\tDI\tPM\tUT";
    const rows = [
      "J\tDoe, J; Roe, R\tDoe, Jane; Roe, Richard\tVesicles from cultured keratinocytes and skin repair\tEXAMPLE JOURNAL OF DERMATOLOGY\tEnglish\tArticle\t" +
        "exosomes; wound healing\tKERATINOCYTES\tA hand-written abstract; it holds a semicolon.\t" +
        "[Doe, Jane; Roe, Richard] Univ Oslo, Dept Dermatol, Oslo, Norway.; [Doe, Jane] Oslo Univ Hosp, Oslo, Norway.\tjane.doe@example.org\t" +
        "1234-5679\tMAR\t2021\t12\t3\t101\t110\t\t10.1000/example.1\t12345678\tWOS:000000000000001",
      "J\tPoe, E\tPoe, Edgar\tA second hand-written record\tEXAMPLE JOURNAL OF DERMATOLOGY\tEnglish\tReview\t\t\t\tUniv Oslo, Oslo, Norway.\t\t1234-5679\t\t2022\t13\t1\t\t\te4\t\t\tWOS:000000000000002",
    ];
    const text = `\uFEFF${[header, ...rows].map((line) => `${line}\t\r\n`).join("")}`;
    expect(detectFormat(text)).toBe("wos-tabbed");
    const records: Article[] = [];
    for await (const item of parseWosTabbed(chunked(text, 100), file)) if (item.record) records.push(item.record);
    expect(records).toHaveLength(2);
    expect(records[1]!.journal.pages).toBe("e4");
    expect(records[1]!.abstract).toBeNull();
    const r = byId(records, "wos:WOS:000000000000001");
    expect(r.authors.map((a) => [a.lastName, a.foreName, a.affiliations])).toEqual([
      ["Doe", "Jane", ["Univ Oslo, Dept Dermatol, Oslo, Norway.", "Oslo Univ Hosp, Oslo, Norway."]],
      ["Roe", "Richard", ["Univ Oslo, Dept Dermatol, Oslo, Norway."]],
    ]);
    expect(r).toMatchObject({ doi: "10.1000/example.1", pmid: "12345678", title: "Vesicles from cultured keratinocytes and skin repair" });
    expect(r.keywords).toEqual(["exosomes", "wound healing", "KERATINOCYTES"]);
    expect(r.journal).toMatchObject({ title: "EXAMPLE JOURNAL OF DERMATOLOGY", volume: "12", issue: "3", pages: "101-110", issn: "1234-5679" });
  });
});
