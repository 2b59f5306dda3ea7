import type { PublicationDate } from "../../../model/article.js";
import { child, text, type XmlNode } from "./text.js";

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** "Aug", "August", "08", "8" → 8; anything else (a season, "13") → null. */
export function monthNumber(value: string | null): number | null {
  if (value === null) return null;
  const v = value.trim().toLowerCase();
  if (/^\d{1,2}$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= 12 ? n : null;
  }
  return MONTHS[v.slice(0, 3)] ?? null;
}

export function yearNumber(value: string | null): number | null {
  if (value === null || !/^\d{4}$/.test(value.trim())) return null;
  const y = Number(value);
  return y >= 1000 && y <= 2999 ? y : null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A day that exists in that month and year, else null (so a date is never impossible). */
export function dayNumber(value: string | null, year: number | null, month: number | null): number | null {
  if (value === null || year === null || month === null || !/^\d{1,2}$/.test(value.trim())) return null;
  const d = Number(value);
  return d >= 1 && d <= daysIn(year, month) ? d : null;
}

const EMPTY: PublicationDate = { raw: null, year: null, month: null, day: null, source: null };

/**
 * MedlineDate is free text: "1998 Dec-1999 Jan", "2000 Spring", "2019 Sep/Oct", "2005 Jan 15-21",
 * "1999-2000", and now and then the year after the month or season ("Sep-Oct 2019", "Winter 1999-2000",
 * "Dec 2009-Jan 2010"). The normalised date is where the range starts; a season gives no month.
 */
export function parseMedlineDate(raw: string): PublicationDate {
  const m = /^(\d{4})(?:[-/]\d{4})?(?:\s+([A-Za-z]+))?(?:\s+(\d{1,2}))?/.exec(raw.trim());
  if (!m) {
    // The year after a month or season: the first year given, and the month the text opens with.
    const year = /(?:^|\D)(\d{4})(?!\d)/.exec(raw);
    const opening = /^\s*([A-Za-z]+)/.exec(raw);
    if (year === null) return { ...EMPTY, raw, source: "MedlineDate" };
    return { raw, year: yearNumber(year[1]!), month: opening ? monthNumber(opening[1]!) : null, day: null, source: "MedlineDate" };
  }
  const year = yearNumber(m[1] ?? null);
  const month = m[2] !== undefined ? monthNumber(m[2]) : null;
  const day = m[3] !== undefined ? dayNumber(m[3], year, month) : null;
  return { raw, year, month, day, source: "MedlineDate" };
}

/** Year, Month, Day elements (PubDate, ArticleDate, Book/PubDate). */
function fromParts(node: XmlNode, source: "PubDate" | "ArticleDate"): PublicationDate {
  const y = text(child(node, "Year"));
  const mo = text(child(node, "Month"));
  const d = text(child(node, "Day"));
  const season = text(child(node, "Season"));
  const raw = [y, mo, d, season].filter((p) => p !== null).join(" ") || null;
  const year = yearNumber(y);
  if (season !== null) {
    // "Apr-Jun" starts in April; "Spring" or "Winter-Spring" names no month.
    const first = season.split(/[-/]/)[0] ?? "";
    const month = monthNumber(mo ?? first);
    return { raw, year, month, day: null, source: "Season" };
  }
  const month = year === null ? null : monthNumber(mo);
  return { raw, year, month, day: dayNumber(d, year, month), source };
}

/**
 * The publication date from JournalIssue/PubDate (Year/Month/Day, Year/Season, or MedlineDate), falling
 * back to the electronic ArticleDate when PubDate gives no year.
 */
export function readPubDate(pubDateNode: XmlNode, articleDateNode: XmlNode): PublicationDate {
  let date = EMPTY;
  if (pubDateNode !== undefined) {
    const medline = text(child(pubDateNode, "MedlineDate"));
    date = medline !== null ? parseMedlineDate(medline) : fromParts(pubDateNode, "PubDate");
  }
  if (date.year === null && articleDateNode !== undefined) {
    const electronic = fromParts(articleDateNode, "ArticleDate");
    if (electronic.year !== null) return electronic;
  }
  return date;
}

/** A full Year/Month/Day element as an ISO date, or null when any part is missing or impossible. */
export function isoDate(node: XmlNode): string | null {
  const year = yearNumber(text(child(node, "Year")));
  const month = monthNumber(text(child(node, "Month")));
  const day = dayNumber(text(child(node, "Day")), year, month);
  if (year === null || month === null || day === null) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
