import type { Article, DeletedRecord, Diagnostic } from "../model/article.js";

/** What every format's parser yields, one item per record (the same shape as the PubMed XML parser's). */
export interface ImportItem {
  record?: Article;
  deleted?: DeletedRecord;
  diagnostic?: Diagnostic;
}

export const IMPORT_FORMATS = ["pubmed-xml", "medline", "ris", "wos", "wos-tabbed", "ovid", "scopus-csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The file being imported and the time of the import, stamped on every record's source. */
export interface ImportFile {
  file: string;
  importedAt: string;
}

/** One record of a tagged format (RIS, MEDLINE, WoS, Ovid): its fields in file order. */
export interface TaggedRecord {
  fields: [tag: string, value: string][];
  /** 1-based line where the record starts. */
  startLine: number;
  /** Ordinal of the record in the file (1-based). */
  index: number;
}

/** Read access to a tagged record's fields. */
export class Fields {
  private readonly byTag = new Map<string, string[]>();

  constructor(readonly record: TaggedRecord) {
    for (const [tag, value] of record.fields) {
      const list = this.byTag.get(tag);
      if (list) list.push(value);
      else this.byTag.set(tag, [value]);
    }
  }

  /** Non-empty values of the tags, in tag order then file order. */
  all(...tags: string[]): string[] {
    const out: string[] = [];
    for (const tag of tags) {
      for (const value of this.byTag.get(tag) ?? []) {
        const v = value.trim();
        if (v !== "") out.push(v);
      }
    }
    return out;
  }

  /** First non-empty value of the first tag that has one. */
  first(...tags: string[]): string | null {
    for (const tag of tags) {
      for (const value of this.byTag.get(tag) ?? []) {
        if (value.trim() !== "") return value.trim();
      }
    }
    return null;
  }

  has(tag: string): boolean {
    return this.byTag.has(tag);
  }
}

/** Position of a record for diagnostics: "record 3 (line 41)". */
export function positionOf(record: { index: number; startLine: number }): string {
  return `record ${record.index} (line ${record.startLine})`;
}

/**
 * Control characters other than tab, line ends, vertical tab and form feed (Word's line and page breaks,
 * which pasted text brings): no export writes them in text; binary data read as text is full of them.
 */
const BINARY = /[\x00-\x08\x0E-\x1F\x7F]/;

/**
 * The error for a record a field of which holds binary data (a damaged file, another file's bytes inside
 * it), or null: such a record is not imported, whatever the rest of it says.
 */
export function binaryDataItem(file: ImportFile, fields: readonly (readonly [tag: string, value: string])[], position: string): ImportItem | null {
  const field = fields.find(([, value]) => BINARY.test(value));
  if (!field) return null;
  return {
    diagnostic: {
      severity: "error",
      location: file.file,
      position,
      recordId: null,
      message: `its ${field[0]} field holds binary data (control characters such as NUL), not text: the file is damaged here; the record was not imported; export the file again and import it again`,
    },
  };
}

/** The error a record cut short gets: it is not imported, and the diagnostic says where it lies and what to do. */
export function truncatedRecordItem(file: ImportFile, record: TaggedRecord, endLine: number, description: string): ImportItem {
  return {
    diagnostic: {
      severity: "error",
      location: file.file,
      position: `record ${record.index}, lines ${record.startLine}-${endLine}`,
      recordId: null,
      message: `${description}: it was not imported; re-export the file, or fix the record, and import it again`,
    },
  };
}
