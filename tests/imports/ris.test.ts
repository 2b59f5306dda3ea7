import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/imports/detect.js";
import { parseRis } from "../../src/imports/ris.js";
import type { Article, Diagnostic } from "../../src/model/article.js";
import { byId, chunked, parseFixture } from "./helpers.js";
import { readFileSync } from "node:fs";
import { fixture } from "./helpers.js";

async function parseText(text: string): Promise<{ records: Article[]; diagnostics: Diagnostic[] }> {
  const records: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  for await (const item of parseRis(chunked(text, 1000), { file: "cut.ris", importedAt: "2026-01-01T00:00:00.000Z" })) {
    if (item.record) records.push(item.record);
    if (item.diagnostic) diagnostics.push(item.diagnostic);
  }
  return { records, diagnostics };
}

describe("RIS quirks of real exports", () => {
  it("EndNote: untagged continuation lines are further keyword values; DA 'Jun' gives the month of PY's year", async () => {
    const { records } = await parseFixture("asreview-pubmed-endnote.txt");
    const r = byId(records, "21553931");
    expect(r.keywords).toContain("Boswellia/chemistry");
    expect(r.keywords).toContain("Plant Extracts/adverse effects/pharmacokinetics/pharmacology");
    expect(r.keywords).not.toContain("LA  - eng");
    expect(r.pubDate).toMatchObject({ year: 2011, month: 6 });
    expect(r.journal).toMatchObject({ title: "Clin Pharmacokinet", issn: "0312-5963", volume: "50", issue: "6", pages: "349-69" });
  });

  it("EBSCO: the repeated AB holding the publisher's copyright notice is not abstract text; the DOI comes from L3", async () => {
    const { records } = await parseFixture("synthesisr-ebsco-academic-search-premier.ris");
    const r = byId(records, "ebsco:117372971");
    expect(r.abstract).toMatch(/^Small rodents are common inhabitants/);
    expect(r.abstract).not.toMatch(/Copyright of/);
    expect(r.copyright).toMatch(/^Copyright of Agriculture, Ecosystems & Environment is the property of Elsevier/);
    expect(r.doi).toBe("10.1016/j.agee.2016.06.041");
    expect(r.title).toBe("“Living on the edge”: The role of field margins for common vole (Microtus arvalis) populations in recently colonised Mediterranean farmland.");
    expect(r.authors[0]).toMatchObject({ lastName: "Rodríguez-Pastor", foreName: "Ruth" });
  });

  it("Cochrane: 'TY  -  JOUR' tags, U+2010 page hyphens, the PMID from C3; the RefMan variant (A1/T1) gives the same records", async () => {
    const endnote = await parseFixture("cff-cochrane-central-endnote.ris");
    const refman = await parseFixture("cff-cochrane-central-refman.ris");
    const r = byId(endnote.records, "cochrane:CN-02677909");
    expect(r.journal.pages).toBe("1279-1297");
    expect(r.pmid).toBe("38407106");
    expect(byId(endnote.records, "cochrane:CN-00778158").keywords).toContain("school health service");
    const strip = (a: Article) => ({ ...a, source: { ...a.source, file: null } });
    expect(refman.records.map(strip)).toEqual(endnote.records.map(strip));
  });

  it("Embase: a 'DB - Medline' record from embase.com stays an Embase record, with its PMID (C5) and type (M3)", async () => {
    const { records } = await parseFixture("cff-embase.ris");
    const r = byId(records, "embase:L644585435");
    expect(r.source.database).toBe("embase");
    expect(r.pmid).toBe("38906957");
    expect(r.publicationTypes).toEqual(["Erratum"]);
    expect(records.every((x) => x.source.database === "embase")).toBe(true);
  });

  it("Ovid Embase (rispy): empty SP, an untagged abstract line, starred keywords, a DOI given as a dx.doi.org URL", async () => {
    const { records } = await parseFixture("rispy-ovid-embase-empty-sp.ris");
    const r = records[0]!;
    expect(r.journal.pages).toBeNull();
    expect(r.abstract).toMatch(/"athletic shoulder".*Outcome measures are valuable when determining an athlete's safe return to sport\.\.\./);
    expect(r.keywords[0]).toBe("athlete");
    expect(r.journal.issn).toBe("2325-9671");
  });

  it("a DOI in DO keeps whatever dress it comes in: 'doi: ' or 'DOI: ' prefix, trailing period, several DOIs (the first)", async () => {
    const text = readFileSync(fixture("rispy-ovid-embase-empty-sp.ris"), "utf8");
    const dressed = ["doi: 10.1177/2325967120950040.", "DOI: 10.1177/2325967120950040", "10.1177/2325967120950040; 10.1177/2325967120950041"];
    for (const doi of dressed) {
      const { records } = await parseText(text.replace(/^DO {2}- .*$/m, `DO  - ${doi}`));
      expect(records[0]!.doi).toBe("10.1177/2325967120950040");
    }
    const note = await parseText(text.replace(/^DO {2}- .*$/m, "N1  - see doi: 10.1177/2325967120950041 for the erratum"));
    expect(note.records[0]!.doi).toBeNull();
  });

  it("HTML entities in titles, abstracts, names, journals and keywords are decoded once and NFC-normalised", async () => {
    const text = readFileSync(fixture("rispy-ovid-embase-empty-sp.ris"), "utf8")
      .replace(/^T1 {2}- (.*)$/m, "T1  - TGF-&beta;1 &ndash; $1")
      .replace(/^N2 {2}- (.*)$/m, "N2  - IL-1&beta;&nbsp;levels; $1")
      .replace(/^A1 {2}- .*$/m, "A1  - Mu&#x0308;ller, J&ouml;rg")
      .replace(/^JF {2}- .*$/m, "JF  - Journal of Sports &amp; Medicine")
      .replace(/^KW {2}- biomechanics$/m, "KW  - &alpha;-actinin");
    const r = (await parseText(text)).records[0]!;
    expect(r.title).toMatch(/^TGF-\u03b21 \u2013 Outcome Measures After Shoulder Stabilization/);
    expect(r.abstract).toMatch(/^IL-1\u03b2 levels; Background: Athletic endeavor/);
    expect(r.authors[0]).toMatchObject({ lastName: "M\u00fcller", foreName: "J\u00f6rg" });
    expect(r.journal.title).toBe("Journal of Sports & Medicine");
    expect(r.keywords).toContain("\u03b1-actinin");
  });

  it("keywords joined by ';' on one KW line are separate keywords, as on lines of their own", async () => {
    const text = readFileSync(fixture("rispy-ovid-embase-empty-sp.ris"), "utf8").replace(/^KW {2}- bone remodeling$/m, "KW  - bone remodeling; *shoulder dislocation;rehabilitation;");
    const r = (await parseText(text)).records[0]!;
    expect(r.keywords).toEqual(["athlete", "biomechanics", "bone remodeling", "shoulder dislocation", "rehabilitation"]);
  });

  it("a PMID labelled 'PMID: ' in N1 or AN (as reference managers write it) is the record's PMID; one inside other text is not", async () => {
    const first = readFileSync(fixture("asreview-pubmed-zotero.ris"), "utf8").split(/^ER {2}-.*$/m)[0]!;
    const withTags = async (tags: string) => (await parseText(`${first}${tags}ER  - \n`)).records[0]!;
    expect((await withTags("N1  - PMID: 31143269\n")).pmid).toBe("31143269");
    expect((await withTags("M1  - PMID:31143269\n")).pmid).toBe("31143269");
    expect(await withTags("DB  - PubMed\nAN  - PMID:31143269\n")).toMatchObject({ recordId: "31143269", pmid: "31143269" });
    expect((await withTags("N1  - Comment in: Prz Gastroenterol. 2019;14:1. PMID: 31143269\n")).pmid).toBeNull();
  });

  it("tag lines without the space after the dash ('TY  -JOUR', 'TI  -Title'), as some exporters write them, are read like the others", async () => {
    const text = readFileSync(fixture("asreview-pubmed-zotero.ris"), "utf8");
    const tight = text.replace(/^([A-Z][A-Z0-9]) {2}- ?/gm, "$1  -");
    expect(await detectFormat(tight)).toBe("ris");
    const { records, diagnostics } = await parseText(tight);
    const expected = (await parseText(text)).records;
    expect(diagnostics).toEqual([]);
    expect(records).toHaveLength(6);
    expect(records.map((r) => [r.recordId, r.title, r.doi, r.authors, r.journal, r.keywords])).toEqual(
      expected.map((r) => [r.recordId, r.title, r.doi, r.authors, r.journal, r.keywords]),
    );
  });

  it("Ovid ERIC: a DOI given only as a dx.doi.org link in L1 is the record's DOI", async () => {
    const { records } = await parseFixture("cff-ovid-eric.ris");
    expect(byId(records, "eric:EJ1181769").doi).toBe("10.1186/s40594-016-0044-1");
    expect(byId(records, "eric:EJ909330").doi).toBe("10.1007/s11191-010-9287-2");
    expect(byId(records, "eric:EJ1251011").doi).toBeNull();
  });

  it("own ids: AN/ID count in their database's accession form only; a library's record number never", async () => {
    const record = (tags: string) => `TY  - JOUR\nTI  - T\nAU  - Smith, Anna\nPY  - 2019\n${tags}ER  - \n`;
    const ids = async (...tags: string[]) => (await parseText(tags.map(record).join("\n"))).records.map((r) => r.recordId);
    expect(await ids("DB  - Embase\nID  - 2006713348\n")).toEqual(["embase:L2006713348"]);
    expect(await ids("DB  - ProQuest Central\nAN  - 2214991469; 51887\n")).toEqual(["proquest:2214991469"]);
    expect(await ids("DB  - CINAHL\nAN  - 107893225\n")).toEqual(["cinahl:107893225"]);
    const libraryNumbers = await ids("DB  - ProQuest Central\nID  - 23456\n", "DB  - Scopus\nID  - 12\n", "DB  - ERIC\nAN  - 895\n", "ID  - 2006713348\n");
    expect(libraryNumbers).toHaveLength(4);
    for (const id of libraryNumbers) expect(id).toMatch(/^[a-z]+:hash-[0-9a-f]{16}$/);
    const lens = (await parseFixture("citesource-lens.ris")).records;
    expect(lens.map((r) => r.recordId).filter((id) => !/^lens:\d{3}-\d{3}-\d{3}-\d{3}-\d{2}[\dX]$/.test(id))).toEqual([]);
    expect(byId(lens, "lens:017-403-600-773-28X").source.ownId).toBe("017-403-600-773-28X");
  });

  it("Dimensions, Lens and IEEE abstracts: '&amp;' and other entities are decoded", async () => {
    const expectations: [string, string][] = [
      ["citesource-dimensions.ris", "Australian National Health & Medical Research Council"],
      ["citesource-lens.ris", "John Wiley & Sons Australia"],
      ["litstudy-ieee-xplore.ris", "Memory & communication"],
    ];
    for (const [file, text] of expectations) {
      const { records } = await parseFixture(file);
      const texts = records.flatMap((r) => [r.title ?? "", r.abstract ?? "", r.copyright ?? ""]);
      expect(texts.filter((t) => /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/i.test(t)), file).toEqual([]);
      expect(texts.some((t) => t.includes(text)), `${file}: ${text}`).toBe(true);
    }
  });

  it("Ovid PsycInfo: number lines and the NL/link trailer after ER are not records; 'No'/'Specified' pages are dropped", async () => {
    const { records } = await parseFixture("asreview-ovid-psycinfo.ris");
    expect(records).toHaveLength(6);
    const first = byId(records, "psycinfo:2019-65183-001");
    expect(first.journal.pages).toBeNull();
    expect(first.doi).toBe("10.1002/cpp.2398");
  });

  it("Citavi: blank and untagged lines inside U3 do not split the record; TY BOOK is a book", async () => {
    const { records } = await parseFixture("asreview-scopus-via-citavi.txt");
    expect(records.map((r) => r.kind)).toEqual(["article", "book", "article", "article", "article", "article", "article"]);
    expect(records[0]!.journal.issn).toBe("1336-1376");
  });

  it("IEEE: a repeated author once, free-text dates, VO/VL volume, records split by '\\r\\n\\n\\r'", async () => {
    const { records } = await parseFixture("litstudy-ieee-xplore.ris");
    const r = records[0]!;
    expect(r.authors.map((a) => a.lastName)).toEqual(["Kalbe"]);
    expect(r.pubDate).toMatchObject({ raw: "1 Jan.-Feb. 2019", year: 2019, month: 1 });
    expect(r.journal.volume).toBe("21");
    expect(records[1]!.journal.volume).toBeNull();
  });

  it("Dimensions and Lens: abstracts continued on untagged lines, markup removed, PMID/PMCID from U1 and links", async () => {
    const dimensions = await parseFixture("citesource-dimensions.ris");
    const d = byId(dimensions.records, "dimensions:pub.1149029839");
    expect(d.abstract).toMatch(/Background: The long-term health effects.* Objective: This review aimed/);
    expect(d.pmcid).toBe("PMC9359172");
    expect(d.pmid).toBe("35957633");
    const lens = await parseFixture("citesource-lens.ris");
    const l = byId(lens.records, "lens:001-257-578-706-377");
    expect(l.abstract).toMatch(/^Background and aims: Both the Problem Gambling Severity Index/);
    expect(lens.records.some((x) => /<\/?(p|AbstractText)\b/.test(x.abstract ?? ""))).toBe(false);
    expect(l.pubDate).toMatchObject({ year: 2021, month: 9, day: 23 });
  });

  it("WoS RIS: fields joined by a bare CR are still read (the WOS accession after WE)", async () => {
    const { records } = await parseFixture("asysd-wos-ris-bare-cr.ris");
    expect(records.every((r) => /^wos:WOS:[0-9A-Z]{15}$/.test(r.recordId))).toBe(true);
    const r = byId(records, "wos:WOS:000082252000006");
    expect(r.abstract).toMatch(/compare th.* Microangiography was performed on four Cocker Spaniel/);
    expect(r.pubDate).toMatchObject({ year: 1999, month: 8 });
  });

  it("NCBI citation exporter and Zotero: Y1 '2016/01/', PMCID from U2, two ISSNs in one SN, DA '2019///'", async () => {
    const jabref = (await parseFixture("jabref-ncbi-pubmed-ris.ris")).records[0]!;
    expect(jabref.pubDate).toMatchObject({ year: 2016, month: 1, day: null });
    expect(jabref.pmcid).toBe("PMC4756000");
    expect(jabref.journal.isoAbbreviation).toBe("J Phys Ther Sci");
    const zotero = (await parseFixture("asreview-pubmed-zotero.ris")).records[0]!;
    expect(zotero.journal.issn).toBe("1895-5770");
    expect(zotero.pubDate).toMatchObject({ raw: "2019///", year: 2019, month: null });
  });

  it("ProQuest: the first part of AN is the own id; a duplicated ISSN reads once", async () => {
    const { records } = await parseFixture("asreview-proquest.ris");
    expect(records[0]!.recordId).toBe("proquest:2214991469");
    expect(records[0]!.journal.issn).toBe("0894-9867");
  });
});

describe("the same PubMed records as EndNote RIS and as .nbib", () => {
  it("agree on PMID, DOI, year, first author, volume and publication types (EndNote's N1 lines)", async () => {
    const nbib = new Map((await parseFixture("reflib-pubmed-blue-light-acne.nbib")).records.map((r) => [r.pmid, r]));
    const ris = (await parseFixture("reflib-endnote-blue-light-acne.ris")).records;
    const shared = ris.filter((r) => nbib.has(r.pmid));
    expect(shared).toHaveLength(80);
    const key = (r: Article) => [r.recordId, r.doi, r.pubDate.year, r.authors[0]?.lastName, r.journal.volume, r.publicationTypes];
    expect(shared.map(key)).toEqual(shared.map((r) => key(nbib.get(r.pmid)!)));
    expect(byId(ris, "15301568").publicationTypes).toEqual(["Journal Article", "Review"]);
  });
});

describe("malformed RIS", () => {
  const text = readFileSync(fixture("asreview-pubmed-zotero.ris"), "utf8");
  const erLines = [...text.matchAll(/^ER {2}-\s*$/gm)];

  it("a record without its ER is reported with its position and every other record is kept", async () => {
    const second = erLines[1]!;
    const cut = text.slice(0, second.index) + text.slice(second.index! + second[0].length);
    const { records, diagnostics } = await parseText(cut);
    expect(records).toHaveLength(5);
    expect(diagnostics).toHaveLength(1);
    const startLine = text.slice(0, text.indexOf("TY  - JOUR", erLines[0]!.index)).split("\n").length;
    expect(diagnostics[0]).toMatchObject({ severity: "error", location: "cut.ris", recordId: null });
    expect(diagnostics[0]!.position).toMatch(new RegExp(`^record 2, lines ${startLine}-\\d+$`));
    expect(diagnostics[0]!.message).toMatch(/truncated RIS record "Outcomes of inflammatory bowel disease surgery/);
  });

  it("a file that writes no ER line at all (records separated by blank lines only) keeps every record, with one warning", async () => {
    const noEr = text.replace(/^ER {2}-\s*$/gm, "");
    const { records, diagnostics } = await parseText(noEr);
    const expected = (await parseText(text)).records;
    expect(records.map((r) => [r.recordId, r.title, r.authors.length, r.keywords])).toEqual(expected.map((r) => [r.recordId, r.title, r.authors.length, r.keywords]));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: "warning", location: "cut.ris" });
    expect(diagnostics[0]!.message).toMatch(/no ER lines: its 6 record\(s\) were taken to end at the next TY/);
    const long = await parseText(noEr.repeat(50));
    expect(long.records).toHaveLength(300);
    expect(long.diagnostics.map((d) => d.severity)).toEqual(["warning"]);
  });

  it("a file that ends inside a record reports that record", async () => {
    const cut = text.slice(0, erLines[5]!.index! - 20);
    const { records, diagnostics } = await parseText(cut);
    expect(records).toHaveLength(5);
    expect(diagnostics[0]!.message).toMatch(/the file ends before its ER line/);
    expect(diagnostics[0]!.position).toMatch(/^record 6, lines \d+-\d+$/);
  });

  it("a C1 line holding U+2028 (real: EndNote's blue-light acne review) is its own field, not one more author", async () => {
    const { records } = await parseFixture("reflib-endnote-blue-light-acne.ris");
    const r = records.find((x) => x.pmid === "27670126")!;
    expect(r.authors.map((a) => a.lastName)).toEqual(["Barbaric", "Abbott", "Posadzki", "Car", "Gunn", "Layton", "Majeed", "Car"]);
  });

  it("a placeholder title gives way to TT, or in a PubMed record to OP, where EndNote files PubMed's VernacularTitle (real: Hautarzt 2010)", async () => {
    const ris = readFileSync(fixture("reflib-endnote-blue-light-acne.ris"), "utf8").replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
    const record = /TY {2}- JOUR\n(?:(?!ER {2}-)[\s\S])*?OP {2}- Physikalische[\s\S]*?ER {2}- *\n/.exec(ris)![0];
    const placeholder = record.replace(/^(TI|ST) {2}- .*$/gm, "$1  - [Not Available].");
    const vernacular = "Physikalische Therapieverfahren bei Akne. Licht, Laser, photodynamische Therapie und Peeling.";
    expect((await parseText(record)).records[0]!.title).toBe("[Physical treatment methods for acne. Light, laser, photodynamic therapy and peeling]");
    expect((await parseText(placeholder)).records[0]!.title).toBe(vernacular);
    // OP is a PubMed record's original title only: elsewhere it is the original publication, never a title.
    expect((await parseText(placeholder.replace("DP  - NLM", "DP  - Other"))).records[0]!.title).toBeNull();
    const translated = "TY  - JOUR\nTI  - [In Process Citation]\nTT  - Acne and light\nAU  - Doe, J.\nPY  - 2020\nER  - \n";
    expect((await parseText(translated)).records[0]!.title).toBe("Acne and light");
    expect((await parseText(translated.replace("[In Process Citation]", "Akne und Licht"))).records[0]!.title).toBe("Akne und Licht");
  });

  it("a DOI only in a publisher link's path is the record's DOI, unless the record has a DOI tag (real: Lens, Springer links)", async () => {
    const lens = (await parseFixture("citesource-lens.ris")).records;
    expect(byId(lens, "lens:021-559-832-468-845").doi).toBe("10.1007/s11469-019-0056-4");
    expect(byId(lens, "lens:188-277-417-818-749").doi).toBe("10.1007/s11469-020-00459-x");
    const record = "TY  - JOUR\nTI  - Whose responsibility?\nL2  - https://link.springer.com/article/10.1007/s11469-020-00459-x\nER  - \n";
    expect((await parseText(record)).records[0]!.doi).toBe("10.1007/s11469-020-00459-x");
    expect((await parseText(record.replace("ER  -", "DO  - 10.1000/tagged\nER  -"))).records[0]!.doi).toBe("10.1000/tagged");
  });

  it("AD goes to the author it names (Embase 'Z. Yang, ...', PsycINFO 'Trindade, Ines A.: ...') or to a sole author; a record-wide list (Scopus) to nobody", async () => {
    const embase = byId((await parseFixture("cff-embase.ris")).records, "embase:L2029880245");
    expect(embase.authors.map((a) => a.affiliations)).toEqual([["School of Biological, Earth and Environmental Sciences, University College Cork, Cork, Ireland"], [], [], []]);
    const psycinfo = byId((await parseFixture("asreview-ovid-psycinfo.ris")).records, "psycinfo:2019-65183-001");
    expect(psycinfo.authors[0]!.affiliations).toEqual(["almeidatrindade@fpce.uc.pt"]);
    expect(psycinfo.authors.slice(1).flatMap((a) => a.affiliations)).toEqual([]);
    const scopus = (await parseFixture("synthesisr-scopus.ris")).records;
    expect(scopus.flatMap((r) => r.authors.flatMap((a) => a.affiliations))).toEqual([]);
    const sole = "TY  - JOUR\nTI  - T\nAU  - Doe, Jane\nAD  - Department of Dermatology, Example University, Oslo, Norway\nER  - \n";
    expect((await parseText(sole)).records[0]!.authors[0]!.affiliations).toEqual(["Department of Dermatology, Example University, Oslo, Norway"]);
    const two = sole.replace("AU  - Doe, Jane\n", "AU  - Doe, Jane\nAU  - Roe, Richard\n");
    expect((await parseText(two)).records[0]!.authors.flatMap((a) => a.affiliations)).toEqual([]);
  });

  it("authors written all in capitals keep their given names, in the usual case (real: EBSCOhost 'CROUDACE, ANGUS D.', 'CAIZHI SHEN')", async () => {
    const r = (await parseFixture("cff-ebsco-aph-capitalised-authors.ris")).records[0]!;
    expect(r.authors[0]).toMatchObject({ lastName: "Croudace", foreName: "Angus D.", initials: "AD" });
    expect(r.authors[1]).toMatchObject({ lastName: "Shen", foreName: "Caizhi", initials: "C" });
    expect(r.authors[3]).toMatchObject({ lastName: "Brusatte", foreName: "Stephen L.", initials: "SL" });
    expect(r.authors[4]).toMatchObject({ lastName: "Vinther", foreName: "Jakob", initials: "J" });
  });

  it("addresses written under each author (real: OpenAlex 'AU', its 'C1' lines, next 'AU') are that author's", async () => {
    const r = (await parseFixture("cff-openalex-author-affiliations.ris")).records[0]!;
    expect(r.authors.map((a) => a.affiliations.length)).toEqual([4, 2, 4, 3, 2]);
    expect(r.authors[3]!.affiliations[0]).toBe("Department of Earth Sciences, Faculty of Sciences of Sfax, University of Sfax, 3038, Sfax, Tunisia");
    const lastOnly = "TY  - JOUR\nTI  - T\nAU  - Doe, Jane\nAU  - Roe, Richard\nAD  - Department of Dermatology, Example University, Oslo, Norway\nER  - \n";
    expect((await parseText(lastOnly)).records[0]!.authors.flatMap((a) => a.affiliations)).toEqual([]);
  });

  it("a field glued onto another's line after spaces is read as its own (real: Rayyan 'UR  - ...     U2  - L644585435')", async () => {
    const { records, diagnostics } = await parseFixture("cff-rayyan-glued-fields.ris");
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => [r.recordId, r.doi])).toEqual([["embase:L644585435", "10.1038/s41598-024-65283-y"]]);
    // The same Embase record as Embase's own export gives: one record_id, so the two copies are one record.
    const embase = byId((await parseFixture("cff-embase.ris")).records, "embase:L644585435");
    expect(embase.doi).toBe(records[0]!.doi);
  });

  it("an Embase record whose accession is only in its embase.com link keeps it (real: Covidence 'UR  - ...viewrecord&id=L644585435...')", async () => {
    const { records } = await parseFixture("cff-covidence-refworks-embase-link.ris");
    expect(records.map((r) => [r.recordId, r.doi, r.journal.pages])).toEqual([["embase:L644585435", "10.1038/s41598-024-65283-y", "14316"]]);
  });

  it("an article without a page range has its article number (C7) as pages, as Web of Science plain text gives it (real: Scopus, WoS RIS)", async () => {
    const scopus = (await parseFixture("synthesisr-scopus.ris")).records;
    const wos = (await parseFixture("synthesisr-wos.ciw")).records;
    expect(byId(scopus, "scopus:2-s2.0-85079532227").journal.pages).toBe("1722034");
    expect(byId(wos, "wos:WOS:000514379300001").journal.pages).toBe("1722034");
    expect(byId((await parseFixture("asysd-scopus-bom.ris")).records, "scopus:2-s2.0-85211162703").journal.pages).toBe("e70655");
    expect(byId((await parseFixture("asysd-wos-ris-bare-cr.ris")).records, "wos:WOS:000702369600001").journal.pages).toBe("319");
    const ranged = "TY  - JOUR\nTI  - T\nSP  - 761\nEP  - 778\nC7  - 12\nER  - \n";
    expect((await parseText(ranged)).records[0]!.journal.pages).toBe("761-778");
    expect((await parseText(ranged.replace(/SP.*\nEP.*\n/, "").replace("C7  - 12", "C7  - see the erratum"))).records[0]!.journal.pages).toBeNull();
  });

  it("Web of Science RIS: the ISO abbreviation (JI) is the journal's abbreviation, not the 29-character one (J9)", async () => {
    const journals = (await parseFixture("asysd-wos-ris-bare-cr.ris")).records.map((r) => r.journal.isoAbbreviation);
    expect(journals).toContain("Vet. Comp. Orthop. Traumatol.");
    expect(journals).not.toContain("VET COMP ORTHOPAED");
  });

  it("initials spaced apart are the author's initials, not part of the surname (real: EPPI-Reviewer 'Brownstein C D')", async () => {
    const r = (await parseFixture("cff-eppireviewer-spaced-initials.ris")).records[0]!;
    expect(r.authors).toMatchObject([{ lastName: "Brownstein", foreName: null, initials: "CD" }]);
    expect(r.recordId).toBe("embase:L643474277");
  });

  it("an Ovid MEDLINE record's PMID is the AN of its Ovid link into a MEDLINE segment (real: D=medp), and is its record_id", async () => {
    const r = (await parseFixture("citesource-ovid-medline-epub.ris")).records[0]!;
    expect([r.recordId, r.pmid, r.source.database]).toEqual(["37716166", "37716166", "pubmed"]);
    const embase = "TY  - JOUR\nTI  - T\nL2  - http://ovidsp.ovid.com/ovidweb.cgi?T=JS&PAGE=reference&D=emed&NEWS=N&AN=621381829\nER  - \n";
    expect((await parseText(embase)).records[0]!.pmid).toBeNull();
  });

  it("Ovid MEDLINE's journal codes in IS ('0401664, du5') are no issue; an issue stays", async () => {
    const r = (await parseFixture("citesource-ovid-medline-epub.ris")).records[0]!;
    expect(r.journal).toMatchObject({ volume: "346", issue: null, pages: "118941" });
    expect(byId((await parseFixture("knh-ovid-embase-complete-reference.cgi")).records, "embase:L621381829").journal.issue).toBe("Supplement 3");
    expect((await parseText("TY  - JOUR\nTI  - T\nIS  - 3-4\nER  - \n")).records[0]!.journal.issue).toBe("3-4");
  });

  it("EBSCOhost's '[ABSTRACT FROM AUTHOR]' after an abstract is no part of it (real: Academic Search Premier)", async () => {
    const abstracts = [
      ...(await parseFixture("synthesisr-ebsco-academic-search-premier.ris")).records,
      ...(await parseFixture("cff-ebsco-aph-capitalised-authors.ris")).records,
    ].map((r) => r.abstract ?? "");
    expect(abstracts.filter((a) => a.includes("ABSTRACT FROM"))).toEqual([]);
    expect(abstracts.some((a) => a.endsWith("control schemes of crop-damaging common vole outbreaks."))).toBe(true);
  });

  it("EBSCOhost's note numbers each author's addresses ('VINTHER, JAKOB 4,5; ... Affiliation:  1: ...  4: ...  5: ...'): they are that author's", async () => {
    const r = (await parseFixture("cff-ebsco-aph-capitalised-authors.ris")).records[0]!;
    expect(r.authors[1]!.affiliations).toEqual(["Dalian Natural History Museum, Dalian, Liaoning 116023, China"]);
    expect(r.authors[4]!.affiliations).toEqual(["School of Earth Sciences, University of Bristol, Bristol, England, UK", "School of Biological Sciences, University of Bristol, Bristol, England, UK"]);
    const asp = (await parseFixture("synthesisr-ebsco-academic-search-premier.ris")).records;
    const vole = asp.find((x) => x.authors.some((a) => a.lastName === "Lambin"))!;
    expect(vole.authors.find((a) => a.lastName === "Lambin")!.affiliations).toEqual(["School of Biological Sciences, University of Aberdeen, Tillydrome Avenue, Aberdeen AB24 2TZ, UK"]);
    expect(asp.find((x) => x.authors.some((a) => a.lastName === "James"))!.authors[0]!.affiliations).toEqual([]);
  });

  it("a DOI only in a PLOS link's query (?id=10.1371/...) is the record's DOI", async () => {
    const record = "TY  - JOUR\nTI  - Vesicles\nUR  - https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456\nER  - \n";
    expect((await parseText(record)).records[0]!.doi).toBe("10.1371/journal.pone.0123456");
  });

  it("Ovid ERIC's publication types joined by commas are stored one by one; a PubMed type with a comma of its own stays whole", async () => {
    const { records } = await parseFixture("cff-ovid-eric.ris");
    expect(byId(records, "eric:EJ384529").publicationTypes).toEqual(["Journal Articles", "Reports - Descriptive", "Opinion Papers"]);
    expect(byId(records, "eric:EJ471630").publicationTypes).toEqual(["Guides - Classroom - Teacher", "Journal Articles"]);
    expect(records.flatMap((r) => r.publicationTypes).filter((t) => t.includes(","))).toEqual([]);
    const pubmed = "TY  - JOUR\nDB  - PubMed\nAN  - 12345\nTI  - T\nPT  - Research Support, Non-U.S. Gov't\nER  - \n";
    expect((await parseText(pubmed)).records[0]!.publicationTypes).toEqual(["Research Support, Non-U.S. Gov't"]);
  });
});
