import { describe, expect, it } from "vitest";
import { receivedPmids } from "../../src/eutils/efetch-pmids.js";
import { parseEsearch } from "../../src/eutils/esearch.js";
import { fixture } from "./helpers.js";

describe("esearch answers", () => {
  it("read count, history session, ids and translation from a real answer", () => {
    const r = parseEsearch(fixture("biopython-esearch2-webenv.xml"));
    expect(r.count).toBe(42249);
    expect(r.retMax).toBe(100);
    expect(r.webEnv).toBe("MCID_6927d6e7fee3e90f880ec190");
    expect(r.queryKey).toBe("1");
    expect(r.ids).toHaveLength(100);
    expect(r.ids[0]).toBe("41297076");
    expect(r.queryTranslation).toMatch(/^\("cancer s"\[All Fields\]/);
    expect(r.errors).toEqual([]);
  });

  it("decode character references as the record parser does, leaving one out of Unicode's range as written", () => {
    const body = fixture("biopython-esearch1.xml").replace(
      '<QueryTranslation>"biopython"[All Fields]</QueryTranslation>',
      "<QueryTranslation> &quot;caf&#xe9;&quot;[All Fields] AND &#x110000;[tiab] </QueryTranslation>",
    );
    expect(parseEsearch(body).queryTranslation).toBe('"café"[All Fields] AND &#x110000;[tiab]');
  });

  it("read the ErrorList and WarningList of a no-hits answer, in both DTD versions", () => {
    for (const name of ["biopython-esearch8-phrasenotfound.xml", "biopython-esearch8-2008.xml"]) {
      const r = parseEsearch(fixture(name));
      expect(r.count).toBe(0);
      expect(r.ids).toEqual([]);
      expect(r.errors).toEqual([{ kind: "PhraseNotFound", text: "abcXYZ" }]);
      expect(r.warnings).toEqual(["No items found."]);
    }
    expect(parseEsearch(fixture("biopython-esearch8-2008.xml")).queryTranslation).toBeNull();
  });

  it("take RetMax as the number returned and keep ids as strings", () => {
    const r = parseEsearch(fixture("biopython-esearch3-retstart-translation.xml"));
    expect(r).toMatchObject({ count: 2651, retMax: 6, retStart: 6, webEnv: null });
    expect(r.ids).toEqual(["11121077", "11121076", "11121075", "11121074", "11121073", "11121072"]);
  });
});

describe("PMIDs received in an efetch answer", () => {
  it("take each record's own PMID, not those of CommentsCorrections or cited references", () => {
    const pubmed4 = fixture("biopython-pubmed4-structured-inline.xml");
    expect(pubmed4.match(/<PMID/g)!.length).toBeGreaterThan(10);
    expect(receivedPmids(pubmed4)).toEqual(["27797938"]);
    expect(receivedPmids(fixture("metapub-pmid37693885-exosome-review.xml"))).toEqual(["37693885"]);
  });

  it("count book articles and several records, and nothing in an empty set", () => {
    expect(receivedPmids(fixture("metapub-pmid20301577-book-article.xml"))).toEqual(["20301577"]);
    expect(receivedPmids(fixture("biopython-pubmed1-2008.xml"))).toEqual(["12091962", "9997"]);
    const subset = receivedPmids(fixture("pubmedparser-pubmed21n1005-subset.xml"));
    expect(subset).toHaveLength(20);
    expect(new Set(subset).size).toBe(20);
    expect(receivedPmids(fixture("metapub-pmid37909814-empty-set.xml"))).toEqual([]);
  });
});
