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
 * The accuracy section of summary.md: the labelled articles classified with the rules as they are now.
 * For a large store the report stage runs it on its thread beside the main one (aside-worker.ts).
 */
export function measureAccuracyOf(task: AccuracyTask): string {
  return accuracyMarkdown(evalClassify(task.goldText, compileRules(loadVocabulary(task.vocabDir))), task.goldFile);
}
