import type { DedupeDecision } from "../../model/dedupe.js";
import type { Stage, StageContext, StageOutcome } from "../../pipeline/context.js";
import type { Db } from "../../store/open.js";
import { dedupeFeatures } from "./core.js";
import { saveDedupe } from "./save.js";
import { storedFeatures } from "./stored.js";

export { dedupeRecords } from "./core.js";
export type { DedupeOptions, DedupeResult } from "./core.js";

function countOutcome(records: number, decisions: readonly DedupeDecision[], possible: number): Record<string, number> {
  return {
    records,
    clusters: new Set(decisions.map((d) => d.clusterId)).size,
    duplicates: decisions.filter((d) => d.role === "duplicate").length,
    versions: decisions.filter((d) => d.role === "version").length,
    notices: decisions.filter((d) => d.notice !== null).length,
    retracted: decisions.filter((d) => d.retracted).length,
    possible,
  };
}

/** Dedupe stage: every stored, non-deleted record gets a verdict; deleted records get none. */
export const dedupeStage: Stage = async (ctx: StageContext): Promise<StageOutcome> => {
  const features = await storedFeatures(ctx.db);
  ctx.progress.start("dedupe", features.length);
  const { decisions, possible, largeBlocks } = dedupeFeatures(features, ctx.config.dedupe);
  saveDedupe(ctx.db, decisions, possible);
  ctx.progress.advance("dedupe", features.length);
  ctx.progress.stop("dedupe");
  const counts = countOutcome(features.length, decisions, possible.length);
  ctx.logger.debug({ stage: "dedupe", ...counts, largeBlocks }, "dedupe finished");
  return { counts, warnings: [] };
};
