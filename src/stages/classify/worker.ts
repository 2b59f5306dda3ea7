import { compileRules } from "./compile.js";
import type { CompiledRules } from "./compile.js";
import { classifyPage } from "./page.js";
import type { ClassifiedPage } from "./page.js";
import type { Vocabulary } from "./vocab-schema.js";

/** The classify stage's module for src/parallel/pool.ts: one page of records, on a worker thread or inline. */

export interface ClassifyTask {
  vocabulary: Vocabulary;
  rows: string[];
}

// Compiled once per thread for each vocabulary (its rulesVersion is a hash of the files' content).
let compiled: CompiledRules | null = null;

export default function classifyTask({ vocabulary, rows }: ClassifyTask): ClassifiedPage {
  if (compiled?.rulesVersion !== vocabulary.rulesVersion) compiled = compileRules(vocabulary);
  return classifyPage(rows, compiled);
}
