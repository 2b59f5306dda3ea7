import { XMLParser } from "fast-xml-parser";

/** What an esearch answer says (NBK25499 "ESearch"); ids stay strings. */
export interface EsearchResult {
  count: number;
  retMax: number;
  retStart: number;
  queryKey: string | null;
  webEnv: string | null;
  ids: string[];
  queryTranslation: string | null;
  /** ErrorList: the query did not run as written (PhraseNotFound, FieldNotFound). */
  errors: { kind: string; text: string }[];
  /** WarningList entries ("No items found.", PhraseIgnored, ...). */
  warnings: string[];
}

const LIST_TAGS = new Set(["Id", "PhraseNotFound", "FieldNotFound", "OutputMessage", "PhraseIgnored", "QuotedPhraseNotFound"]);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => LIST_TAGS.has(name),
  // TranslationSet and TranslationStack are not needed and hold odd mixed content.
  stopNodes: ["eSearchResult.TranslationSet", "eSearchResult.TranslationStack"],
});

type Node = Record<string, unknown>;

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return null;
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text).filter((t): t is string => t !== null && t.length > 0) : [];
}

function int(value: unknown): number {
  const t = text(value);
  return t && /^\d+$/.test(t) ? Number(t) : 0;
}

/** Parses a body that esearchProblem() already accepted. */
export function parseEsearch(xml: string): EsearchResult {
  const doc = parser.parse(xml) as Node;
  const root = (doc.eSearchResult ?? {}) as Node;
  const idList = root.IdList && typeof root.IdList === "object" ? (root.IdList as Node) : {};
  const errorList = root.ErrorList && typeof root.ErrorList === "object" ? (root.ErrorList as Node) : {};
  const warningList = root.WarningList && typeof root.WarningList === "object" ? (root.WarningList as Node) : {};
  const errors = [
    ...texts(errorList.PhraseNotFound).map((t) => ({ kind: "PhraseNotFound", text: t })),
    ...texts(errorList.FieldNotFound).map((t) => ({ kind: "FieldNotFound", text: t })),
  ];
  const warnings = [
    ...texts(warningList.PhraseIgnored).map((t) => `phrase ignored: ${t}`),
    ...texts(warningList.QuotedPhraseNotFound).map((t) => `quoted phrase not found: ${t}`),
    ...texts(warningList.OutputMessage),
  ];
  const translation = text(root.QueryTranslation);
  return {
    count: int(root.Count),
    retMax: int(root.RetMax),
    retStart: int(root.RetStart),
    queryKey: text(root.QueryKey),
    webEnv: text(root.WebEnv),
    ids: texts(idList.Id),
    queryTranslation: translation && translation.length > 0 ? translation : null,
    errors,
    warnings,
  };
}
