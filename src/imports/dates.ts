import type { PublicationDate } from "../model/article.js";
import { dayNumber, monthNumber, yearNumber } from "../stages/parse/pubmed-xml/dates.js";

export interface DateParts {
  year: number | null;
  month: number | null;
  day: number | null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_WORD = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";

/** February has 29 days in it: a day without its year is checked against this one. */
const LEAP_YEAR = 2000;

/** The parts that exist (the PubMed XML parser's checks): year 1000-2999, month 1-12, a day the month has. */
function valid(year: number | null, month: number | null, day: number | null): DateParts {
  const y = year === null ? null : yearNumber(String(year));
  const m = month === null ? null : monthNumber(String(month));
  const d = m === null || day === null ? null : dayNumber(String(day), y ?? LEAP_YEAR, m);
  return { year: y, month: m, day: d };
}

const num = (s: string | undefined): number | null => (s ? Number.parseInt(s, 10) : null);

/**
 * Year, month and day from the date forms exports write: RIS "2019///", "2016/01/", "2019/10//undefined",
 * "2018/05/04/"; "20180327"; ISO "2020-11-06"; MEDLINE "2002 Sep", "2019 Jan 28", "1998 Dec-1999 Jan";
 * IEEE "1 Jan.-Feb. 2019", "24-27 Sept. 2019"; WoS "DEC 16 2020", "2020-Dec"; a bare month "Jun", "Mar 1".
 * Ranges give their start.
 */
export function parseDateText(value: string | null | undefined): DateParts {
  const text = (value ?? "").trim();
  if (!text) return { year: null, month: null, day: null };
  let m = /^(\d{4})\/(\d{1,2})?\/?(\d{1,2})?/.exec(text);
  if (m && text.includes("/")) return valid(num(m[1]), num(m[2]), num(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return valid(num(m[1]), num(m[2]), num(m[3]));
  m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\b/.exec(text);
  if (m) return valid(num(m[1]), num(m[2]), num(m[3]));
  const yearMatch = /(?<!\d)(\d{4})(?!\d)/.exec(text);
  const year = yearMatch ? num(yearMatch[1]) : null;
  const monthMatch = new RegExp(`(?<![a-z])${MONTH_WORD}`, "i").exec(text);
  if (!monthMatch) return valid(year, null, null);
  const month = MONTHS.indexOf(monthMatch[1]!.toLowerCase()) + 1;
  const before = /(?<!\d)(\d{1,2})(?:\s*-\s*\d{1,2})?\s+$/.exec(text.slice(0, monthMatch.index));
  const after = /^\s+(\d{1,2})(?!\d)/.exec(text.slice(monthMatch.index + monthMatch[0].length));
  const day = num(before?.[1] ?? after?.[1]);
  return valid(year, month, day);
}

/**
 * The publication date from the fields a record has, most precise first; a field without a year
 * (RIS DA "Jun") lends its month and day to the year from another field (PY).
 */
export function publicationDate(candidates: readonly (string | null | undefined)[]): PublicationDate {
  let raw: string | null = null;
  let rawWithYear: string | null = null;
  let best: DateParts = { year: null, month: null, day: null };
  for (const candidate of candidates) {
    const text = candidate?.trim();
    if (!text) continue;
    raw ??= text;
    const parts = parseDateText(text);
    if (rawWithYear === null && parts.year !== null) rawWithYear = text;
    if (best.year === null && parts.year !== null) best = { ...best, year: parts.year };
    const sameYear = parts.year === null || parts.year === best.year;
    if (best.month === null && parts.month !== null && sameYear) {
      best = { ...best, month: parts.month, day: parts.day };
    }
  }
  raw = rawWithYear ?? raw;
  // A day read without its year ("Feb 29") must exist in the year another field gives.
  const { year, month, day } = valid(best.year, best.month, best.day);
  return { raw, year, month, day, source: raw === null ? null : "export" };
}

/** "2019/01/29 06:00" or "2019-01-29" as an ISO date, else null (also when no such day exists). */
export function isoDate(value: string | null | undefined): string | null {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})/.exec((value ?? "").trim());
  if (!m) return null;
  const { year, month, day } = valid(num(m[1]), num(m[2]), num(m[3]));
  if (year === null || month === null || day === null) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
