import { describe, expect, it } from "vitest";
import { decideInclusion, EXCLUSION_ORDER } from "../../src/stages/report/inclusion.js";
import { makeArticle, makeClassification, makeDecision } from "./builders.js";

const about = makeClassification("1", { conditions: ["acne"], exosomeSources: ["msc"] });

describe("decideInclusion", () => {
  it("includes an article about exosomes and skin that is no notice, duplicate or retraction", () => {
    expect(decideInclusion({ article: makeArticle("1"), deleted: false }, makeDecision("1"), about)).toEqual({ included: true, exclusionReason: null });
  });

  it("excludes what is not about exosomes, or only about not-skin", () => {
    const article = makeArticle("1");
    const notExosome = makeClassification("1", { exosomeSources: ["not-exosome"] });
    const notSkin = makeClassification("1", { conditions: ["not-skin"] });
    expect(decideInclusion({ article, deleted: false }, null, notExosome).exclusionReason).toBe("not-exosome");
    expect(decideInclusion({ article, deleted: false }, null, notSkin).exclusionReason).toBe("not-skin");
  });

  it("keeps an article whose conditions include not-skin beside a skin condition", () => {
    const both = makeClassification("1", { conditions: ["not-skin", "wound-healing"] });
    expect(decideInclusion({ article: makeArticle("1"), deleted: false }, null, both).included).toBe(true);
  });

  it("trusts the classifier's relevance flags", () => {
    const flagged = makeClassification("1", { aboutExosomes: false });
    expect(decideInclusion({ article: makeArticle("1"), deleted: false }, null, flagged).exclusionReason).toBe("not-exosome");
  });

  it("gives one reason, the first in the stated order, when several apply", () => {
    const article = makeArticle("1", { publicationTypes: ["Retracted Publication"] });
    const all = makeDecision("1", { role: "duplicate", keptRecordId: "2", notice: "erratum", retracted: true });
    const offTopic = makeClassification("1", { exosomeSources: ["not-exosome"], conditions: ["not-skin"] });
    expect(decideInclusion({ article, deleted: true }, all, offTopic).exclusionReason).toBe("deleted");
    expect(decideInclusion({ article, deleted: false }, all, offTopic).exclusionReason).toBe("duplicate");
    expect(decideInclusion({ article, deleted: false }, { ...all, role: "kept" }, offTopic).exclusionReason).toBe("notice");
    expect(decideInclusion({ article, deleted: false }, { ...all, role: "kept", notice: null }, offTopic).exclusionReason).toBe("retracted");
    expect(EXCLUSION_ORDER).toEqual(["deleted", "duplicate", "notice", "retracted", "unclassified", "not-exosome", "not-skin"]);
  });

  it("counts a work once: a preprint linked to its published version is left out as a duplicate", () => {
    const version = makeDecision("1", { role: "version", keptRecordId: "2", rule: "preprint" });
    expect(decideInclusion({ article: makeArticle("1"), deleted: false }, version, about)).toEqual({ included: false, exclusionReason: "duplicate" });
  });

  it("sees retractions and notices in PubMed's own data when dedupe has not run", () => {
    const retracted = makeArticle("1", { commentsCorrections: [{ refType: "RetractionIn", pmid: "9", refSource: "J 2024" }] });
    const erratum = makeArticle("2", { publicationTypes: ["Published Erratum"] });
    expect(decideInclusion({ article: retracted, deleted: false }, null, about).exclusionReason).toBe("retracted");
    expect(decideInclusion({ article: erratum, deleted: false }, null, about).exclusionReason).toBe("notice");
  });

  it("says unclassified rather than guessing when there is no classification", () => {
    expect(decideInclusion({ article: makeArticle("1"), deleted: false }, null, null)).toEqual({ included: false, exclusionReason: "unclassified" });
  });
});
