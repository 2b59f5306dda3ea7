import type { Classification } from "../../model/classification.js";
import type { Stage, StageContext, StageOutcome } from "../../pipeline/context.js";
import type { Article } from "../../model/article.js";
import type { Db } from "../../store/open.js";
import { classifyArticle } from "./classify.js";
import { compileRules } from "./compile.js";
import type { CompiledRules } from "./compile.js";
import { loadVocabulary } from "./vocabulary.js";

export { classifyArticle } from "./classify.js";
export { compileRules } from "./compile.js";
export type { CompiledRules } from "./compile.js";
export { loadVocabulary, buildVocabulary } from "./vocabulary.js";
export type { Vocabulary } from "./vocab-schema.js";

const BATCH = 1000;

/** Stores a page of classifications in one transaction, with one statement prepared for the whole run. */
function batchSaver(db: Db, now: string): (batch: Classification[]) => void {
  const stmt = db.prepare(
    `INSERT INTO classifications (record_id, result, rules_version, classified_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(record_id) DO UPDATE SET result = excluded.result, rules_version = excluded.rules_version,
       classified_at = excluded.classified_at`,
  );
  return db.transaction((batch: Classification[]) => {
    for (const c of batch) stmt.run(c.recordId, JSON.stringify(c), c.rulesVersion, now);
  });
}

export interface ClassifyCounts {
  classified: number;
  uncertain: number;
  about_exosomes: number;
  about_skin: number;
}

/**
 * Live records in record_id order, a page at a time. Keyset pages rather than one open iterator
 * (store/records.ts iterateRecords): better-sqlite3 cannot write on a connection while a read
 * iterator is open, and holding every result until the end would grow with the store.
 */
function* livePages(db: Db, size: number): Generator<Article[]> {
  const stmt = db.prepare<[string, number], { record_id: string; article: string }>(
    "SELECT record_id, article FROM records WHERE deleted = 0 AND record_id > ? ORDER BY record_id LIMIT ?",
  );
  let after = "";
  for (;;) {
    const rows = stmt.all(after, size);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.record_id;
    yield rows.map((r) => JSON.parse(r.article) as Article);
  }
}

/** Classifies every stored, non-deleted record with `rules` and stores the results, one transaction per page. */
export function classifyStore(db: Db, rules: CompiledRules, now: string, onProgress: (done: number) => void = () => {}): ClassifyCounts {
  const counts = { classified: 0, uncertain: 0, about_exosomes: 0, about_skin: 0 };
  const saveBatch = batchSaver(db, now);
  for (const page of livePages(db, BATCH)) {
    const batch = page.map((a) => classifyArticle(a, rules));
    for (const c of batch) {
      if (c.designUncertain) counts.uncertain++;
      if (c.aboutExosomes) counts.about_exosomes++;
      if (c.aboutSkin) counts.about_skin++;
    }
    saveBatch(batch);
    counts.classified += batch.length;
    onProgress(counts.classified);
  }
  // Deleted records keep no classification: they are tombstones.
  db.prepare("DELETE FROM classifications WHERE record_id IN (SELECT record_id FROM records WHERE deleted = 1)").run();
  return counts;
}

export const classifyStage: Stage = async (ctx: StageContext) => {
  const vocab = loadVocabulary(ctx.config.vocab);
  const rules = compileRules(vocab);
  const total = (ctx.db.prepare("SELECT COUNT(*) AS n FROM records WHERE deleted = 0").get() as { n: number }).n;
  ctx.progress.start("classify", total);
  const counts = classifyStore(ctx.db, rules, ctx.clock().toISOString(), (done) => ctx.progress.advance("classify", done));
  ctx.progress.stop("classify");
  ctx.logger.debug({ stage: "classify", rulesVersion: rules.rulesVersion, ...counts }, "classified");
  const warnings = counts.uncertain > 0 ? [`the rules could not decide the design of ${counts.uncertain} record(s); they are marked uncertain`] : [];
  return { counts: { ...counts }, warnings };
};
