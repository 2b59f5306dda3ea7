import { describe, expect, it } from "vitest";
import { classifyArticle } from "../../src/stages/classify/index.js";
import { makeArticle, projectRules } from "./builders.js";

const classify = (title: string, abstract: string, more = {}) => classifyArticle(makeArticle("1", { title, abstract, ...more }), projectRules());

describe("design in context", () => {
  it("does not call a review an RCT because it asks for randomized trials", () => {
    const c = classify(
      "Exosomes in skin rejuvenation: a narrative review",
      "In this review we summarize current evidence on exosome products for skin aging. Most studies are small and uncontrolled. Well-designed randomized controlled trials are needed to confirm efficacy.",
    );
    expect(c.design).toBe("review");
    expect(c.designGroup).toBe("review");
  });

  it("does not take a call for trials as a trial even without review words", () => {
    const c = classify(
      "Exosome products for skin aging",
      "Exosome products are marketed for skin aging in many patients. Evidence comes from cell and animal work. Randomized controlled trials are needed before clinical use.",
    );
    expect(c.design).not.toBe("rct");
  });

  it("calls randomized animals an animal study, not an RCT", () => {
    const c = classify(
      "Adipose stem cell exosomes accelerate wound closure",
      "Full-thickness excisional wounds were created on the backs of C57BL/6 mice. The mice were randomly assigned to receive exosomes or PBS. Wound closure was significantly faster in treated mice (p < 0.01).",
    );
    expect(c.design).toBe("animal");
    expect(c.designEvidence.length).toBeGreaterThan(0);
  });

  it("recognises a randomized split-face trial in people", () => {
    const c = classify(
      "Exosome serum after fractional laser for acne scars",
      "Methods: Twenty-four patients with atrophic acne scars were enrolled. Each side of the face was randomly allocated to exosome gel or vehicle after fractional CO2 laser. Results: Scar scores improved more on the exosome side at the 12-week follow-up (p = 0.01).",
    );
    expect(c.design).toBe("rct");
    expect(c.evidenceLevel).toBe(2);
    expect(c.participants).toBe(24);
    expect(c.followupWeeks).toBe(12);
  });

  it("does not count a non-randomized study as randomized", () => {
    const c = classify(
      "Topical platelet exosomes for photoaged skin",
      "Methods: This prospective, single-arm, non-randomized study enrolled 30 women with facial photoaging who applied the serum twice daily. Results: Wrinkles improved at 8 weeks compared with baseline (p < 0.001).",
    );
    expect(c.design).toBe("clinical-nonrandomized");
    expect(c.participants).toBe(30);
  });

  it("gives human data precedence over animal and cell data", () => {
    const c = classify(
      "Exosomes for hair loss: from bench to patients",
      "Dermal papilla cells were treated with exosomes in vitro and C57BL/6 mice received intradermal injections. Then 40 patients with androgenetic alopecia were enrolled and treated for 24 weeks; hair density increased (p < 0.05).",
    );
    expect(c.designGroup).toBe("clinical");
  });

  it("gives animal data precedence over cell data", () => {
    const c = classify(
      "Milk exosomes reduce skin inflammation",
      "We isolated milk exosomes and treated HaCaT keratinocytes in vitro. In addition, exosomes were applied topically to mice with imiquimod-induced dermatitis; ear thickness was significantly reduced (p < 0.05).",
    );
    expect(c.design).toBe("animal");
  });

  it("recognises a case report, a systematic review and a bibliometric analysis", () => {
    expect(classify("Granulomas after exosome injection: a case report", "We report a case of a 45-year-old woman who developed facial nodules after injection of an exosome product.").design).toBe("case-report");
    expect(
      classify(
        "Extracellular vesicles for wound healing: a systematic review and meta-analysis",
        "PubMed, Embase and Web of Science were searched from inception. Twenty studies met the inclusion criteria; a random-effects model pooled wound closure.",
      ).design,
    ).toBe("systematic-review");
    expect(classify("Exosome research in dermatology: a bibliometric analysis", "Publications were retrieved from the Web of Science and analysed with VOSviewer and CiteSpace.").design).toBe("other");
  });

  it("says uncertain instead of guessing when nothing tells the design", () => {
    const c = classify("Exosomes and skin", "Exosomes are small vesicles.");
    expect(c.designUncertain).toBe(true);
    expect(c.designConfidence).toBeLessThan(0.5);
  });

  it("knows Mendelian randomization and MeSH 'as Topic' headings are not random allocation", () => {
    const c = classify(
      "Telomere length and melanoma risk: a Mendelian randomization study",
      "Methods: We used Mendelian randomization with genetic variants in 12,000 cases and 15,000 controls from prospective cohorts. Results: Longer telomeres raised risk (p = 0.002).",
      { mesh: [{ descriptor: "Randomized Controlled Trials as Topic", descriptorUi: null, majorTopic: false, qualifiers: [] }] },
    );
    expect(c.design).toBe("clinical-nonrandomized");
  });

  it("flags a best guess for original data that names no population", () => {
    const c = classify("Sulfate ester degradation is regulated by a two-component system", "We found that deletion of the regulator abolished degradation, and the purified enzyme showed activity. Our results demonstrated that expression was significantly increased (p < 0.01).");
    expect(c.design).toBe("in-vitro");
    expect(c.designUncertain).toBe(true);
  });

  it("uses publication types when present", () => {
    const c = classify("Exosome gel after laser resurfacing", "Twenty patients were treated on both cheeks.", { publicationTypes: ["Randomized Controlled Trial", "Journal Article"] });
    expect(c.design).toBe("rct");
    expect(c.designEvidence.some((e) => e.field === "publication_types")).toBe(true);
  });
});

describe("what counts as exosomes", () => {
  it("does not take the RNA exosome complex for extracellular vesicles", () => {
    const c = classify(
      "EXOSC10 and the RNA exosome complex in keratinocyte differentiation",
      "The RNA exosome is a multi-subunit exoribonuclease complex responsible for RNA degradation. Knockdown of EXOSC10 in epidermal keratinocytes impaired differentiation.",
    );
    expect(c.aboutExosomes).toBe(false);
    expect(c.exosomeSources).toEqual(["not-exosome"]);
    expect(c.aboutSkin).toBe(true);
  });

  it("counts plant exosome-like nanoparticles as plant EVs", () => {
    const c = classify(
      "Ginseng-derived exosome-like nanoparticles protect skin from photoaging",
      "Exosome-like nanoparticles were isolated from ginseng roots by ultracentrifugation and applied to UVB-irradiated fibroblasts; collagen synthesis increased and MMP-1 decreased.",
    );
    expect(c.aboutExosomes).toBe(true);
    expect(c.exosomeSources).toContain("plant");
    expect(c.conditions).toContain("skin-aging");
    expect(c.claims).toEqual(expect.arrayContaining(["collagen-elastin", "mmp-inhibition"]));
  });

  it("does not count a conditioned-medium study that never isolates vesicles", () => {
    const c = classify(
      "Stem cell conditioned medium after microneedling for facial rejuvenation",
      "Conditioned medium from umbilical cord stem cells was applied after microneedling. The secretome contains growth factors, cytokines and exosomes. Conditioned medium improved skin brightness compared with saline.",
    );
    expect(c.aboutExosomes).toBe(false);
    expect(c.exosomeSources).toEqual(["not-exosome"]);
  });

  it("names the source near the vesicle words, not the cells they were tested on", () => {
    const c = classify(
      "Exosomes derived from adipose mesenchymal stem cells promote keratinocyte migration",
      "Exosomes derived from adipose mesenchymal stem cells were added to HaCaT keratinocytes in vitro; migration increased.",
    );
    expect(c.exosomeSources).toEqual(["msc"]);
  });
});

describe("conditions", () => {
  it("adds wound-healing to a diabetic ulcer and tags acne scars as acne and scar", () => {
    expect(classify("Exosomes heal diabetic foot ulcers", "Diabetic foot ulcer healing with exosome dressings.").conditions).toEqual(expect.arrayContaining(["wound-healing", "diabetic-ulcer"]));
    expect(classify("Exosomes with laser for atrophic acne scars", "Acne scars improved.").conditions).toEqual(expect.arrayContaining(["acne", "scar"]));
  });

  it("tags articles about another organ not-skin", () => {
    const c = classify("Mesenchymal stem cell exosomes reduce myocardial infarct size in pigs", "Exosomes given intravenously reduced infarct size in a porcine model of myocardial infarction.");
    expect(c.conditions).toEqual(["not-skin"]);
    expect(c.aboutSkin).toBe(false);
  });

  it("matches British spellings and Greek letters", () => {
    const c = classify("Randomised trial of exosomes for photoageing", "Patients were randomised; TNF-α and IL-6 fell in the treated group of 20 participants.");
    expect(c.conditions).toContain("skin-aging");
    expect(c.claims).toContain("anti-inflammation");
  });
});

describe("labels and evidence", () => {
  it("classifies a record with neither title nor abstract without guessing", () => {
    const c = classifyArticle(makeArticle("hash:1"), projectRules());
    expect(c).toMatchObject({ recordId: "hash:1", designUncertain: true, aboutExosomes: false, aboutSkin: false, participants: null, followupWeeks: null });
    expect(c.conditions).toEqual(["not-skin"]);
  });

  it("gives one label per assigned value with its rule, field and text", () => {
    const c = classify("Exosomes for psoriasis: a review", "In this review we discuss exosomes in psoriasis and their use as biomarkers.");
    const dims = new Set(c.labels.map((l) => l.dimension));
    expect(dims).toEqual(new Set(["design", "condition", "source", "relevance"]));
    for (const l of c.labels.filter((x) => x.dimension !== "source")) {
      expect(l.evidence[0]).toMatchObject({ rule: expect.any(String), field: expect.any(String), text: expect.any(String) });
      expect(l.confidence).toBeGreaterThan(0);
      expect(l.confidence).toBeLessThanOrEqual(1);
    }
    expect(c.labels.filter((l) => l.dimension === "design")).toHaveLength(1);
    expect(c.rulesVersion).toMatch(/^[0-9a-f]{12}$/);
  });
});
