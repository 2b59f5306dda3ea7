/**
 * The stand-in server's query semantics (pure): every term matches every record, except that each
 * `"A"[crdt] : "B"[crdt]` creation-date window in the term must hold (windows intersect).
 * Dates are YYYY/MM/DD, or YYYY or YYYY/MM meaning the whole year or month.
 */
export interface CrdtWindow {
  from: string;
  to: string;
}

const WINDOW = /"(\d{4}(?:\/\d{2}){0,2})"\s*\[crdt\]\s*:\s*"(\d{4}(?:\/\d{2}){0,2})"\s*\[crdt\]/gi;

function lower(date: string): string {
  const [y, m = "01", d = "01"] = date.split("/");
  return `${y}/${m}/${d}`;
}

function upper(date: string): string {
  const [y, m = "12", d = "31"] = date.split("/");
  return `${y}/${m}/${d}`;
}

export function crdtWindows(term: string): CrdtWindow[] {
  return [...term.matchAll(WINDOW)].map((m) => ({ from: lower(m[1]!), to: upper(m[2]!) }));
}

/** YYYY/MM/DD strings compare correctly as text. */
export function inWindows(createdDate: string, windows: readonly CrdtWindow[]): boolean {
  return windows.every((w) => createdDate >= w.from && createdDate <= w.to);
}
