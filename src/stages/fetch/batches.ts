/** Batch planning for efetch (pure). */

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Batch sizes of the successive rounds: the configured size, then the gap in batches a tenth as
 * large, then one by one, so one bad record cannot hide a whole batch.
 */
export function roundSizes(batchSize: number): number[] {
  const sizes = [batchSize, Math.max(1, Math.ceil(batchSize / 10)), 1];
  return sizes.filter((size, i) => i === 0 || size < sizes[i - 1]!);
}

export interface BatchResult {
  /** Requested PMIDs the answer held. */
  received: string[];
  /** Requested PMIDs it did not hold. */
  missing: string[];
  /** PMIDs it held that were not asked for (a merged PMID answers with its new number). */
  extra: string[];
}

export function compareBatch(requested: readonly string[], inBody: readonly string[]): BatchResult {
  const asked = new Set(requested);
  const got = new Set(inBody);
  return {
    received: requested.filter((p) => got.has(p)),
    missing: requested.filter((p) => !got.has(p)),
    extra: [...got].filter((p) => !asked.has(p)),
  };
}

/** "12, 34, 56 and 3 more" for one-line messages. */
export function listPmids(pmids: readonly string[], max = 20): string {
  if (pmids.length <= max) return pmids.join(", ");
  return `${pmids.slice(0, max).join(", ")} and ${pmids.length - max} more`;
}
