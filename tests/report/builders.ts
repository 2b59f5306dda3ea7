import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { emptyArticle } from "../../src/model/article.js";
import type { Article } from "../../src/model/article.js";
import type { Classification, Label } from "../../src/model/classification.js";
import type { DedupeDecision } from "../../src/model/dedupe.js";
import { DESIGN_INFO } from "../../src/model/taxonomy.js";
import type { ClaimId, ConditionId, DesignId, ExosomeSourceId } from "../../src/model/taxonomy.js";
import type { ReportInput, ReportRecord } from "../../src/stages/report/types.js";

export const NOW = "2026-03-01T10:00:00.000Z";

export function makeArticle(recordId: string, overrides: Partial<Article> = {}): Article {
  const pmid = /^\d+$/.test(recordId) ? recordId : null;
  const base = emptyArticle(recordId, { database: "pubmed", file: null, ownId: pmid, importedAt: NOW });
  return { ...base, pmid, title: `Article ${recordId}`, ...overrides };
}

export function makeClassification(recordId: string, overrides: Partial<Classification> = {}): Classification {
  const design: DesignId = overrides.design ?? "review";
  const conditions: ConditionId[] = overrides.conditions ?? ["wound-healing"];
  const sources: ExosomeSourceId[] = overrides.exosomeSources ?? ["msc"];
  const claims: ClaimId[] = overrides.claims ?? [];
  const labels: Label[] = [
    { dimension: "design", label: design, confidence: 0.9, evidence: [{ rule: `design:${design}`, field: "title", text: design }] },
    ...conditions.map((c) => ({ dimension: "condition" as const, label: c, confidence: 0.8, evidence: [{ rule: `condition:${c}`, field: "abstract", text: c }] })),
    ...sources.map((s) => ({ dimension: "source" as const, label: s, confidence: 0.7, evidence: [{ rule: `source:${s}`, field: "abstract", text: s }] })),
    ...claims.map((c) => ({ dimension: "claim" as const, label: c, confidence: 0.6, evidence: [{ rule: `claim:${c}`, field: "abstract:RESULTS", text: c }] })),
  ];
  return {
    recordId,
    design,
    designGroup: DESIGN_INFO[design].group,
    evidenceLevel: DESIGN_INFO[design].evidenceLevel,
    designConfidence: 0.9,
    designUncertain: false,
    designEvidence: [{ rule: `design:${design}`, field: "title", text: design }],
    conditions,
    exosomeSources: sources,
    claims,
    aboutExosomes: !sources.includes("not-exosome"),
    aboutSkin: !(conditions.length > 0 && conditions.every((c) => c === "not-skin")),
    participants: null,
    followupWeeks: null,
    labels,
    rulesVersion: "test-1",
    ...overrides,
  };
}

export function makeDecision(recordId: string, overrides: Partial<DedupeDecision> = {}): DedupeDecision {
  return {
    recordId,
    clusterId: recordId,
    keptRecordId: recordId,
    role: "kept",
    rule: null,
    score: null,
    notice: null,
    concerns: null,
    retracted: false,
    ...overrides,
  };
}

export function makeRecord(article: Article, classification: Classification | null, decision: DedupeDecision | null = null): ReportRecord {
  return { article, deleted: false, firstSeen: NOW, decision: decision ?? makeDecision(article.recordId), classification };
}

interface CorpusLine {
  pmid: string;
  doi: string | null;
  title: string;
  journal: string | null;
  year: number | null;
  publication_type: string | null;
  abstract: string | null;
  design: DesignId;
  conditions: ConditionId[];
  exosome_source: ExosomeSourceId[];
  is_exosome_topic: boolean;
}

/** Real articles (tests/fixtures/report/dev-sample.jsonl) with their human labels standing in for the classifier's. */
export function corpusRecords(): ReportRecord[] {
  const file = fileURLToPath(new URL("../fixtures/report/dev-sample.jsonl", import.meta.url));
  const lines = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as CorpusLine);
  return lines.map((l, i) => {
    const article = makeArticle(l.pmid, {
      doi: l.doi,
      title: l.title,
      abstract: l.abstract,
      journal: { title: l.journal, isoAbbreviation: null, issn: null, volume: null, issue: null, pages: null },
      pubDate: { raw: l.year === null ? null : String(l.year), year: l.year, month: null, day: null, source: l.year === null ? null : "PubDate" },
      authors: [{ lastName: `Author${i}`, foreName: "Min Ji", initials: null, suffix: null, collectiveName: null, orcid: null, affiliations: [] }],
      publicationTypes: l.publication_type ? [l.publication_type] : ["Journal Article"],
    });
    const claims: ClaimId[] = l.design === "rct" ? ["scar-remodelling", "safety"] : l.conditions.includes("skin-aging") ? ["wrinkles"] : ["wound-closure"];
    const classification = makeClassification(l.pmid, {
      design: l.design,
      conditions: l.conditions,
      exosomeSources: l.exosome_source,
      claims,
      aboutExosomes: l.is_exosome_topic,
      ...(l.design === "rct" ? { participants: 25, followupWeeks: 12 } : {}),
    });
    return makeRecord(article, classification);
  });
}

export const LONG_TEXT = "Exosomes, \"EVs\" and more. ".repeat(1500);

/** Hand-made records for the cases real data rarely has together: every exclusion reason and hostile text. */
export function edgeRecords(): ReportRecord[] {
  const hostile = makeArticle("40000001", {
    title: '=HYPERLINK("http://evil.example","click") and "quoted", with commas',
    abstract: `BACKGROUND: TNF-α and IL-1β fell;\nline two\r\nline three. ${LONG_TEXT}`,
    authors: [{ lastName: "Ødegård", foreName: "Åse", initials: "Å", suffix: null, collectiveName: null, orcid: null, affiliations: [] }],
    keywords: ["-2 log units"],
    journal: { title: "+Journal of Tests", isoAbbreviation: "J Tests", issn: null, volume: null, issue: null, pages: null },
    pubDate: { raw: "2024", year: 2024, month: null, day: null, source: "PubDate" },
  });
  const duplicate = makeArticle("embase:L2000001", {
    pmid: null,
    doi: "10.1000/dup.1",
    title: "@Embase copy of an article",
    source: { database: "embase", file: "exports/embase.ris", ownId: "L2000001", importedAt: NOW },
  });
  const notice = makeArticle("40000003", { title: "Erratum: exosome paper", publicationTypes: ["Published Erratum"] });
  const retracted = makeArticle("40000004", {
    title: "Retracted exosome trial",
    publicationTypes: ["Journal Article", "Retracted Publication"],
    pubDate: { raw: "2022", year: 2022, month: null, day: null, source: "PubDate" },
  });
  const deleted = makeArticle("40000005", { title: "Deleted by PubMed" });
  const unclassified = makeArticle("hash:abc123", { pmid: null, doi: "10.1000/unclassified", title: "\tTab-led title" });
  return [
    makeRecord(hostile, makeClassification("40000001", { design: "in-vitro", conditions: ["skin-aging"], claims: ["anti-inflammation"] })),
    makeRecord(duplicate, makeClassification("embase:L2000001"), makeDecision("embase:L2000001", { role: "duplicate", clusterId: "33073298", keptRecordId: "33073298", rule: "doi", score: 1 })),
    makeRecord(notice, makeClassification("40000003"), makeDecision("40000003", { notice: "erratum", concerns: "33073298" })),
    makeRecord(retracted, makeClassification("40000004", { design: "rct" }), makeDecision("40000004", { retracted: true })),
    { ...makeRecord(deleted, makeClassification("40000005")), deleted: true },
    makeRecord(unclassified, null, null),
  ];
}

export function makeInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    pipeline: {
      name: "exosome-dermatology",
      title: "Exosomes in skincare: breakthrough or buzzword?",
      question: "What evidence is there that exosomes help skin?",
      queryText: '("exosomes"[MeSH Terms] OR exosome*[tiab]) AND (skin[tiab] OR dermatol*[tiab])',
    },
    runDate: "2026-03-01",
    records: [...corpusRecords(), ...edgeRecords()],
    searches: [
      {
        searchId: 1,
        runId: 1,
        database: "pubmed",
        baseTerm: '("exosomes"[MeSH Terms] OR exosome*[tiab]) AND (skin[tiab] OR dermatol*[tiab])',
        term: '(...) AND ("1800/01/01"[crdt] : "2026/03/01"[crdt])',
        queryTranslation: '"exosomes"[MeSH Terms] OR "exosome*"[tiab]',
        windowFrom: null,
        windowTo: "2026/03/01",
        count: 12,
        retrieved: 12,
        warnings: ["PhraseIgnored: of"],
        searchedAt: "2026-03-01T09:59:00.000Z",
      },
    ],
    imports: [{ database: "embase", file: "exports/embase.ris", importedOn: "2026-03-01", records: 1 }],
    retrieval: { searched: 12, received: 11, unavailable: ["40000099"] },
    possibleDuplicates: [
      { recordIdA: "29996938", recordIdB: "32164386", score: 0.88, fieldScores: { title: 0.88, year: 0, author: null }, reason: "different-ids" },
    ],
    pairReasons: [{ reason: "different-ids", pairs: 1 }],
    previous: {
      runId: 1,
      date: "2026-02-22T06:00:00.000Z",
      rows: [
        { recordId: "33073298", included: true, design: "clinical-nonrandomized", conditions: ["acne", "scar"], retracted: false },
        { recordId: "40000004", included: true, design: "rct", conditions: ["wound-healing"], retracted: false },
        { recordId: "29138430", included: true, design: "animal", conditions: ["alopecia"], retracted: false },
      ],
    },
    repeats: null,
    accuracy: "# Classifier accuracy\n\nDesign accuracy 0.91 on dev.jsonl (91 articles).",
    details: null,
    ...overrides,
  };
}
