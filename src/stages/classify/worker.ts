import { compileRules } from "./compile.js";
import type { CompiledRules } from "./compile.js";
import { classifyPage } from "./page.js";
import type { ClassifiedPage } from "./page.js";
import type { Vocabulary } from "./vocab-schema.js";

/** The classify stage's module for src/parallel/pool.ts: one page of records, on a worker thread or inline. */

export interface ClassifyTask {
  rulesVersion: string;
  /**
   * The Vocabulary as JSON, read only by a thread that has not compiled this rulesVersion yet: a string
   * is copied to the thread with each task in a fraction of the time the object itself would take.
   */
  vocabulary: string;
  rows: string[];
}

// Compiled once per thread for each vocabulary (its rulesVersion is a hash of the files' content).
let compiled: CompiledRules | null = null;

export default function classifyTask({ rulesVersion, vocabulary, rows }: ClassifyTask): ClassifiedPage {
  if (compiled?.rulesVersion !== rulesVersion) compiled = compileRules(JSON.parse(vocabulary) as Vocabulary);
  return classifyPage(rows, compiled);
}
