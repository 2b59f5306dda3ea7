import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { abstractFeatures, shingleContainment } from "../../src/stages/dedupe/abstract.js";
import { comparePair } from "../../src/stages/dedupe/compare.js";
import { dedupeRecords } from "../../src/stages/dedupe/core.js";
import { recordFeatures } from "../../src/stages/dedupe/features.js";
import { withoutPageFurniture } from "../../src/stages/dedupe/furniture.js";
import { readGold } from "../../src/stages/dedupe/gold.js";
import type { Article } from "../../src/model/article.js";

// Copies of one work as public pages show them: tests/fixtures/dedupe/heldout-3.jsonl (see SOURCES.md).
const heldout = readGold(readFileSync(fileURLToPath(new URL("../fixtures/dedupe/heldout-3.jsonl", import.meta.url)), "utf8"));
const record = (id: string): Article => structuredClone(heldout.find((g) => g.article.recordId === id)!.article);
const verdict = (a: Article, b: Article) => comparePair(recordFeatures(a, 0), recordFeatures(b, 1));
const containment = (a: string, b: string): number => shingleContainment(abstractFeatures(a).shingles, abstractFeatures(b).shingles);

/** The abstract as PDF text: lines of eight words, a page's furniture after every second line. */
function asPdfText(abstract: string, furniture: string[]): string {
  const words = abstract.split(" ");
  const lines: string[] = [];
  for (let i = 0, k = 0; i < words.length; i += 8) {
    lines.push(words.slice(i, i + 8).join(" "));
    if ((i / 8) % 2 === 1) lines.push(furniture[k++ % furniture.length]!);
  }
  return lines.join("\n");
}

describe("abstracts with page furniture", () => {
  const clean = record("s3-15/1").abstract!;
  const furniture = [
    "NATURE COMMUNICATIONS | 6:7506 | DOI: 10.1038/ncomms8506 | www.nature.com/naturecommunications",
    "2",
    "Downloaded from https://academic.oup.com/bjd/article/190/3/1/7000000 by guest on 12 March 2024",
    "1 Institut Curie, PSL Research University, UMR144, CNRS, F-75248 Paris, France.",
    "& 2015 Macmillan Publishers Limited. All rights reserved.",
    "Page 3 of 8",
  ];

  it("reads an abstract broken by running heads, page numbers, download notices and addresses as the clean abstract", () => {
    const pdf = asPdfText(clean, furniture);
    expect(containment(pdf, clean)).toBe(1);
  });

  it("leaves a structured abstract's headings and a database's unbroken abstract as they are", () => {
    const structured = ["Purpose", "Exosomes regulate keratinocytes.", "Methods", "Plasma exosomes were added to cells.", "Results", "Apoptosis rose."].join("\n");
    expect(withoutPageFurniture(structured)).toBe(structured);
    expect(withoutPageFurniture(clean)).toBe(clean);
  });
});

describe("copies of a work under another headline", () => {
  it("merges an upload shown under its uploader's headline by its abstract when the first authors agree", () => {
    // Scribd: "Exosome Therapy for Hair Restoration Review", the abstract interleaved with the PDF's address column.
    const v = verdict(record("s3-03/1"), record("s3-03/3"));
    expect(v.rule).toBe("abstract+author");
  });

  it("does not take the same abstract under another headline for the work when the first authors differ", () => {
    const other = record("s3-03/1");
    other.authors = [{ ...other.authors[0]!, lastName: "Rapaport", foreName: "Jeffrey A." }];
    expect(verdict(other, record("s3-03/3")).rule).toBeNull();
  });

  it("leaves the same abstract under another title in another journal to a human (a poster and its article)", () => {
    const poster = record("s3-03/1");
    poster.journal.title = "Journal of Investigative Dermatology";
    const article = record("s3-03/3");
    article.journal.title = "Journal of Cosmetic Dermatology";
    const v = verdict(poster, article);
    expect(v.rule).toBeNull();
    expect(v.near).toBe(true);
  });

  it("finds such an upload among other works that share its headline's words", () => {
    const { decisions } = dedupeRecords(
      heldout.map((g) => g.article),
      { preprints: "linked" },
    );
    const cluster = (id: string): string => decisions.find((d) => d.recordId === id)!.clusterId;
    expect(cluster("s3-03/1")).toBe(cluster("s3-03/3"));
    expect(cluster("s3-03/1")).not.toBe(cluster("s3-L01/1"));
  });
});

describe("abstracts a site cut short", () => {
  it("takes a sentence-long abstract found word for word in the other as corroborating a near-identical title", () => {
    // docslib's PDF text lost "Face" from "Split-Face"; mdpi's page excerpt keeps 28 words of the abstract.
    const v = verdict(record("s3-12/1"), record("s3-12/2"));
    expect(v.rule).toBe("title+year+abstract");
  });

  it("does not take a short abstract of other words as corroborating, and lists the pair instead", () => {
    const other = record("s3-12/2");
    other.abstract = "Exosomes from adipose tissue stem cells were applied to melanocytes and to the skin of volunteers in a split-face study of brightening.";
    const v = verdict(record("s3-12/1"), other);
    expect(v.rule).toBeNull();
    expect(v.near).toBe(true);
  });
});
