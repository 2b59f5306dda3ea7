import type { Fields } from "./types.js";

/** Database names as they appear in DB/DP tags, and the id litreview gives each (lower case). */
const NAME_RULES: [RegExp, string][] = [
  [/embase/i, "embase"],
  [/scopus/i, "scopus"],
  [/web of science|\bwos\b|clarivate/i, "wos"],
  [/cochrane|^central\b/i, "cochrane"],
  [/psycinfo|psycarticles/i, "psycinfo"],
  [/^eric\b/i, "eric"],
  [/ebsco/i, "ebsco"],
  [/proquest/i, "proquest"],
  [/ieee/i, "ieee"],
  [/dimensions/i, "dimensions"],
  [/\blens\b/i, "lens"],
  [/cinahl/i, "cinahl"],
];

/** Names PubMed records carry; weaker than a link, since Embase exports mark MEDLINE-covered records "DB - Medline". */
const PUBMED_NAMES: [RegExp, string][] = [[/pubmed|medline|^nlm$/i, "pubmed"]];

/** Hosts of record links, and the database they identify. */
const URL_RULES: [RegExp, string][] = [
  [/embase\.com/i, "embase"],
  [/scopus\.com/i, "scopus"],
  [/webofscience|isiknowledge|webofknowledge/i, "wos"],
  [/cochranelibrary\.com/i, "cochrane"],
  [/ebscohost\.com/i, "ebsco"],
  [/proquest\.com/i, "proquest"],
  [/ieeexplore\.ieee\.org/i, "ieee"],
  [/dimensions\.ai/i, "dimensions"],
  [/lens\.org/i, "lens"],
  // Ovid names its databases in the D= parameter: psyc, emed/emez/oemezd, eric, medl/medp/prem/mesz.
  [/ovid.*[?&]D=psyc/i, "psycinfo"],
  [/ovid.*[?&]D=(emed|emez|oemez|embase)/i, "embase"],
  [/ovid.*[?&]D=eric/i, "eric"],
  [/ovid.*[?&]D=(med\w*|mes\w|prem|ppez)(&|$)/i, "pubmed"],
  [/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/?$/i, "pubmed"],
];

/** A Lens ID: five groups of three digits, the last digit a check character that may be X. */
export const LENS_ID = /^\d{3}-\d{3}-\d{3}-\d{3}-\d{2}[\dX]$/;

/** Accession number forms that name their database. */
const ID_RULES: [RegExp, string][] = [
  [/^WOS:/i, "wos"],
  [/^CN-\d+/i, "cochrane"],
  [/^pub\.\d+$/i, "dimensions"],
  [LENS_ID, "lens"],
  [/^2-s2\.0-\d+$/, "scopus"],
];

function match(values: readonly string[], rules: readonly [RegExp, string][]): string | null {
  for (const value of values) {
    for (const [pattern, database] of rules) if (pattern.test(value)) return database;
  }
  return null;
}

/**
 * The database a RIS record was exported from: a database named in DB/DP, else the host of its record
 * link, else the form of its accession number, else a PubMed/MEDLINE/NLM name (Embase exports say
 * "DB - Medline" for records Embase shares with MEDLINE, beside an embase.com link); "ris" when none says.
 */
export function detectRisDatabase(fields: Fields): string {
  return (
    match(fields.all("DB"), NAME_RULES) ??
    match(fields.all("DP"), NAME_RULES) ??
    match(fields.all("UR", "L2", "LK"), URL_RULES) ??
    match(fields.all("AN", "ID"), ID_RULES) ??
    (fields.has("WE") ? "wos" : null) ??
    match(fields.all("DB", "DP"), PUBMED_NAMES) ??
    "ris"
  );
}
