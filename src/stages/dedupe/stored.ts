import { createPool, threadCount } from "../../parallel/pool.js";
import type { Db } from "../../store/open.js";
import { countLiveRecords } from "../../store/records.js";
import { recordFeaturesWith } from "./features.js";
import type { RecordFeatures } from "./features.js";
import { inputPages, parseInputRow } from "./load.js";
import type { DedupeInput } from "./load.js";
import { unpackAbstracts } from "./worker.js";

/** Records per task of the worker thread. */
const PAGE = 250;
/** Pages whose abstracts are at work at a time: the main thread reads this far ahead (more holds more memory, not time). */
const IN_FLIGHT = 2;
/** Fewer live records than this are all done in the main thread: starting a worker thread would cost more. */
const PARALLEL_MIN_RECORDS = 4000;

export interface StoredFeaturesOptions {
  /** Make the abstracts' features on a worker thread (default: when there are enough records to pay its start-up, and more than one core). */
  parallel?: boolean;
}

/**
 * The features of every stored, non-deleted record, in no particular order (dedupe sorts). While the main
 * thread reads a page of records and makes their features, one worker thread makes those of their
 * abstracts (the costliest part). Only the features are kept, not what was read, so memory stays small.
 */
export async function storedFeatures(db: Db, options: StoredFeaturesOptions = {}): Promise<RecordFeatures[]> {
  const parallel = options.parallel ?? (threadCount() > 1 && countLiveRecords(db) >= PARALLEL_MIN_RECORDS);
  const pool = createPool<(string | null)[], Uint32Array>(new URL("./worker.ts", import.meta.url), { threads: 1, inline: !parallel });
  const features: RecordFeatures[] = [];
  const pending: { inputs: DedupeInput[]; abstracts: Promise<Uint32Array> }[] = [];
  const finish = async ({ inputs, abstracts }: (typeof pending)[number]): Promise<void> => {
    const abstract = unpackAbstracts(await abstracts);
    inputs.forEach((input, i) => features.push(recordFeaturesWith(input, features.length, abstract[i]!)));
  };
  try {
    for (const rows of inputPages(db, PAGE)) {
      const abstracts = pool.run(rows.map((row) => row[4]));
      abstracts.catch(() => {}); // awaited in order below; this keeps a later failure from being "unhandled" meanwhile
      pending.push({ inputs: rows.map(parseInputRow), abstracts });
      if (pending.length >= IN_FLIGHT) await finish(pending.shift()!);
    }
    while (pending.length > 0) await finish(pending.shift()!);
  } finally {
    await pool.close();
  }
  return features;
}
