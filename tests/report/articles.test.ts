import { describe, expect, it } from "vitest";
import { articleRow, inTaxonomyOrder } from "../../src/stages/report/articles.js";
import { CONDITIONS } from "../../src/model/taxonomy.js";
import { buildViews, compareRecordIds } from "../../src/stages/report/view.js";
import { makeArticle, makeClassification, makeDecision, makeRecord } from "./builders.js";
import { tagsCsvChunks } from "../../src/stages/report/tables.js";

function row(article = makeArticle("1"), classification = makeClassification("1")) {
  return articleRow(buildViews([makeRecord(article, classification)])[0]!);
}

describe("articles.csv rows", () => {
  it("links to PubMed, else to the DOI, else nothing", () => {
    expect(row().url).toBe("https://pubmed.ncbi.nlm.nih.gov/1/");
    expect(row(makeArticle("scopus:9", { doi: "10.1/x" })).url).toBe("https://doi.org/10.1/x");
    expect(row(makeArticle("scopus:9")).url).toBeNull();
  });

  it("lists labels in taxonomy order whatever order the classifier gave", () => {
    expect(inTaxonomyOrder(["acne", "skin-aging", "acne", "scar"], CONDITIONS)).toEqual(["skin-aging", "scar", "acne"]);
    expect(row(makeArticle("1"), makeClassification("1", { conditions: ["acne", "skin-aging"] })).conditions).toBe("skin-aging; acne");
  });

  it("names authors by last name and initials, group authors by their name", () => {
    const authors = [
      { lastName: "Kim", foreName: "Min-Ji", initials: null, suffix: null, collectiveName: null, orcid: null, affiliations: [] },
      { lastName: null, foreName: null, initials: null, suffix: null, collectiveName: "EV Skin Consortium", orcid: null, affiliations: [] },
    ];
    const r = row(makeArticle("1", { authors }));
    expect(r.first_author).toBe("Kim MJ");
    expect(r.authors).toBe("Kim MJ; EV Skin Consortium");
  });

  it("ends the authors of a list the source cut short with et al. (PubMed CompleteYN=\"N\"); the first author stays a name", () => {
    const authors = [{ lastName: "Kim", foreName: "Min-Ji", initials: "MJ", suffix: null, collectiveName: null, orcid: null, affiliations: [] }];
    const cut = row(makeArticle("1", { authors, authorListComplete: false }));
    expect([cut.first_author, cut.authors]).toEqual(["Kim MJ", "Kim MJ; et al."]);
    expect(row(makeArticle("1", { authors, authorListComplete: true })).authors).toBe("Kim MJ");
    expect(row(makeArticle("1", { authors, authorListComplete: null })).authors).toBe("Kim MJ");
  });

  it("leaves classification columns empty for an unclassified record", () => {
    const r = articleRow(buildViews([makeRecord(makeArticle("1"), null)])[0]!);
    expect(r).toMatchObject({ design: null, conditions: null, included: false, exclusion_reason: "unclassified" });
  });

  it("orders PMIDs by number, then other record ids", () => {
    expect(["hash:1", "9", "embase:2", "10", "100"].sort(compareRecordIds)).toEqual(["9", "10", "100", "embase:2", "hash:1"]);
  });

  it("writes confidences and dedupe scores to four decimals, not as binary fractions (0.68, not 0.6799999999999999)", () => {
    const noisy = 0.1 + 0.58;
    expect(noisy).not.toBe(0.68);
    const classification = makeClassification("1", { designConfidence: noisy });
    classification.labels[0]!.confidence = noisy;
    const record = makeRecord(makeArticle("1"), classification, makeDecision("1", { score: 0.8297872340425532 }));
    const view = buildViews([record])[0]!;
    expect(articleRow(view)).toMatchObject({ design_confidence: 0.68, dedupe_score: 0.8298 });
    const tags = [...tagsCsvChunks([view], { bom: false })].join("").split("\r\n")[1]!.split(",");
    expect(tags[4]).toBe("0.68");
  });

  it("gives each matched text once, with every rule that matched it (a publication type matches several design rules)", () => {
    const designEvidence = [
      { rule: "rct:randomized-trial", field: "publication_types", text: "randomized controlled trial" },
      { rule: "rct:random-allocation", field: "publication_types", text: "randomized controlled trial" },
      { rule: "rct:randomized-trial", field: "title", text: "randomized split face study" },
      { rule: "rct:random-allocation", field: "publication_types", text: "randomized controlled trial" },
    ];
    expect(row(makeArticle("1"), makeClassification("1", { designEvidence })).design_evidence).toBe(
      'rct:randomized-trial, rct:random-allocation [publication_types]: "randomized controlled trial"; rct:randomized-trial [title]: "randomized split face study"',
    );
  });
});
