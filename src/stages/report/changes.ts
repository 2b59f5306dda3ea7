import type { Baseline, ReportRef, SnapshotRow } from "./types.js";
import { compareRecordIds } from "./view.js";
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
  /** The work's record as this report counts it (its kept copy). */
  view: RecordView;
  before: SnapshotRow;
  after: SnapshotRow;
}

/** A record that joined a work an earlier report listed: another copy of it, not a new article. */
export interface Merged {
  view: RecordView;
  /** The work's record the baseline report listed (included, if one of its copies was). */
  reported: RecordView;
  /** The copy this report keeps for the work. */
  keptRecordId: string;
}

export interface Changes {
  baseline: Baseline | null;
  /** The latest earlier report when it said the same as this one (a re-render), else null. */
  repeats: ReportRef | null;
  /** Records of works no earlier report listed. */
  added: RecordView[];
  merged: Merged[];
  reclassified: Reclassified[];
  newlyRetracted: RecordView[];
}

/** Whether two reports said the same about every record. */
export function sameSnapshot(a: readonly SnapshotRow[], b: readonly SnapshotRow[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(a.map((r) => [r.recordId, r]));
  return b.every((r) => {
    const other = byId.get(r.recordId);
    return other !== undefined && !rowChanged(other, r) && other.retracted === r.retracted;
  });
}

function rowChanged(before: SnapshotRow, after: SnapshotRow): boolean {
  return before.included !== after.included || before.design !== after.design || !sameValues([...before.conditions].sort(), [...after.conditions].sort());
}

/** A work: a dedupe cluster, named by its kept record (a record dedupe has not seen is its own work). */
function workOf(view: RecordView): string {
  return view.decision?.keptRecordId ?? view.recordId;
}

/**
 * What changed since the baseline report, work by work rather than record by record, so that a copy from
 * another database joining a work already reported shows as merged into it, not as a new record beside the
 * old one "reclassified" to excluded:
 * - added: records of works the baseline did not list;
 * - merged: records that joined a work the baseline listed (new copies, and copies it listed as separate works);
 * - reclassified: works whose inclusion, design or conditions changed, as their kept copy says now;
 * - newly retracted: records retracted since.
 * Without a baseline every record is new.
 */
export function diffSnapshots(views: readonly RecordView[], baseline: Baseline | null, repeats: ReportRef | null = null): Changes {
  const before = new Map((baseline?.rows ?? []).map((r) => [r.recordId, r]));
  const changes: Changes = { baseline, repeats, added: [], merged: [], reclassified: [], newlyRetracted: [] };
  const works = new Map<string, RecordView[]>();
  for (const view of views) {
    if (view.retracted && !before.get(view.recordId)?.retracted) changes.newlyRetracted.push(view);
    const work = workOf(view);
    const members = works.get(work);
    if (members) members.push(view);
    else works.set(work, [view]);
  }
  for (const [work, members] of works) {
    const kept = members.find((m) => m.recordId === work) ?? members[0]!;
    const reported = members.filter((m) => before.has(m.recordId));
    if (reported.length === 0) {
      changes.added.push(...members);
      continue;
    }
    const shown = reported.find((m) => before.get(m.recordId)!.included) ?? reported.find((m) => m === kept) ?? reported[0]!;
    for (const m of members) {
      if (m === shown) continue;
      const old = before.get(m.recordId);
      const joined = old === undefined || (old.included && m.exclusionReason === "duplicate");
      if (joined) changes.merged.push({ view: m, reported: shown, keptRecordId: kept.recordId });
    }
    const old = before.get(shown.recordId)!;
    const now = snapshotOf(kept);
    if (rowChanged(old, now)) changes.reclassified.push({ view: kept, before: old, after: now });
  }
  const byRecord = (a: { recordId: string }, b: { recordId: string }): number => compareRecordIds(a.recordId, b.recordId);
  changes.added.sort(byRecord);
  changes.merged.sort((a, b) => byRecord(a.view, b.view));
  changes.reclassified.sort((a, b) => byRecord(a.view, b.view));
  return changes;
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
