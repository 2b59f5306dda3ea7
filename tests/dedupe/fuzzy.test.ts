import { describe, expect, it } from "vitest";
import { dedupeRecords } from "../../src/stages/dedupe/core.js";
import { candidatePairs } from "../../src/stages/dedupe/blocking.js";
import { recordFeatures } from "../../src/stages/dedupe/features.js";
import type { Article } from "../../src/model/article.js";
import { makeArticle } from "./builders.js";

const linked = { preprints: "linked" } as const;

function merged(records: Article[]): boolean {
  const { decisions } = dedupeRecords(records, linked);
  return new Set(decisions.map((d) => d.clusterId)).size === 1;
}

const TITLE = "Efficacy and tolerability of topical platelet exosomes for skin rejuvenation: six-week results";
const ABSTRACT =
  "Background: platelet-derived exosomes are proposed for skin rejuvenation. Methods: fifty-six women applied a topical " +
  "platelet exosome product twice daily for six weeks and were assessed for redness, wrinkles, pigmentation and texture " +
  "by blinded evaluators using standardized photography. Results: redness and melanin improved significantly, and the " +
  "product was well tolerated without serious adverse events. Conclusions: topical platelet exosomes were safe and " +
  "improved several measures of skin appearance in a short open-label study.";

describe("fuzzy matching", () => {
  it("merges a title variant with an agreeing year and first author, and says which fields agreed", () => {
    const a = makeArticle("scopus:1", { title: TITLE, year: 2022, authors: ["Proffer, S. L."], journal: { title: "Aesthetic Surgery Journal" } });
    const b = makeArticle("wos:1", { title: TITLE.toUpperCase() + ".", year: 2023, authors: ["Proffer, Sydney L"], journal: { title: "AESTHET SURG J" } });
    const { decisions } = dedupeRecords([a, b], linked);
    const dup = decisions.find((d) => d.role === "duplicate");
    expect(dup?.rule).toBe("title+year+author+journal");
    expect(dup?.score).toBeGreaterThan(0.95);
  });

  it("merges British and American spellings, Greek letters and markup", () => {
    const a = makeArticle("a", { title: "Randomised trial of TNF-α inhibition and tumour <i>colour</i> in paediatric skin", year: 2020, authors: ["Smith, A"] });
    const b = makeArticle("b", { title: "Randomized trial of TNF-alpha inhibition and tumor color in pediatric skin", year: 2020, authors: ["Smith A"] });
    expect(merged([a, b])).toBe(true);
  });

  it("does not merge when the years differ by more than one", () => {
    const a = makeArticle("a", { title: TITLE, year: 2020, authors: ["Proffer, S"] });
    const b = makeArticle("b", { title: TITLE, year: 2022, authors: ["Proffer, S"] });
    expect(merged([a, b])).toBe(false);
  });

  it("takes one surname written in the forms databases give it for the same first author", () => {
    const pairs: [string, string][] = [["Müller, K", "Mueller K"], ["Schröder, A", "Schroeder A"], ["van der Berg, J", "Berg JV"], ["De Luca, M", "DeLuca M"]];
    for (const [x, y] of pairs) {
      expect(merged([makeArticle("a", { title: TITLE, year: 2022, authors: [x] }), makeArticle("b", { title: TITLE, year: 2022, authors: [y] })])).toBe(true);
    }
  });

  it("does not merge when the first authors disagree", () => {
    const a = makeArticle("a", { title: TITLE, year: 2022, authors: ["Proffer, S"] });
    const b = makeArticle("b", { title: TITLE, year: 2022, authors: ["Nguyen, T"] });
    expect(merged([a, b])).toBe(false);
  });

  it("does not merge parts or different numbers of one series", () => {
    const base = "Visible light. Part I: properties and cutaneous effects of visible light";
    const a = makeArticle("a", { title: base, year: 2021, journal: { title: "J Am Acad Dermatol" } });
    const b = makeArticle("b", { title: base.replace("Part I", "Part II"), year: 2021, journal: { title: "J Am Acad Dermatol" } });
    expect(merged([a, b])).toBe(false);
  });

  it("merges a title a site cut short with an ellipsis, when enough of it is left", () => {
    const full = "Adipose-derived stem cell exosomes reduce inflammation and restore barrier function in a murine model of atopic dermatitis";
    const full2 = makeArticle("b", { title: full, year: 2020, authors: ["Park J"] });
    for (const cut of ["Adipose-derived stem cell exosomes reduce inflammation and restore barrier...", "Adipose-derived stem cell exosomes reduce inflammation and restore barrier func…", "Adipose-derived stem cell exosomes reduce inflammation and restore barrier [...]"]) {
      expect(merged([makeArticle("a", { title: cut, year: 2020, authors: ["Park, J"] }), full2])).toBe(true);
    }
    // Too little left to tell one title from another.
    expect(merged([makeArticle("a", { title: "Adipose-derived stem cell exosomes…", year: 2020, authors: ["Park, J"] }), full2])).toBe(false);
  });

  it("does not merge a meeting abstract with the full paper that took its title, but merges two copies of the abstract", () => {
    const paper = makeArticle("pubmed:1", { title: TITLE, year: 2023, authors: ["Proffer, S"], journal: { title: "Aesthetic Surgery Journal" } });
    const embase = makeArticle("embase:1", { title: TITLE, year: 2022, authors: ["Proffer S"], journal: { title: "Journal of Investigative Dermatology" }, publicationTypes: ["Conference Abstract"] });
    const wos = makeArticle("wos:1", { title: TITLE.toUpperCase(), year: 2022, authors: ["Proffer, S"], journal: { title: "J INVEST DERMATOL" }, publicationTypes: ["Meeting Abstract"] });
    const { decisions, possible } = dedupeRecords([paper, embase, wos], linked);
    expect(decisions.map((d) => [d.recordId, d.clusterId])).toEqual([["embase:1", "embase:1"], ["pubmed:1", "pubmed:1"], ["wos:1", "embase:1"]]);
    // Listed for a human, saying why.
    expect(possible.map((p) => [p.recordIdA, p.recordIdB, p.reason])).toEqual([
      ["embase:1", "pubmed:1", "meeting-abstract"],
      ["pubmed:1", "wos:1", "meeting-abstract"],
    ]);
  });

  it("lists a meeting abstract beside the paper that followed it two years later, and no further apart", () => {
    const paper = makeArticle("pubmed:1", { title: TITLE, year: 2023, authors: ["Proffer, S"], journal: { title: "Aesthetic Surgery Journal" } });
    const poster = (year: number) =>
      makeArticle("embase:1", { title: TITLE, year, authors: ["Proffer S"], journal: { title: "Journal of Investigative Dermatology" }, publicationTypes: ["Conference Abstract"] });
    const listed = (year: number) => dedupeRecords([paper, poster(year)], linked).possible.map((p) => p.reason);
    expect(listed(2021)).toEqual(["meeting-abstract"]);
    expect(merged([paper, poster(2021)])).toBe(false);
    // Three years before, or a paper two years before its "abstract": another work.
    expect(listed(2020)).toEqual([]);
    expect(listed(2025)).toEqual([]);
  });

  it("says meeting-abstract for a poster beside its paper even when each has its own DOI", () => {
    // A journal supplement gives its abstracts DOIs of their own (Embase exports them).
    const paper = makeArticle("pubmed:1", { title: TITLE, doi: "10.1093/asj/sjad001", year: 2023, authors: ["Proffer, S"], journal: { title: "Aesthetic Surgery Journal" } });
    const poster = makeArticle("embase:1", { title: TITLE, doi: "10.1016/j.jid.2022.05.100", year: 2022, authors: ["Proffer S"], journal: { title: "Journal of Investigative Dermatology" }, publicationTypes: ["Conference Abstract"] });
    expect(dedupeRecords([paper, poster], linked).possible.map((p) => p.reason)).toEqual(["meeting-abstract"]);
  });

  it("does not merge a conference paper with the journal letter that extends it on their shared abstract text", () => {
    // NLeSC/litstudy tests/resources/example.ris (IEEE Xplore), records 15 and 6, their DOIs left out as an
    // export without them would show the pair: 72% of the shorter abstract's trigrams are in the other.
    const conference = makeArticle("ieee:ectc", {
      title: "Novel W2W/C2W Hybrid Bonding Technology with High Stacking Yield Using Ultra-Fine Size, Ultra-High Density Cu Nano-Pillar (CNP) for Exascale 2.5D/3D Integration",
      journal: { title: "2016 IEEE 66th Electronic Components and Technology Conference (ECTC)", pages: "350-355" },
      year: 2016,
      authors: ["Lee KW", "Nagai C", "Bea JC"],
      abstract:
        "We propose a novel hybrid bonding technology with a high stacking yield using ultra-high density Cu nano-pillar (CNP) for exascale 2.5D/3D integration. To solve the critical issues of current standard hybrid bonding technology, we developed scaled electrodes with slightly extruded structure and unique adhesive layer of anisotropic conductive film composed of untra-fine size, ultra-high density CNP. Multi-number of TEG dies with 7mm x 23mm size are bonded to an interposer wafer by a new hybrid bonding technology. A huge number of electrodes of 4,309,200 composed of scaled electrodes with 3μm diameter and 6μm pitch are formed in each TEG die. We confirmed for the first time that 4,309,200 electrodes per die are successfully connected in series with the joining yield of 100% due to ultra-high density CNP.",
    });
    const letter = makeArticle("ieee:led", {
      title: "Novel Hybrid Bonding Technology Using Ultra-High Density Cu Nano-Pillar for Exascale 2.5D/3D Integration",
      journal: { title: "IEEE Electron Device Letters", pages: "81-83" },
      year: 2016,
      authors: ["Lee K", "Bea J", "Fukushima T"],
      abstract:
        "We propose a novel hybrid bonding technology with a high stacking yield using ultra-high density Cu nanopillar (CNP) for exascale 2.5D/3D integration. To solve the critical issues of a current standard hybrid bonding technology, we developed scaled electrodes with slightly extruded structure and unique adhesive layer of anisotropic conductive film composed of ultra-high density CNP. Test element group (TEG) dies with 7-mm × 23-mm size are bonded to interposer wafer by a new hybrid bonding technology. Scaled electrodes with 3-μm diameter and 6-μm pitch are formed in each TEG chip. We confirmed for the first time that a huge number of electrodes of 4309200 are successfully connected in series with the joining yield of 100% due to the ultra-high density CNP.",
    });
    const { decisions, possible } = dedupeRecords([conference, letter], linked);
    expect(decisions.every((d) => d.role === "kept")).toBe(true);
    expect(possible.map((p) => p.reason)).toEqual(["similar"]);
    // The same text in one journal is one work.
    const copy = { ...letter, recordId: "ieee:led-copy", title: conference.title, journal: { ...letter.journal } };
    expect(merged([letter, copy])).toBe(true);
  });

  it("merges a copy that left the subtitle out when year, first author and journal agree", () => {
    const main = "Adipose-derived stem cell exosomes reduce inflammation in a murine model of atopic dermatitis";
    const journal = { title: "Journal of Investigative Dermatology" };
    const full = makeArticle("a", { title: `${main}: a randomized, vehicle-controlled study`, year: 2021, authors: ["Park, J"], journal });
    const crossref = makeArticle("b", { title: main, year: 2021, authors: ["Park J"], journal: { title: "J Invest Dermatol" } });
    const { decisions } = dedupeRecords([full, crossref], linked);
    expect(decisions.find((d) => d.role === "duplicate")?.rule).toBe("maintitle+year+author+journal");
    // One agreeing field besides the year is not enough, nor is a short main title.
    expect(merged([full, makeArticle("c", { title: main, year: 2021, authors: ["Park J"] })])).toBe(false);
    const short = makeArticle("d", { title: "Exosomes in dermatology: a review", year: 2021, authors: ["Park, J"], journal });
    expect(merged([short, makeArticle("e", { title: "Exosomes in dermatology", year: 2021, authors: ["Park J"], journal })])).toBe(false);
  });

  it("does not merge parts of a series numbered in words", () => {
    const base = "Exosomes in dermatology, part one: biology, isolation and characterisation for clinicians";
    const a = makeArticle("a", { title: base, year: 2021, authors: ["Park, J"], journal: { title: "J Am Acad Dermatol" } });
    const b = makeArticle("b", { title: base.replace("part one", "part two"), year: 2021, authors: ["Park J"], journal: { title: "J Am Acad Dermatol" } });
    expect(merged([a, b])).toBe(false);
  });

  it("does not merge an extension study with the trial it extends, same journal and year", () => {
    // Titles from the acne review export (reflib-pubmed-blue-light-acne.nbib, PMIDs 27575854 and 29152718).
    const trial = "A multicenter, randomized, split-face clinical trial evaluating the efficacy and safety of chromophore gel-assisted blue light phototherapy for the treatment of acne";
    const a = makeArticle("a", { title: trial, year: 2016, journal: { title: "Int J Dermatol" } });
    const b = makeArticle("b", { title: `An extension of a ${trial.slice(2)}`, year: 2016, journal: { title: "Int J Dermatol" } });
    expect(merged([a, b])).toBe(false);
  });

  it("does not merge a trial's protocol, interim or follow-up report with its results paper", () => {
    // Constructed titles in the pattern of trial reports: same trial name, first author and journal, a year apart.
    const trial = "Topical adipose stem cell exosomes after fractional laser for atrophic acne scars";
    const results = makeArticle("a", { title: `${trial}: a randomised controlled trial`, year: 2023, authors: ["Kwon, H"], journal: { title: "Trials" } });
    for (const report of ["study protocol for a randomised controlled trial", "one-year follow-up of a randomised controlled trial", "interim analysis of a randomised controlled trial", "a post hoc analysis of a randomised controlled trial"]) {
      const other = makeArticle("b", { title: `${trial}: ${report}`, year: 2022, authors: ["Kwon H"], journal: { title: "Trials" } });
      expect(merged([results, other])).toBe(false);
    }
    // The same protocol paper from two databases is still one work.
    const protocol = `${trial}: study protocol for a randomised controlled trial`;
    expect(merged([makeArticle("a", { title: protocol, year: 2022, authors: ["Kwon, H"] }), makeArticle("b", { title: protocol.toUpperCase(), year: 2022, authors: ["Kwon H"] })])).toBe(true);
  });

  it("reads a journal's name before the title ('<journal>: <title>', as Scribd shows uploads) as a label, not as another work", () => {
    const title = "Topical umbilical cord stem cell exosomes after fractional laser for post-inflammatory hyperpigmentation";
    const upload = makeArticle("scribd:1", { title: `Dermatology and Therapy: ${title}`, abstract: ABSTRACT });
    const published = makeArticle("crossref:1", { title, abstract: ABSTRACT, year: 2024, journal: { title: "Dermatology and Therapy" } });
    expect(merged([upload, published])).toBe(true);
    // Words in front that name no journal of the pair still make another work.
    const commentary = makeArticle("scribd:2", { title: `Commentary: ${title}`, year: 2024, journal: { title: "Dermatology and Therapy" } });
    expect(merged([commentary, makeArticle("crossref:2", { title, year: 2024, journal: { title: "Dermatology and Therapy" } })])).toBe(false);
  });

  it("does not merge two works sharing a title of a few words on year and journal alone, but merges a copy with two fields agreeing", () => {
    const review = makeArticle("a", { title: "Exosomes in Dermatology", year: 2024, journal: { title: "Journal of Cosmetic Dermatology" }, authors: ["Smith, A"] });
    const letter = makeArticle("b", { title: "Exosomes in dermatology.", year: 2024, journal: { title: "J Cosmet Dermatol" } });
    const copy = makeArticle("c", { title: "Exosomes in dermatology", year: 2024, journal: { title: "J Cosmet Dermatol" }, authors: ["Smith A"] });
    expect(merged([review, letter])).toBe(false);
    expect(dedupeRecords([review, letter], linked).possible.map((p) => p.reason)).toEqual(["similar"]);
    expect(merged([review, copy])).toBe(true);
  });

  it("merges a long identical title with nothing else to compare, but not a short one", () => {
    expect(merged([makeArticle("a", { title: TITLE }), makeArticle("b", { title: TITLE.toLowerCase() })])).toBe(true);
    expect(merged([makeArticle("a", { title: "Exosomes in dermatology" }), makeArticle("b", { title: "Exosomes in dermatology" })])).toBe(false);
  });

  it("takes a journal name and its abbreviation in another language as one journal", () => {
    // SciELO and PubMed name the journal differently; the title is too short to match alone.
    const title = "Exosome facials in Brazilian dermatology practice";
    const scielo = makeArticle("scielo:1", { title, year: 2025, journal: { title: "Anais Brasileiros de Dermatologia" } });
    const pubmed = makeArticle("pubmed:1", { title: `${title}.`, year: 2024, journal: { title: "An Bras Dermatol" } });
    expect(merged([scielo, pubmed])).toBe(true);
  });

  it("merges a long title alone whose copy lost a space between two words, but not one with a word added", () => {
    const title = "Topical umbilical cord stem cell exosomes after fractional laser for post-inflammatory hyperpigmentation";
    expect(merged([makeArticle("a", { title }), makeArticle("b", { title: title.replace("cord stem", "cordstem") })])).toBe(true);
    expect(merged([makeArticle("a", { title }), makeArticle("b", { title: `Long-term ${title}` })])).toBe(false);
  });

  it("does not merge two records on a long identical title alone when their journals disagree, but lists them", () => {
    const title = "Mesenchymal stem cell-derived exosomes in cutaneous wound healing: a narrative review";
    const a = makeArticle("a", { title, year: 2023, journal: { title: "J Cosmet Dermatol" } });
    const b = makeArticle("b", { title, year: 2023, journal: { title: "Stem Cell Research & Therapy" } });
    const { decisions, possible } = dedupeRecords([a, b], linked);
    expect(decisions.every((d) => d.role === "kept")).toBe(true);
    expect(possible).toHaveLength(1);
    // The same journal written two ways is no disagreement.
    expect(merged([a, makeArticle("c", { title, year: 2023, journal: { title: "Journal of Cosmetic Dermatology" } })])).toBe(true);
  });

  it("merges a copy without a title by its abstract", () => {
    const a = makeArticle("a", { title: TITLE, abstract: ABSTRACT, year: 2022 });
    const b = makeArticle("b", { abstract: ABSTRACT.replace("Background: ", "") });
    const { decisions } = dedupeRecords([a, b], linked);
    expect(decisions.find((d) => d.recordId === "b")).toMatchObject({ role: "duplicate", rule: "abstract" });
  });

  it("merges a copy that starts mid-abstract by text between a 'P<0.05' and a 'P>0.05'", () => {
    const full =
      "Objective: to compare autologous platelet gel with and without umbilical cord exosomes on chronic diabetic foot wounds. " +
      "Methods: ninety patients were allocated to three groups and followed for twelve weeks with wound area, granulation and " +
      "infection scores recorded every fortnight by blinded assessors. Results: wound area fell faster with exosomes (P<0.05), " +
      "granulation scores were higher at every visit, infection rates were similar between the exosome and gel-only groups, and " +
      "pain scores did not differ at the end of treatment (P>0.05). Conclusion: exosomes added to platelet gel shortened healing.";
    const a = makeArticle("a", { title: "Umbilical cord exosomes with platelet gel for diabetic foot wounds", abstract: full, year: 2022 });
    const b = makeArticle("b", { abstract: full.slice(full.indexOf("Results:"), full.indexOf("(P>0.05)")) });
    expect(merged([a, b])).toBe(true);
  });

  it("merges a copy scraped under another headline by its abstract, the same text, with the year or journal agreeing", () => {
    const article = makeArticle("a", { title: TITLE, abstract: ABSTRACT, year: 2022, journal: { title: "Aesthetic Surgery Journal" } });
    const blog = makeArticle("b", { title: "Platelet exosome creams: what the evidence says", abstract: ABSTRACT, year: 2022, journal: { title: "Aesthet Surg J" } });
    const { decisions } = dedupeRecords([article, blog], linked);
    expect(decisions.find((d) => d.recordId === "b")).toMatchObject({ role: "duplicate", rule: "abstract+year+journal" });
    // Nothing else agreeing, or an opening two papers share, is not enough.
    expect(merged([article, makeArticle("c", { title: "Platelet exosome creams: what the evidence says", abstract: ABSTRACT })])).toBe(false);
    const opening = ABSTRACT.split(" ").slice(0, 36).join(" ");
    const other = makeArticle("d", { title: "Platelet lysate serum for photoaged skin: a pilot study", abstract: `${opening} Different methods and results follow here.`, year: 2022 });
    expect(merged([makeArticle("e", { title: TITLE, abstract: opening, year: 2022 }), other])).toBe(false);
  });

  it("finds a copy whose title no other record shares by its abstract (a page title in another language)", () => {
    const article = makeArticle("a", { title: TITLE, abstract: ABSTRACT, year: 2022, journal: { title: "Aesthetic Surgery Journal" } });
    const page = makeArticle("b", { title: "Thrombozyten-Exosomen in der Hautpflege", abstract: ABSTRACT, year: 2022, journal: { title: "Aesthet Surg J" } });
    const others = [1, 2, 3].map((i) => makeArticle(`c${i}`, { title: `${TITLE} (part ${i})`, year: 2022 }));
    const { decisions } = dedupeRecords([article, page, ...others], linked);
    expect(decisions.find((d) => d.recordId === "b")).toMatchObject({ role: "duplicate", clusterId: "a", rule: "abstract+year+journal" });
  });

  it("does not merge records with different DOIs, but lists a close pair as a possible duplicate", () => {
    const a = makeArticle("a", { title: TITLE, doi: "10.1093/asj/sjac149", year: 2022 });
    const b = makeArticle("b", { title: TITLE, doi: "10.1093/asj/sjac999", year: 2022 });
    const { decisions, possible } = dedupeRecords([a, b], linked);
    expect(decisions.every((d) => d.role === "kept")).toBe(true);
    expect(possible).toHaveLength(1);
    expect(possible[0]).toMatchObject({ recordIdA: "a", recordIdB: "b", reason: "different-ids" });
    expect(possible[0]!.fieldScores.title).toBe(1);
  });

  it("never chains two DOIs into one work through a copy that has none, and lists the refused match", () => {
    const a = makeArticle("a", { title: TITLE, doi: "10.1093/asj/sjac149", year: 2022, authors: ["Proffer, S"] });
    const c = makeArticle("c", { title: TITLE, year: 2022, authors: ["Proffer, S"] });
    const b = makeArticle("b", { title: TITLE, doi: "10.1093/asj/sjac999", year: 2022, authors: ["Proffer, S"] });
    const { decisions, possible } = dedupeRecords([a, b, c], linked);
    expect(decisions.map((d) => [d.recordId, d.clusterId])).toEqual([["a", "a"], ["b", "b"], ["c", "a"]]);
    // b-c is a match refused for joining the two DOIs, so its reason is theirs too.
    expect(possible.map((p) => [p.recordIdA, p.recordIdB, p.reason])).toEqual([
      ["a", "b", "different-ids"],
      ["b", "c", "different-ids"],
    ]);
  });

  it("compares a number of pairs that grows with the records, not with their square", () => {
    const words = "acne scar wound burn psoriasis vitiligo melasma alopecia rosacea keloid eczema ulcer aging wrinkle".split(" ");
    const build = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        recordFeatures(
          makeArticle(`r${i}`, {
            title: `${words[i % 14]} ${words[(i * 7) % 13]} exosome study number ${i} cohort ${words[(i * 3) % 11]}`,
            year: 2000 + (i % 25),
          }),
          i,
        ),
      );
    const small = candidatePairs(build(2000)).pairs.length;
    const large = candidatePairs(build(8000)).pairs.length;
    // Four times the records: about four times the pairs (all pairs would be sixteen times).
    expect(large / small).toBeLessThan(5);
    expect(large).toBeLessThan(8000 * 8000 / 2 / 50);
  });
});
