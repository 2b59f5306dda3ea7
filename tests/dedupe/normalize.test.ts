import { describe, expect, it } from "vitest";
import {
  firstPage,
  journalWords,
  journalsAgree,
  normalizeDoi,
  normalizePmcid,
  normalizePmid,
  normalizeText,
  numberSignature,
  titleWords,
} from "../../src/stages/dedupe/normalize.js";

describe("normalizeText", () => {
  it("drops inline markup without losing the words inside it", () => {
    expect(normalizeText("Role of <i>TERT</i> in <sup>3</sup>H uptake")).toBe("role of tert in 3h uptake");
  });
  it("keeps the words between a '<' and a '>' that compare numbers", () => {
    expect(normalizeText("differed (P<0.05), and the treatment group healed faster (P>0.05)")).toBe(
      "differed p 0 05 and the treatment group healed faster p 0 05",
    );
    expect(normalizeText("<jats:sec><jats:title>Background</jats:title> CO<sub>2</sub> laser<br/></jats:sec>")).toBe("background co2 laser");
  });
  it("drops markup that a page escaped once more, and keeps an escaped '<' that compares numbers", () => {
    expect(normalizeText("Effect of &lt;i&gt;Cutibacterium acnes&lt;/i&gt; vesicles on CO&lt;sub&gt;2&lt;/sub&gt; uptake")).toBe(
      normalizeText("Effect of <i>Cutibacterium acnes</i> vesicles on CO<sub>2</sub> uptake"),
    );
    expect(normalizeText("healed faster (P &lt; 0.05) in the exosome group (P &gt; 0.05)")).toBe("healed faster p 0 05 in the exosome group p 0 05");
  });
  it("strips diacritics and folds case", () => {
    expect(normalizeText("Étude de l'Effet: Müller")).toBe("etude de l effet muller");
  });
  it("spells Greek letters out, including the micro sign", () => {
    expect(normalizeText("TNF-α and TGF-β1 at 5 µg")).toBe("tnf alpha and tgf beta 1 at 5 mu g");
    expect(normalizeText("TNF-alpha and TGF-beta1")).toBe("tnf alpha and tgf beta1");
  });
});

describe("titleWords", () => {
  it("gives British and American spellings one form", () => {
    expect(titleWords("A randomised study of tumour colour and ageing in paediatric oedema")).toEqual(
      titleWords("A randomized study of tumor color and aging in pediatric edema"),
    );
  });
  it("treats hyphen variants as word breaks", () => {
    expect(titleWords("Pro‐inflammatory activity")).toEqual(titleWords("Pro-inflammatory activity"));
  });
});

describe("numberSignature", () => {
  it("tells Part I from Part II and 12 weeks from 24 weeks", () => {
    expect(numberSignature(titleWords("Visible light. Part I: properties"))).not.toBe(
      numberSignature(titleWords("Visible light. Part II: properties")),
    );
    expect(numberSignature(titleWords("A 12-week study"))).toBe("12");
  });
  it("reads a part or phase number however it is written", () => {
    const sig = (t: string) => numberSignature(titleWords(t));
    expect(sig("Exosomes in dermatology, part one: biology")).not.toBe(sig("Exosomes in dermatology, part two: biology"));
    expect(sig("Exosomes in dermatology, Part Two: clinical use")).toBe(sig("Exosomes in dermatology, part II: clinical use"));
    expect(sig("Exosomes in dermatology, part II: clinical use")).toBe(sig("Exosomes in dermatology, Part 2: clinical use"));
    expect(sig("A phase III trial of exosome gel")).toBe(sig("A phase 3 trial of exosome gel"));
  });
  it("agrees across spellings of one name: TGF-β1 and TGF-beta1, CO2 and CO<sub>2</sub>, IL-1β and IL-1beta", () => {
    const same = (a: string, b: string) => expect(numberSignature(titleWords(a))).toBe(numberSignature(titleWords(b)));
    same("TGF-β1 signalling in 2 models of skin fibrosis", "TGF-beta1 signaling in 2 models of skin fibrosis");
    same("Soil surface CO2 flux", "Soil surface CO<sub>2</sub> flux");
    same("IL-1β in acne", "IL-1beta in acne");
    expect(numberSignature(titleWords("CD34 cells"))).not.toBe(numberSignature(titleWords("CD38 cells")));
  });
});

describe("identifiers", () => {
  it("normalises DOIs written as URLs, with doi: prefixes, in capitals and with trailing punctuation", () => {
    for (const raw of ["10.2340/00015555-3666", "https://doi.org/10.2340/00015555-3666", "doi: 10.2340/00015555-3666.", "http://dx.doi.org/10.2340/00015555-3666", "DOI:10.2340/00015555-3666"]) {
      expect(normalizeDoi(raw)).toBe("10.2340/00015555-3666");
    }
    expect(normalizeDoi("10.1016/S0923-1811(02)00068-3")).toBe("10.1016/s0923-1811(02)00068-3");
    expect(normalizeDoi("not a doi")).toBeNull();
    expect(normalizeDoi(null)).toBeNull();
  });
  it("reads a doi.org link rewritten by a library proxy as the DOI (heldout-3 s3-16/2)", () => {
    expect(normalizeDoi("https://0-doi-org.brum.beds.ac.uk/10.3390/ph14080811")).toBe("10.3390/ph14080811");
    expect(normalizeDoi("https://doi-org.ezproxy.example.edu/10.2340/00015555-3666")).toBe("10.2340/00015555-3666");
    expect(normalizeDoi("http://doi-org.proxy.lib.example.ac.uk:2048/10.2340/00015555-3666")).toBe("10.2340/00015555-3666");
    expect(normalizeDoi("https://0-www-mdpi-com.brum.beds.ac.uk/1424-8247/14/8/811")).toBeNull();
  });
  it("reads a DOI copied with Unicode dashes, a soft hyphen or MEDLINE's [doi] tag as the DOI itself", () => {
    // Constructed forms: a page's U+2010 hyphen, a PDF's en dash and soft hyphen, an .nbib AID line's tag.
    for (const raw of ["10.2340/00015555\u20103666", "10.2340/00015555\u20133666", "10.2340/0001\u00ad5555-3666", "10.2340/00015555-3666 [doi]"]) {
      expect(normalizeDoi(raw)).toBe("10.2340/00015555-3666");
    }
  });
  it("normalises PMIDs and PMCIDs", () => {
    expect(normalizePmid(" 33073298 ")).toBe("33073298");
    expect(normalizePmid("39000001x")).toBeNull();
    expect(normalizePmcid("pmc8561171")).toBe("PMC8561171");
    expect(normalizePmcid("8561171")).toBe("PMC8561171");
  });
  it("takes the first page without letters", () => {
    expect(firstPage("211-6")).toBe("211");
    expect(firstPage("E61-e68")).toBe("61");
    expect(firstPage(null)).toBeNull();
  });
});

describe("journalsAgree", () => {
  it("matches abbreviations with full titles", () => {
    expect(journalsAgree(journalWords("Acta Derm Venereol"), journalWords("Acta Dermato-Venereologica"))).toBe(true);
    expect(journalsAgree(journalWords("Int. J. Mol. Sci."), journalWords("International Journal of Molecular Sciences"))).toBe(true);
    expect(journalsAgree(journalWords("ECOSYSTEM HEALTH AND SUSTAINABILITY"), journalWords("Ecosystem Health and Sustainability"))).toBe(true);
  });
  it("matches NLM journal titles with their place or subtitle against the plain title", () => {
    expect(journalsAgree(journalWords("Molecules (Basel, Switzerland)"), journalWords("Molecules"))).toBe(true);
    expect(journalsAgree(journalWords("Journal of drugs in dermatology : JDD"), journalWords("Journal of Drugs in Dermatology"))).toBe(true);
    expect(journalsAgree(journalWords("Journal of drugs in dermatology : JDD"), journalWords("J Drugs Dermatol"))).toBe(true);
    expect(journalsAgree(journalWords("Dermatologic surgery : official publication for American Society for Dermatologic Surgery [et al.]"), journalWords("Dermatol Surg"))).toBe(true);
    expect(journalsAgree(journalWords("Pharmaceuticals (Basel)"), journalWords("Pharmaceutics"))).toBe(false);
  });
  it("matches abbreviations of journal names in other languages, which leave out their articles and prepositions", () => {
    expect(journalsAgree(journalWords("Anais Brasileiros de Dermatologia"), journalWords("An Bras Dermatol"))).toBe(true);
    expect(journalsAgree(journalWords("Giornale Italiano di Dermatologia e Venereologia"), journalWords("G Ital Dermatol Venereol"))).toBe(true);
    expect(journalsAgree(journalWords("Annales de Dermatologie et de Vénéréologie"), journalWords("Ann Dermatol Venereol"))).toBe(true);
    expect(journalsAgree(journalWords("Annales de Dermatologie et de Vénéréologie"), journalWords("Ann Dermatol Vénéréol FMC"))).toBe(false);
  });

  it("does not match different journals", () => {
    expect(journalsAgree(journalWords("J Cosmet Dermatol"), journalWords("J Cosmet Laser Ther"))).toBe(false);
    expect(journalsAgree(journalWords("Front. Immunol."), journalWords("Frontiers in Physiology"))).toBe(false);
  });
});

describe("mojibake: UTF-8 a page read as Windows-1252", () => {
  it("compares as the text it garbled ('â€™' for '’', 'Ã©' for 'é', 'Î²' for 'β')", () => {
    expect(normalizeText("Exosomesâ€™ role in patientsâ€™ skin: a cafÃ© study of MÃ¼ller cells and Î²-catenin")).toBe(
      normalizeText("Exosomes’ role in patients’ skin: a café study of Müller cells and β-catenin"),
    );
  });

  it("leaves real text that happens to be UTF-8 as it is ('É’' is not 'ɒ', 'Ü½' not a Syriac letter)", () => {
    expect(normalizeText("CAFÉ’S Ü½")).toBe("cafe s u1 2");
    expect(normalizeText("é ñü ±5 µm")).toBe(normalizeText("e nu 5 mu m"));
  });
});
