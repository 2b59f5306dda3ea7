/**
 * Search windows by creation date, [crdt] (pure). Creation date, not entry date: the entry date is
 * backdated for records added more than a year after publication, so windows by it miss records.
 */

export interface DateWindow {
  /** YYYY/MM/DD inclusive, null = open (all years). */
  from: string | null;
  to: string | null;
}

/** PubMed's esearch retrieves at most the first 9,999 ids of a query (NBK25499, Sept. 2022). */
export const RETRIEVAL_CAP = 9999;
/** Earliest creation date used when an open window must be split. */
export const EARLIEST = "1800/01/01";

const DAY_MS = 86_400_000;

export function toDate(ymd: string): Date {
  const m = /^(\d{4})[/-](\d{2})[/-](\d{2})$/.exec(ymd);
  if (!m) throw new RangeError(`not a YYYY/MM/DD date: ${ymd}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function formatYmd(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const d = String(date.getUTCDate()).padStart(2, "0");
  return `${y}/${m}/${d}`;
}

export function addDays(ymd: string, days: number): string {
  return formatYmd(new Date(toDate(ymd).getTime() + days * DAY_MS));
}

/** Accepts YYYY/MM/DD or YYYY-MM-DD (as typed after --since); null when it is neither or impossible. */
export function normaliseDate(text: string): string | null {
  if (!/^\d{4}[/-]\d{2}[/-]\d{2}$/.test(text)) return null;
  const ymd = text.replace(/-/g, "/");
  return formatYmd(toDate(ymd)) === ymd ? ymd : null;
}

export interface WindowInputs {
  since: string | null;
  full: boolean;
  configFrom: string | null;
  overlapDays: number;
  /** started_at (ISO) of the last successful run that searched, or null. */
  lastSearchStart: string | null;
  /** The query that run sent, without its date window (searches.base_term); null if it recorded none. */
  lastSearchQuery: string | null;
  /** The query this run sends, without a date window. */
  query: string;
}

/**
 * Whether the query differs from the last successful search's: its window only ever covered the old
 * query, so records of any date may match the new one.
 */
export function queryChanged(inputs: WindowInputs): boolean {
  return inputs.lastSearchStart !== null && inputs.lastSearchQuery !== inputs.query;
}

/**
 * Where this run's search starts: --since, else --full / first run / changed query (config from), else
 * incremental.
 */
export function startDate(inputs: WindowInputs): string | null {
  if (inputs.since) return inputs.since;
  if (inputs.full || !inputs.lastSearchStart || queryChanged(inputs)) return inputs.configFrom;
  const last = new Date(inputs.lastSearchStart);
  if (Number.isNaN(last.getTime())) return inputs.configFrom;
  const incremental = addDays(formatYmd(last), -inputs.overlapDays);
  return inputs.configFrom && inputs.configFrom > incremental ? inputs.configFrom : incremental;
}

export function windowTerm(query: string, window: DateWindow): string {
  if (window.from === null && window.to === null) return query;
  const from = window.from ?? EARLIEST;
  const to = window.to ?? "3000/12/31";
  return `(${query}) AND ("${from}"[crdt] : "${to}"[crdt])`;
}

/**
 * The date-window clause windowTerm adds, at the end of a query translation, as PubMed writes it back
 * ("AND 2026/11/20:2026/11/28[Date - Create]") or as sent ("AND ("2026/11/20"[crdt] : "2026/11/28"[crdt])").
 */
const WINDOW_CLAUSE = /\s+AND\s+\(?\s*"?\d{4}(?:\/\d{2}){0,2}"?\s*(?:\[[^\]]*\])?\s*:\s*"?\d{4}(?:\/\d{2}){0,2}"?\s*\[[^\]]*\]\s*\)?\s*$/;

/** Whether `text` is one parenthesised group: "(a OR b)" is, "(a) AND (b)" is not. */
function oneGroup(text: string): boolean {
  if (!text.startsWith("(") || !text.endsWith(")")) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = text.indexOf('"', i + 1);
      if (i === -1) return false;
    } else if (c === "(") depth++;
    else if (c === ")" && --depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}

/**
 * PubMed's translation of a windowed search without its date window, so that the searches of one query
 * over different windows show one translation.
 */
export function translationWithoutWindow(translation: string): string {
  const bare = translation.trim().replace(WINDOW_CLAUSE, "").trim();
  return bare !== translation.trim() && oneGroup(bare) ? bare.slice(1, -1).trim() : bare;
}

/** Halves a closed window by days; null when it is a single day and cannot be split. */
export function splitWindow(from: string, to: string): [DateWindow, DateWindow] | null {
  const a = toDate(from).getTime();
  const b = toDate(to).getTime();
  if (b <= a) return null;
  const mid = a + Math.floor((b - a) / DAY_MS / 2) * DAY_MS;
  const midYmd = formatYmd(new Date(mid));
  return [
    { from, to: midYmd },
    { from: addDays(midYmd, 1), to },
  ];
}
