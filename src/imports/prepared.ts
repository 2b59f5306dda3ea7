import type { DeletedRecord, Diagnostic } from "../model/article.js";
import { serializeRecord, type SerializedRecord } from "../store/records.js";
import { completeness, sourceRank } from "./precedence.js";
import type { ImportItem } from "./types.js";

/** A record ready for the store: serialized, with how complete its source and its fields are (precedence.ts). */
export interface PreparedRecord extends SerializedRecord {
  rank: number;
  completeness: number;
}

/** An ImportItem with its record serialized: what storeBatch takes, and what worker threads send back. */
export interface PreparedItem {
  record?: PreparedRecord;
  deleted?: DeletedRecord;
  diagnostic?: Diagnostic;
}

export function prepareItem(item: ImportItem): PreparedItem {
  if (!item.record) return item as PreparedItem;
  const prepared: PreparedItem = {
    record: { ...serializeRecord(item.record), rank: sourceRank(item.record), completeness: completeness(item.record) },
  };
  if (item.deleted) prepared.deleted = item.deleted;
  if (item.diagnostic) prepared.diagnostic = item.diagnostic;
  return prepared;
}
