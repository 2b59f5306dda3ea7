import { readFileSync } from "node:fs";
import type { PipelineConfig } from "../../config/pipeline.js";
import { LitreviewError } from "../../errors.js";
import { evalClassify } from "../classify/eval.js";
import { compileRules } from "../classify/compile.js";
import { loadVocabulary } from "../classify/vocabulary.js";
import { accuracyMarkdown } from "./summary/measured-accuracy.js";

/** What measuring the classifiers' accuracy needs: the labelled articles and where the rules are. */
export interface AccuracyTask {
  goldText: string;
  goldFile: string;
  vocabDir: string;
}

/**
 * What measuring the classifiers' accuracy needs: the pipeline's labelled articles, so that the figure in
 * summary.md is measured with the rules this run used and never goes stale; null when the pipeline names
 * no gold file.
 */
export function accuracyTask(config: PipelineConfig): AccuracyTask | null {
  const gold = config.evaluation.gold;
  if (!gold) return null;
  try {
    return { goldText: readFileSync(gold, "utf8"), goldFile: gold, vocabDir: config.vocab };
  } catch (cause) {
    throw new LitreviewError("CONFIG", `${config.file}: evaluation.gold: cannot read ${gold}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * The accuracy section of summary.md: the labelled articles classified with the rules as they are now.
 * For a large store the report stage runs it on its thread beside the main one (aside-worker.ts).
 */
export function measureAccuracyOf(task: AccuracyTask): string {
  return accuracyMarkdown(evalClassify(task.goldText, compileRules(loadVocabulary(task.vocabDir)), task.goldFile), task.goldFile);
}
