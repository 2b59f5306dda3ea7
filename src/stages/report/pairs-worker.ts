import { openStoreForReading } from "../../store/open.js";
import type { CsvOptions } from "./csv.js";
import { loadPairTable } from "./load.js";
import { possibleDuplicatesCsvChunks, type PairRecords } from "./possible-duplicates.js";
import { writeFileAtomic } from "./write.js";

/** Writing possible-duplicates.csv: where the store and the reports are, and what it needs of each record. */
export interface PairsTask {
  storePath: string;
  outDir: string;
  name: string;
  records: PairRecords;
  csv: CsvOptions;
}

/**
 * Reads the near-miss pairs and writes possible-duplicates.csv, atomically. For a large store the report
 * stage runs it on a thread beside its own (src/parallel/pool.ts) while it writes the other files: the
 * pairs outnumber the records ten to one, so this is a third of the stage's work.
 */
export default function writePossibleDuplicates(task: PairsTask): number {
  const db = openStoreForReading(task.storePath);
  try {
    const pairs = loadPairTable(db);
    writeFileAtomic(task.outDir, task.name, possibleDuplicatesCsvChunks(pairs, task.records, task.csv));
    return pairs.size;
  } finally {
    db.close();
  }
}
