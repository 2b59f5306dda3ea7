import type { Diagnostic, RecordSource } from "../../../model/article.js";

/** Where a record sits, for its diagnostics, and the source every record of the input gets. */
export interface RecordContext {
  source: Omit<RecordSource, "ownId">;
  location: string;
  /** e.g. "record 3, line 120". */
  position: string;
}

export function diagnostic(
  ctx: RecordContext,
  severity: Diagnostic["severity"],
  recordId: string | null,
  message: string,
): Diagnostic {
  return { severity, location: ctx.location, position: ctx.position, recordId, message };
}
