import { describe, expect, it } from "vitest";
import { parsePubmedXml } from "../../src/stages/parse/pubmed-xml/index.js";
import { SOURCE, edited, fixtureText, record } from "./helpers.js";

describe("ids", () => {
  it("reads the PMID as a string with its version, and fills recordId, source and ownId", () => {
    const a = record("metapub-pmid23435529-rct-collective.xml");
    expect(a.pmid).toBe("23435529");
    expect(a.pmidVersion).toBe(1);
    expect(a.recordId).toBe("23435529");
    expect(a.source).toEqual({ ...SOURCE, ownId: "23435529" });
  });

  it("takes the DOI and PII from ELocationID", () => {
    const a = record("metapub-pmid35649368-erratum-in.xml");
    expect(a.doi).toBe("10.1016/j.celrep.2022.110870");
    expect(a.pii).toBe("S2211-1247(22)00645-3");
  });

  it("falls back to PubmedData/ArticleIdList when there is no ELocationID", () => {
    const a = record("biopython-pubmed1.xml", "9997");
    expect(fixtureText("biopython-pubmed1.xml")).not.toContain('EIdType="doi"');
    expect(a.doi).toBe("10.1016/0005-2795(76)90109-4");
    expect(a.pii).toBe("0005-2795(76)90109-4");
  });

  it("never takes a DOI from the ReferenceList, even when the record has none of its own", () => {
    const name = "metapub-pmid37693885-exosome-review.xml";
    const xml = fixtureText(name);
    expect(xml.slice(xml.indexOf("<ReferenceList"))).toMatch(/IdType="doi"/);
    expect(record(name).doi).toBe("10.2147/IJN.S420748");
    const ownDoiRemoved = xml
      .replace(/<ELocationID EIdType="doi"[^>]*>[^<]*<\/ELocationID>/, "")
      .replace(/(<PubmedData>[\s\S]*?)<ArticleId IdType="doi">[^<]*<\/ArticleId>/, "$1");
    const a = parsePubmedXml(ownDoiRemoved, SOURCE, "edited").records[0]!;
    expect(a.doi).toBeNull();
    expect(a.pmcid).toBe("PMC10492547");
  });

  it("reads the PMCID from ArticleIdList and leaves absent ids null", () => {
    expect(record("biopython-pubmed4-structured-inline.xml").pmcid).toBe("PMC5442267");
    const old = record("biopython-pubmed1-2008.xml", "9997");
    expect([old.doi, old.pmcid, old.pii]).toEqual([null, null, null]);
  });

  it("skips an ELocationID marked ValidYN=N and falls back to ArticleIdList", () => {
    const name = "metapub-pmid35649368-erratum-in.xml";
    const invalid = fixtureText(name)
      .replace('<ELocationID EIdType="doi" ValidYN="Y">10.1016/j.celrep.2022.110870', '<ELocationID EIdType="doi" ValidYN="N">10.1016/bad')
      .replace('<ArticleId IdType="doi">10.1016/j.celrep.2022.110870', '<ArticleId IdType="doi">10.1016/fallback');
    expect(parsePubmedXml(invalid, SOURCE, "edited").records[0]!.doi).toBe("10.1016/fallback");
  });

  it("reports a record without a PMID as an error diagnostic and keeps the others", () => {
    const xml = edited("biopython-pubmed2.xml", /<PMID Version="1">11748933<\/PMID>/, "");
    const result = parsePubmedXml(xml, SOURCE, "pubmed2-edited.xml");
    expect(result.records.map((r) => r.pmid)).toEqual(["11700088"]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: "error", location: "pubmed2-edited.xml", position: "record 1, line 4", recordId: null }),
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/no valid MedlineCitation\/PMID/);
  });

  it("reads DataBankList: each databank or trial registry with its accession numbers", () => {
    // Real baseline record: a Dryad data deposit.
    expect(record("pubmedparser-pubmed21n1001-subset.xml", "31418820").dataBanks).toEqual([
      { name: "Dryad", accessionNumbers: ["10.5061/dryad.742564m"] },
    ]);
    expect(record("pubmedparser-pubmed21n1001-subset.xml", "31418828").dataBanks).toEqual([]);
    // Real RCT record: its ClinicalTrials.gov registration.
    expect(record("pubmedparser-pmid29768149-nct-databank.xml").dataBanks).toEqual([{ name: "ClinicalTrials.gov", accessionNumbers: ["NCT02149199"] }]);
    // The same record registered in two trial registries, as MEDLINE writes them (NLM, DataBankList).
    const banks =
      '<DataBankList CompleteYN="Y"><DataBank><DataBankName>ClinicalTrials.gov</DataBankName><AccessionNumberList>' +
      "<AccessionNumber>NCT01761786</AccessionNumber></AccessionNumberList></DataBank><DataBank><DataBankName>NTR</DataBankName>" +
      "<AccessionNumberList><AccessionNumber>NL2872</AccessionNumber></AccessionNumberList></DataBank></DataBankList>";
    const xml = edited("metapub-pmid23435529-rct-collective.xml", "<PublicationTypeList>", `${banks}<PublicationTypeList>`);
    expect(parsePubmedXml(xml, SOURCE, "edited.xml").records[0]!.dataBanks).toEqual([
      { name: "ClinicalTrials.gov", accessionNumbers: ["NCT01761786"] },
      { name: "NTR", accessionNumbers: ["NL2872"] },
    ]);
  });
});
