import type { Fields } from "./types.js";

/** The database an Ovid record comes from, from its DB line ("Embase", "Ovid MEDLINE(R)", "APA PsycInfo"). */
export function detectOvidDatabase(fields: Fields): string {
  const db = fields.first("DB") ?? "";
  if (/embase/i.test(db)) return "embase";
  if (/medline|pubmed/i.test(db)) return "pubmed";
  if (/psyc/i.test(db)) return "psycinfo";
  if (/eric/i.test(db)) return "eric";
  if (/cinahl/i.test(db)) return "cinahl";
  return "ovid";
}
