import type { SnapshotRow } from "./types.js";
import type { RecordView } from "./view.js";

/** The snapshot row this report records for one record (report_snapshots). */
export function snapshotOf(view: RecordView): SnapshotRow {
  return {
    recordId: view.recordId,
    included: view.included,
    design: view.classification?.design ?? null,
    conditions: [...(view.classification?.conditions ?? [])].sort(),
    retracted: view.retracted,
  };
}

export interface Reclassified {
  view: RecordView;
  before: SnapshotRow;
  after: SnapshotRow;
}

export interface Changes {
  /** null when there is no earlier report to compare with. */
  previousRunId: number | null;
  added: RecordView[];
  reclassified: Reclassified[];
  newlyRetracted: RecordView[];
}

/**
 * What changed since the previous report: records it did not list, records whose inclusion, design or
 * conditions changed, and records retracted since. Without a previous report every record is new.
 */
export function diffSnapshots(views: readonly RecordView[], previous: { runId: number; rows: SnapshotRow[] } | null): Changes {
  const before = new Map((previous?.rows ?? []).map((r) => [r.recordId, r]));
  const changes: Changes = { previousRunId: previous?.runId ?? null, added: [], reclassified: [], newlyRetracted: [] };
  for (const view of views) {
    const old = before.get(view.recordId);
    const now = snapshotOf(view);
    if (view.retracted && !old?.retracted) changes.newlyRetracted.push(view);
    if (!old) {
      changes.added.push(view);
      continue;
    }
    if (old.included !== now.included || old.design !== now.design || !sameValues([...old.conditions].sort(), now.conditions)) {
      changes.reclassified.push({ view, before: old, after: now });
    }
  }
  return changes;
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
