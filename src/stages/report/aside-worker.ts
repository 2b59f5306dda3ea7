import { openStoreForReading } from "../../store/open.js";
import { measureAccuracyOf, type AccuracyTask } from "./accuracy.js";
import type { CsvOptions } from "./csv.js";
import { loadPairRecords, loadPairTable } from "./load.js";
import { possibleDuplicatesCsvChunks } from "./possible-duplicates.js";
import { stageFile, type StagedFile } from "./write.js";

/** Writing possible-duplicates.csv: where the store and the reports are. */
export interface PairsTask {
  storePath: string;
  outDir: string;
  name: string;
  csv: CsvOptions;
}

/** What the report stage of a large store does beside its main thread: either part may be absent. */
export interface AsideTask {
  accuracy: AccuracyTask | null;
  pairs: PairsTask | null;
}

export interface AsideResult {
  /** The accuracy section of summary.md, when measured. */
  accuracy: string | null;
  /** possible-duplicates.csv staged for the main thread to rename over the report with the others, when written. */
  pairs: StagedFile | null;
}

/**
 * Reads the near-miss pairs and the records they name, and stages possible-duplicates.csv (see
 * write.ts), through a connection of its own: the pairs outnumber the records ten to one, so this is a third of the
 * stage's work.
 */
export function writePossibleDuplicates(task: PairsTask): StagedFile {
  const db = openStoreForReading(task.storePath);
  try {
    const pairs = loadPairTable(db);
    return stageFile(task.outDir, task.name, possibleDuplicatesCsvChunks(pairs, loadPairRecords(db), task.csv));
  } finally {
    db.close();
  }
}

/**
 * The report stage's work on a thread beside its own (src/parallel/pool.ts), as one task from the stage's
 * start: the short accuracy measure first, then possible-duplicates.csv. One task rather than two, as the
 * second of two would be sent only when the main thread's event loop turns, after its long synchronous work.
 */
export default function reportAside(task: AsideTask): AsideResult {
  return {
    accuracy: task.accuracy ? measureAccuracyOf(task.accuracy) : null,
    pairs: task.pairs ? writePossibleDuplicates(task.pairs) : null,
  };
}
