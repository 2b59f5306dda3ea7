import type { Stage, StageName } from "./context.js";
import { searchStage } from "../stages/search/index.js";
import { fetchStage } from "../stages/fetch/index.js";
import { parseStage } from "../stages/parse/index.js";
import { dedupeStage } from "../stages/dedupe/index.js";
import { classifyStage } from "../stages/classify/index.js";
import { reportStage } from "../stages/report/index.js";

export const STAGE_IMPLEMENTATIONS: Record<StageName, Stage> = {
  search: searchStage,
  fetch: fetchStage,
  parse: parseStage,
  dedupe: dedupeStage,
  classify: classifyStage,
  report: reportStage,
};
