import { compileRules, loadVocabulary } from "../../src/stages/classify/index.js";
import type { CompiledRules } from "../../src/stages/classify/index.js";
import { emptyArticle } from "../../src/model/article.js";
import type { Article } from "../../src/model/article.js";

/** The project's own vocabulary, compiled once per test file. */
let cached: CompiledRules | null = null;
export function projectRules(): CompiledRules {
  cached ??= compileRules(loadVocabulary("data/vocab"));
  return cached;
}

export function makeArticle(recordId: string, overrides: Partial<Article> = {}): Article {
  const a = emptyArticle(recordId, { database: "pubmed", file: null, ownId: recordId, importedAt: "2026-01-01T00:00:00Z" });
  const merged = { ...a, pmid: recordId, ...overrides };
  if (overrides.abstract && !overrides.abstractSections) merged.abstractSections = [{ label: null, nlmCategory: null, text: overrides.abstract }];
  return merged;
}
