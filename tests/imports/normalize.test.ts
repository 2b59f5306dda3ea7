import { describe, expect, it } from "vitest";
import {
  cleanKeyword,
  contentId,
  doiInLink,
  firstIssn,
  firstTitle,
  normalizeDoi,
  normalizePages,
  parseAuthor,
  parseAuthors,
  stripMarkup,
} from "../../src/imports/normalize.js";
import { byId, parseFixture } from "./helpers.js";

describe("normalizeDoi", () => {
  it("strips resolver prefixes and trailing punctuation, keeping the case as given", () => {
    expect(normalizeDoi("http://dx.doi.org/10.1177/2325967120950040")).toBe("10.1177/2325967120950040");
    expect(normalizeDoi("https://doi.org/10.1038/S41467-024-48400-3.")).toBe("10.1038/S41467-024-48400-3");
    expect(normalizeDoi("doi: 10.2165/11586800-000000000-00000;")).toBe("10.2165/11586800-000000000-00000");
    expect(normalizeDoi(" 10.1002/cpp.2398 ")).toBe("10.1002/cpp.2398");
  });

  it("decodes percent-encoded DOIs from links and rejects text without a DOI", () => {
    expect(normalizeDoi("https://doi.org/10.1038%2Fs41467-024-48400-3")).toBe("10.1038/s41467-024-48400-3");
    expect(normalizeDoi("not a doi")).toBeNull();
    expect(normalizeDoi("")).toBeNull();
  });
});

describe("firstIssn, normalizePages, cleanKeyword, stripMarkup", () => {
  it("finds ISSNs in the forms exports write", () => {
    expect(firstIssn(["1895-5770 1895-5770"])).toBe("1895-5770");
    expect(firstIssn(["20964129 (ISSN) "])).toBe("2096-4129");
    expect(firstIssn(["1941014x"])).toBe("1941-014X");
    expect(firstIssn(["2325-9671 (electronic)"])).toBe("2325-9671");
    expect(firstIssn(["978-3-030"])).toBeNull();
  });

  it("takes no ISSN from an ISBN or a number whose check character fails", () => {
    expect(firstIssn(["978-1-4020-1234-5"])).toBeNull();
    expect(firstIssn(["978-0-1234-5671-0"])).toBeNull();
    expect(firstIssn(["9781402012345 (ISBN)", "2325-9671 (electronic)"])).toBe("2325-9671");
    expect(firstIssn(["1234-5678"])).toBeNull();
    expect(firstIssn(["1234-5670 0028-0836"])).toBe("0028-0836");
    expect(firstIssn(["1128-045X 1123-6337"])).toBe("1128-045X");
    // Ovid ERIC writes an electronic ISSN with an "E" before it (cff-ovid-eric.ris, EJ1181769).
    expect(firstIssn(["E2196-7822"])).toBe("2196-7822");
  });

  it("joins start and end pages, normalises Unicode hyphens and drops placeholders", () => {
    expect(normalizePages("947", "955")).toBe("947-955");
    expect(normalizePages("1279\u20101297", null)).toBe("1279-1297");
    expect(normalizePages("349-69", "")).toBe("349-69");
    expect(normalizePages("No", "Specified")).toBeNull();
    expect(normalizePages("", null)).toBeNull();
    expect(normalizePages("53", "53")).toBe("53");
    expect(normalizePages("UNSP 1722034")).toBe("1722034");
  });

  it("decodes entities once, after the tags are gone", () => {
    expect(stripMarkup("Australian National Health &amp; Medical Research Council")).toBe("Australian National Health & Medical Research Council");
    expect(stripMarkup("escaped &amp;lt;p&amp;gt; stays escaped")).toBe("escaped &lt;p&gt; stays escaped");
    expect(stripMarkup("<p>a &lt;b&gt; is text</p>").trim()).toBe("a <b> is text");
    expect(stripMarkup("10&#x2013;20 &#8805; 5 &quot;q&quot; &apos;")).toBe("10\u201320 \u2265 5 \"q\" '");
    expect(stripMarkup("R&D & more &unknown;")).toBe("R&D & more &unknown;");
  });

  it("decodes HTML's named references (Greek letters, dashes, no-break spaces) once, like the numeric ones", () => {
    expect(stripMarkup("TGF-&beta;1 and &alpha;-MSH in 5&ndash;10&nbsp;% of M&uuml;ller's cells")).toBe("TGF-\u03b21 and \u03b1-MSH in 5\u201310\u00a0% of M\u00fcller's cells");
    expect(stripMarkup("<p>IL-1&beta; &lt; 5&#x2009;pg</p>").trim()).toBe("IL-1\u03b2 < 5\u2009pg");
    expect(stripMarkup("&amp;beta; is how HTML writes &beta;")).toBe("&beta; is how HTML writes \u03b2");
    expect(stripMarkup("&Beta; &betax; &bet;")).toBe("\u0392 &betax; &bet;");
  });

  it("strips major-topic stars from keywords and markup from abstracts", () => {
    expect(cleanKeyword("*athlete")).toBe("athlete");
    expect(cleanKeyword("Acne Vulgaris/*therapy")).toBe("Acne Vulgaris/therapy");
    expect(cleanKeyword("Conduct Disorder [*prevention & control, psychology]")).toBe("Conduct Disorder [prevention & control, psychology]");
    expect(stripMarkup("<p>Background: x <AbstractText Label=\"A\">y</AbstractText></p>").replace(/\s+/g, " ").trim()).toBe("Background: x y");
  });
});

describe("parseAuthor", () => {
  const name = (v: string) => {
    const a = parseAuthor(v)!;
    return [a.lastName, a.foreName, a.initials];
  };
  it("reads 'Last, First', 'Last, F.' and 'Last FM' forms", () => {
    expect(name("Basinska, Malgorzata A.")).toEqual(["Basinska", "Malgorzata A.", "MA"]);
    expect(name("Abdel-Tawab, M.")).toEqual(["Abdel-Tawab", null, "M"]);
    expect(name("Larsen, LJ")).toEqual(["Larsen", null, "LJ"]);
    expect(name("Mangalam H")).toEqual(["Mangalam", null, "H"]);
    expect(name("Lucas J.S.")).toEqual(["Lucas", null, "JS"]);
    expect(name("Wilson, Lauren N. (58975547800)")).toEqual(["Wilson", "Lauren N.", "LN"]);
  });

  it("reads IEEE's 'F. Last' form and keeps multi-word surnames", () => {
    expect(name("A. S. Z. Belloum")).toEqual(["Belloum", null, "ASZ"]);
    expect(name("Sanchez del Pulgar, J.")).toEqual(["Sanchez del Pulgar", null, "J"]);
  });

  it("keeps group names whole, as collective authors", () => {
    expect(parseAuthor("IADVL Task Force")).toMatchObject({ lastName: null, collectiveName: "IADVL Task Force" });
    expect(parseAuthor("Cochrane Skin Group")).toMatchObject({ collectiveName: "Cochrane Skin Group" });
  });

  it("reads a Chinese, Japanese or Korean name in its own script family name first (real: EBSCO's '熊 玮')", () => {
    expect(name("熊 玮")).toEqual(["熊", "玮", "玮"]);
    expect(name("山田 太郎")).toEqual(["山田", "太郎", "太"]);
    expect(name("김 민준")).toEqual(["김", "민준", "민"]);
    expect(name("朱德泉")).toEqual(["朱德泉", null, null]);
  });

  it("takes a name suffix off: RIS's third part and a trailing one (real: EndNote 'Bitter, P., Jr.', IEEE 'J. H. Laros III')", () => {
    expect(parseAuthor("Bitter, P., Jr.")).toMatchObject({ lastName: "Bitter", foreName: null, initials: "P", suffix: "Jr" });
    expect(parseAuthor("J. H. Laros III")).toMatchObject({ lastName: "Laros", initials: "JH", suffix: "III" });
    expect(parseAuthor("King, Martin Luther, Jr")).toMatchObject({ lastName: "King", foreName: "Martin Luther", initials: "ML", suffix: "Jr" });
    expect(parseAuthor("Gates WH 3rd")).toMatchObject({ lastName: "Gates", initials: "WH", suffix: "3rd" });
    expect(parseAuthor("Smith V")).toMatchObject({ lastName: "Smith", initials: "V", suffix: null });
    expect(parseAuthor("Smith, IV")).toMatchObject({ lastName: "Smith", initials: "IV", suffix: null });
  });

  it("keeps corporate authors whole; a person whose surname is such a word stays a person", () => {
    for (const corporate of ["World Health Organization", "European Medicines Agency", "American Academy of Dermatology", "National Institute for Health and Care Excellence", "EU Council", "Team, The Global Adaptation Mapping", "Network, Multi-Country Multi-City Collaborative Research"]) {
      expect(parseAuthor(corporate)).toMatchObject({ lastName: null, collectiveName: corporate });
    }
    expect(name("Service, Robert")).toEqual(["Service", "Robert", "R"]);
    expect(name("Board J")).toEqual(["Board", null, "J"]);
    expect(name("J. Board")).toEqual(["Board", null, "J"]);
  });

  it("drops exact repeats (IEEE lists an author twice)", () => {
    expect(parseAuthors(["G. Kalbe", "G. Kalbe"]).map((a) => a.lastName)).toEqual(["Kalbe"]);
  });
});

describe("contentId", () => {
  it("is stable across case and spacing and changes with the content", () => {
    const a = contentId("Exosomes in  Skin", 2021, "Kim", "10.1/X");
    expect(contentId("exosomes in skin", 2021, "kim", "10.1/x")).toBe(a);
    expect(contentId("Exosomes in Skin", 2022, "Kim", "10.1/X")).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("stripMarkup removes only real markup", () => {
  const plain = (value: string): string => stripMarkup(value).replace(/\s+/g, " ").trim();

  it("joins inline tags to their word, as the PubMed XML reader does", () => {
    expect(plain("Soil surface CO<sub>2</sub> flux")).toBe("Soil surface CO2 flux");
    expect(plain("TGF-&#946;<sub>1</sub> and H<sub>2</sub>O<sub>2</sub>")).toBe("TGF-\u03b21 and H2O2");
    expect(plain("<i>N</i><sub>min</sub>, <em>p</em>-value, 10<SUP>18</SUP>, <span class=\"x\">y</span>")).toBe("Nmin, p-value, 1018, y");
    expect(plain("<jats:italic>E. coli</jats:italic> and <mml:math><mml:msub><mml:mi>x</mml:mi><mml:mn>1</mml:mn></mml:msub></mml:math>")).toBe("E. coli and x1");
  });

  it("keeps a '<' that starts no tag as text", () => {
    expect(plain("patients aged <or =65 years and those >70 years")).toBe("patients aged <or =65 years and those >70 years");
    expect(plain("p < 0.001, <0.05 and x <b and c> y")).toBe("p < 0.001, <0.05 and x <b and c> y");
    expect(plain("<p>aged <or =65</p>")).toBe("aged <or =65");
  });

  it("puts a space for block tags and run-in bold headings", () => {
    expect(plain("<jats:title>Abstract</jats:title><jats:sec><jats:p>One.</jats:p><jats:p>Two<br/>three</jats:p></jats:sec>")).toBe("Abstract One. Two three");
    expect(plain("minimisation.<jats:bold><jats:italic>Methods</jats:italic></jats:bold>The research")).toBe("minimisation. Methods The research");
  });

  it("gives the real Dimensions and Lens exports their words back", async () => {
    const dimensions = (await parseFixture("citesource-dimensions.ris")).records;
    expect(byId(dimensions, "dimensions:pub.1032191238").title).toMatch(/^Soil surface CO2 flux increases/);
    expect(byId(dimensions, "dimensions:pub.1009336513").abstract).toContain("(< or =4 years)");
    const abstracts = dimensions.map((r) => r.abstract ?? "").join("\n");
    expect(abstracts).not.toMatch(/PM 2\.5 \)|μg\/m 3\b|\(O 3\)/);
    const lens = (await parseFixture("citesource-lens.ris")).records;
    expect(byId(lens, "lens:142-207-659-477-251").abstract).toContain("Background Pacific peoples");
  });
});

describe("doiInLink", () => {
  it("reads the DOI a publisher's link carries in its path, without view segments, file extensions or query", () => {
    expect(doiInLink("https://link.springer.com/article/10.1007/s00403-023-02561-9")).toBe("10.1007/s00403-023-02561-9");
    expect(doiInLink("https://link.springer.com/content/pdf/10.1007/s42322-022-00119-9.pdf")).toBe("10.1007/s42322-022-00119-9");
    expect(doiInLink("https://onlinelibrary.wiley.com/doi/10.1111/jocd.15869")).toBe("10.1111/jocd.15869");
    expect(doiInLink("https://onlinelibrary.wiley.com/doi/pdfdirect/10.1111/geb.13422")).toBe("10.1111/geb.13422");
    expect(doiInLink("https://www.tandfonline.com/doi/pdf/10.1080/20008198.2022.2087980?needAccess=true")).toBe("10.1080/20008198.2022.2087980");
    expect(doiInLink("https://www.frontiersin.org/articles/10.3389/fpubh.2020.00320/full")).toBe("10.3389/fpubh.2020.00320");
    // A suffix with a slash of its own (Oxford's) is kept whole; percent-encoding is undone.
    expect(doiInLink("https://academic.oup.com/doi/10.1093/ajae/aaq063")).toBe("10.1093/ajae/aaq063");
    expect(doiInLink("https://onlinelibrary.wiley.com/doi/10.1002/%28SICI%291097-0258%2819980815%2F30%2917%3A15%2F16%3C1661%3A%3AAID-SIM968%3E3.0.CO%3B2-2")).toBe(
      "10.1002/(SICI)1097-0258(19980815/30)17:15/16<1661::AID-SIM968>3.0.CO;2-2",
    );
  });

  it("reads a DOI that is a query value (PLOS's ?id=, ?doi=) or PLOS's old percent-encoded info:doi path", () => {
    expect(doiInLink("https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456")).toBe("10.1371/journal.pone.0123456");
    expect(doiInLink("https://journals.plos.org/plosone/article/file?id=10.1371/journal.pone.0123456&type=printable")).toBe("10.1371/journal.pone.0123456");
    expect(doiInLink("https://example.org/abstract?doi=10.1016%2Fj.jdermsci.2020.01.001")).toBe("10.1016/j.jdermsci.2020.01.001");
    expect(doiInLink("http://www.plosone.org/article/info%3Adoi%2F10.1371%2Fjournal.pone.0012345")).toBe("10.1371/journal.pone.0012345");
    expect(doiInLink("https://example.org/search?q=exosomes+10.1000/x&page=2")).toBeNull();
    expect(doiInLink("https://example.org/record?id=12345")).toBeNull();
  });

  it("gives none when the path holds no DOI prefix segment, two of them, or a prefix alone", () => {
    expect(doiInLink("https://www.lens.org/lens/scholar/article/021-559-832-468-845")).toBeNull();
    expect(doiInLink("https://example.org/10.1000/a/10.2000/b")).toBeNull();
    expect(doiInLink("https://example.org/doi/10.1000/")).toBeNull();
    expect(doiInLink("https://example.org/v10.1000/x")).toBeNull();
    expect(doiInLink("not a link 10.1000/x")).toBeNull();
  });
});

describe("firstTitle", () => {
  it("passes over other databases' placeholders for no title, not titles that only start like one", () => {
    for (const placeholder of ["[No title available]", "No title available", "Untitled", "[Untitled]", "[Title not available]", "[Article in Chinese]", "[Article in French with English abstract]."]) {
      expect(firstTitle([placeholder, "Vesicles from stem cells"]), placeholder).toBe("Vesicles from stem cells");
    }
    expect(firstTitle(["Untitled lives: skin in art", "x"])).toBe("Untitled lives: skin in art");
    expect(firstTitle(["[Exosomes in dermatology]"])).toBe("[Exosomes in dermatology]");
  });
});

describe("parseAuthor on names written all in capitals", () => {
  it("writes a surname in capitals in its usual case, particles, Mc, O' and hyphens included; initials and mixed case as written", () => {
    expect(parseAuthor("PULLIG, T")).toMatchObject({ lastName: "Pullig", initials: "T" }); // Web of Science, pre-1990s records
    expect(parseAuthor("MCDONALD-SMITH JA")).toMatchObject({ lastName: "McDonald-Smith", initials: "JA" });
    expect(parseAuthor("D'ANGELO M")).toMatchObject({ lastName: "D'Angelo", initials: "M" });
    expect(parseAuthor("GÜVELİOĞLU, Elif")).toMatchObject({ lastName: "Güvelioğlu", foreName: "Elif" }); // Dimensions
    expect(parseAuthor("TANTEKİN ERDEN, Feyza")).toMatchObject({ lastName: "Tantekin Erden", foreName: "Feyza" });
    expect(parseAuthor("MÜLLER, HANS-PETER")).toMatchObject({ lastName: "Müller", foreName: "Hans-Peter", initials: "HP" });
    expect(parseAuthor("VAN DER BERG J")).toMatchObject({ lastName: "van der Berg", initials: "J" });
    expect(parseAuthor("DI MARIO, CARLO")).toMatchObject({ lastName: "Di Mario", foreName: "Carlo" });
    expect(parseAuthor("DA SILVA, JOAO")).toMatchObject({ lastName: "da Silva", foreName: "Joao" });
    expect(parseAuthor("SMITH JA JR")).toMatchObject({ lastName: "Smith", initials: "JA", suffix: "Jr" });
    expect(parseAuthor("McDONALD, Jo")).toMatchObject({ lastName: "McDONALD", foreName: "Jo" });
    expect(parseAuthor("van der Berg J H")).toMatchObject({ lastName: "van der Berg", initials: "JH" });
  });

  it("splits names without a comma the way a reviewer reads them", () => {
    // Capitals, surname first, full given names after it.
    expect(parseAuthor("SMITH JOHN A")).toMatchObject({ lastName: "Smith", foreName: "John A", initials: "JA" });
    expect(parseAuthor("VAN DER BERG JOHN")).toMatchObject({ lastName: "van der Berg", foreName: "John", initials: "J" });
    expect(parseAuthor("DE LA CRUZ MARIA")).toMatchObject({ lastName: "de la Cruz", foreName: "Maria", initials: "M" });
    // Given names first: the surname starts at its particle.
    expect(parseAuthor("Johannes van der Berg")).toMatchObject({ lastName: "van der Berg", foreName: "Johannes", initials: "J" });
    expect(parseAuthor("JOHN VAN DER BERG")).toMatchObject({ lastName: "van der Berg", foreName: "John", initials: "J" });
    // The French and Scopus convention: the surname in capitals, then the given names.
    expect(parseAuthor("DUPONT Jean-Pierre")).toMatchObject({ lastName: "Dupont", foreName: "Jean-Pierre", initials: "JP" });
    expect(parseAuthor("LE GALL Marie")).toMatchObject({ lastName: "Le Gall", foreName: "Marie", initials: "M" });
    // Unchanged: MEDLINE's compound surnames in mixed case, given-first names, capitals initials before a surname.
    expect(parseAuthor("Garcia Lopez J")).toMatchObject({ lastName: "Garcia Lopez", initials: "J" });
    expect(parseAuthor("CAIZHI SHEN")).toMatchObject({ lastName: "Shen", foreName: "Caizhi" });
    expect(parseAuthor("MDP Gyeke")).toMatchObject({ lastName: "Gyeke", initials: "MDP" });
  });

  it("reads an undotted word of three letters or more as a name, short or dotted ones as initials", () => {
    expect(parseAuthor("LI, JIN")).toMatchObject({ lastName: "Li", foreName: "Jin", initials: "J" });
    expect(parseAuthor("KIM, JH")).toMatchObject({ lastName: "Kim", foreName: null, initials: "JH" });
    expect(parseAuthor("O'BRIEN, J.-P.")).toMatchObject({ lastName: "O'Brien", foreName: null, initials: "JP" });
    expect(parseAuthor("SMITH JA")).toMatchObject({ lastName: "Smith", foreName: null, initials: "JA" });
    expect(parseAuthor("van der Berg J H")).toMatchObject({ lastName: "van der Berg", foreName: null, initials: "JH" });
    expect(parseAuthor("Smith J. A.")).toMatchObject({ lastName: "Smith", foreName: null, initials: "JA" });
    // Mixed case as before: capitals are initials.
    expect(parseAuthor("Gyeke, MDP")).toMatchObject({ lastName: "Gyeke", foreName: null, initials: "MDP" });
    expect(parseAuthor("Zhang, Y. -Q.")).toMatchObject({ lastName: "Zhang", foreName: null, initials: "YQ" });
  });
});
