import type { Stage, StageContext } from "../../pipeline/context.js";
import { createPool, mapOrdered, threadsPayFor } from "../../parallel/pool.js";
import type { Db } from "../../store/open.js";
import { countLiveRecords } from "../../store/records.js";
import { inputPages } from "./input.js";
import type { ClassifiedPage } from "./page.js";
import { loadVocabulary } from "./vocabulary.js";
import type { Vocabulary } from "./vocab-schema.js";
import type { ClassifyTask } from "./worker.js";

export { classifyArticle } from "./classify.js";
export { compileRules } from "./compile.js";
export type { CompiledRules } from "./compile.js";
export { loadVocabulary, buildVocabulary } from "./vocabulary.js";
export type { Vocabulary } from "./vocab-schema.js";

/** Records per task of the worker pool and per transaction: small tasks keep the threads' heaps small. */
const BATCH = 125;

/** Stores a page of classifications in one transaction, with one statement prepared for the whole run. */
function batchSaver(db: Db, rulesVersion: string, now: string): (page: ClassifiedPage) => void {
  const stmt = db.prepare(
    `INSERT INTO classifications (record_id, result, rules_version, classified_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(record_id) DO UPDATE SET result = excluded.result, rules_version = excluded.rules_version,
       classified_at = excluded.classified_at`,
  );
  return db.transaction((page: ClassifiedPage) => {
    for (let i = 0; i < page.results.length; i++) stmt.run(page.recordIds[i], page.results[i], rulesVersion, now);
  });
}

export interface ClassifyCounts {
  classified: number;
  uncertain: number;
  about_exosomes: number;
  about_skin: number;
}

export interface ClassifyStoreOptions {
  /** Told the number of records to classify before the first is done. */
  onStart?: (total: number) => void;
  onProgress?: (done: number) => void;
  /** As for createPool; by default threadCount() when there are enough records to pay their start-up, else 1. */
  threads?: number;
}

/**
 * Classifies every stored, non-deleted record with `vocabulary` and stores the results, one transaction
 * per page. Pages are classified on worker threads when there are enough records, and stored in
 * record_id order either way.
 */
export async function classifyStore(db: Db, vocabulary: Vocabulary, now: string, options: ClassifyStoreOptions = {}): Promise<ClassifyCounts> {
  const counts = { classified: 0, uncertain: 0, about_exosomes: 0, about_skin: 0 };
  const live = countLiveRecords(db);
  options.onStart?.(live);
  const pool = createPool<ClassifyTask, ClassifiedPage>(new URL("./worker.ts", import.meta.url), {
    threads: options.threads ?? (threadsPayFor(live) ? undefined : 1),
  });
  const saveBatch = batchSaver(db, vocabulary.rulesVersion, now);
  try {
    const task = { rulesVersion: vocabulary.rulesVersion, vocabulary: JSON.stringify(vocabulary) };
    const tasks = (function* () {
      for (const rows of inputPages(db, BATCH)) yield { ...task, rows };
    })();
    for await (const page of mapOrdered(pool, tasks)) {
      counts.uncertain += page.uncertain;
      counts.about_exosomes += page.aboutExosomes;
      counts.about_skin += page.aboutSkin;
      saveBatch(page);
      counts.classified += page.results.length;
      options.onProgress?.(counts.classified);
    }
  } finally {
    await pool.close();
  }
  // Deleted records keep no classification: they are tombstones.
  db.prepare("DELETE FROM classifications WHERE record_id IN (SELECT record_id FROM records WHERE deleted = 1)").run();
  return counts;
}

export const classifyStage: Stage = async (ctx: StageContext) => {
  const vocabulary = loadVocabulary(ctx.config.vocab);
  const counts = await classifyStore(ctx.db, vocabulary, ctx.clock().toISOString(), {
    onStart: (total) => ctx.progress.start("classify", total),
    onProgress: (done) => ctx.progress.advance("classify", done),
  });
  ctx.progress.stop("classify");
  ctx.logger.debug({ stage: "classify", rulesVersion: vocabulary.rulesVersion, ...counts }, "classified");
  const warnings = counts.uncertain > 0 ? [`the rules could not decide the design of ${counts.uncertain} record(s); they are marked uncertain`] : [];
  return { counts: { ...counts }, warnings };
};
