import { setImmediate as nextTurn } from "node:timers/promises";
import { createPool, threadsPayFor } from "../../parallel/pool.js";
import type { Db } from "../../store/open.js";
import { countStoredRecords } from "../../store/records.js";
import { abstractFeatures } from "./abstract.js";
import type { AbstractFeatures } from "./abstract.js";
import { recordFeaturesWith, setAbstractFeatures } from "./features.js";
import type { RecordFeatures } from "./features.js";
import { inputPages, parseInputRow } from "./load.js";
import { unpackAbstracts } from "./worker.js";

/** Records per page: what the worker thread is given at a time. */
const PAGE = 250;
/** Pages given to the worker thread and not yet back; while it has this many, the main thread does the next page itself. */
const AT_WORKER = 2;

const NO_ABSTRACT = abstractFeatures(null);

export interface StoredFeaturesOptions {
  /** Share the abstracts' features with a worker thread (default: when there are enough records to pay its start-up, and more than one core). */
  parallel?: boolean;
}

/**
 * The features of every stored, non-deleted record, in no particular order (dedupe sorts). The main thread
 * reads the store a page at a time and makes the features of its records but for their abstracts (the
 * costliest part); those are made by one worker thread when it is up and can take the page, else by the
 * main thread too. So neither thread waits for the other: not while the worker starts up, nor when one
 * of them is slower. Only the features are kept, not what was read, so memory stays small on large stores.
 */
export async function storedFeatures(db: Db, options: StoredFeaturesOptions = {}): Promise<RecordFeatures[]> {
  const parallel = options.parallel ?? threadsPayFor(countStoredRecords(db));
  const pool = parallel ? createPool<(string | null)[], Uint32Array>(new URL("./worker.ts", import.meta.url), { threads: 1, inline: false }) : null;
  const features: RecordFeatures[] = [];
  const setAbstracts = (page: RecordFeatures[], abstracts: AbstractFeatures[]): void =>
    page.forEach((record, i) => setAbstractFeatures(record, abstracts[i]!));
  // An empty page: done once the worker thread has started and loaded the task's module (a failure is thrown below).
  let up = false;
  const started = pool?.run([]).then(() => (up = true));
  started?.catch(() => {});
  const atWorker: Promise<unknown>[] = started ? [started] : [];
  let busy = 0;
  try {
    // The read stays open across the turns below: nothing else uses the store's connection meanwhile.
    for (const rows of inputPages(db, PAGE)) {
      // What was read dies young: the features are made now, their abstracts' part is set when it is made.
      const page = rows.map((row, i) => recordFeaturesWith(parseInputRow(row), features.length + i, NO_ABSTRACT));
      for (const record of page) features.push(record);
      const abstracts = rows.map((row) => row[4]);
      if (pool && up && busy < AT_WORKER) {
        busy++;
        const done = pool.run(abstracts).then((packed) => setAbstracts(page, unpackAbstracts(packed))).finally(() => busy--);
        done.catch(() => {}); // awaited below; this keeps a failure from being "unhandled" meanwhile
        atWorker.push(done);
      } else setAbstracts(page, abstracts.map(abstractFeatures));
      if (pool) await nextTurn(); // lets the pages the worker has finished come back
    }
    await Promise.all(atWorker);
  } finally {
    await pool?.close();
  }
  return features;
}
