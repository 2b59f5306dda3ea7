import { readFileSync } from "node:fs";
import { LitreviewError } from "../errors.js";
import type { StageName } from "../pipeline/context.js";
import { compileRules } from "../stages/classify/compile.js";
import { parseGold } from "../stages/classify/gold.js";
import { loadVocabulary } from "../stages/classify/vocabulary.js";
import type { PipelineConfig } from "./pipeline.js";

/**
 * Checks the files the pipeline names for the stages to run, before the run locks or changes the store:
 * the vocabulary (loaded and compiled) for classify and report, the labelled articles (evaluation.gold)
 * for report. A mistake is a configuration error naming the file and field.
 */
export function checkPipelineFiles(config: PipelineConfig, stages: readonly StageName[]): void {
  const reports = stages.includes("report");
  if (!reports && !stages.includes("classify")) return;
  compileRules(loadVocabulary(config.vocab));
  const gold = config.evaluation.gold;
  if (reports && gold) checkGold(config.file, gold);
}

function checkGold(pipelineFile: string, gold: string): void {
  const field = `${pipelineFile}: evaluation.gold`;
  let text: string;
  try {
    text = readFileSync(gold, "utf8");
  } catch (cause) {
    throw new LitreviewError("CONFIG", `${field}: cannot read ${gold}: ${(cause as Error).message}`, { cause });
  }
  try {
    parseGold(text, gold);
  } catch (cause) {
    throw new LitreviewError("CONFIG", `${field}: ${(cause as Error).message}`, { cause });
  }
}
