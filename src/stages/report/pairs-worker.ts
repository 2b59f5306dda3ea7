import { openStoreForReading } from "../../store/open.js";
import type { CsvOptions } from "./csv.js";
import { loadPairRecords, loadPairTable } from "./load.js";
import { possibleDuplicatesCsvChunks } from "./possible-duplicates.js";
import { writeFileAtomic } from "./write.js";

/** Writing possible-duplicates.csv: where the store and the reports are. */
export interface PairsTask {
  storePath: string;
  outDir: string;
  name: string;
  csv: CsvOptions;
}

/**
 * Reads the near-miss pairs and the records they name, and writes possible-duplicates.csv, atomically. For
 * a large store the report stage runs it on a thread beside its own (src/parallel/pool.ts) from its start:
 * the pairs outnumber the records ten to one, so this is a third of the stage's work.
 */
export default function writePossibleDuplicates(task: PairsTask): number {
  const db = openStoreForReading(task.storePath);
  try {
    const pairs = loadPairTable(db);
    writeFileAtomic(task.outDir, task.name, possibleDuplicatesCsvChunks(pairs, loadPairRecords(db), task.csv));
    return pairs.size;
  } finally {
    db.close();
  }
}
