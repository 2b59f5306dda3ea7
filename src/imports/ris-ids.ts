import { LENS_ID } from "./ris-database.js";
import type { Fields } from "./types.js";

/** Tags where exports put a PubMed id or PMCID next to their own ("26957754[pmid]", "PUBMED 38407106,EMBASE ..."). */
const ID_CARRIERS = ["U1", "U2", "U3", "U4", "U5", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "M2", "N1"];

/** A value that is a labelled PMID and nothing else: "PMID: 31978945", "PMID:31978945" (reference managers' AN or N1). */
const LABELLED_PMID = /^PMID:?\s*(\d{1,9})$/i;

/** The PMID a non-PubMed record carries, if any. */
export function carriedPmid(fields: Fields, database: string): string | null {
  const values = fields.all(...ID_CARRIERS);
  for (const value of values) {
    const m = /(?<!\d)(\d{1,9})\s*\[pmid\]/i.exec(value) ?? /\bPUBMED\s+(\d{1,9})\b/i.exec(value);
    if (m) return m[1]!;
  }
  for (const value of fields.all("AN", "M1", ...ID_CARRIERS)) {
    const m = LABELLED_PMID.exec(value);
    if (m) return m[1]!;
  }
  // Embase puts the PMID alone in C5, Scopus in C2 (which EndNote uses for the PMCID instead).
  const bare = database === "embase" ? fields.first("C5") : database === "scopus" ? fields.first("C2") : null;
  if (bare && /^\d{1,9}$/.test(bare)) return bare;
  for (const url of fields.all("UR", "L2")) {
    const m = /(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/(\d{1,9})\/?$/i.exec(url) ?? ovidMedlineAccession(url);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * An Ovid link into a MEDLINE segment ("D=medl", "medp" Epub Ahead of Print, "prem" In-Process, "mesz"
 * MEDLINE ALL...), whose AN is the PMID: "http://ovidsp.ovid.com/ovidweb.cgi?T=JS&...&D=medp&NEWS=N&AN=37716166".
 */
function ovidMedlineAccession(url: string): RegExpExecArray | null {
  if (!/ovid.*[?&]D=(?:med\w*|mes\w|prem|ppez)(?:&|$)/i.test(url)) return null;
  return /[?&]AN=(\d{1,9})(?:&|$)/.exec(url);
}

export function carriedPmcid(fields: Fields): string | null {
  for (const value of fields.all(...ID_CARRIERS, "L2", "UR")) {
    const m = /\b(PMC\d+)\b/.exec(value);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * Accession numbers as each database writes them in AN or ID. RIS ID is, by the standard, the number a
 * reference manager gives the record in its own library (EndNote's "ID  - 895"), so an ID counts only in a
 * form its database gives; digit-only forms count only in AN (Ovid Embase's 9-10 digits excepted: no
 * library numbers that far), and only for a database the record names.
 */
const ACCESSIONS: Record<string, { form: RegExp; inId: boolean }> = {
  scopus: { form: /^2-s2\.0-\d+$/, inId: true },
  wos: { form: /^[A-Z]+:\w+$/, inId: true },
  cochrane: { form: /^CN-\d+$/, inId: true },
  dimensions: { form: /^pub\.\d+$/, inId: true },
  lens: { form: LENS_ID, inId: true },
  psycinfo: { form: /^\d{4}-\d{5}-\d{3}$/, inId: true },
  eric: { form: /^E[DJ]\d+$/, inId: true },
  embase: { form: /^L?\d{9,10}$/, inId: true },
  proquest: { form: /^\d+$/, inId: false },
  ebsco: { form: /^[\w.-]+$/, inId: false },
  cinahl: { form: /^\d+$/, inId: false },
};

/** The AN or ID value that is an accession number of the record's database, if any. */
function accession(fields: Fields, database: string): string | null {
  const rule = ACCESSIONS[database];
  if (!rule) return null;
  const values = rule.inId ? fields.all("AN", "ID") : fields.all("AN");
  for (const value of values) {
    // ProQuest's "2214991469; 51887" keeps its first part.
    const id = value.split(/;\s*/)[0]!.trim();
    if (rule.form.test(id)) return database === "embase" ? id.replace(/^(?=\d)/, "L") : id;
  }
  return null;
}

/**
 * The record's own id in its database: the PMID for PubMed (AN), the Scopus EID (from the record link),
 * the EBSCO accession number (N1 "Accession Number: ..." or the link's AN=), the Embase L-number (U2 or
 * the record link's id=; Ovid drops its "L"), else an AN or ID in its database's accession form. A record of no named database has
 * none: its AN/ID numbers a reference manager's library, not the record, and would collide across libraries.
 */
export function ownId(fields: Fields, database: string): string | null {
  if (database === "pubmed") {
    const an = fields.first("AN");
    if (an && /^\d{1,9}$/.test(an)) return an;
    return carriedPmid(fields, database);
  }
  if (database === "scopus") {
    for (const url of fields.all("UR", "L2")) {
      const m = /[?&]eid=([^&\s]+)/i.exec(url);
      if (m) return decodeURIComponent(m[1]!);
    }
  }
  if (database === "ebsco") {
    for (const note of fields.all("N1")) {
      const m = /Accession Number:\s*([^;\s]+)/i.exec(note);
      if (m) return m[1]!;
    }
    for (const url of fields.all("UR")) {
      const m = /[?&]AN=([^&\s]+)/.exec(url);
      if (m) return m[1]!;
    }
  }
  if (database === "embase") {
    const l = fields.all("U2").find((v) => /^L\d+$/.test(v));
    if (l) return l;
    // Its record link ("https://www.embase.com/search/results?subaction=viewrecord&id=L643801355&from=export"),
    // all that screening tools (Covidence) keep of it.
    for (const url of fields.all("UR", "L2", "LK")) {
      const m = /embase\.com\/.*[?&]id=(L\d{6,12})(?:&|$)/i.exec(url);
      if (m) return m[1]!;
    }
  }
  return accession(fields, database);
}
