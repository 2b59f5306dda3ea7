import type { ImportFormat } from "./types.js";

/** True when the bytes start with the gzip magic number. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

const SIGNATURES: [RegExp, ImportFormat][] = [
  [/^PMID- ?\d/, "medline"],
  [/^TY {2}- {0,2}\S/, "ris"],
  [/^FN \S/, "wos"],
  [/^PT [A-Z]\s*$/, "wos"],
  [/^<\d+\.\s*>\s*$/, "ovid"],
];

/**
 * The format of an export from its first lines (never its extension: PubMed-format files come named
 * .ris, WoS plain text as .ris, RIS as .txt). Null when it is none litreview reads.
 */
export function detectFormat(head: string): ImportFormat | null {
  const text = head.replace(/^\uFEFF/, "");
  if (/<(PubmedArticleSet|PubmedArticle|PubmedBookArticle|DeleteCitation)\b|<!DOCTYPE PubmedArticleSet/.test(text)) return "pubmed-xml";
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== "");
  const first = lines[0] ?? "";
  if (/^"?Authors"?,/.test(first) && /"?(EID|Source title)"?/.test(first)) return "scopus-csv";
  if (/^PT\tAU\t/.test(first) && /\tUT(\t|$)/.test(first)) return "wos-tabbed";
  // The first line that only one format writes decides (Cochrane and Ovid put headers before the first record).
  for (const line of lines) {
    for (const [pattern, format] of SIGNATURES) if (pattern.test(line)) return format;
  }
  return null;
}

/** Formats litreview does not read that exports come in, told from the first lines, and what to export instead. */
const OTHER_FORMATS: [RegExp, string][] = [
  [/^PMID,Title,Authors,Citation,/, "PubMed's CSV, which holds no abstracts: save the search results in PubMed's \"PubMed\" format (.nbib) instead"],
  [/^\s*@[A-Za-z]+\s*\{/m, "BibTeX: export the records as RIS instead"],
  [/^%0 /m, "EndNote's tagged format (.enw, \"%0 Journal Article\" lines; Google Scholar, CNKI): export the records as RIS instead"],
  [/^RT [A-Z][a-z]/m, "RefWorks' tagged format (\"RT Journal Article\" lines): export the records as RIS instead"],
  [/<xml>\s*<records>\s*<record>|<records>\s*<record>\s*<database/, "EndNote XML: export the library as RIS (File > Export, output style \"RefMan (RIS) Export\") instead"],
  [/^PK\u0003\u0004/, "a spreadsheet or other zipped file (.xlsx?): export the records as RIS instead"],
  [/^%PDF-/, "a PDF: export the records themselves, as RIS, instead"],
  [/^\{\\rtf/, "a Word or RTF document: export the records as RIS instead"],
  [/^[^\n]*(?:Title|TITLE|title)[^\n]*,[^\n]*\n/, "a CSV export other than Scopus's: export the records as RIS instead"],
];

/** What an unreadable export looks like and what to export instead, when its first lines tell. */
export function describeOtherFormat(head: string): string | null {
  const text = head.replace(/^\uFEFF/, "");
  for (const [pattern, description] of OTHER_FORMATS) if (pattern.test(text)) return description;
  return null;
}

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  "pubmed-xml": "PubMed XML",
  medline: 'MEDLINE ("PubMed format")',
  ris: "RIS",
  wos: "Web of Science plain text",
  "wos-tabbed": "Web of Science tab-delimited",
  ovid: "Ovid Complete Reference",
  "scopus-csv": "Scopus CSV",
};
